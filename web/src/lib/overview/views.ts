/** Pure functions from the overview's API answers to what its charts, map and tables show. */
import type { ChartData } from '$lib/charts/chart-data';
import { NO_DATA, stageColour, STAGE_COLOURS } from '$lib/charts/palette';
import { toCsv } from '$lib/export/csv';
import { formatDay, t, type Lang } from '$lib/i18n';
import type { LegendEntry, MapTile } from '$lib/map/layout';
import { colourOf, sequentialClasses } from '$lib/map/scale';
import { formatPeriod, formatValue, indicatorName } from './format';
import type { ColourMode } from './filters';
import type { IndicatorOption, NationalOverviewData, SeriesValue, StageCount } from './queries';

export interface RankingRow {
	rank: number;
	code: string;
	name: string;
	/** Position of the last milestone reached in order; 0 before the first. */
	stage: number;
	stageSince: string | null;
	headcount: number;
	reached: number;
	coverage: number;
	events: number;
	value: number | null;
	target: number | null;
	meetsTarget: boolean | null;
}

/** The provinces in rank order (1 = best), ties by code, as the API ranked them. */
export function rankingRows(data: Pick<NationalOverviewData, 'rollout'>): RankingRow[] {
	return data.rollout.edges
		.map(({ node }) => ({
			rank: node.rank,
			code: node.region.code,
			name: node.region.name,
			stage: node.stage?.milestone.position ?? 0,
			stageSince: node.stage?.reachedOn ?? null,
			headcount: node.coverage.headcount,
			reached: node.coverage.reached,
			coverage: node.coverage.ratio,
			events: node.events,
			value: node.indicatorValue,
			target: node.target,
			meetsTarget: node.meetsTarget
		}))
		.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
}

/** Names of the stages by position (0: not started), in the page's language. */
export function stageNames(lang: Lang, stages: readonly StageCount[]): string[] {
	const names = [t(lang, 'overview.stageNone')];
	for (const { milestone } of stages) {
		if (milestone) names[milestone.position] = lang === 'en' ? milestone.nameEn : milestone.name;
	}
	return names;
}

/** Columns of the ranking; `regionLabel` names the region column (provinces here, regencies and cities on a province's page). */
export function rankingColumns(lang: Lang, regionLabel = t(lang, 'overview.col.province')): string[] {
	return [
		t(lang, 'overview.col.rank'),
		t(lang, 'overview.col.code'),
		regionLabel,
		t(lang, 'overview.col.stage'),
		t(lang, 'overview.col.stageSince'),
		t(lang, 'overview.col.headcount'),
		t(lang, 'overview.col.reached'),
		t(lang, 'overview.col.coverage'),
		t(lang, 'overview.col.events'),
		t(lang, 'overview.col.value'),
		t(lang, 'overview.col.target'),
		t(lang, 'overview.col.meetsTarget')
	];
}

/** The ranking as CSV: the API's figures unformatted (coverage as a 0-1 share), one row per province. */
export function rankingCsv(lang: Lang, rows: readonly RankingRow[], stages: readonly string[], regionLabel?: string): string {
	return toCsv(
		rankingColumns(lang, regionLabel),
		rows.map((row) => [
			row.rank,
			row.code,
			row.name,
			stages[row.stage] ?? '',
			row.stageSince,
			row.headcount,
			row.reached,
			row.coverage,
			row.events,
			row.value,
			row.target,
			row.meetsTarget === null ? null : t(lang, row.meetsTarget ? 'overview.yes' : 'overview.no')
		])
	);
}

/** Bars of the chosen indicator per province, best first. */
export function rankingChart(lang: Lang, rows: readonly RankingRow[], indicator: IndicatorOption): ChartData {
	return {
		categoryLabel: t(lang, 'overview.col.province'),
		codeLabel: t(lang, 'overview.col.code'),
		categories: rows.map((row) => row.name),
		codes: rows.map((row) => row.code),
		series: [{ label: indicatorName(lang, indicator), values: rows.map((row) => row.value) }]
	};
}

/** Regions per stage, a series per level. */
export function stageChart(lang: Lang, data: Pick<NationalOverviewData, 'provinceStages' | 'regencyStages' | 'cityStages'>): ChartData {
	const names = stageNames(lang, data.provinceStages);
	const counts = (stages: readonly StageCount[]) =>
		names.map((_, position) => stages.find((s) => (s.milestone?.position ?? 0) === position)?.regionCount ?? 0);
	return {
		categoryLabel: t(lang, 'overview.col.stage'),
		categories: names,
		series: [
			{ label: t(lang, 'overview.level.PROVINCE'), values: counts(data.provinceStages) },
			{ label: t(lang, 'overview.level.REGENCY'), values: counts(data.regencyStages) },
			{ label: t(lang, 'overview.level.CITY'), values: counts(data.cityStages) }
		]
	};
}

