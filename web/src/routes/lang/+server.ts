import { error, redirect } from '@sveltejs/kit';
import { isLang, LANG_COOKIE } from '$lib/i18n';
import { localPath } from '$lib/url';
import type { RequestHandler } from './$types';

const ONE_YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

// A plain GET link rather than a form action: it works without JavaScript and needs no ORIGIN
// setting for SvelteKit's CSRF check, and the cookie it sets is a harmless display preference.
export const GET: RequestHandler = ({ url, cookies }) => {
	const to = url.searchParams.get('to');
	if (!isLang(to)) error(400, `Unknown language: ${JSON.stringify(to)}`);

	cookies.set(LANG_COOKIE, to, {
		path: '/',
		maxAge: ONE_YEAR_IN_SECONDS,
		sameSite: 'lax',
		httpOnly: true,
		// Not Secure: browsers drop Secure cookies on plain-http hosts, and adapter-node reports every request
		// as https unless ORIGIN is set, so the protocol cannot decide. The value is only a display preference.
		secure: false
	});
	redirect(303, localPath(url.searchParams.get('redirect')));
};
