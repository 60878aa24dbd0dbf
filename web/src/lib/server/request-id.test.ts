import { afterEach, describe, expect, it, vi } from 'vitest';
import { gql } from './graphql';
import { fetchTemplate, sendImport } from './imports';
import { requestIdFor, withRequestId } from './request-id';

afterEach(() => {
	vi.unstubAllGlobals();
});

const sentRequestIds = () => vi.mocked(fetch).mock.calls.map(([, init]) => new Headers(init?.headers).get('x-request-id'));

describe('request ids', () => {
	it('keeps a plain id from a proxy in front and replaces anything else', () => {
		expect(requestIdFor('edge-42.a')).toBe('edge-42.a');
		expect(requestIdFor(null)).toMatch(/^[0-9a-f-]{36}$/);
		expect(requestIdFor('has spaces and "quotes"')).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('sends the page request\'s id with every API request made while answering it, and none outside one', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ data: { ok: true } }), { status: 200 })));
		await withRequestId('page-1', async () => {
			await gql('{ ok }');
			// After an await too: the id follows the request, not the call stack.
			await Promise.resolve();
			await fetchTemplate('attendance', 'csv');
			await sendImport({ kind: 'attendance', body: new Blob(['x\n']), contentType: 'text/csv', session: 's', dryRun: true, fileName: null });
		});
		await gql('{ ok }');
		expect(sentRequestIds()).toEqual(['page-1', 'page-1', 'page-1', null]);
	});
});
