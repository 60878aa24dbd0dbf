import { describe, expect, it } from 'vitest';
import { localPath } from './url';

describe('localPath', () => {
	it.each([
		['/', '/'],
		['/provinsi/75?indicator=x#peta', '/provinsi/75?indicator=x#peta'],
		[null, '/'],
		['', '/'],
		['https://evil.example/', '/'],
		['//evil.example/x', '/'],
		['/\\evil.example/x', '/'],
		['javascript:alert(1)', '/'],
		['relative/path', '/'],
		['/[', '/[']
	])('%j -> %j', (target, expected) => {
		expect(localPath(target)).toBe(expected);
	});
});
