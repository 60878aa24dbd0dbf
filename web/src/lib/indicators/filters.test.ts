import { describe, expect, it } from 'vitest';
import { explorerQuery, highlightQuery, parseExplorerFilters, parseHighlight, periodParts, periodRange, resolveArea, type ExplorerOptions } from './filters';
import { explorerVariables, highlightVariables } from './queries';

const options: ExplorerOptions = {
	indicators: [
		{ code: 'AGEN_PERUBAHAN', periodType: 'QUARTER', coreValues: [] },
		{ code: 'INDEKS_BERAKHLAK', periodType: 'YEAR', coreValues: ['ADAPTIF', 'AKUNTABEL'] },
		{ code: 'PENGADUAN_TEPAT_WAKTU', periodType: 'MONTH', coreValues: [] }
	],
	areas: ['11', '75'],
	scope: null,
	today: '2026-02-10'
};

const parse = (query: string, changes: Partial<ExplorerOptions> = {}) => parseExplorerFilters(new URLSearchParams(query), { ...options, ...changes });

describe('parseExplorerFilters', () => {
	it('opens on the index in the last year that can have a figure', () => {
		expect(parse('')).toEqual({ indicator: 'INDEKS_BERAKHLAK', year: 2025, period: '', area: '', coreValue: '', narrowed: false });
	});

	it('defaults the year by the chosen indicator’s period type', () => {
		// Early February: a monthly indicator already has January, a quarterly one not yet a quarter of 2026.
		expect(parse('indikator=PENGADUAN_TEPAT_WAKTU').year).toBe(2026);
		expect(parse('indikator=AGEN_PERUBAHAN').year).toBe(2025);
	});

	it('keeps valid choices and drops what does not fit the indicator', () => {
		expect(parse('indikator=PENGADUAN_TEPAT_WAKTU&tahun=2024&periode=m05&wilayah=75')).toMatchObject({
			indicator: 'PENGADUAN_TEPAT_WAKTU',
			year: 2024,
			period: 'm05',
			area: '75'
		});
		expect(parse('indikator=AGEN_PERUBAHAN&periode=m05&nilai=ADAPTIF')).toMatchObject({ period: '', coreValue: '' });
		expect(parse('indikator=AGEN_PERUBAHAN&periode=q3').period).toBe('q3');
		expect(parse('indikator=INDEKS_BERAKHLAK&periode=q3&nilai=ADAPTIF')).toMatchObject({ period: '', coreValue: 'ADAPTIF' });
		expect(parse('indikator=NOPE&tahun=1999&wilayah=99')).toMatchObject({ indicator: 'INDEKS_BERAKHLAK', year: 2025, area: '' });
	});

	it('keeps a caller limited to a region to it, and says so when the link asked for more', () => {
		const scope = { code: '75', level: 'PROVINCE' as const };
		expect(parse('', { scope, areas: [] })).toMatchObject({ area: '75', narrowed: false });
		expect(parse('wilayah=11', { scope, areas: [] })).toMatchObject({ area: '75', narrowed: true });
		expect(resolveArea('', { scope: { code: '13.77', level: 'CITY' }, areas: [] })).toEqual({ area: '13.77', narrowed: false });
	});
});

