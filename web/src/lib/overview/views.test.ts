import { describe, expect, it } from 'vitest';
import { SEQUENTIAL, STAGE_COLOURS, NO_DATA } from '$lib/charts/palette';
import type { IndicatorOption, NationalOverviewData, RolloutNode, StageCount } from './queries';
import {
	coverageTrendChart,
	eventTrendChart,
	latestValue,
	lineChartByPeriod,
	mapView,
	rankingChart,
	rankingCsv,
	rankingRows,
	stageChart,
	stageNames
} from './views';

const indicator: IndicatorOption = {
	code: 'INDEKS_BERAKHLAK',
	name: 'Indeks BerAKHLAK per nilai',
	nameEn: 'BerAKHLAK index per core value',
	unit: 'SCORE',
	nationalTarget: 75,
	higherIsBetter: true,
	periodType: 'YEAR'
};

function node(code: string, name: string, rank: number, value: number | null, stage: number | null): RolloutNode {
	return {
		rank,
		region: { code, name },
		stage: stage === null ? null : { milestone: { position: stage }, reachedOn: '2025-07-19' },
		coverage: { reached: 100, headcount: 1000, ratio: 0.1 },
		events: 4,
		indicatorValue: value,
		target: 75,
		meetsTarget: value === null ? null : value >= 75
	};
}

const rollout: Pick<NationalOverviewData, 'rollout'> = {
	rollout: {
		totalCount: 3,
		edges: [node('75', 'Gorontalo', 2, 64.25, 5), node('11', 'Aceh', 1, 80, 4), node('91', 'Papua', 3, null, null)].map((n) => ({ node: n }))
	}
};

const stages: StageCount[] = [
	{ milestone: null, regionCount: 1 },
	...[1, 2, 3, 4, 5].map((position) => ({
		milestone: { position, name: `Tahap ${position}`, nameEn: `Stage ${position}` },
		regionCount: position
	}))
];

describe('rankingRows', () => {
	it('orders the provinces by rank and flattens their figures', () => {
		const rows = rankingRows(rollout);
		expect(rows.map((row) => [row.rank, row.code, row.stage, row.value])).toEqual([
			[1, '11', 4, 80],
			[2, '75', 5, 64.25],
			[3, '91', 0, null]
		]);
		expect(rows[2].stageSince).toBeNull();
	});
});

describe('rankingCsv', () => {
	it('writes the API figures unformatted, stage names in the language', () => {
		const csv = rankingCsv('en', rankingRows(rollout), stageNames('en', stages));
		const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
		expect(lines[0]).toBe('Rank,Code,Province,Stage,Since,Civil servants,Reached,Coverage,Events,Value,Target,Meets target');
		expect(lines[1]).toBe('1,11,Aceh,Stage 4,2025-07-19,1000,100,0.1,4,80,75,Yes');
		expect(lines[3]).toBe('3,91,Papua,Not started,,1000,100,0.1,4,,75,');
	});
});

describe('charts', () => {
	it('charts the indicator per province in rank order with codes', () => {
		const chart = rankingChart('id', rankingRows(rollout), indicator);
		expect(chart.categories).toEqual(['Aceh', 'Gorontalo', 'Papua']);
		expect(chart.codes).toEqual(['11', '75', '91']);
		expect(chart.series).toEqual([{ label: 'Indeks BerAKHLAK per nilai', values: [80, 64.25, null] }]);
	});

	it('counts regions per stage and level, zero where a level has none', () => {
		const chart = stageChart('id', { provinceStages: stages, regencyStages: stages.slice(0, 3), cityStages: [] });
		expect(chart.categories).toEqual(['Belum mulai', 'Tahap 1', 'Tahap 2', 'Tahap 3', 'Tahap 4', 'Tahap 5']);
		expect(chart.series.map((s) => [s.label, s.values])).toEqual([
			['Provinsi', [1, 1, 2, 3, 4, 5]],
			['Kabupaten', [1, 1, 2, 0, 0, 0]],
			['Kota', [0, 0, 0, 0, 0, 0]]
		]);
	});

	it('labels event trends by quarter', () => {
		const chart = eventTrendChart('en', [
			{ periodStart: '2026-07-01', events: 130, sessions: 300 },
			{ periodStart: '2026-10-01', events: 129, sessions: 280 }
		]);
		expect(chart.categories).toEqual(['Q3 2026', 'Q4 2026']);
		expect(chart.series.map((s) => s.values)).toEqual([
			[130, 129],
			[300, 280]
		]);
	});
});

