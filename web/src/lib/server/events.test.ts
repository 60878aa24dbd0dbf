import { describe, expect, it, vi } from 'vitest';
import type { Api } from './api';
import { eventByCode } from './events';
import { ApiRefusal } from './graphql';

/** A stand-in for the API: answers each query by a function of its variables. */
function fakeApi(answer: (variables: Record<string, unknown>) => unknown): Api {
	return vi.fn(async (_query: string, variables: Record<string, unknown> = {}) => answer(variables)) as unknown as Api;
}

const attendance = (codes: string[], hasNextPage = false, endCursor: string | null = null) => ({
	totalCount: codes.length,
	pageInfo: { hasNextPage, endCursor },
	edges: codes.map((code) => ({ node: { participants: 5, region: { code, name: `Wilayah ${code}`, level: 'CITY' } } }))
});

const refusal = (code: 'NOT_FOUND' | 'BAD_USER_INPUT' | 'FORBIDDEN') => () => {
	throw new ApiRefusal(code, [{ message: `code: ${code}`, argument: 'code' }]);
};

describe('eventByCode', () => {
	it('asks the API for the event by its code', async () => {
		const api = fakeApi(({ code }) => ({ event: { id: '12', code, sessions: [{ id: 's1', attendance: attendance(['13.77']) }] } }));
		await expect(eventByCode(api, 'SOS/2024/01')).resolves.toMatchObject({ id: '12', code: 'SOS/2024/01' });
	});

	it('answers null when the API has no event by that code', async () => {
		await expect(eventByCode(fakeApi(refusal('NOT_FOUND')), 'KEG-999999')).resolves.toBeNull();
		await expect(eventByCode(fakeApi(refusal('BAD_USER_INPUT')), 'x'.repeat(500))).resolves.toBeNull();
	});

	it('leaves other refusals (out of scope) to the caller', async () => {
		await expect(eventByCode(fakeApi(refusal('FORBIDDEN')), 'KEG-000001')).rejects.toBeInstanceOf(ApiRefusal);
	});

	it('reads every page of a session’s attendance', async () => {
		const api = fakeApi(({ after }) => {
			if (after === undefined) {
				return { event: { id: '12', code: 'KEG-000012', sessions: [{ id: 's1', attendance: attendance(['11', '12'], true, 'c1') }] } };
			}
			expect(after).toBe('c1');
			return { event: { sessions: [{ id: 's0', attendance: attendance([]) }, { id: 's1', attendance: attendance(['13', '14']) }] } };
		});
		const event = await eventByCode(api, 'KEG-000012');
		expect(event?.sessions[0].attendance.edges.map(({ node }) => node.region.code)).toEqual(['11', '12', '13', '14']);
	});
});
