import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { loginPath } from '$lib/access';
import { t } from '$lib/i18n';
import { ApiRefusal, gql, SESSION_COOKIE } from './graphql';
import { dropSession } from './session';

export type Api = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * GraphQL as the person behind this request: their session cookie goes along, an ended session leads to
 * the login page and an out-of-scope request to a 403 page. Other refusals (bad input, ...) are the
 * caller's to show.
 */
export function api(event: Pick<RequestEvent, 'cookies' | 'url' | 'locals'>): Api {
	const session = event.cookies.get(SESSION_COOKIE);
	return async (query, variables) => {
		try {
			return await gql(query, variables, { session });
		} catch (cause) {
			if (!(cause instanceof ApiRefusal)) throw cause;
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
