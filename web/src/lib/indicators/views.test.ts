import { describe, expect, it } from 'vitest';
import { NO_DATA } from '$lib/charts/palette';
import { valueMapView } from '$lib/overview/views';
import type { ExplorerData, IndicatorChoice, IndicatorDetail } from './queries';
import { areaOptions, definitionItems, explorerRows, indicatorGroups, periodLabel, rankedChart, seriesChart, showsTarget } from './views';

const indicator: IndicatorDetail = {
	code: 'WAKTU_PENYELESAIAN_PENGADUAN',
	name: 'Rata-rata hari penyelesaian pengaduan',
	nameEn: 'Average days to resolve a complaint',
	description: 'Rata-rata hari.',
	unit: 'DAYS',
	periodType: 'MONTH',
	byCoreValue: false,
	regionAggregation: 'AVERAGE',
	timeAggregation: 'AVERAGE',
	higherIsBetter: false,
	nationalTarget: 5,
	program: { code: 'GIM', name: 'Gerakan Indonesia Melayani' }
};

const group = (code: string, name: string, value: number | null, parent = false) => ({
	area: parent ? { code, name } : null,
	region: parent ? null : { code, name },
	value,
	regionCount: 1
});

describe('explorerRows', () => {
	it('lists every province, best first by the indicator’s direction, those without a value last', () => {
		const data: Pick<ExplorerData, 'indicatorAggregate' | 'regions' | 'indicator'> = {
			indicator,
			indicatorAggregate: { totalCount: 3, edges: [group('11', 'Aceh', 7, true), group('75', 'Gorontalo', 3.5, true), group('12', 'Sumut', 3.5, true)].map((node) => ({ node })) },
			regions: { edges: ['11', '12', '75', '91'].map((code) => ({ node: { code, name: code === '91' ? 'Papua' : code } })) }
		};
		expect(explorerRows(data, '').map((row) => [row.code, row.value])).toEqual([
			['12', 3.5],
			['75', 3.5],
			['11', 7],
			['91', null]
		]);
		expect(explorerRows({ ...data, indicator: { ...indicator, higherIsBetter: true } }, '').map((row) => row.code)).toEqual(['11', '12', '75', '91']);
	});

	it('leaves the province’s own government out of its regencies and cities', () => {
		const data = {
			indicator,
			indicatorAggregate: { totalCount: 2, edges: [group('75', 'Gorontalo', 4), group('75.01', 'Kabupaten Gorontalo', 6)].map((node) => ({ node })) },
			regions: { edges: [{ node: { code: '75.01', name: 'Kabupaten Gorontalo' } }, { node: { code: '75.71', name: 'Kota Gorontalo' } }] }
		};
		expect(explorerRows(data, '75').map((row) => [row.code, row.value])).toEqual([
			['75.01', 6],
			['75.71', null]
		]);
		// Without a regions list (a caller limited to a city) the groups are the rows.
		expect(explorerRows({ ...data, regions: undefined }, '75.01').map((row) => row.code)).toEqual(['75', '75.01']);
	});
});

describe('views', () => {
	const rows = [
		{ code: '75', name: 'Gorontalo', value: 3, regionCount: 7 },
		{ code: '91', name: 'Papua', value: null, regionCount: 0 }
	];

	it('charts the rows with codes, and the yearly series', () => {
		const chart = rankedChart('en', rows, indicator, '');
		expect(chart).toMatchObject({ categoryLabel: 'Province', codeLabel: 'Code', categories: ['Gorontalo', 'Papua'], codes: ['75', '91'] });
		expect(chart.series).toEqual([{ label: 'Average days to resolve a complaint', values: [3, null] }]);
		expect(rankedChart('id', rows, indicator, '75').categoryLabel).toBe('Wilayah');
		const series = seriesChart('id', [{ periodStart: '2024-01-01', value: 4.5 }], indicator);
		expect(series.categories).toEqual(['2024']);
	});

	it('colours provinces on the map, grey without a value', () => {
		const { tiles, legend } = valueMapView('id', rows, indicator.unit);
		expect(tiles['91']).toEqual({ name: 'Papua', colour: NO_DATA, figure: 'Tidak ada data' });
		expect(tiles['75'].figure).toBe('3');
		expect(legend.at(-1)).toEqual({ colour: NO_DATA, label: 'Tidak ada data' });
	});

	it('draws the target unless a province adds up regions held to a per-region target', () => {
		expect(showsTarget(indicator, '')).toBe(true);
		expect(showsTarget({ ...indicator, regionAggregation: 'SUM' }, '')).toBe(false);
		expect(showsTarget({ ...indicator, regionAggregation: 'SUM' }, '75')).toBe(true);
		expect(showsTarget({ ...indicator, nationalTarget: null }, '75')).toBe(false);
	});

	it('names the period and the definition in the language', () => {
		expect(periodLabel('id', { year: 2025, period: '' })).toBe('2025');
		expect(periodLabel('id', { year: 2025, period: 'q2' })).toBe('Triwulan 2 2025');
		expect(periodLabel('en', { year: 2025, period: 'm05' })).toBe('May 2025');
		expect(definitionItems('en', indicator).map((item) => item.detail)).toEqual([
			'Days',
			'Monthly',
			'Plain average',
			'Average',
			'Lower is better',
			'5'
		]);
	});

	it('groups indicators by program and offers a limited caller only their region', () => {
		const choice = (code: string, program: string | null): IndicatorChoice => ({
			code,
			name: code,
			nameEn: code,
			periodType: 'YEAR',
			byCoreValue: false,
			program: program ? { code: program, name: program, coreValues: [] } : null
		});
		const groups = indicatorGroups('id', [choice('A', 'GIM'), choice('B', 'BERAKHLAK'), choice('C', 'GIM')]);
		expect(groups.map((g) => [g.label, g.indicators.map((i) => i.code)])).toEqual([
			['BERAKHLAK', ['B']],
			['GIM', ['A', 'C']]
		]);
		expect(areaOptions('id', [{ code: '75', name: 'Gorontalo' }], null).map((option) => [option.code, option.label])).toEqual([
			['', 'Provinsi se-Indonesia'],
			['75', 'Kabupaten dan kota di Gorontalo']
		]);
		expect(areaOptions('en', [], { code: '13.77', name: 'Kota Pariaman', level: 'CITY' })).toEqual([
			{ code: '13.77', label: 'Kota Pariaman (your region)', name: 'Kota Pariaman' }
		]);
	});
});
