import { formatMonth, formatNumber, t, type Lang } from '$lib/i18n';
import type { IndicatorOption, IndicatorUnit } from './queries';

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A value in its indicator's unit: counts whole, scores, percents and days to one decimal. */
export function formatValue(lang: Lang, value: number, unit: IndicatorUnit): string {
	if (unit === 'COUNT') return formatNumber(lang, Math.round(value));
	if (unit === 'PERCENT') return t(lang, 'overview.percent', { value: round1(value) });
	return formatNumber(lang, round1(value));
}

/** A share from 0 to 1 as a percent with one decimal. */
export function formatRatio(lang: Lang, ratio: number): string {
	return t(lang, 'overview.percent', { value: round1(ratio * 100) });
}

/** A period by its first day: `Triwulan 3 2026`, `Maret 2026` or `2026`. */
export function formatPeriod(lang: Lang, periodStart: string, type: IndicatorOption['periodType']): string {
	const year = periodStart.slice(0, 4);
	if (type === 'YEAR') return year;
	if (type === 'MONTH') return formatMonth(lang, periodStart);
	return t(lang, 'period.quarter', { quarter: String(Math.floor((Number(periodStart.slice(5, 7)) - 1) / 3) + 1), year });
}

export function indicatorName(lang: Lang, indicator: Pick<IndicatorOption, 'name' | 'nameEn'>): string {
	return lang === 'en' ? indicator.nameEn : indicator.name;
}
