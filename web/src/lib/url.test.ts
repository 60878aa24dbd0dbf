import { describe, expect, it } from 'vitest';
import { localPath, withParam } from './url';

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

describe('withParam', () => {
	it('sets, replaces and removes one parameter, keeping the others in order', () => {
		expect(withParam('?a=1&b=2', 'c', '3')).toBe('?a=1&b=2&c=3');
		expect(withParam('?a=1&c=9&b=2', 'c', '3')).toBe('?a=1&b=2&c=3');
		expect(withParam('?a=1&c=9', 'c', null)).toBe('?a=1');
		expect(withParam('', 'c', null)).toBe('?');
		expect(withParam('', 'sorot', '75.71')).toBe('?sorot=75.71');
	});
});