describe('periods', () => {
	it('offers quarters and months only where the indicator has them', () => {
		expect(periodParts('YEAR')).toEqual(['']);
		expect(periodParts('QUARTER')).toEqual(['', 'q1', 'q2', 'q3', 'q4']);
		expect(periodParts('MONTH')).toHaveLength(17);
	});

	it('turns a part of a year into its days', () => {
		expect(periodRange(2025, '')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
		expect(periodRange(2025, 'q1')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
		expect(periodRange(2025, 'q4')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
		expect(periodRange(2024, 'm02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
	});
});

describe('explorerQuery', () => {
	it('writes the choices back, leaving defaults out', () => {
		const filters = { indicator: 'AGEN_PERUBAHAN', year: 2025, period: '', area: '', coreValue: '' };
		expect(explorerQuery(filters)).toBe('?indikator=AGEN_PERUBAHAN&tahun=2025');
		expect(explorerQuery(filters, { area: '75', period: 'q2' })).toBe('?indikator=AGEN_PERUBAHAN&tahun=2025&periode=q2&wilayah=75');
	});
});

describe('explorerVariables', () => {
	it('groups provinces with their areas nationally, and lists the provinces', () => {
		const variables = explorerVariables({ indicator: 'INDEKS_BERAKHLAK', year: 2025, period: '', area: '', coreValue: 'ADAPTIF' }, null);
		expect(variables).toEqual({
			indicatorCode: 'INDEKS_BERAKHLAK',
			groupBy: ['PARENT'],
			filter: { period: { from: '2025-01-01', to: '2025-12-31' }, coreValueCode: 'ADAPTIF' },
			withRegions: true,
			regionLevel: 'PROVINCE',
			parentCode: null,
			history: { from: '2021-07-27', to: '2025-12-31' },
			seriesRegion: null,
			coreValueCode: 'ADAPTIF'
		});
	});

	it('lists each region of a province alone, and a limited regency or city only itself', () => {
		const filters = { indicator: 'AGEN_PERUBAHAN', year: 2025, period: 'q2', area: '75', coreValue: '' };
		expect(explorerVariables(filters, 'PROVINCE')).toMatchObject({
			groupBy: ['REGION'],
			filter: { period: { from: '2025-04-01', to: '2025-06-30' }, regionCode: '75' },
			withRegions: true,
			regionLevel: null,
			parentCode: '75',
			seriesRegion: '75',
			coreValueCode: null
		});
		expect(explorerVariables({ ...filters, area: '13.77' }, 'CITY')).toMatchObject({ withRegions: false, seriesRegion: '13.77' });
	});
});

describe('highlighting a region', () => {
	const highlight = (query: string, area: string) => parseHighlight(new URLSearchParams(query), area, ['11', '75']);

	it('takes one of the listed provinces nationally', () => {
		expect(highlight('sorot=75', '')).toBe('75');
		expect(highlight('sorot=99', '')).toBe('');
		expect(highlight('sorot=75.71', '')).toBe('');
		expect(highlight('', '')).toBe('');
	});

	it('takes a regency or city of the area within one', () => {
		expect(highlight('sorot=75.71', '75')).toBe('75.71');
		expect(highlight('sorot=%2075.01%20', '75')).toBe('75.01');
		expect(highlight('sorot=13.77', '75')).toBe('');
		expect(highlight('sorot=75', '75')).toBe('');
		expect(highlight('sorot=75.7', '75')).toBe('');
		expect(highlight('sorot=75.71', '13.77')).toBe('');
	});

	it('keeps the view in the query string when a region is highlighted or cleared', () => {
		const filters = { indicator: 'INDEKS_BERAKHLAK', year: 2025, period: '', area: '75', coreValue: '' };
		expect(highlightQuery(filters, '75.71')).toBe('?indikator=INDEKS_BERAKHLAK&tahun=2025&wilayah=75&sorot=75.71');
		expect(highlightQuery(filters, null)).toBe(explorerQuery(filters));
		expect(highlight(highlightQuery(filters, '75.71').slice(1), '75')).toBe('75.71');
	});

	it('asks for the highlighted region’s yearly series with the view’s core value', () => {
		const filters = { indicator: 'INDEKS_BERAKHLAK', year: 2024, period: 'q1', area: '', coreValue: 'ADAPTIF' };
		expect(highlightVariables(filters, '75')).toEqual({
			indicatorCode: 'INDEKS_BERAKHLAK',
			history: { from: '2021-07-27', to: '2024-12-31' },
			regionCode: '75',
			coreValueCode: 'ADAPTIF'
		});
		expect(highlightVariables({ ...filters, coreValue: '' }, '75').coreValueCode).toBeNull();
	});
});

