import { describe, expect, it } from 'vitest';
import { csvDataUrl, toCsv } from './csv';

describe('toCsv', () => {
	it('writes a header and rows with a byte-order mark and CRLF', () => {
		expect(toCsv(['kode', 'nama', 'nilai'], [['75', 'Gorontalo', 72.5], ['13.77', 'Kota Pariaman', null]])).toBe(
			'\uFEFFkode,nama,nilai\r\n75,Gorontalo,72.5\r\n13.77,Kota Pariaman,\r\n'
		);
	});

	it('quotes commas, quotes and line breaks, and keeps numbers unformatted', () => {
		expect(toCsv(['a'], [['Aula, Lt. 2'], ['"Sehat"'], ['dua\nbaris'], [1234567.25]])).toBe(
			'\uFEFFa\r\n"Aula, Lt. 2"\r\n"""Sehat"""\r\n"dua\nbaris"\r\n1234567.25\r\n'
		);
	});

	it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
		expect(toCsv(['a'], [['=HYPERLINK("x")'], ['-5'], [-5]])).toBe("\uFEFFa\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n\"'-5\"\r\n-5\r\n");
	});

	it('makes a data URL that decodes back to the same text', () => {
		const csv = toCsv(['wilayah'], [['Kota Pariaman']]);
		expect(decodeURIComponent(csvDataUrl(csv).replace('data:text/csv;charset=utf-8,', ''))).toBe(csv);
	});
});
