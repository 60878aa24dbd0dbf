import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { formatBytes, isImportKind, type ImportKind, type TemplateFormat } from '$lib/imports/imports';
import { apiBaseUrl, SESSION_COOKIE } from './graphql';
import { forwardRequestId } from './request-id';
import { dropSession } from './session';

// Templates are a few hundred bytes: like a GraphQL query, a hung API must not hold the request open.
const TEMPLATE_TIMEOUT_MS = 15_000;

/**
 * The largest request body the dashboard's Node server (adapter-node) accepts, from BODY_SIZE_LIMIT as it
 * reads it: bytes, or with K, M or G; `Infinity` for no limit. Files bigger than this never reach the API.
 */
export function uploadLimit(): number {
	const limit = parseByteSize(env.BODY_SIZE_LIMIT || '512K');
	return Number.isNaN(limit) ? parseByteSize('512K') : limit;
}

/** `512K` -> 524288, `2M`, `1G`, `1000`, `Infinity`; NaN for anything else (adapter-node's own reading). */
export function parseByteSize(value: string): number {
	const multipliers: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 };
	const multiplier = multipliers[value.slice(-1).toUpperCase()];
	const number = value.trim() === '' ? NaN : Number(multiplier ? value.slice(0, -1) : value);
	return number < 0 ? NaN : number * (multiplier ?? 1);
}

/** The API's import of one kind, with the dry-run flag and the file's name for its audit log. */
export function importApiUrl(base: string, kind: ImportKind, { dryRun, fileName }: { dryRun: boolean; fileName: string | null }): string {
	const query = new URLSearchParams();
	if (dryRun) query.set('dryRun', 'true');
	if (fileName) query.set('fileName', fileName);
	const search = query.toString();
	return `${base}/import/${kind}${search ? `?${search}` : ''}`;
}

export interface ImportUpload {
	kind: ImportKind;
	/** The browser's request body, passed on as it arrives, or a file already read from a form. */
	body: ReadableStream<Uint8Array> | Blob;
	contentType: string;
	/** The browser's session cookie value: the API imports as the signed-in person. */
	session: string;
	dryRun: boolean;
	fileName: string | null;
	/** Ends the upload when the browser goes away; there is no timeout, as a big file takes as long as it takes. */
	signal?: AbortSignal;
}

/** Sends a file to the API's import. No Origin header goes along: the API refuses imports that name another site. */
export function sendImport({ kind, body, contentType, session, dryRun, fileName, signal }: ImportUpload): Promise<Response> {
	const init: RequestInit & { duplex: 'half' } = {
		method: 'POST',
		headers: { 'content-type': contentType, accept: 'application/json', cookie: `${SESSION_COOKIE}=${session}`, ...forwardRequestId() },
		body,
		// A streamed body is sent while the answer may already arrive (an early refusal).
		duplex: 'half',
		signal
	};
	return fetch(importApiUrl(apiBaseUrl(), kind, { dryRun, fileName }), init);
}

/** The API's empty file to fill in for a kind (public). */
export function fetchTemplate(kind: ImportKind, format: TemplateFormat): Promise<Response> {
	return fetch(`${apiBaseUrl()}/import/templates/${kind}.${format}`, { headers: forwardRequestId(), signal: AbortSignal.timeout(TEMPLATE_TIMEOUT_MS) });
}

/** The API's answer as it came, body streamed through; only the headers that matter to the browser are kept. */
export function passOn(response: Response, headers: readonly string[] = ['content-type', 'retry-after']): Response {
	const kept = new Headers();
	for (const name of headers) {
		const value = response.headers.get(name);
		if (value) kept.set(name, value);
	}
	return new Response(response.body, { status: response.status, headers: kept });
}

/** The file name kept in the audit log: without any folder a browser may put in front, at most 200 characters like the API keeps. */
export function auditFileName(name: string | null | undefined): string | null {
	const base = (name ?? '').split(/[\\/]/).pop()?.trim() ?? '';
	return base ? base.slice(0, 200) : null;
}

/** Why a file larger than BODY_SIZE_LIMIT was refused, in the API's words for its own limit. */
export function tooLargeMessage(limit: number): string {
	return `the file is larger than ${formatBytes('en', limit)}, the most the dashboard passes on; split it`;
}

/** A refusal of the upload endpoint itself, shaped like the API's. */
export function failure(status: number, code: string, message: string): Response {
	return Response.json({ error: { code, message } }, { status });
}

/** Whether a failed upload failed because the browser sent more than BODY_SIZE_LIMIT (SvelteKit's 413, somewhere in the causes). */
export function tooLarge(error: unknown): boolean {
	for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
		if ((cause as { status?: unknown }).status === 413) return true;
	}
	return false;
}

/**
 * The page's script uploads to `/impor/kirim?kind=&dryRun=&fileName=`, the file as the body. The body streams on to
 * the API's import as it arrives, never held in memory, with the person's session; the API's status and JSON
 * come back unchanged. No timeout: a big file takes as long as it takes, and the upload ends when the browser goes.
 */
export async function relayUpload({ request, url, cookies }: Pick<RequestEvent, 'request' | 'url' | 'cookies'>): Promise<Response> {
	const kind = url.searchParams.get('kind');
	if (!isImportKind(kind)) return failure(404, 'UNKNOWN_KIND', 'choose attendance, events, milestones or observations');
	// Only the dashboard's own pages upload (SvelteKit checks the Origin of form posts only, not of these).
	const origin = request.headers.get('origin');
	if (origin && origin !== url.origin) return failure(403, 'FORBIDDEN', 'uploads are accepted from the dashboard’s own pages only');
	const session = cookies.get(SESSION_COOKIE);
	if (!session) return failure(401, 'UNAUTHENTICATED', 'sign in again');
	const limit = uploadLimit();
	if (Number(request.headers.get('content-length') ?? 0) > limit) {
		return failure(413, 'FILE_TOO_LARGE', tooLargeMessage(limit));
	}
	const contentType = request.headers.get('content-type');
	// Without a Content-Type, SvelteKit gives no body at all.
	if (!contentType || !request.body) return failure(415, 'UNSUPPORTED_FORMAT', 'send the file as text/csv or application/json');

	let response: Response;
	try {
		response = await sendImport({
			kind,
			body: request.body,
			contentType,
			session,
			dryRun: url.searchParams.get('dryRun') === 'true',
			fileName: auditFileName(url.searchParams.get('fileName')),
			signal: request.signal
		});
	} catch (cause) {
		if (tooLarge(cause)) return failure(413, 'FILE_TOO_LARGE', tooLargeMessage(limit));
		// The browser went away (cancelled, closed): the API saw the upload cut off and wrote nothing; nobody reads this answer.
		if (request.signal.aborted) return failure(400, 'CANCELLED', 'the upload was cancelled');
		console.error(`[web] POST ${url.pathname}: the import API is unreachable`, cause);
		return failure(502, 'API_UNAVAILABLE', 'the import service could not be reached');
	}
	// Like every page: a session the API no longer knows is forgotten here too.
	if (response.status === 401) dropSession(cookies);
	return passOn(response);
}
