import type { Cookies } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST } from './+server';

type Event = Parameters<typeof POST>[0];

const DASHBOARD = 'http://dash.test';

function fakeCookies(values: Record<string, string>): Cookies {
	return {
		get: (name: string) => values[name],
		delete: vi.fn((name: string) => void delete values[name])
	} as unknown as Cookies;
}

/** An upload as the page's script sends it: the file as the body, the rest in the query. */
function upload({
	query = 'kind=attendance&dryRun=true&fileName=hadir.csv',
	headers = { 'content-type': 'text/csv', origin: DASHBOARD } as Record<string, string>,
	session = 'sesi-1' as string | null
} = {}) {
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(new TextEncoder().encode('event_code,session_number,region_code,participants\n'));
			controller.close();
		}
	});
	const url = new URL(`/impor/kirim?${query}`, DASHBOARD);
	const request = new Request(url, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
	const cookies = fakeCookies(session ? { berakhlak_session: session } : {});
	return { event: { request, url, cookies } as unknown as Event, request, cookies };
}

function apiAnswers(status: number, body: unknown) {
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } }))
	);
}

afterEach(() => {
	vi.unstubAllGlobals();
});

const RESULT = { kind: 'attendance', status: 'DRY_RUN', rows: 1, counts: [], problems: [], problemCount: 0, warnings: [], warningCount: 0 };

describe('POST /impor/kirim', () => {
	it('streams the body to the API as the signed-in person and returns its answer unchanged', async () => {
		apiAnswers(200, RESULT);
		const { event, request } = upload();
		const response = await POST(event);

		expect(response.status).toBe(200);
		expect(await response.json()).toEqual(RESULT);
		const [url, init] = vi.mocked(fetch).mock.calls[0];
		expect(url).toBe('http://127.0.0.1:4000/import/attendance?dryRun=true&fileName=hadir.csv');
		// The very stream the browser is sending, not a copy read into memory; ended when the browser goes.
		expect(init?.body).toBe(request.body);
		expect(init?.signal).toBe(request.signal);
		const headers = new Headers(init?.headers);
		expect(headers.get('cookie')).toBe('berakhlak_session=sesi-1');
		expect(headers.get('content-type')).toBe('text/csv');
		expect(headers.has('origin')).toBe(false);
	});

	it('returns a refused file with the API’s 422 and problems', async () => {
		const invalid = { ...RESULT, status: 'INVALID', problems: [{ row: 2, column: 'participants', reason: 'is empty' }], problemCount: 1 };
		apiAnswers(422, invalid);
		const response = await POST(upload().event);
		expect(response.status).toBe(422);
		expect(await response.json()).toEqual(invalid);
	});

	it('forgets a session the API no longer knows', async () => {
		apiAnswers(401, { error: { code: 'UNAUTHENTICATED', message: 'the session has ended' } });
		const { event, cookies } = upload();
		expect((await POST(event)).status).toBe(401);
		expect(cookies.delete).toHaveBeenCalledWith('berakhlak_session', { path: '/' });
	});

	it.each([
		['an unknown kind', { query: 'kind=users' }, 404, 'UNKNOWN_KIND'],
		['a page of another site', { headers: { 'content-type': 'text/csv', origin: 'https://evil.example' } }, 403, 'FORBIDDEN'],
		['nobody signed in', { session: null }, 401, 'UNAUTHENTICATED'],
		['a file above BODY_SIZE_LIMIT', { headers: { 'content-type': 'text/csv', 'content-length': String(600 * 1024) } }, 413, 'FILE_TOO_LARGE']
	])('refuses %s without asking the API', async (_case, options, status, code) => {
		apiAnswers(200, RESULT);
		const response = await POST(upload(options).event);
		expect(response.status).toBe(status);
		expect((await response.json()).error.code).toBe(code);
		expect(fetch).not.toHaveBeenCalled();
	});

	it('answers 502 when the API cannot be reached', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }))));
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const response = await POST(upload().event);
		expect(response.status).toBe(502);
		expect((await response.json()).error.code).toBe('API_UNAVAILABLE');
	});
});
