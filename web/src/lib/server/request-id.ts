import { AsyncLocalStorage } from 'node:async_hooks';

/** The header that ties a page request to the API requests it makes, in both servers' logs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An id that came from a proxy in front is kept when plain and short; otherwise a new one is made. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const current = new AsyncLocalStorage<string>();

export function requestIdFor(sent: string | null): string {
	return sent && ACCEPTED_ID.test(sent) ? sent : crypto.randomUUID();
}

/** Runs a page request with its id, so every API request it makes carries it (`forwardRequestId`). */
export function withRequestId<T>(id: string, run: () => T): T {
	return current.run(id, run);
}

/** The X-Request-Id header for an API request made while answering a page request; none outside one. */
export function forwardRequestId(): Record<string, string> {
	const id = current.getStore();
	return id ? { [REQUEST_ID_HEADER]: id } : {};
}

/** The id of the page request being answered, for the dashboard's own log lines. */
export function currentRequestId(): string | undefined {
	return current.getStore();
}

/** One JSON line on stderr, like the API's logs, with the page request's id. */
export function logError(message: string, error?: unknown): void {
	const detail = error instanceof Error ? { error: { name: error.name, message: error.message, stack: error.stack } } : {};
	const requestId = currentRequestId();
	console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', service: 'web', msg: message, ...(requestId ? { requestId } : {}), ...detail }));
}
