import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { loginPath } from '$lib/access';
import { t } from '$lib/i18n';
import { ApiRefusal, gql, SESSION_COOKIE, type RefusalCode } from './graphql';
import { dropSession } from './session';

export type Api = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export interface ApiOptions {
	/** Refusals the page shows itself instead of an error page, e.g. FORBIDDEN for a filter naming a region out of scope. */
	keep?: readonly RefusalCode[];
}

/**
 * GraphQL as the person behind this request: their session cookie goes along, an ended session leads to
 * the login page and an out-of-scope request to a 403 page. Other refusals (bad input, ...) and those
 * listed in `keep` are the caller's to show.
 */
export function api(event: Pick<RequestEvent, 'cookies' | 'url' | 'locals'>, { keep = [] }: ApiOptions = {}): Api {
	const session = event.cookies.get(SESSION_COOKIE);
	return async (query, variables) => {
		try {
			return await gql(query, variables, { session });
		} catch (cause) {
			if (!(cause instanceof ApiRefusal) || keep.includes(cause.code)) throw cause;
			if (cause.code === 'UNAUTHENTICATED') {
				dropSession(event.cookies);
				redirect(303, loginPath(event.url));
			}
			if (cause.code === 'FORBIDDEN') error(403, t(event.locals.lang, 'error.forbidden'));
			if (cause.code === 'NOT_FOUND') error(404, t(event.locals.lang, 'error.notFound'));
			throw cause;
		}
	};
}
