import { isHttpError, isRedirect, type Cookies } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './api';
import { ApiRefusal } from './graphql';

function fakeEvent(session: string | undefined, url = 'http://dash.test/laporan?wilayah=75') {
	const jar = new Map(session ? [['berakhlak_session', session]] : []);
	const cookies = {
		get: (name: string) => jar.get(name),
		delete: vi.fn((name: string) => void jar.delete(name))
	} as unknown as Cookies;
	return { cookies, url: new URL(url), locals: { lang: 'id' as const }, jar };
}

function answer(body: unknown) {
	vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })));
}

const refusal = (code: string) => ({ data: null, errors: [{ message: 'no', extensions: { code } }] });

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		() => expect.unreachable('should have thrown'),
		(cause: unknown) => cause
	);
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('api', () => {
	it("forwards the browser's session cookie to the API", async () => {
		answer({ data: { ok: true } });
		await expect(api(fakeEvent('s3cret'))('{ ok }')).resolves.toEqual({ ok: true });
		expect(new Headers(vi.mocked(fetch).mock.calls[0][1]?.headers).get('cookie')).toBe('berakhlak_session=s3cret');
	});

	it('sends an ended session to the login page, back to where it was, and forgets the cookie', async () => {
		answer(refusal('UNAUTHENTICATED'));
		const event = fakeEvent('old');
		const thrown = await thrownBy(api(event)('{ ok }'));
		expect(isRedirect(thrown) && thrown.location).toBe('/masuk?redirectTo=%2Flaporan%3Fwilayah%3D75');
		expect(event.jar.has('berakhlak_session')).toBe(false);
	});

	it('answers an out-of-scope request with a 403 page in the reader’s language', async () => {
		answer(refusal('FORBIDDEN'));
		const thrown = await thrownBy(api(fakeEvent('s'))('{ ok }'));
		expect(isHttpError(thrown, 403) && thrown.body.message).toBe('Anda tidak memiliki akses ke halaman ini atau wilayah ini.');
	});

	it('answers a request for something that does not exist with a 404 page', async () => {
		answer(refusal('NOT_FOUND'));
		expect(isHttpError(await thrownBy(api(fakeEvent('s'))('{ ok }')), 404)).toBe(true);
	});

	it('leaves the refusals a page asks to keep to that page', async () => {
		answer(refusal('FORBIDDEN'));
		const thrown = await thrownBy(api(fakeEvent('s'), { keep: ['FORBIDDEN'] })('{ ok }'));
		expect(thrown).toBeInstanceOf(ApiRefusal);
		expect((thrown as ApiRefusal).code).toBe('FORBIDDEN');
	});

	it('leaves bad input to the caller, to show next to the fields', async () => {
		answer(refusal('BAD_USER_INPUT'));
		const thrown = await thrownBy(api(fakeEvent('s'))('{ ok }'));
		expect(thrown).toBeInstanceOf(ApiRefusal);
		expect((thrown as ApiRefusal).code).toBe('BAD_USER_INPUT');
	});
});
