/**
 * The overview's filters live in the query string (`?program=GIM&indikator=...&tahun=2025&warna=indikator`),
 * so a filtered view can be bookmarked, shared and reached with the back button, with or without script.
 */

/** BerAKHLAK was launched on 27 July 2021: no earlier year has any data. */
export const FIRST_YEAR = 2021;
export const LAUNCH_DAY = '2021-07-27';
export const DEFAULT_INDICATOR = 'INDEKS_BERAKHLAK';
/** The indicator of the national internalisation index headline. */
export const INDEX_INDICATOR = 'INDEKS_BERAKHLAK';

export const COLOUR_MODES = ['tahap', 'indikator'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

export interface OverviewFilters {
	/** Program code; empty for every program. */
	program: string;
	indicator: string;
	year: number;
	colour: ColourMode;
}

export type PeriodType = 'MONTH' | 'QUARTER' | 'YEAR';

export interface FilterOptions {
	programs: readonly string[];
	/** Indicators of the chosen program (of every program when none is chosen). */
	indicators: readonly string[];
	/** How often each indicator is reported; the default year follows it. */
	periodTypes?: Readonly<Record<string, PeriodType>>;
	today: string;
}

/**
 * The year of the last period of this type that has ended: a yearly index has no figure for the
 * year under way, so the page opens on the last year that can have one.
 */
export function dueYear(type: PeriodType, today: string): number {
	const year = Number(today.slice(0, 4));
	const month = Number(today.slice(5, 7));
	const periodStarted = type === 'YEAR' || (type === 'QUARTER' ? month <= 3 : month === 1);
	return periodStarted ? year - 1 : year;
}

/** Years from the launch to the current one, latest first. */
export function yearsUntil(today: string): number[] {
	const current = Number(today.slice(0, 4));
	const years: number[] = [];
	for (let year = current; year >= FIRST_YEAR; year--) years.push(year);
	return years;
}

/** The filters of a query string; anything unknown falls back to its default rather than failing the page. */
export function parseFilters(params: URLSearchParams, options: FilterOptions): OverviewFilters {
	const programParam = params.get('program') ?? '';
	const program = options.programs.includes(programParam) ? programParam : '';
	const indicatorParam = params.get('indikator') ?? '';
	const indicator = options.indicators.includes(indicatorParam)
		? indicatorParam
		: options.indicators.includes(DEFAULT_INDICATOR)
			? DEFAULT_INDICATOR
			: (options.indicators[0] ?? DEFAULT_INDICATOR);
	const years = yearsUntil(options.today);
	const yearParam = Number(params.get('tahun'));
	const due = dueYear(options.periodTypes?.[indicator] ?? 'MONTH', options.today);
	const year = years.includes(yearParam) ? yearParam : years.includes(due) ? due : years[0];
	const colourParam = params.get('warna');
	const colour = (COLOUR_MODES as readonly (string | null)[]).includes(colourParam) ? (colourParam as ColourMode) : 'tahap';
	return { program, indicator, year, colour };
}

/** The days of a year, both ends included. */
export function yearPeriod(year: number): { from: string; to: string } {
	return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** From the launch to the end of the chosen year: the span of the trend charts. */
export function historyPeriod(year: number): { from: string; to: string } {
	return { from: LAUNCH_DAY, to: `${year}-12-31` };
}

/** The day stages are counted at: the end of the chosen year, or today while that year is under way. */
export function stageDay(year: number, today: string): string {
	const end = `${year}-12-31`;
	return end < today ? end : today;
}

/**
 * The quarter whose reporting completeness the headline shows: the last one of the chosen year that has
 * ended by today; early in the current year, the last quarter of the year before.
 */
export function completenessQuarter(year: number, today: string): { start: string; type: 'QUARTER' } {
	const [todayYear, todayMonth] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
	if (year < todayYear) return { start: `${year}-10-01`, type: 'QUARTER' };
	// The quarter in progress is the one containing today; the one before it is the last that ended.
	const current = Math.floor((todayMonth - 1) / 3);
	if (current === 0) return { start: `${todayYear - 1}-10-01`, type: 'QUARTER' };
	const month = String((current - 1) * 3 + 1).padStart(2, '0');
	return { start: `${todayYear}-${month}-01`, type: 'QUARTER' };
}

/** The query string of a set of filters, leaving defaults out. */
export function filterQuery(filters: OverviewFilters, changes: Partial<OverviewFilters> = {}): string {
	const next = { ...filters, ...changes };
	const params = new URLSearchParams();
	if (next.program) params.set('program', next.program);
	params.set('indikator', next.indicator);
	params.set('tahun', String(next.year));
	if (next.colour !== 'tahap') params.set('warna', next.colour);
	return `?${params}`;
}
