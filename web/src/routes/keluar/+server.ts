import { redirect } from '@sveltejs/kit';
import { LOGIN_PATH } from '$lib/access';
import { SESSION_COOKIE } from '$lib/server/graphql';
import { dropSession, logout } from '$lib/server/session';
import type { RequestHandler } from './$types';

// A form POST (SvelteKit checks its origin): a link or a prefetch must not sign anyone out.
export const POST: RequestHandler = async ({ cookies }) => {
	const session = cookies.get(SESSION_COOKIE);
	// Ends the session on the server too, so the cookie opens nothing even if a copy of it survives.
	if (session) await logout(session);
	dropSession(cookies);
	redirect(303, LOGIN_PATH);
};
