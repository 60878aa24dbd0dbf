import type { Cookies } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRefusal } from './graphql';
import { keepSession, login, sessionFromSetCookie } from './session';

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('sessionFromSetCookie', () => {
	it('finds the session cookie and how long it lasts among other cookies', () => {
		expect(
			sessionFromSetCookie([
				'other=1; Path=/',
				'berakhlak_session=abc.DEF_123; Max-Age=43200; Path=/; Expires=Mon, 24 Nov 2025 00:00:00 GMT; HttpOnly; SameSite=Lax'
			])
		).toEqual({ value: 'abc.DEF_123', maxAge: 43200 });
	});

	it('reads a session cookie without Max-Age as one for the browser session', () => {
		expect(sessionFromSetCookie(['berakhlak_session=abc; HttpOnly; SameSite=Lax; Path=/'])).toEqual({ value: 'abc' });
	});

	it('ignores cookies that only look alike, and a cleared session', () => {
		expect(sessionFromSetCookie(['berakhlak_session_old=abc', 'xberakhlak_session=abc', 'berakhlak_session=; Max-Age=0'])).toBeUndefined();
		expect(sessionFromSetCookie([])).toBeUndefined();
	});
});

describe('keepSession', () => {
	it('sets the same cookie on the dashboard, HTTP-only, Lax, for the whole site, Secure on https', () => {
		const set = vi.fn();
		const cookies = { set } as unknown as Cookies;
		keepSession(cookies, { value: 'abc', maxAge: 60 }, new URL('https://dash.example/masuk'));
		keepSession(cookies, { value: 'abc' }, new URL('http://127.0.0.1:3000/masuk'));
		expect(set.mock.calls).toEqual([
			['berakhlak_session', 'abc', { httpOnly: true, sameSite: 'lax', path: '/', secure: true, maxAge: 60 }],
			['berakhlak_session', 'abc', { httpOnly: true, sameSite: 'lax', path: '/', secure: false, maxAge: undefined }]
		]);
	});
});

describe('login', () => {
	const viewer = {
		user: { id: '3', email: 'analis@berakhlak.example', name: 'Analis', role: 'ANALYST' },
		scopeRegion: null,
		canReport: false,
		isAdministrator: false
	};

	it('returns the viewer and the session the API set', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(
				async () =>
					new Response(JSON.stringify({ data: { login: viewer } }), {
						headers: [['set-cookie', 'berakhlak_session=tok; Max-Age=43200; Path=/; HttpOnly; SameSite=Lax']]
					})
			)
		);
		await expect(login('analis@berakhlak.example', 'pw', '203.0.113.7')).resolves.toEqual({ viewer, session: { value: 'tok', maxAge: 43200 } });
		const init = vi.mocked(fetch).mock.calls[0][1];
		expect(JSON.parse(String(init?.body)).variables).toEqual({
			email: 'analis@berakhlak.example',
			password: 'pw'
		});
		// The API slows failed sign-ins per person's address, not per dashboard.
		expect((init?.headers as Record<string, string>)['x-forwarded-for']).toBe('203.0.113.7');
	});

	it('passes wrong credentials on as an UNAUTHENTICATED refusal', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => new Response(JSON.stringify({ errors: [{ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } }] })))
		);
		await expect(login('a@b.example', 'x', '203.0.113.7')).rejects.toBeInstanceOf(ApiRefusal);
	});
});
