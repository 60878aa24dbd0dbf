import { isActionFailure, isRedirect, type Cookies } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actions } from './+page.server';

type Event = Parameters<(typeof actions)['default']>[0];

const HEADER = 'event_code,session_number,region_code,participants';

/** The form as a browser without JavaScript posts it: multipart, the file whole inside. */
function post(fields: Record<string, string | File>, session = 'sesi-1') {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.append(name, value);
	const url = new URL('http://dash.test/impor');
	const cookies = { get: () => session, delete: vi.fn() } as unknown as Cookies;
	const request = new Request(url, { method: 'POST', body });
	return { event: { request, url, cookies, locals: { lang: 'id' } } as unknown as Event, cookies };
}

const csv = (...rows: string[]) => new File([[HEADER, ...rows].join('\n')], 'hadir.csv', { type: 'text/csv' });

function apiAnswers(status: number, body: unknown) {
	vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status })));
}

/** The action refused: its status and what the page shows. */
function refusal(outcome: unknown): { status: number; data: Record<string, unknown> } {
	expect(isActionFailure(outcome)).toBe(true);
	return outcome as { status: number; data: Record<string, unknown> };
}

afterEach(() => {
	vi.unstubAllGlobals();
});

const RESULT = {
	kind: 'attendance',
	status: 'APPLIED',
	rows: 1,
	counts: [{ entity: 'attendance', inserted: 1, updated: 0, unchanged: 0 }],
	problems: [],
	problemCount: 0,
	warnings: [],
	warningCount: 0
};

describe('the import form without JavaScript', () => {
	it('sends the uploaded file to the API and shows its result', async () => {
		apiAnswers(200, RESULT);
		const outcome = await actions.default(post({ kind: 'attendance', file: csv('KEG-000001,1,13.77,5'), dryRun: 'true' }).event);

		expect(outcome).toEqual({ values: { kind: 'attendance', dryRun: true }, answer: { status: 200, result: RESULT, fileName: 'hadir.csv' } });
		const [url, init] = vi.mocked(fetch).mock.calls[0];
		expect(url).toBe('http://127.0.0.1:4000/import/attendance?dryRun=true&fileName=hadir.csv');
		expect(new Headers(init?.headers).get('content-type')).toBe('text/csv');
		expect(new Headers(init?.headers).get('cookie')).toBe('berakhlak_session=sesi-1');
		expect(await new Response(init?.body).text()).toBe(`${HEADER}\nKEG-000001,1,13.77,5`);
	});

	it('shows the problems of a refused file with the API’s 422', async () => {
		const invalid = { ...RESULT, status: 'INVALID', counts: [], problems: [{ row: 2, column: 'participants', reason: 'is empty' }], problemCount: 1 };
		apiAnswers(422, invalid);
		const outcome = await actions.default(post({ kind: 'attendance', file: csv('KEG-000001,1,13.77,') }).event);
		expect(refusal(outcome).status).toBe(422);
		expect(refusal(outcome).data.answer).toEqual({ status: 422, result: invalid, fileName: 'hadir.csv' });
	});

	it('asks for what is missing before sending anything', async () => {
		apiAnswers(200, RESULT);
		const outcome = await actions.default(post({ file: new File([], '', { type: 'application/octet-stream' }) }).event);
		expect(refusal(outcome).status).toBe(400);
		expect(refusal(outcome).data).toEqual({
			values: { kind: '', dryRun: false },
			errors: { kind: 'Pilih jenis data.', file: 'Pilih berkas yang akan diimpor.' },
			message: 'Periksa isian yang ditandai.'
		});
		expect(fetch).not.toHaveBeenCalled();
	});

	it('shows a refusal of the whole file', async () => {
		apiAnswers(400, { error: { code: 'BAD_HEADER', message: 'line 1, the header: missing column "participants"' } });
		const outcome = await actions.default(post({ kind: 'attendance', file: csv() }).event);
		expect(refusal(outcome).status).toBe(400);
		expect(refusal(outcome).data.answer).toMatchObject({ error: { code: 'BAD_HEADER' } });
	});

	it('sends someone whose session ended to the login page', async () => {
		apiAnswers(401, { error: { code: 'UNAUTHENTICATED', message: 'the session has ended' } });
		const { event, cookies } = post({ kind: 'attendance', file: csv('KEG-000001,1,13.77,5') });
		const thrown = await Promise.resolve(actions.default(event)).catch((error: unknown) => error);
		expect(isRedirect(thrown) && thrown.location).toBe('/masuk?redirectTo=%2Fimpor');
		expect(cookies.delete).toHaveBeenCalled();
	});

	it('says the API is unavailable rather than failing the page', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const outcome = await actions.default(post({ kind: 'attendance', file: csv('KEG-000001,1,13.77,5') }).event);
		expect(refusal(outcome).status).toBe(502);
		expect(refusal(outcome).data.answer).toMatchObject({ error: { code: 'API_UNAVAILABLE' } });
	});
});