/** Events and sessions per quarter. */
export function eventTrendChart(lang: Lang, points: NationalOverviewData['eventTrend']): ChartData {
	return {
		categoryLabel: t(lang, 'overview.col.period'),
		categories: points.map((point) => formatPeriod(lang, point.periodStart, 'QUARTER')),
		series: [
			{ label: t(lang, 'overview.col.events'), values: points.map((point) => point.events) },
			{ label: t(lang, 'overview.col.sessions'), values: points.map((point) => point.sessions) }
		]
	};
}

/** The national value of an indicator per period. */
export function indicatorTrendChart(lang: Lang, points: readonly SeriesValue[], indicator: IndicatorOption): ChartData {
	return {
		categoryLabel: t(lang, 'overview.col.period'),
		categories: points.map((point) => formatPeriod(lang, point.periodStart, indicator.periodType)),
		series: [{ label: indicatorName(lang, indicator), values: points.map((point) => point.value) }]
	};
}

/** The last period of a series that has a value, if any. */
export function latestValue(points: readonly SeriesValue[]): { periodStart: string; value: number } | null {
	for (let index = points.length - 1; index >= 0; index--) {
		const { periodStart, value } = points[index];
		if (value !== null) return { periodStart, value };
	}
	return null;
}

/** Tiles and legend of the map, coloured by stage (categories) or by the indicator (sequential classes). */
export function mapView(
	lang: Lang,
	rows: readonly RankingRow[],
	colour: ColourMode,
	stages: readonly string[],
	indicator: IndicatorOption
): { tiles: Record<string, MapTile>; legend: LegendEntry[] } {
	const tiles: Record<string, MapTile> = {};
	if (colour === 'tahap') {
		for (const row of rows) {
			const figure = row.stageSince
				? t(lang, 'overview.stageSinceDay', { stage: stages[row.stage] ?? '', date: formatDay(lang, row.stageSince) })
				: (stages[0] ?? '');
			tiles[row.code] = { name: row.name, colour: stageColour(row.stage), figure };
		}
		const legend = STAGE_COLOURS.map((colourOfStage, position) => ({ colour: colourOfStage, label: stages[position] ?? '' }));
		return { tiles, legend };
	}
	return valueMapView(lang, rows, indicator.unit);
}

/** Tiles and legend of a map coloured by a value per province, in sequential classes; grey where there is none. */
export function valueMapView(
	lang: Lang,
	rows: readonly { code: string; name: string; value: number | null }[],
	unit: IndicatorOption['unit']
): { tiles: Record<string, MapTile>; legend: LegendEntry[] } {
	const tiles: Record<string, MapTile> = {};
	const classes = sequentialClasses(rows.map((row) => row.value));
	for (const row of rows) {
		tiles[row.code] = {
			name: row.name,
			colour: colourOf(row.value, classes),
			figure: row.value === null ? t(lang, 'map.noData') : formatValue(lang, row.value, unit)
		};
	}
	const legend: LegendEntry[] = classes.map((range) => ({
		colour: range.colour,
		label: t(lang, 'map.range', { min: formatValue(lang, range.min, unit), max: formatValue(lang, range.max, unit) })
	}));
	if (rows.some((row) => row.value === null)) legend.push({ colour: NO_DATA, label: t(lang, 'map.noData') });
	return { tiles, legend };
}


/** Values per period for several areas (a province, the country) as lines on one axis, periods in order. */
export function lineChartByPeriod(
	lang: Lang,
	periodType: IndicatorOption['periodType'],
	lines: readonly { label: string; points: readonly SeriesValue[] }[]
): ChartData {
	const periods = [...new Set(lines.flatMap((line) => line.points.map((point) => point.periodStart)))].sort();
	return {
		categoryLabel: t(lang, 'overview.col.period'),
		categories: periods.map((period) => formatPeriod(lang, period, periodType)),
		series: lines.map((line) => {
			const byPeriod = new Map(line.points.map((point) => [point.periodStart, point.value]));
			return { label: line.label, values: periods.map((period) => byPeriod.get(period) ?? null) };
		})
	};
}

/** Coverage (a 0-1 share) per quarter as percents, to two decimals, for several areas. */
export function coverageTrendChart(
	lang: Lang,
	lines: readonly { label: string; points: readonly { periodStart: string; coverage: number }[] }[]
): ChartData {
	const percent = (share: number) => Math.round(share * 10_000) / 100;
	return lineChartByPeriod(
		lang,
		'QUARTER',
		lines.map((line) => ({ label: line.label, points: line.points.map((point) => ({ periodStart: point.periodStart, value: percent(point.coverage) })) }))
	);
}
