/** Pure functions from the explorer's API answers to what its map, chart, table and definition show. */
import type { ChartData } from '$lib/charts/chart-data';
import { t, type Lang } from '$lib/i18n';
import { formatPeriod, formatValue, indicatorName } from '$lib/overview/format';
import type { SeriesValue } from '$lib/overview/queries';
import { indicatorTrendChart } from '$lib/overview/views';
import type { ExplorerFilters } from './filters';
import type { CoreValueOption, ExplorerData, IndicatorChoice, IndicatorDetail } from './queries';

export interface ExplorerRow {
	code: string;
	name: string;
	value: number | null;
	/** Regions that reported in the group (the province's whole area nationally). */
	regionCount: number;
}

/**
 * A row per listed region, best first by the indicator's direction, regions without a value last (by code).
 * The regions list (when asked for) keeps regions without any report in the table; an area's own government
 * is left out of its regencies and cities.
 */
export function explorerRows(data: Pick<ExplorerData, 'indicatorAggregate' | 'regions' | 'indicator'>, area: string): ExplorerRow[] {
	const groups = new Map<string, ExplorerRow>();
	for (const { node } of data.indicatorAggregate.edges) {
		const region = node.area ?? node.region;
		if (region) groups.set(region.code, { code: region.code, name: region.name, value: node.value, regionCount: node.regionCount });
	}
	const listed = data.regions
		? data.regions.edges.map(({ node }) => groups.get(node.code) ?? { code: node.code, name: node.name, value: null, regionCount: 0 })
		: [...groups.values()];
	const rows = listed.filter((row) => !(data.regions && row.code === area));
	const sign = data.indicator.higherIsBetter ? -1 : 1;
	return rows.sort((a, b) => {
		if (a.value === null || b.value === null) return a.value === b.value ? a.code.localeCompare(b.code) : a.value === null ? 1 : -1;
		return sign * (a.value - b.value) || a.code.localeCompare(b.code);
	});
}

/** The target line fits the bars unless each bar adds up a whole province of regions held to a per-region target. */
export function showsTarget(indicator: Pick<IndicatorDetail, 'nationalTarget' | 'regionAggregation'>, area: string): boolean {
	return indicator.nationalTarget !== null && !(area === '' && indicator.regionAggregation === 'SUM');
}

/** Bars of the indicator per region, in rank order. */
export function rankedChart(lang: Lang, rows: readonly ExplorerRow[], indicator: IndicatorDetail, area: string): ChartData {
	return {
		categoryLabel: t(lang, area === '' ? 'indicators.col.province' : 'indicators.col.region'),
		codeLabel: t(lang, 'indicators.col.code'),
		categories: rows.map((row) => row.name),
		codes: rows.map((row) => row.code),
		series: [{ label: indicatorName(lang, indicator), values: rows.map((row) => row.value) }]
	};
}

/** The yearly series of the indicator (national or of the area). */
export function seriesChart(lang: Lang, points: readonly SeriesValue[], indicator: IndicatorDetail): ChartData {
	return indicatorTrendChart(lang, points, { ...indicator, periodType: 'YEAR' });
}

/** The chosen period as words: `2025`, `Triwulan 2 2025`, `Mei 2025`. */
export function periodLabel(lang: Lang, filters: Pick<ExplorerFilters, 'year' | 'period'>): string {
	const { year, period } = filters;
	if (period.startsWith('q')) return formatPeriod(lang, `${year}-${String((Number(period.slice(1)) - 1) * 3 + 1).padStart(2, '0')}-01`, 'QUARTER');
	if (period.startsWith('m')) return formatPeriod(lang, `${year}-${period.slice(1)}-01`, 'MONTH');
	return String(year);
}

/** The indicator's definition as term and description pairs. */
export function definitionItems(lang: Lang, indicator: IndicatorDetail): { term: string; detail: string }[] {
	return [
		{ term: t(lang, 'indicators.def.unit'), detail: t(lang, `indicators.unit.${indicator.unit}`) },
		{ term: t(lang, 'indicators.def.periodType'), detail: t(lang, `indicators.periodType.${indicator.periodType}`) },
		{ term: t(lang, 'indicators.def.regionAggregation'), detail: t(lang, `indicators.regionAggregation.${indicator.regionAggregation}`) },
		{ term: t(lang, 'indicators.def.timeAggregation'), detail: t(lang, `indicators.timeAggregation.${indicator.timeAggregation}`) },
		{ term: t(lang, 'indicators.def.direction'), detail: t(lang, indicator.higherIsBetter ? 'indicators.higherIsBetter' : 'indicators.lowerIsBetter') },
		{
			term: t(lang, 'indicators.def.target'),
			detail: indicator.nationalTarget === null ? t(lang, 'indicators.noTarget') : formatValue(lang, indicator.nationalTarget, indicator.unit)
		}
	];
}

/** The indicators grouped by program, programs by name, indicators in the API's order (by code). */
export function indicatorGroups(lang: Lang, indicators: readonly IndicatorChoice[]): { label: string; indicators: IndicatorChoice[] }[] {
	const groups = new Map<string, { label: string; indicators: IndicatorChoice[] }>();
	for (const indicator of indicators) {
		const key = indicator.program?.code ?? '';
		const label = indicator.program?.name ?? t(lang, 'indicators.noProgram');
		if (!groups.has(key)) groups.set(key, { label, indicators: [] });
		groups.get(key)!.indicators.push(indicator);
	}
	return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export function coreValueName(lang: Lang, value: CoreValueOption): string {
	return lang === 'en' ? value.nameEn : value.name;
}

export interface AreaOption {
	code: string;
	label: string;
	/** The area's own name, for titles. */
	name: string;
}

/**
 * The levels a caller may choose: nationally the provinces, or the regencies and cities of any province; a caller
 * limited to a region only that region.
 */
export function areaOptions(
	lang: Lang,
	provinces: readonly { code: string; name: string }[],
	scope: { code: string; name: string; level: 'PROVINCE' | 'REGENCY' | 'CITY' } | null
): AreaOption[] {
	if (scope) {
		const key = scope.level === 'PROVINCE' ? 'indicators.area.of' : 'indicators.area.own';
		return [{ code: scope.code, label: t(lang, key, { name: scope.name }), name: scope.name }];
	}
	const national = t(lang, 'indicators.area.national');
	return [
		{ code: '', label: national, name: national },
		...provinces.map((province) => ({ code: province.code, label: t(lang, 'indicators.area.of', { name: province.name }), name: province.name }))
	];
}
