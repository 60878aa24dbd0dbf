import { describe, expect, it } from 'vitest';
import { parseTokenForm, tokenStatus } from './tokens';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.append(name, value);
	return data;
}

describe('parseTokenForm', () => {
	it('reads name, days and an optional region', () => {
		expect(parseTokenForm(form({ name: ' Dasbor BI ', expiresInDays: '30', regionCode: ' 75 ' })).input).toEqual({
			name: 'Dasbor BI',
			expiresInDays: 30,
			regionCode: '75'
		});
		expect(parseTokenForm(form({ name: 'Skrip', expiresInDays: '90', regionCode: '' })).input).toEqual({
			name: 'Skrip',
			expiresInDays: 90
		});
	});

	it('names missing and malformed fields, keeping what was typed', () => {
		expect(parseTokenForm(form({ name: '', expiresInDays: '' }))).toEqual({
			errors: { name: 'form.required', expiresInDays: 'form.required' },
			values: { name: '', expiresInDays: '', regionCode: '' }
		});
		expect(parseTokenForm(form({ name: 'x', expiresInDays: '1.5' })).errors).toEqual({ expiresInDays: 'form.notAWholeNumber' });
	});
});

describe('tokenStatus', () => {
	const now = new Date('2025-06-01T00:00:00Z');

	it('is revoked once revoked, else expired from its expiry on, else active', () => {
		expect(tokenStatus({ expiresAt: '2025-09-01T00:00:00Z', revokedAt: '2025-05-01T00:00:00Z' }, now)).toBe('revoked');
		expect(tokenStatus({ expiresAt: '2025-06-01T00:00:00Z', revokedAt: null }, now)).toBe('expired');
		expect(tokenStatus({ expiresAt: '2025-06-01T00:00:01Z', revokedAt: null }, now)).toBe('active');
	});
});
