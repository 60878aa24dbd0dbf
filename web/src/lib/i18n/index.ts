import { en } from './messages/en';
import { id, type MessageKey, type Messages } from './messages/id';

export type { MessageKey };

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';
export const LANG_COOKIE = 'lang';

/** Each language is named in itself, so readers find theirs whichever language is showing. */
export const LANG_NAMES: Record<Lang, string> = { id: 'Bahasa Indonesia', en: 'English' };

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const MESSAGES: Record<Lang, Messages> = { id, en };

export function isLang(value: unknown): value is Lang {
	return (LANGS as readonly unknown[]).includes(value);
}

/** Anything but a known language (a missing or tampered cookie) falls back to Indonesian. */
export function parseLang(value: string | null | undefined): Lang {
	return isLang(value) ? value : DEFAULT_LANG;
}

// Intl formatters are costly to build and a table formats hundreds of numbers.
const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number): string {
	let format = numberFormats.get(lang);
	if (!format) {
		format = new Intl.NumberFormat(LOCALES[lang]);
		numberFormats.set(lang, format);
	}
	return format.format(value);
}

const DATE_STYLES = {
	day: { dateStyle: 'long', timeZone: 'UTC' },
	month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
	// Moments are shown on the clock of Jakarta (WIB), where the ministry works.
	timestamp: { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(lang: Lang, style: keyof typeof DATE_STYLES, date: Date): string {
	const key = `${lang} ${style}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(LOCALES[lang], DATE_STYLES[style]);
		dateFormats.set(key, format);
	}
	return format.format(date);
}

/** A calendar day (`YYYY-MM-DD`, the API's LocalDate), e.g. `31 Maret 2025`. */
export function formatDay(lang: Lang, day: string): string {
	return formatDate(lang, 'day', new Date(`${day}T00:00:00Z`));
}

/** The month of a calendar day, e.g. `Maret 2025`. */
export function formatMonth(lang: Lang, day: string): string {
	return formatDate(lang, 'month', new Date(`${day}T00:00:00Z`));
}

/** A moment (ISO 8601 date-time), e.g. `31 Mar 2025, 17.00`. */
export function formatTimestamp(lang: Lang, iso: string): string {
	return formatDate(lang, 'timestamp', new Date(iso));
}

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills its `{name}` placeholders; numbers are formatted for the language. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
	const template = MESSAGES[lang][key];
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
		const value = params[name];
		if (value === undefined) return placeholder;
		return typeof value === 'number' ? formatNumber(lang, value) : value;
	});
}