describe('latestValue', () => {
	it('finds the last period with a value', () => {
		expect(latestValue([{ periodStart: '2024-01-01', value: 62.5 }, { periodStart: '2025-01-01', value: 63.9 }, { periodStart: '2026-01-01', value: null }])).toEqual({
			periodStart: '2025-01-01',
			value: 63.9
		});
		expect(latestValue([])).toBeNull();
	});
});

describe('mapView', () => {
	const rows = rankingRows(rollout);

	it('colours tiles by stage with a legend entry per stage', () => {
		const view = mapView('id', rows, 'tahap', stageNames('id', stages), indicator);
		expect(view.tiles['11']).toEqual({ name: 'Aceh', colour: STAGE_COLOURS[4], figure: 'Tahap 4 sejak 19 Juli 2025' });
		expect(view.tiles['91']).toEqual({ name: 'Papua', colour: STAGE_COLOURS[0], figure: 'Belum mulai' });
		expect(view.legend.map((entry) => entry.label)).toEqual(['Belum mulai', 'Tahap 1', 'Tahap 2', 'Tahap 3', 'Tahap 4', 'Tahap 5']);
	});

	it('colours tiles by the indicator on a sequential scale, grey without a value', () => {
		const view = mapView('id', rows, 'indikator', stageNames('id', stages), indicator);
		expect(view.tiles['11']).toEqual({ name: 'Aceh', colour: SEQUENTIAL[4], figure: '80' });
		expect(view.tiles['75']).toEqual({ name: 'Gorontalo', colour: SEQUENTIAL[0], figure: '64,3' });
		expect(view.tiles['91']).toEqual({ name: 'Papua', colour: NO_DATA, figure: 'Tidak ada data' });
		expect(view.legend[0].label).toBe('64,3 – 67,4');
		expect(view.legend.at(-1)).toEqual({ colour: NO_DATA, label: 'Tidak ada data' });
	});
});

describe('lineChartByPeriod', () => {
	it('puts several areas on the periods any of them has, in order, with gaps where one has none', () => {
		const chart = lineChartByPeriod('id', 'YEAR', [
			{ label: 'Gorontalo', points: [{ periodStart: '2024-01-01', value: 61 }, { periodStart: '2025-01-01', value: null }] },
			{ label: 'Nasional', points: [{ periodStart: '2025-01-01', value: 66.5 }, { periodStart: '2023-01-01', value: 60 }] }
		]);
		expect(chart.categories).toEqual(['2023', '2024', '2025']);
		expect(chart.series).toEqual([
			{ label: 'Gorontalo', values: [null, 61, null] },
			{ label: 'Nasional', values: [60, null, 66.5] }
		]);
	});

	it('names quarters in the page language', () => {
		const chart = lineChartByPeriod('en', 'QUARTER', [{ label: 'x', points: [{ periodStart: '2025-04-01', value: 1 }] }]);
		expect(chart.categories).toEqual(['Q2 2025']);
	});
});

describe('coverageTrendChart', () => {
	it('shows coverage shares as percents to two decimals', () => {
		const chart = coverageTrendChart('id', [
			{ label: 'Gorontalo', points: [{ periodStart: '2025-01-01', coverage: 0.123456 }, { periodStart: '2025-04-01', coverage: 0.2 }] }
		]);
		expect(chart.series[0].values).toEqual([12.35, 20]);
		expect(chart.categories).toHaveLength(2);
	});
});

