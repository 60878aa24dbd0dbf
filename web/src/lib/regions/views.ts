/** Pure functions from the province and region pages' API answers to what their charts and tables show. */
import type { ChartData } from '$lib/charts/chart-data';
import { toCsv } from '$lib/export/csv';
import { t, type Lang } from '$lib/i18n';
import { regionPath } from '$lib/map/layout';
import { formatPeriod, indicatorName } from '$lib/overview/format';
import type { IndicatorOption, SeriesValue, StageCount } from '$lib/overview/queries';
import { stageNames } from '$lib/overview/views';
import type { AreaFiguresData, MilestoneDefinition, RegionData, RegionIndicator, YearActivity, YearReach } from './queries';

/** Kemendagri codes: `75` for a province, `75.71` for a regency or city. */
const REGION_CODE = /^\d{2}(\.\d{2})?$/;

export function isRegionCode(code: string): boolean {
	return REGION_CODE.test(code);
}

export interface Crumb {
	label: string;
	/** None for the page itself. */
	href: string | null;
}

/** Nasional › province › regency or city; the ancestors come nearest first from the API. */
export function breadcrumbs(lang: Lang, region: Pick<RegionData['region'], 'name' | 'ancestors'>): Crumb[] {
	return [
		{ label: t(lang, 'region.national'), href: '/' },
		...[...region.ancestors].reverse().map((ancestor) => ({ label: ancestor.name, href: regionPath(ancestor.code) })),
		{ label: region.name, href: null }
	];
}

export interface TimelineStep {
	code: string;
	position: number;
	name: string;
	description: string;
	/** Day reached; null while not yet. */
	reachedOn: string | null;
	/** Reached, and every step before it too: part of the rollout stage. */
	inOrder: boolean;
}

/** The milestones in their official order, each with the day the region reached it, if it did. */
export function milestoneTimeline(
	lang: Lang,
	definitions: readonly MilestoneDefinition[],
	reached: readonly { milestone: { code: string }; reachedOn: string }[]
): TimelineStep[] {
	const days = new Map(reached.map((entry) => [entry.milestone.code, entry.reachedOn]));
	let inOrder = true;
	return [...definitions]
		.sort((a, b) => a.position - b.position)
		.map((definition) => {
			const reachedOn = days.get(definition.code) ?? null;
			inOrder = inOrder && reachedOn !== null;
			return {
				code: definition.code,
				position: definition.position,
				name: lang === 'en' ? definition.nameEn : definition.name,
				description: definition.description,
				reachedOn,
				inOrder
			};
		});
}

/** The rollout stage: the last step reached in order, or null before the first. */
export function currentStage(timeline: readonly TimelineStep[]): TimelineStep | null {
	return timeline.filter((step) => step.inOrder).at(-1) ?? null;
}

/** Whether a value reaches its target, as the indicator prefers; null without either. */
export function meetsTarget(value: number | null, target: number | null, higherIsBetter: boolean): boolean | null {
	if (value === null || target === null) return null;
	return higherIsBetter ? value >= target : value <= target;
}

/** The totals of `areaFiguresQuery` in the order of the given indicator codes; null for a code without one. */
export function areaValues(data: AreaFiguresData | null, codes: readonly string[]): (number | null)[] | null {
	if (!data) return null;
	const values = new Map(data.totals.map((total) => [total.indicator.code, total.value]));
	return codes.map((code) => values.get(code) ?? null);
}

export interface ComparisonRow {
	indicator: RegionIndicator;
	value: number | null;
	target: number | null;
	meetsTarget: boolean | null;
	/** Null when the province's figures are not available (none, or outside the person's scope). */
	province: number | null;
	nation: number | null;
}

/** Each indicator of the region against its target, its province and the country. */
export function comparisonRows(
	indicators: readonly RegionIndicator[],
	values: { region: readonly (number | null)[]; province: readonly (number | null)[] | null; nation: readonly (number | null)[] | null }
): ComparisonRow[] {
	return indicators.map((indicator, index) => {
		const value = values.region[index] ?? null;
		return {
			indicator,
			value,
			target: indicator.targetFor,
			meetsTarget: meetsTarget(value, indicator.targetFor, indicator.higherIsBetter),
			province: values.province?.[index] ?? null,
			nation: values.nation?.[index] ?? null
		};
	});
}

