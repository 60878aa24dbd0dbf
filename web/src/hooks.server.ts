import type { Handle, HandleServerError } from '@sveltejs/kit';
import { DEFAULT_LANG, LANG_COOKIE, parseLang, t } from '$lib/i18n';
import { ApiError } from '$lib/server/graphql';

export const handle: Handle = async ({ event, resolve }) => {
	const lang = parseLang(event.cookies.get(LANG_COOKIE));
	event.locals.lang = lang;
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
