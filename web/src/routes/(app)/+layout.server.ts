import { redirect } from '@sveltejs/kit';
import { loginPath } from '$lib/access';
import { SESSION_COOKIE } from '$lib/server/graphql';
import { dropSession, fetchViewer } from '$lib/server/session';
import type { LayoutServerLoad } from './$types';

// Every page of the dashboard proper needs someone signed in; the hook already sent visitors without a session away.
export const load: LayoutServerLoad = async ({ cookies, url }) => {
	const session = cookies.get(SESSION_COOKIE);
	const viewer = session ? await fetchViewer(session) : null;
	if (!viewer) {
		// The session ended on the server (logged out elsewhere, expired): forget it here too.
		dropSession(cookies);
		redirect(303, loginPath(url));
	}
	return { viewer };
};
