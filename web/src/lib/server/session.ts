import type { Cookies } from '@sveltejs/kit';
import type { Viewer } from '$lib/access';
import { gql, gqlWithHeaders, SESSION_COOKIE } from './graphql';

const VIEWER_FIELDS = /* GraphQL */ `
	user {
		id
		email
		name
		role
	}
	scopeRegion {
		code
		name
		level
	}
	canReport
	isAdministrator
`;

export const ME_QUERY = /* GraphQL */ `
	query Me {
		me {
			${VIEWER_FIELDS}
		}
	}
`;

export const LOGIN_MUTATION = /* GraphQL */ `
	mutation Login($email: String!, $password: String!) {
		login(email: $email, password: $password) {
			${VIEWER_FIELDS}
		}
	}
`;

export const LOGOUT_MUTATION = /* GraphQL */ `
	mutation Logout {
		logout
	}
`;

/** The person behind a session cookie; null when the API no longer knows the session. */
export async function fetchViewer(session: string): Promise<Viewer | null> {
	return (await gql<{ me: Viewer | null }>(ME_QUERY, {}, { session })).me;
}

/** Signs in at the API; wrong credentials and too many attempts surface as an ApiRefusal. */
export async function login(email: string, password: string, clientAddress: string): Promise<{ viewer: Viewer; session: SessionCookie }> {
	const { data, headers } = await gqlWithHeaders<{ login: Viewer }>(LOGIN_MUTATION, { email, password }, { clientAddress });
	const session = sessionFromSetCookie(headers.getSetCookie());
	if (!session) throw new Error(`the API signed ${email} in without setting the ${SESSION_COOKIE} cookie`);
	return { viewer: data.login, session };
}

export async function logout(session: string): Promise<void> {
	await gql<{ logout: boolean }>(LOGOUT_MUTATION, {}, { session });
}

export interface SessionCookie {
	value: string;
	/** Seconds the API keeps the session; without it the cookie lasts as long as the browser runs. */
	maxAge?: number;
}

/** The session cookie among the API's Set-Cookie headers, if one of them sets it. */
export function sessionFromSetCookie(setCookies: readonly string[]): SessionCookie | undefined {
	for (const header of setCookies) {
		const [pair, ...attributes] = header.split(';').map((part) => part.trim());
		const separator = pair.indexOf('=');
		const value = pair.slice(separator + 1);
		if (separator <= 0 || pair.slice(0, separator) !== SESSION_COOKIE || !value) continue;
		const maxAge = attributes.find((attribute) => /^max-age=\d+$/i.test(attribute));
		return maxAge ? { value, maxAge: Number(maxAge.slice('max-age='.length)) } : { value };
	}
	return undefined;
}

/** The dashboard keeps the API's session under the same name and for as long, out of reach of scripts. */
export function keepSession(cookies: Cookies, session: SessionCookie, url: URL): void {
	cookies.set(SESSION_COOKIE, session.value, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		maxAge: session.maxAge
	});
}

export function dropSession(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
