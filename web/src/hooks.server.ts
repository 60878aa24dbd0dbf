import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { anonymousRedirect } from '$lib/access';
import { DEFAULT_LANG, LANG_COOKIE, parseLang, t } from '$lib/i18n';
import { ApiError, SESSION_COOKIE } from '$lib/server/graphql';

export const handle: Handle = async ({ event, resolve }) => {
	const lang = parseLang(event.cookies.get(LANG_COOKIE));
	event.locals.lang = lang;
	// Without a session cookie nobody is signed in; whether a cookie is still valid, the API says on the first query.
	if (!event.cookies.get(SESSION_COOKIE)) {
		const to = anonymousRedirect(event.url);
		if (to) redirect(303, to);
	}
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
};

// The only place unexpected errors become what users see: details go to the log, never to the page.
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const lang = event.locals.lang ?? DEFAULT_LANG;
	const where = `${event.request.method} ${event.url.pathname}`;

	if (error instanceof ApiError) {
		console.error(`[web] ${where}: ${error.message}`);
		return { message: t(lang, 'error.apiUnavailable'), code: 'API_UNAVAILABLE' };
	}
	if (status === 404) {
		return { message };
	}
	console.error(`[web] ${where}: unexpected error`, error);
	return { message: t(lang, 'error.unexpected') };
};
