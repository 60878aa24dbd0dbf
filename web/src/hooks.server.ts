import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { anonymousRedirect } from '$lib/access';
import { DEFAULT_LANG, LANG_COOKIE, type Lang, parseLang, t } from '$lib/i18n';
import { ApiError, SESSION_COOKIE } from '$lib/server/graphql';
import { logError, REQUEST_ID_HEADER, requestIdFor, withRequestId } from '$lib/server/request-id';

// Every page request has an id (a proxy's X-Request-Id, or a new one): the dashboard sends it on
// with each API request it makes and returns it, so one id finds a request in both servers' logs.
export const handle: Handle = async ({ event, resolve }) => {
	const requestId = requestIdFor(event.request.headers.get(REQUEST_ID_HEADER));
	const response = await withRequestId(requestId, () => answer({ event, resolve }));
	try {
		response.headers.set(REQUEST_ID_HEADER, requestId);
		for (const [name, value] of Object.entries(PROTECTIONS)) response.headers.set(name, value);
	} catch {
		// An API answer passed on as it came has immutable headers; it carries the API's id already.
	}
	return response;
};

/** Beside the content security policy (svelte.config.js): no sniffing, no framing, no full URLs to other sites. */
const PROTECTIONS = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'same-origin'
};

const answer: Handle = async ({ event, resolve }) => {
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
		logError(`${where}: ${error.message}`);
		return { message: apiErrorMessage(lang, error), code: 'API_UNAVAILABLE' };
	}
	if (status === 404) {
		return { message };
	}
	logError(`${where}: unexpected error`, error);
	return { message: t(lang, 'error.unexpected') };
};

/** An overloaded or restarting API says so, and when to try again; anything else is "unavailable". */
function apiErrorMessage(lang: Lang, error: ApiError): string {
	const seconds = error.retryAfterSeconds ?? 1;
	if (error.code === 'RATE_LIMITED') return t(lang, 'error.rateLimited', { seconds });
	if (error.code === 'SERVICE_UNAVAILABLE') return t(lang, 'error.serviceUnavailable', { seconds });
	if (error.code === 'QUERY_TIMEOUT') return t(lang, 'error.queryTimeout');
	return t(lang, 'error.apiUnavailable');
}
