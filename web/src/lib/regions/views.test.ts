import { describe, expect, it } from 'vitest';
import { areaFiguresQuery, type AreaFiguresData, type RegionIndicator } from './queries';
import {
	activityCsv,
	activityRows,
	areaValues,
	breadcrumbs,
	childStageChart,
	comparisonCsv,
	comparisonRows,
	currentStage,
	isRegionCode,
	meetsTarget,
	milestoneTimeline,
	trendChart
} from './views';

const indicator = (code: string, higherIsBetter = true, targetFor: number | null = 75): RegionIndicator => ({
	code,
	name: `Nama ${code}`,
	nameEn: `Name ${code}`,
	unit: 'SCORE',
	nationalTarget: 75,
	higherIsBetter,
	periodType: 'YEAR',
	targetFor
});

const definitions = [3, 1, 2, 5, 4].map((position) => ({
	code: `M${position}`,
	name: `Tonggak ${position}`,
	nameEn: `Milestone ${position}`,
	description: `Uraian ${position}`,
	position
}));

describe('isRegionCode', () => {
	it('takes province and regency or city codes only', () => {
		expect(['75', '75.71', '13.77'].map(isRegionCode)).toEqual([true, true, true]);
		expect(['7', '75.7', '75.71.01', 'abc', '', '../75'].map(isRegionCode)).toEqual([false, false, false, false, false, false]);
	});
});

describe('breadcrumbs', () => {
	it('leads from the nation through the province to the region itself', () => {
		expect(breadcrumbs('id', { name: 'Kota Gorontalo', ancestors: [{ code: '75', name: 'Gorontalo' }] })).toEqual([
			{ label: 'Nasional', href: '/' },
			{ label: 'Gorontalo', href: '/wilayah/75' },
			{ label: 'Kota Gorontalo', href: null }
		]);
		expect(breadcrumbs('en', { name: 'Gorontalo', ancestors: [] }).map((crumb) => crumb.label)).toEqual(['National', 'Gorontalo']);
	});
});

describe('milestoneTimeline', () => {
	it('lists the five milestones in order with the days reached, and the stage as the last reached in order', () => {
		const steps = milestoneTimeline('en', definitions, [
			{ milestone: { code: 'M1' }, reachedOn: '2022-01-10' },
			{ milestone: { code: 'M2' }, reachedOn: '2023-04-16' },
			{ milestone: { code: 'M4' }, reachedOn: '2025-10-08' }
		]);
		expect(steps.map((step) => [step.position, step.name, step.reachedOn, step.inOrder])).toEqual([
			[1, 'Milestone 1', '2022-01-10', true],
			[2, 'Milestone 2', '2023-04-16', true],
			[3, 'Milestone 3', null, false],
			[4, 'Milestone 4', '2025-10-08', false],
			[5, 'Milestone 5', null, false]
		]);
		expect(currentStage(steps)?.code).toBe('M2');
		expect(currentStage(milestoneTimeline('id', definitions, []))).toBeNull();
	});
});

describe('comparisons', () => {
	it('judges a value against its target in the direction the indicator prefers', () => {
		expect([meetsTarget(80, 75, true), meetsTarget(70, 75, true), meetsTarget(4, 5, false), meetsTarget(6, 5, false)]).toEqual([true, false, true, false]);
		expect([meetsTarget(null, 75, true), meetsTarget(80, null, true)]).toEqual([null, null]);
	});

	it('reads the totals of an area in the order of the indicators shown, and nothing for a refused area', () => {
		const total = (code: string, value: number | null) => ({ indicator: { code }, value });
		const data: AreaFiguresData = {
			trend: [],
			coverage: [],
			eventsInYear: [],
			totals: [total('AGEN_PERUBAHAN', 12), total('INDEKS_BERAKHLAK', 61), total('WAKTU', null)]
		};
		expect(areaValues(data, ['INDEKS_BERAKHLAK', 'WAKTU', 'AGEN_PERUBAHAN', 'BARU'])).toEqual([61, null, 12, null]);
		expect(areaValues(null, ['INDEKS_BERAKHLAK'])).toBeNull();
	});

	it('puts each indicator beside its target, the province and the nation, and writes raw figures to CSV', () => {
		const rows = comparisonRows([indicator('INDEKS_BERAKHLAK'), indicator('WAKTU', false, 5)], {
			region: [60.98, 4],
			province: null,
			nation: [63.9, 5.5]
		});
		expect(rows.map((row) => [row.indicator.code, row.value, row.target, row.meetsTarget, row.province, row.nation])).toEqual([
			['INDEKS_BERAKHLAK', 60.98, 75, false, null, 63.9],
			['WAKTU', 4, 5, true, null, 5.5]
		]);
		const lines = comparisonCsv('id', rows, true).replace('\uFEFF', '').trim().split('\r\n');
		expect(lines[0]).toBe('Kode,Indikator,Nilai wilayah,Target,Mencapai target,Provinsi,Nasional');
		expect(lines[1]).toBe('INDEKS_BERAKHLAK,Nama INDEKS_BERAKHLAK,60.98,75,Tidak,,63.9');
		expect(comparisonCsv('en', rows, false).split('\r\n')[0]).toContain('Region value,Target,Meets target,National');
		expect(comparisonCsv('en', rows, false, false).replace('\uFEFF', '').split('\r\n')[0]).toBe('Code,Indicator,Region value,Target,Meets target');
	});
});

