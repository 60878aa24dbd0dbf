import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, gql } from './graphql';

function answer(status: number, body: unknown) {
	vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status })));
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('gql', () => {
	it('posts the query and variables as JSON and returns data', async () => {
		answer(200, { data: { ok: true } });
		await expect(gql<{ ok: boolean }>('query Q($a: Int) { ok }', { a: 1 })).resolves.toEqual({ ok: true });

		const [url, init] = vi.mocked(fetch).mock.calls[0];
		expect(url).toBe('http://127.0.0.1:4000/graphql');
		expect(init?.method).toBe('POST');
		expect(JSON.parse(String(init?.body))).toEqual({ query: 'query Q($a: Int) { ok }', variables: { a: 1 } });
	});

	it('throws an ApiError naming the GraphQL errors and their codes', async () => {
		answer(400, { errors: [{ message: 'Unknown argument "first"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
		await expect(gql('{ x }')).rejects.toThrow(
			new ApiError(
				'GraphQL API at http://127.0.0.1:4000/graphql answered with errors: Unknown argument "first" [GRAPHQL_VALIDATION_FAILED]'
			)
		);
	});

	it('throws an ApiError when the API is unreachable', async () => {
		const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4000') });
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(refused)));
		await expect(gql('{ x }')).rejects.toThrow(/unreachable: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:4000\)/);
	});

	it('throws an ApiError when the answer is not JSON or has no data', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
		await expect(gql('{ x }')).rejects.toThrow(/HTTP 502 with a body that is not JSON/);

		answer(200, { data: null });
		await expect(gql('{ x }')).rejects.toThrow(/HTTP 200 without data/);
	});
});
