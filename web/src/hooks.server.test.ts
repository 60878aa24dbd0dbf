import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { handleError } from './hooks.server';
import { ApiError } from '$lib/server/graphql';

vi.mock('$lib/server/request-id', async (original) => ({ ...(await original<object>()), logError: () => {} }));

/** What the error page gets: `handleError` answers at once here, never with a promise. */
const shown = (error: unknown, lang: 'id' | 'en' = 'id') =>
	handleError({
		error,
		event: { locals: { lang }, request: new Request('http://dashboard.test/'), url: new URL('http://dashboard.test/') } as unknown as RequestEvent,
		status: 500,
		message: 'Internal Error'
	}) as App.Error;

describe('handleError', () => {
	it('tells an overloaded or restarting API apart from one that is down, with when to retry', () => {
		expect(shown(new ApiError('limited', { code: 'RATE_LIMITED', retryAfterSeconds: 12 }))).toEqual({
			message: 'Terlalu banyak permintaan dari akun atau alamat ini. Coba lagi dalam 12 detik.',
			code: 'API_UNAVAILABLE'
		});
		expect(shown(new ApiError('down', { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 }), 'en').message).toBe(
			'The database cannot be reached right now. Try again in 1 s.'
		);
		expect(shown(new ApiError('slow', { code: 'QUERY_TIMEOUT' })).message).toMatch(/terlalu lama/);
		expect(shown(new ApiError('unreachable')).message).toBe('Data tidak dapat dimuat dari layanan API. Coba lagi beberapa saat lagi.');
	});

	it('shows nothing of an unexpected error', () => {
		expect(shown(new Error('secret detail'))).toEqual({ message: 'Terjadi kesalahan tak terduga. Coba lagi beberapa saat lagi.' });
	});
});