/** Columns of the comparison; the province's and the nation's only when the person may see those figures. */
export function comparisonColumns(lang: Lang, withProvince: boolean, withNation = true): string[] {
	return [
		t(lang, 'region.col.code'),
		t(lang, 'region.col.indicator'),
		t(lang, 'region.col.value'),
		t(lang, 'region.col.target'),
		t(lang, 'region.col.meetsTarget'),
		...(withProvince ? [t(lang, 'region.col.province')] : []),
		...(withNation ? [t(lang, 'region.col.national')] : [])
	];
}

/** The comparison as CSV, with the API's figures unformatted. */
export function comparisonCsv(lang: Lang, rows: readonly ComparisonRow[], withProvince: boolean, withNation = true): string {
	return toCsv(
		comparisonColumns(lang, withProvince, withNation),
		rows.map((row) => [
			row.indicator.code,
			indicatorName(lang, row.indicator),
			row.value,
			row.target,
			row.meetsTarget === null ? null : t(lang, row.meetsTarget ? 'overview.yes' : 'overview.no'),
			...(withProvince ? [row.province] : []),
			...(withNation ? [row.nation] : [])
		])
	);
}

/** The chosen indicator per period for several areas (the region, its province, the country), on one axis. */
export function trendChart(
	lang: Lang,
	indicator: IndicatorOption,
	lines: readonly { label: string; points: readonly SeriesValue[] }[]
): ChartData {
	const periods = [...new Set(lines.flatMap((line) => line.points.map((point) => point.periodStart)))].sort();
	return {
		categoryLabel: t(lang, 'overview.col.period'),
		categories: periods.map((period) => formatPeriod(lang, period, indicator.periodType)),
		series: lines.map((line) => {
			const byPeriod = new Map(line.points.map((point) => [point.periodStart, point.value]));
			return { label: line.label, values: periods.map((period) => byPeriod.get(period) ?? null) };
		})
	};
}

/** A province's regencies and cities per stage, a series per level. */
export function childStageChart(lang: Lang, regencyStages: readonly StageCount[], cityStages: readonly StageCount[]): ChartData {
	const names = stageNames(lang, regencyStages.length ? regencyStages : cityStages);
	const counts = (stages: readonly StageCount[]) =>
		names.map((_, position) => stages.find((stage) => (stage.milestone?.position ?? 0) === position)?.regionCount ?? 0);
	return {
		categoryLabel: t(lang, 'overview.col.stage'),
		categories: names,
		series: [
			{ label: t(lang, 'overview.level.REGENCY'), values: counts(regencyStages) },
			{ label: t(lang, 'overview.level.CITY'), values: counts(cityStages) }
		]
	};
}

export interface ActivityRow {
	year: string;
	events: number;
	sessions: number;
	participants: number;
	/** Civil servants reached from the launch to the end of the year. */
	reached: number | null;
	coverage: number | null;
}

/** Per year: events hosted in the area with their sessions and participants, and civil servants reached so far. */
export function activityRows(hosted: readonly YearActivity[], reached: readonly YearReach[]): ActivityRow[] {
	const years = [...new Set([...hosted, ...reached].map((point) => point.periodStart.slice(0, 4)))].sort();
	return years.map((year) => {
		const activity = hosted.find((point) => point.periodStart.startsWith(year));
		const reach = reached.find((point) => point.periodStart.startsWith(year));
		return {
			year,
			events: activity?.events ?? 0,
			sessions: activity?.sessions ?? 0,
			participants: activity?.participants ?? 0,
			reached: reach?.reached ?? null,
			coverage: reach?.coverage ?? null
		};
	});
}

export function activityColumns(lang: Lang): string[] {
	return [
		t(lang, 'region.col.year'),
		t(lang, 'region.col.events'),
		t(lang, 'region.col.sessions'),
		t(lang, 'region.col.participants'),
		t(lang, 'region.col.reached'),
		t(lang, 'region.col.coverage')
	];
}

/** The activity table as CSV: coverage as a 0-1 share, as the API gives it. */
export function activityCsv(lang: Lang, rows: readonly ActivityRow[]): string {
	return toCsv(
		activityColumns(lang),
		rows.map((row) => [row.year, row.events, row.sessions, row.participants, row.reached, row.coverage])
	);
}
