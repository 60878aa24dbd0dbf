import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ApiRefusal, gql, gqlWithHeaders, withoutGraphqlPath } from './graphql';

function answer(status: number, body: unknown, headers: [string, string][] = []) {
	vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers })));
}

const sentHeaders = () => new Headers(vi.mocked(fetch).mock.calls[0][1]?.headers);

async function refusalOf(promise: Promise<unknown>): Promise<ApiRefusal> {
	const error = await promise.then(
		() => undefined,
		(cause: unknown) => cause
	);
	expect(error).toBeInstanceOf(ApiRefusal);
	return error as ApiRefusal;
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

	it('keeps the code and retry delay of an error that is no refusal', async () => {
		answer(429, { errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } }] });
		const error = await gql('{ ok }').catch((cause: unknown) => cause);
		expect(error).toBeInstanceOf(ApiError);
		expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 7 });
	});

	it('forwards the session as the API session cookie, and never an Origin', async () => {
		answer(200, { data: { ok: true } });
		await gql('{ ok }', {}, { session: 'secret-1' });
		expect(sentHeaders().get('cookie')).toBe('berakhlak_session=secret-1');
		expect(sentHeaders().has('origin')).toBe(false);
	});

	it('sends no cookie without a session', async () => {
		answer(200, { data: { ok: true } });
		await gql('{ ok }');
		expect(sentHeaders().has('cookie')).toBe(false);
	});

	it('throws an ApiError naming the GraphQL errors and their codes', async () => {
		answer(400, { errors: [{ message: 'Unknown argument "first"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
		await expect(gql('{ x }')).rejects.toThrow(
			new ApiError(
				'GraphQL API at http://127.0.0.1:4000/graphql answered with errors: Unknown argument "first" [GRAPHQL_VALIDATION_FAILED]',
				{ code: 'GRAPHQL_VALIDATION_FAILED' }
			)
		);
	});

	it('throws an ApiRefusal with the code and the argument of a refusal', async () => {
		answer(200, {
			data: null,
			errors: [{ message: 'input.reachedOn: is in the future', extensions: { code: 'BAD_USER_INPUT', argument: 'input.reachedOn' } }]
		});
		const refusal = await refusalOf(gql('mutation { x }'));
		expect(refusal.code).toBe('BAD_USER_INPUT');
		expect(refusal.details).toEqual([{ message: 'input.reachedOn: is in the future', argument: 'input.reachedOn' }]);
	});

	it('lists every problem of a write as its own detail', async () => {
		answer(200, {
			data: null,
			errors: [
				{
					message: 'input[2].value: is above the maximum 100; input[4].periodStart: is locked',
					extensions: {
						code: 'BAD_USER_INPUT',
						argument: 'input[2].value',
						problems: [
							{ argument: 'input[2].value', reason: 'is above the maximum 100' },
							{ argument: 'input[4].periodStart', reason: 'is locked' }
						]
					}
				}
			]
		});
		const refusal = await refusalOf(gql('mutation { x }'));
		expect(refusal.details).toEqual([
			{ message: 'is above the maximum 100', argument: 'input[2].value' },
			{ message: 'is locked', argument: 'input[4].periodStart' }
		]);
	});

	it('reads how long a TOO_MANY_REQUESTS refusal lasts', async () => {
		answer(200, { errors: [{ message: 'Too many failed sign-ins', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 64 } }] });
		const refusal = await refusalOf(gql('mutation { x }'));
		expect(refusal.details).toEqual([{ message: 'Too many failed sign-ins', retryAfterSeconds: 64 }]);
	});

	it('turns the failed checks of an input into one detail per argument', async () => {
		answer(400, {
			errors: [
				{
					message: 'Argument Validation Error: ...',
					extensions: {
						code: 'BAD_USER_INPUT',
						argument: 'input.name',
						problems: [
							{ argument: 'input.name', reason: 'name must be shorter than or equal to 100 characters' },
							{ argument: 'input.expiresInDays', reason: 'expiresInDays must not be greater than 366' }
						]
					}
				}
			]
		});
		const refusal = await refusalOf(gql('mutation { x }'));
		expect(refusal.details).toEqual([
			{ message: 'name must be shorter than or equal to 100 characters', argument: 'input.name' },
			{ message: 'expiresInDays must not be greater than 366', argument: 'input.expiresInDays' }
		]);
	});

	it('returns the answer headers along with the data', async () => {
		answer(200, { data: { ok: true } }, [['set-cookie', 'berakhlak_session=abc; Path=/; HttpOnly']]);
		const { data, headers } = await gqlWithHeaders('{ ok }');
		expect(data).toEqual({ ok: true });
		expect(headers.getSetCookie()).toEqual(['berakhlak_session=abc; Path=/; HttpOnly']);
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

describe('withoutGraphqlPath', () => {
	it('gives the API’s own address, keeping a prefix in front of /graphql', () => {
		expect(withoutGraphqlPath('http://127.0.0.1:4000/graphql')).toBe('http://127.0.0.1:4000');
		expect(withoutGraphqlPath('https://host.example/api/graphql/')).toBe('https://host.example/api');
	});
});
