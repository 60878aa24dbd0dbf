/**
 * The indicator explorer's choices live in the query string
 * (`?indikator=AGEN_PERUBAHAN&tahun=2025&periode=q2&wilayah=75&nilai=ADAPTIF`), so a view can be bookmarked,
 * shared and reached with the back button, with or without script.
 */
import { DEFAULT_INDICATOR, dueYear, LAUNCH_DAY, yearsUntil, type PeriodType } from '$lib/overview/filters';
import { withParam } from '$lib/url';

export const EXPLORER_PATH = '/indikator';

export const PARAM = {
	indicator: 'indikator',
	year: 'tahun',
	period: 'periode',
	area: 'wilayah',
	coreValue: 'nilai',
	/** The region highlighted on the map, chart and table, with its trend (`?sorot=75`). */
	highlight: 'sorot'
} as const;

/** Part of a year: the whole year (''), a quarter (`q1`..`q4`) or a month (`m01`..`m12`). */
export type PeriodPart = string;

export interface ExplorerFilters {
	indicator: string;
	year: number;
	period: PeriodPart;
	/** '' for the provinces of the whole country; else the region whose regencies and cities are listed. */
	area: string;
	/** Core value code, '' for all values (indicators reported per core value only). */
	coreValue: string;
}

/** What the choices may be: the indicators with their period types and core values, and the areas offered. */
export interface ExplorerOptions {
	indicators: readonly { code: string; periodType: PeriodType; coreValues: readonly string[] }[];
	/** Codes of the areas whose regions may be listed (the provinces, or the caller's own region). */
	areas: readonly string[];
	/** The region a limited caller sees (with its regencies and cities); null for the whole country. */
	scope: { code: string; level: 'PROVINCE' | 'REGENCY' | 'CITY' } | null;
	today: string;
}

const QUARTERS = ['q1', 'q2', 'q3', 'q4'];
const MONTHS = Array.from({ length: 12 }, (_, index) => `m${String(index + 1).padStart(2, '0')}`);

/** The parts of a year an indicator can be shown for: a yearly one only whole years. */
export function periodParts(type: PeriodType): PeriodPart[] {
	if (type === 'YEAR') return [''];
	if (type === 'QUARTER') return ['', ...QUARTERS];
	return ['', ...QUARTERS, ...MONTHS];
}

/**
 * The area a caller is shown: anyone may ask for the provinces or one province; a caller limited to a region
 * always gets that region (a province's regencies and cities, or their own regency or city), and `narrowed`
 * tells the page to say so when the link asked for something else.
 */
export function resolveArea(requested: string, options: Pick<ExplorerOptions, 'areas' | 'scope'>): { area: string; narrowed: boolean } {
	if (options.scope) return { area: options.scope.code, narrowed: requested !== '' && requested !== options.scope.code };
	return options.areas.includes(requested) ? { area: requested, narrowed: false } : { area: '', narrowed: false };
}

/** The choices of a query string; anything unknown falls back to its default rather than failing the page. */
export function parseExplorerFilters(params: URLSearchParams, options: ExplorerOptions): ExplorerFilters & { narrowed: boolean } {
	const codes = options.indicators.map((indicator) => indicator.code);
	const indicatorParam = params.get(PARAM.indicator) ?? '';
	const indicator = codes.includes(indicatorParam)
		? indicatorParam
		: codes.includes(DEFAULT_INDICATOR)
			? DEFAULT_INDICATOR
			: (codes[0] ?? DEFAULT_INDICATOR);
	const chosen = options.indicators.find((option) => option.code === indicator);
	const type = chosen?.periodType ?? 'YEAR';
	const years = yearsUntil(options.today);
	const yearParam = Number(params.get(PARAM.year));
	const due = dueYear(type, options.today);
	const year = years.includes(yearParam) ? yearParam : years.includes(due) ? due : years[0];
	const periodParam = params.get(PARAM.period) ?? '';
	const period = periodParts(type).includes(periodParam) ? periodParam : '';
	const coreValueParam = params.get(PARAM.coreValue) ?? '';
	const coreValue = chosen?.coreValues.includes(coreValueParam) ? coreValueParam : '';
	const { area, narrowed } = resolveArea(params.get(PARAM.area) ?? '', options);
	return { indicator, year, period, area, coreValue, narrowed };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The last day of a month (month 1-12). */
function lastDay(year: number, month: number): string {
	return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The days of the chosen part of a year, both ends included. */
export function periodRange(year: number, part: PeriodPart): { from: string; to: string } {
	if (QUARTERS.includes(part)) {
		const first = (Number(part.slice(1)) - 1) * 3 + 1;
		return { from: `${year}-${pad(first)}-01`, to: lastDay(year, first + 2) };
	}
	if (MONTHS.includes(part)) {
		const month = Number(part.slice(1));
		return { from: `${year}-${pad(month)}-01`, to: lastDay(year, month) };
	}
	return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** From the launch to the end of the chosen year: the span of the time series. */
export function seriesRange(year: number): { from: string; to: string } {
	return { from: LAUNCH_DAY, to: `${year}-12-31` };
}

/** The query string of a view, leaving defaults out. */
export function explorerQuery(filters: ExplorerFilters, changes: Partial<ExplorerFilters> = {}): string {
	const next = { ...filters, ...changes };
	const params = new URLSearchParams();
	params.set(PARAM.indicator, next.indicator);
	params.set(PARAM.year, String(next.year));
	if (next.period) params.set(PARAM.period, next.period);
	if (next.area) params.set(PARAM.area, next.area);
	if (next.coreValue) params.set(PARAM.coreValue, next.coreValue);
	return `?${params}`;
}

const REGENCY_OR_CITY = /^\d{2}\.\d{2}$/;

/**
 * The region highlighted among those listed: one of the provinces nationally, else a regency or city of the
 * area. '' for none, or for anything else (a stale link after the area changed), rather than failing the page.
 */
export function parseHighlight(params: URLSearchParams, area: string, provinces: readonly string[]): string {
	const code = params.get(PARAM.highlight)?.trim() ?? '';
	if (area === '') return provinces.includes(code) ? code : '';
	return REGENCY_OR_CITY.test(code) && code.startsWith(`${area}.`) ? code : '';
}

/** The query string of a view with a region highlighted, or with none when `code` is null. */
export function highlightQuery(filters: ExplorerFilters, code: string | null): string {
	return withParam(explorerQuery(filters), PARAM.highlight, code);
}
