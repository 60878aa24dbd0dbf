import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUpload } from './upload';

/** Just enough of XMLHttpRequest to play an upload through: the test fires its events. */
class FakeXhr extends EventTarget {
	static last: FakeXhr;
	readonly upload = new EventTarget();
	readonly headers: Record<string, string> = {};
	method = '';
	url = '';
	body: unknown;
	status = 0;
	responseText = '';
	responseURL = '';
	aborted = false;

	constructor() {
		super();
		FakeXhr.last = this;
	}
	open(method: string, url: string) {
		this.method = method;
		this.url = url;
	}
	setRequestHeader(name: string, value: string) {
		this.headers[name] = value;
	}
	send(body: unknown) {
		this.body = body;
	}
	abort() {
		this.aborted = true;
		this.dispatchEvent(new Event('abort'));
	}
	progress(loaded: number, total: number) {
		this.upload.dispatchEvent(Object.assign(new Event('progress'), { loaded, total, lengthComputable: true }));
	}
	answer(status: number, body: string, responseURL = 'http://dash.test/impor/kirim?kind=attendance') {
		Object.assign(this, { status, responseText: body, responseURL });
		this.upload.dispatchEvent(new Event('load'));
		this.dispatchEvent(new Event('load'));
	}
}

beforeEach(() => {
	vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
	vi.unstubAllGlobals();
});

const file = new File(['event_code,session_number,region_code,participants\nKEG-1,1,13.77,5\n'], 'hadir.csv', { type: 'text/csv' });
const start = (handlers = { onprogress: vi.fn(), onsent: vi.fn() }) => ({
	handlers,
	upload: startUpload({ kind: 'attendance', dryRun: true, fileName: 'hadir.csv', file, contentType: 'text/csv' }, handlers)
});

describe('startUpload', () => {
	it('posts the file itself to the upload endpoint, reporting progress, then the answer', async () => {
		const { handlers, upload } = start();
		const xhr = FakeXhr.last;
		expect(xhr.method).toBe('POST');
		expect(xhr.url).toBe('/impor/kirim?kind=attendance&dryRun=true&fileName=hadir.csv');
		expect(xhr.headers).toEqual({ 'content-type': 'text/csv' });
		expect(xhr.body).toBe(file);

		xhr.progress(10, 40);
		expect(handlers.onprogress).toHaveBeenCalledWith(10, 40);
		const result = { kind: 'attendance', status: 'DRY_RUN', rows: 1, counts: [], problems: [], problemCount: 0, warnings: [], warningCount: 0 };
		xhr.answer(200, JSON.stringify(result));
		expect(handlers.onsent).toHaveBeenCalledOnce();
		await expect(upload.answer).resolves.toEqual({ status: 200, result, fileName: 'hadir.csv' });
	});

	it('settles with CANCELLED when cancelled', async () => {
		const { upload } = start();
		upload.cancel();
		expect(FakeXhr.last.aborted).toBe(true);
		await expect(upload.answer).resolves.toMatchObject({ status: 0, error: { code: 'CANCELLED' } });
	});

	it('settles with NETWORK when the connection fails', async () => {
		const { upload } = start();
		FakeXhr.last.dispatchEvent(new Event('error'));
		await expect(upload.answer).resolves.toMatchObject({ status: 0, error: { code: 'NETWORK' } });
	});

	it('knows a session ended when the request was sent on to the login page', async () => {
		const { upload } = start();
		FakeXhr.last.answer(200, '<!doctype html><h1>Masuk</h1>', 'http://dash.test/masuk?redirectTo=%2Fimpor%2Fkirim');
		await expect(upload.answer).resolves.toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
	});
});
