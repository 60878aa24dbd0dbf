import { describe, expect, it } from 'vitest';
import { formatDay, formatMonth, formatNumber, formatTimestamp, parseLang, t } from './index';
import { en } from './messages/en';
import { id } from './messages/id';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message files', () => {
	it('id and en have exactly the same keys', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
	});

	it('id and en use the same placeholders in every message', () => {
		for (const key of Object.keys(id) as (keyof typeof id)[]) {
			expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
		}
	});

	it('has no empty message', () => {
		for (const text of [...Object.values(id), ...Object.values(en)]) {
			expect(text.trim()).not.toBe('');
		}
	});
});

describe('t', () => {
	it('returns the message in the chosen language', () => {
		expect(t('id', 'nav.overview')).toBe('Ikhtisar Nasional');
		expect(t('en', 'nav.overview')).toBe('National overview');
	});

	it('fills placeholders, formatting numbers for the language', () => {
		expect(t('id', 'error.status', { status: 502 })).toBe('Kode galat 502');
		expect(t('en', 'error.status', { status: '404' })).toBe('Error code 404');
	});

	it('leaves a placeholder without a value visible rather than printing "undefined"', () => {
		expect(t('en', 'error.status', {})).toBe('Error code {status}');
	});
});

describe('formatNumber', () => {
	it('groups digits the Indonesian and the British way', () => {
		expect(formatNumber('id', 4321987)).toBe('4.321.987');
		expect(formatNumber('en', 4321987)).toBe('4,321,987');
	});
});

describe('dates', () => {
	it('shows a calendar day as it is, whatever the server clock', () => {
		expect(formatDay('id', '2025-03-31')).toBe('31 Maret 2025');
		expect(formatDay('en', '2025-01-01')).toBe('1 January 2025');
		expect(formatMonth('id', '2025-12-01')).toBe('Desember 2025');
	});

	it('shows a moment on the clock of Jakarta', () => {
		expect(formatTimestamp('id', '2025-03-31T20:30:00Z')).toBe('1 Apr 2025, 03.30');
		expect(formatTimestamp('en', '2025-03-31T20:30:00Z')).toBe('1 Apr 2025, 03:30');
	});
});

describe('parseLang', () => {
	it('accepts known languages and falls back to Indonesian', () => {
		expect(parseLang('en')).toBe('en');
		expect(parseLang('id')).toBe('id');
		expect(parseLang('fr')).toBe('id');
		expect(parseLang(undefined)).toBe('id');
	});
});
