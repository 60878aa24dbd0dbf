import { describe, expect, it } from 'vitest';
import {
	canChooseRegion,
	itemKey,
	parseDecimal,
	parseFigures,
	parseMilestone,
	periodLabel,
	PREVIOUS_FIELD,
	reportingRegion,
	VALUE_FIELD
} from './reporting';

function form(fields: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
}

const INDEX = 'INDEKS_BERAKHLAK|2025-01-01|AKUNTABEL';
const AGENTS = 'AGEN_PERUBAHAN|2025-01-01|';

describe('itemKey', () => {
	it('joins indicator, period and core value, empty when the indicator has none', () => {
		const periodStart = '2025-01-01';
		expect(itemKey({ indicator: { code: 'INDEKS_BERAKHLAK' }, periodStart, coreValue: { code: 'AKUNTABEL' } })).toBe(INDEX);
		expect(itemKey({ indicator: { code: 'AGEN_PERUBAHAN' }, periodStart, coreValue: null })).toBe(AGENTS);
	});
});

describe('parseFigures', () => {
	it('turns entered and changed figures into observation inputs of the region, in form order', () => {
		const parsed = parseFigures(
			form([
				[VALUE_FIELD + INDEX, ' 72,5 '],
				[PREVIOUS_FIELD + INDEX, ''],
				[VALUE_FIELD + AGENTS, '14'],
				[PREVIOUS_FIELD + AGENTS, '12']
			]),
			'13.77'
		);
		expect(parsed.input).toEqual([
			{ indicatorCode: 'INDEKS_BERAKHLAK', regionCode: '13.77', periodStart: '2025-01-01', coreValueCode: 'AKUNTABEL', value: 72.5 },
			{ indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.77', periodStart: '2025-01-01', value: 14 }
		]);
		expect(parsed.keys).toEqual([INDEX, AGENTS]);
		expect(parsed.errors).toEqual({});
	});

	it('leaves out empty fields and figures that did not change', () => {
		const parsed = parseFigures(
			form([
				[VALUE_FIELD + INDEX, ''],
				[PREVIOUS_FIELD + INDEX, ''],
				[VALUE_FIELD + AGENTS, '12'],
				[PREVIOUS_FIELD + AGENTS, '12']
			]),
			'13.77'
		);
		expect(parsed.input).toEqual([]);
		expect(parsed.values).toEqual({ [INDEX]: '', [AGENTS]: '12' });
	});

	it('names the field of a figure that is not a number and keeps what was typed', () => {
		const parsed = parseFigures(form([[VALUE_FIELD + INDEX, '7O'], [VALUE_FIELD + AGENTS, '3']]), '13.77');
		expect(parsed.errors).toEqual({ [INDEX]: 'form.notANumber' });
		expect(parsed.values[INDEX]).toBe('7O');
		expect(parsed.keys).toEqual([AGENTS]);
	});
});

describe('parseDecimal', () => {
	it.each([
		['72', 72],
		['72.5', 72.5],
		['72,5', 72.5],
		['-3', -3],
		['0', 0],
		['1.234,5', undefined],
		['1e3', undefined],
		['', undefined],
		['abc', undefined]
	])('%j -> %j', (text, expected) => {
		expect(parseDecimal(text)).toBe(expected);
	});
});

describe('parseMilestone', () => {
	it('accepts a milestone with a real day', () => {
		expect(parseMilestone(form([['milestoneCode', 'EDARAN_DISOSIALISASIKAN'], ['reachedOn', '2025-02-28']])).input).toEqual({
			milestoneCode: 'EDARAN_DISOSIALISASIKAN',
			reachedOn: '2025-02-28'
		});
	});

	it('names missing and impossible fields', () => {
		expect(parseMilestone(form([]))).toEqual({
			errors: { milestoneCode: 'form.required', reachedOn: 'form.required' },
			values: { milestoneCode: '', reachedOn: '' }
		});
		for (const day of ['2025-02-30', '2025-13-01', '28/02/2025']) {
			expect(parseMilestone(form([['milestoneCode', 'X'], ['reachedOn', day]])).errors, day).toEqual({ reachedOn: 'form.invalidDate' });
		}
	});
});

describe('periodLabel', () => {
	it.each([
		['id', 'MONTH', '2025-03-01', 'Maret 2025'],
		['en', 'MONTH', '2025-03-01', 'March 2025'],
		['id', 'QUARTER', '2025-10-01', 'Triwulan 4 2025'],
		['en', 'QUARTER', '2025-04-01', 'Q2 2025'],
		['id', 'YEAR', '2025-01-01', '2025']
	] as const)('%s %s %s -> %s', (lang, periodType, periodStart, expected) => {
		expect(periodLabel(lang, { periodType, periodStart })).toBe(expected);
	});
});

describe('reportingRegion and canChooseRegion', () => {
	const pariaman = { scopeRegion: { code: '13.77', name: 'Kota Pariaman', level: 'CITY' as const } };
	const gorontalo = { scopeRegion: { code: '75', name: 'Gorontalo', level: 'PROVINCE' as const } };
	const national = { scopeRegion: null };

	it('shows the region asked for, else the person’s own, else none', () => {
		expect(reportingRegion(new URL('http://dash.test/laporan?wilayah=75.01'), gorontalo)).toBe('75.01');
		expect(reportingRegion(new URL('http://dash.test/laporan'), pariaman)).toBe('13.77');
		expect(reportingRegion(new URL('http://dash.test/laporan?wilayah='), national)).toBeUndefined();
	});

	it('offers a choice of region to the national scope and to provinces, not to one regency or city', () => {
		expect(canChooseRegion(national)).toBe(true);
		expect(canChooseRegion(gorontalo)).toBe(true);
		expect(canChooseRegion(pariaman)).toBe(false);
	});
});