describe('areaFiguresQuery', () => {
	it('asks every indicator\'s total of the area and year in one field, whatever the number of indicators', () => {
		const query = areaFiguresQuery();
		expect(query).toContain('totals: indicatorTotals(filter: { regionCode: $regionCode, period: $period })');
		expect(query).not.toContain('indicatorAggregate');
		expect(query.match(/\$\w+:/g)).toEqual(['$regionCode:', '$period:', '$history:', '$indicatorCode:']);
	});

	it('leaves events out of the comparisons, asking only for totals of the area', () => {
		expect(areaFiguresQuery()).toContain('eventsInYear: eventTrends(');
		const totals = areaFiguresQuery({ events: false });
		expect(totals).not.toContain('eventTrends');
		expect(totals).toContain('indicatorSeries(');
		expect(totals).toContain('coverageSeries(');
		expect(totals).toContain('indicatorTotals(');
	});
});

describe('charts and tables', () => {
	it('lines up the region, province and nation on the periods any of them has', () => {
		const chart = trendChart('id', indicator('INDEKS_BERAKHLAK'), [
			{ label: 'Kota Pariaman', points: [{ periodStart: '2023-01-01', value: 58.7 }, { periodStart: '2024-01-01', value: 59.5 }] },
			{ label: 'Nasional', points: [{ periodStart: '2022-01-01', value: 62 }, { periodStart: '2024-01-01', value: 63 }] }
		]);
		expect(chart.categories).toEqual(['2022', '2023', '2024']);
		expect(chart.series).toEqual([
			{ label: 'Kota Pariaman', values: [null, 58.7, 59.5] },
			{ label: 'Nasional', values: [62, null, 63] }
		]);
	});

	it('counts regencies and cities per stage', () => {
		const stage = (position: number | null, regionCount: number) => ({
			milestone: position === null ? null : { position, name: `Tahap ${position}`, nameEn: `Stage ${position}` },
			regionCount
		});
		// The API answers every stage, from not started to the last milestone.
		const counts = (values: number[]) => values.map((count, position) => stage(position === 0 ? null : position, count));
		const chart = childStageChart('id', counts([0, 0, 1, 0, 0, 4]), counts([0, 0, 0, 0, 0, 1]));
		expect(chart.categories).toEqual(['Belum mulai', 'Tahap 1', 'Tahap 2', 'Tahap 3', 'Tahap 4', 'Tahap 5']);
		expect(chart.series.map((series) => [series.label, series.values])).toEqual([
			['Kabupaten', [0, 0, 1, 0, 0, 4]],
			['Kota', [0, 0, 0, 0, 0, 1]]
		]);
	});

	it('merges events hosted and civil servants reached per year', () => {
		const rows = activityRows(
			[{ periodStart: '2022-01-01', events: 3, sessions: 6, participants: 1681 }],
			[
				{ periodStart: '2021-01-01', reached: 765, headcount: 4993, coverage: 0.15 },
				{ periodStart: '2022-01-01', reached: 2808, headcount: 4993, coverage: 0.56 }
			]
		);
		expect(rows).toEqual([
			{ year: '2021', events: 0, sessions: 0, participants: 0, reached: 765, coverage: 0.15 },
			{ year: '2022', events: 3, sessions: 6, participants: 1681, reached: 2808, coverage: 0.56 }
		]);
		expect(activityCsv('en', rows).replace('\uFEFF', '').split('\r\n')[2]).toBe('2022,3,6,1681,2808,0.56');
	});
});
