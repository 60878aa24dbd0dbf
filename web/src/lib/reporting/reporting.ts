import type { RegionRef, Viewer } from '$lib/access';
import { formatMonth, t, type Lang, type MessageKey } from '$lib/i18n';

export const REPORTING_STATUS_QUERY = /* GraphQL */ `
	query ReportingStatus($regionCode: String!) {
		reportingStatus(regionCode: $regionCode) {
			region {
				code
				name
				level
			}
			asOf
			missing
			items {
				indicator {
					code
					name
					nameEn
					unit
					minValue
					maxValue
				}
				periodType
				periodStart
				coreValue {
					code
					name
					nameEn
				}
				value
				reported
				locksOn
				locked
			}
			milestones {
				milestone {
					code
					name
					nameEn
					position
				}
				reachedOn
			}
		}
	}
`;

export const REPORT_OBSERVATIONS_MUTATION = /* GraphQL */ `
	mutation ReportObservations($input: [ObservationInput!]!) {
		reportObservations(input: $input) {
			id
		}
	}
`;

export const RECORD_MILESTONE_MUTATION = /* GraphQL */ `
	mutation RecordMilestone($input: MilestoneInput!) {
		recordMilestone(input: $input) {
			milestone {
				code
				name
				nameEn
			}
			reachedOn
		}
	}
`;

export type PeriodType = 'MONTH' | 'QUARTER' | 'YEAR';
export type IndicatorUnit = 'PERCENT' | 'SCORE' | 'COUNT' | 'DAYS';

export interface Named {
	code: string;
	name: string;
	nameEn: string;
}

export interface ReportingItem {
	indicator: Named & { unit: IndicatorUnit; minValue: number | null; maxValue: number | null };
	periodType: PeriodType;
	periodStart: string;
	coreValue: Named | null;
	/** null: not reported yet. */
	value: number | null;
	reported: boolean;
	locksOn: string;
	locked: boolean;
}

export interface MilestoneStatus {
	milestone: Named & { position: number };
	reachedOn: string | null;
}

export interface ReportingStatus {
	region: RegionRef;
	asOf: string;
	/** How many items are still missing. */
	missing: number;
	items: ReportingItem[];
	milestones: MilestoneStatus[];
}

export interface RecordedMilestone {
	recordMilestone: { milestone: Named; reachedOn: string };
}

export interface ObservationInput {
	indicatorCode: string;
	regionCode: string;
	periodStart: string;
	coreValueCode?: string;
	value: number;
}

/** The region a page shows: the one asked for with `?wilayah=`, else the person's own. */
export function reportingRegion(url: URL, viewer: Pick<Viewer, 'scopeRegion'>): string | undefined {
	return url.searchParams.get('wilayah')?.trim() || viewer.scopeRegion?.code;
}

/** Who may switch regions: whoever's scope is wider than one regency or city. */
export function canChooseRegion(viewer: Pick<Viewer, 'scopeRegion'>): boolean {
	return viewer.scopeRegion === null || viewer.scopeRegion.level === 'PROVINCE';
}

/** The name in the reader's language. */
export function nameIn(lang: Lang, named: Named): string {
	return lang === 'en' ? named.nameEn : named.name;
}

export function periodLabel(lang: Lang, item: Pick<ReportingItem, 'periodType' | 'periodStart'>): string {
	const year = item.periodStart.slice(0, 4);
	switch (item.periodType) {
		case 'MONTH':
			return formatMonth(lang, item.periodStart);
		case 'QUARTER':
			return t(lang, 'period.quarter', { quarter: String(Math.ceil(Number(item.periodStart.slice(5, 7)) / 3)), year });
		case 'YEAR':
			return year;
	}
}

/** Identifies a figure of the form: indicator, period and core value (the key of its input fields). */
export function itemKey(item: { indicator: { code: string }; periodStart: string; coreValue: { code: string } | null }): string {
	return [item.indicator.code, item.periodStart, item.coreValue?.code ?? ''].join('|');
}

export const VALUE_FIELD = 'value:';
export const PREVIOUS_FIELD = 'previous:';

export interface ParsedFigures {
	/** The figures entered or changed, in form order. */
	input: ObservationInput[];
	/** The item key of each input, to put the API's `input[i]` errors next to the right field. */
	keys: string[];
	errors: Record<string, MessageKey>;
	/** What was typed, by item key, to show again when the form comes back with errors. */
	values: Record<string, string>;
}

/** Reads the figures form: every value field whose content differs from the figure already reported. */
export function parseFigures(form: FormData, regionCode: string): ParsedFigures {
	const parsed: ParsedFigures = { input: [], keys: [], errors: {}, values: {} };
	for (const [name, raw] of form) {
		if (!name.startsWith(VALUE_FIELD) || typeof raw !== 'string') continue;
		const key = name.slice(VALUE_FIELD.length);
		const text = raw.trim();
		parsed.values[key] = text;
		const previous = form.get(PREVIOUS_FIELD + key);
		if (text === '' || text === previous) continue;

		const value = parseDecimal(text);
		if (value === undefined) {
			parsed.errors[key] = 'form.notANumber';
			continue;
		}
		const [indicatorCode, periodStart, coreValueCode] = key.split('|');
		parsed.input.push({
			indicatorCode,
			regionCode,
			periodStart,
			...(coreValueCode ? { coreValueCode } : {}),
			value
		});
		parsed.keys.push(key);
	}
	return parsed;
}

/** A number as typed: `72.5`, or `72,5` with the Indonesian decimal comma; no digit grouping. */
export function parseDecimal(text: string): number | undefined {
	return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : undefined;
}

export interface MilestoneForm {
	input?: { milestoneCode: string; reachedOn: string };
	errors: Partial<Record<'milestoneCode' | 'reachedOn', MessageKey>>;
	values: { milestoneCode: string; reachedOn: string };
}

export function parseMilestone(form: FormData): MilestoneForm {
	const milestoneCode = String(form.get('milestoneCode') ?? '').trim();
	const reachedOn = String(form.get('reachedOn') ?? '').trim();
	const errors: MilestoneForm['errors'] = {};
	if (!milestoneCode) errors.milestoneCode = 'form.required';
	if (!reachedOn) errors.reachedOn = 'form.required';
	else if (!isDay(reachedOn)) errors.reachedOn = 'form.invalidDate';
	const values = { milestoneCode, reachedOn };
	return Object.keys(errors).length ? { errors, values } : { input: values, errors, values };
}

/** A real calendar day written `YYYY-MM-DD` (what a date field sends). */
function isDay(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
