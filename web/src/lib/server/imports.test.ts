import { afterEach, describe, expect, it, vi } from 'vitest';
import { env } from '$env/dynamic/private';
import { auditFileName, importApiUrl, parseByteSize, passOn, sendImport, tooLarge, uploadLimit } from './imports';

afterEach(() => {
	vi.unstubAllGlobals();
	delete env.BODY_SIZE_LIMIT;
});

describe('parseByteSize', () => {
	it.each([
		['512K', 512 * 1024],
		['2m', 2 * 1024 ** 2],
		['1G', 1024 ** 3],
		['1000', 1000],
		['Infinity', Infinity]
	])('reads %s as adapter-node does', (value, bytes) => {
		expect(parseByteSize(value)).toBe(bytes);
	});

	it.each(['', 'lots', '5X', '-1'])('knows no size in "%s"', (value) => {
		expect(parseByteSize(value)).toBeNaN();
	});
});

describe('uploadLimit', () => {
	it('is adapter-node’s 512 KB unless BODY_SIZE_LIMIT says otherwise', () => {
		expect(uploadLimit()).toBe(512 * 1024);
		env.BODY_SIZE_LIMIT = '300M';
		expect(uploadLimit()).toBe(300 * 1024 ** 2);
		env.BODY_SIZE_LIMIT = 'Infinity';
		expect(uploadLimit()).toBe(Infinity);
		env.BODY_SIZE_LIMIT = 'a lot';
		expect(uploadLimit()).toBe(512 * 1024);
	});
});

describe('importApiUrl', () => {
	it('names the kind, a dry run and the file for the audit log', () => {
		expect(importApiUrl('http://api:4000', 'attendance', { dryRun: true, fileName: 'hadir mei.csv' })).toBe(
			'http://api:4000/import/attendance?dryRun=true&fileName=hadir+mei.csv'
		);
		expect(importApiUrl('https://host/api', 'events', { dryRun: false, fileName: null })).toBe('https://host/api/import/events');
	});
});

describe('auditFileName', () => {
	it('keeps the name without folders, at most 200 characters', () => {
		expect(auditFileName('C:\\Users\\sekda\\hadir.csv')).toBe('hadir.csv');
		expect(auditFileName('  hadir.csv ')).toBe('hadir.csv');
		expect(auditFileName(`${'a'.repeat(300)}.csv`)).toHaveLength(200);
		expect(auditFileName('')).toBeNull();
		expect(auditFileName(null)).toBeNull();
	});
});

describe('sendImport', () => {
	it('streams the body to the API with the session cookie, no Origin and no timeout of its own', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
		const body = new ReadableStream<Uint8Array>();
		const signal = new AbortController().signal;
		await sendImport({ kind: 'attendance', body, contentType: 'text/csv', session: 's3cret', dryRun: true, fileName: 'a.csv', signal });

		const [url, init] = vi.mocked(fetch).mock.calls[0];
		expect(url).toBe('http://127.0.0.1:4000/import/attendance?dryRun=true&fileName=a.csv');
		expect(init).toMatchObject({ method: 'POST', body, duplex: 'half', signal });
		const headers = new Headers(init?.headers);
		expect(headers.get('cookie')).toBe('berakhlak_session=s3cret');
		expect(headers.get('content-type')).toBe('text/csv');
		expect(headers.has('origin')).toBe(false);
	});
});

describe('passOn', () => {
	it('keeps the status, the body and the headers that matter', async () => {
		const response = passOn(
			new Response('{"error":{}}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '10', connection: 'close' } })
		);
		expect(response.status).toBe(429);
		expect(await response.text()).toBe('{"error":{}}');
		expect([...response.headers.keys()].sort()).toEqual(['content-type', 'retry-after']);
	});
});

describe('tooLarge', () => {
	it('finds SvelteKit’s 413 among the causes of a failed upload', () => {
		const limit = Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), { status: 413 });
		expect(tooLarge(new TypeError('fetch failed', { cause: limit }))).toBe(true);
		expect(tooLarge(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }))).toBe(false);
		expect(tooLarge('nothing')).toBe(false);
	});
});
