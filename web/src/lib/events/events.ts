import type { CsvCell } from '$lib/export/csv';
import type { MessageKey } from '$lib/i18n';

/** The events explorer and the event page: their GraphQL operations and the pure rules around them. */

export const EVENTS_PATH = '/kegiatan';

export const EVENT_KINDS = [
	'SOCIALISATION',
	'INTERNALISATION',
	'WORKSHOP',
	'VIDEO_CONFERENCE',
	'CHANGE_AGENT_COACHING',
	'CEREMONY',
	'EVALUATION'
] as const;
export const EVENT_MODES = ['OFFLINE', 'ONLINE', 'HYBRID'] as const;
export const EVENT_STATUSES = ['PLANNED', 'HELD', 'CANCELLED'] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventMode = (typeof EVENT_MODES)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Rows per page of the explorer. */
export const EVENTS_PAGE_SIZE = 50;

/**
 * The explorer's URL query: every filter, the cursor of the page shown (`setelah`) and the cursors of
 * the pages before it (`jejak`), so "previous" is a plain link too (the API only pages forwards).
 */
export const PARAM = {
	program: 'program',
	kind: 'jenis',
	mode: 'moda',
	status: 'status',
	from: 'dari',
	to: 'sampai',
	region: 'wilayah',
	search: 'cari',
	after: 'setelah',
	trail: 'jejak'
} as const;

/** The filter fields of the form, by their URL name. */
export type FilterField = Exclude<(typeof PARAM)[keyof typeof PARAM], 'setelah' | 'jejak'>;

export interface EventFilterInput {
	programCode?: string;
	kinds?: EventKind[];
	modes?: EventMode[];
	statuses?: EventStatus[];
	period?: { from?: string; to?: string };
	regionCode?: string;
	search?: string;
}

export interface EventsQuery {
	/** What the form shows: the values as they were in the URL. */
	values: Record<FilterField, string>;
	filter: EventFilterInput;
	after: string | null;
	/** Cursors of the pages between the first and this one (the first page has none). */
	trail: string[];
	/** Reasons by form field, for values the API would refuse or misread. */
	errors: Partial<Record<FilterField, MessageKey>>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REGION_CODE = /^\d{2}(\.\d{2})?$/;
// The API's cursors are base64url; anything else in the address is not one of them.
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;
const MAX_TRAIL = 100;
export const SEARCH_MAX = 100;

function isDay(value: string): boolean {
	if (!DAY.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
	return (allowed as readonly string[]).includes(value);
}

/** Reads the explorer's filters and page from its URL; what cannot be right is named, not guessed at. */
export function parseEventsQuery(params: URLSearchParams): EventsQuery {
	const text = (name: string) => params.get(name)?.trim() ?? '';
	const values: Record<FilterField, string> = {
		program: text(PARAM.program),
		jenis: text(PARAM.kind),
		moda: text(PARAM.mode),
		status: text(PARAM.status),
		dari: text(PARAM.from),
		sampai: text(PARAM.to),
		wilayah: text(PARAM.region),
		cari: text(PARAM.search)
	};
	const errors: EventsQuery['errors'] = {};
	const filter: EventFilterInput = {};

	if (values.program) filter.programCode = values.program;
	// A link may repeat a choice (`?jenis=WORKSHOP&jenis=CEREMONY`); the API takes any of them.
	const many = <T extends string>(name: FilterField, allowed: readonly T[]): T[] | undefined => {
		const chosen = params.getAll(name).map((value) => value.trim()).filter(Boolean);
		if (chosen.some((value) => !oneOf(allowed, value))) errors[name] = 'events.invalidChoice';
		const valid = [...new Set(chosen.filter((value): value is T => oneOf(allowed, value)))];
		return valid.length ? valid : undefined;
	};
	const kinds = many(PARAM.kind, EVENT_KINDS);
	const modes = many(PARAM.mode, EVENT_MODES);
	const statuses = many(PARAM.status, EVENT_STATUSES);
	if (kinds) filter.kinds = kinds;
	if (modes) filter.modes = modes;
	if (statuses) filter.statuses = statuses;

	if (values.dari && !isDay(values.dari)) errors.dari = 'form.invalidDate';
	if (values.sampai && !isDay(values.sampai)) errors.sampai = 'form.invalidDate';
	if (!errors.dari && !errors.sampai && values.dari && values.sampai && values.dari > values.sampai) {
		errors.sampai = 'events.toBeforeFrom';
	}
	if ((values.dari && !errors.dari) || (values.sampai && !errors.sampai)) {
		filter.period = {
			...(values.dari && !errors.dari ? { from: values.dari } : {}),
			...(values.sampai && !errors.sampai ? { to: values.sampai } : {})
		};
	}

	if (values.wilayah) {
		if (REGION_CODE.test(values.wilayah)) filter.regionCode = values.wilayah;
		else errors.wilayah = 'events.invalidRegion';
	}
	// The API takes 1 to 100 characters.
	if (values.cari) filter.search = values.cari.slice(0, SEARCH_MAX);

	const afterText = text(PARAM.after);
	const after = CURSOR.test(afterText) ? afterText : null;
	const trail = after
		? text(PARAM.trail)
				.split('.')
				.filter((cursor) => CURSOR.test(cursor))
				.slice(-MAX_TRAIL)
		: [];

	return { values, filter, after, trail, errors };
}

export function hasErrors(query: Pick<EventsQuery, 'errors'>): boolean {
	return Object.keys(query.errors).length > 0;
}

/** Whether any filter is set: an empty list then means "nothing matches", not "nothing recorded". */
export function isFiltered(query: Pick<EventsQuery, 'values'>): boolean {
	return Object.values(query.values).some(Boolean);
}

/** The variables of EVENTS_QUERY for a parsed URL. */
export function eventsVariables(query: Pick<EventsQuery, 'filter' | 'after'>, first = EVENTS_PAGE_SIZE) {
	return { first, after: query.after, filter: query.filter };
}

/** The explorer's address with the same filters and another page. */
function pageHref(params: URLSearchParams, after: string | null, trail: readonly string[]): string {
	const next = new URLSearchParams(params);
	next.delete(PARAM.after);
	next.delete(PARAM.trail);
	if (after) {
		next.set(PARAM.after, after);
		if (trail.length) next.set(PARAM.trail, trail.join('.'));
	}
	const search = next.toString();
	return search ? `${EVENTS_PATH}?${search}` : EVENTS_PATH;
}

export interface PageLinks {
	/** 1 for the first page. */
	number: number;
	previous: string | null;
	next: string | null;
}

/** Links to the pages before and after the one shown; both plain links, so paging works without JavaScript. */
export function pageLinks(
	params: URLSearchParams,
	query: Pick<EventsQuery, 'after' | 'trail'>,
	pageInfo: { hasNextPage: boolean; endCursor: string | null }
): PageLinks {
	const { after, trail } = query;
	const previous = after ? pageHref(params, trail.at(-1) ?? null, trail.slice(0, -1)) : null;
	const next =
		pageInfo.hasNextPage && pageInfo.endCursor
			? pageHref(params, pageInfo.endCursor, after ? [...trail, after] : [])
			: null;
	return { number: after ? trail.length + 2 : 1, previous, next };
}

/** The event page of a code (kode kegiatan); codes may hold `/`, so the code is encoded as one segment. */
export function eventHref(code: string): string {
	return `${EVENTS_PATH}/${encodeURIComponent(code)}`;
}

// ---------------------------------------------------------------- GraphQL

/** An event as a row of the events table: the explorer and a region's page ask for the same. */
export const EVENT_ROW_FRAGMENT = /* GraphQL */ `
	fragment EventRowFields on Event {
		id
		code
		title
		kind
		mode
		status
		startsAt
		endsAt
		organiser
		program {
			code
			name
		}
		hostRegion {
			code
			name
		}
		regionCount
		participantCount
	}
`;

export const EVENTS_QUERY = /* GraphQL */ `
	query EventsExplorer($first: Int!, $after: String, $filter: EventFilter) {
		events(first: $first, after: $after, filter: $filter) {
			totalCount
			pageInfo {
				hasNextPage
				endCursor
			}
			edges {
				node {
					...EventRowFields
				}
			}
		}
	}
` + EVENT_ROW_FRAGMENT;

export const EVENT_PROGRAMS_QUERY = /* GraphQL */ `
	query EventPrograms {
		programs(first: 200) {
			edges {
				node {
					code
					name
				}
			}
		}
	}
`;

const ATTENDANCE_FIELDS = /* GraphQL */ `
	totalCount
	pageInfo {
		hasNextPage
		endCursor
	}
	edges {
		node {
			participants
			region {
				code
				name
				level
			}
		}
	}
`;

export const EVENT_QUERY = /* GraphQL */ `
	query EventPage($code: String!) {
		event(code: $code) {
			id
			code
			title
			kind
			mode
			status
			organiser
			startsAt
			endsAt
			venue
			sourceUrl
			participantCount
			regionCount
			program {
				code
				name
			}
			hostRegion {
				code
				name
				level
			}
			coreValues {
				code
				name
				nameEn
			}
			sessions {
				id
				number
				topic
				mode
				startsAt
				endsAt
				speakers {
					position
					name
					role
				}
				attendance(first: 200) {
					${ATTENDANCE_FIELDS}
				}
			}
		}
	}
`;

/** The next page of one session's attendance (the API has no session lookup, so it goes through the event). */
export const EVENT_ATTENDANCE_QUERY = /* GraphQL */ `
	query EventAttendance($id: ID!, $after: String) {
		event(id: $id) {
			sessions {
				id
				attendance(first: 200, after: $after) {
					${ATTENDANCE_FIELDS}
				}
			}
		}
	}
`;

// ---------------------------------------------------------------- answers

export interface PageInfo {
	hasNextPage: boolean;
	endCursor: string | null;
}

export interface EventListItem {
	id: string;
	code: string;
	title: string;
	kind: EventKind;
	mode: EventMode;
	status: EventStatus;
	startsAt: string;
	endsAt: string;
	organiser: string;
	program: { code: string; name: string };
	hostRegion: { code: string; name: string } | null;
	regionCount: number;
	participantCount: number;
}

export interface EventsAnswer {
	events: { totalCount: number; pageInfo: PageInfo; edges: { node: EventListItem }[] };
}

export interface ProgramsAnswer {
	programs: { edges: { node: { code: string; name: string } }[] };
}

export interface AttendanceRow {
	participants: number;
	region: { code: string; name: string; level: 'PROVINCE' | 'REGENCY' | 'CITY' };
}

export interface AttendancePage {
	totalCount: number;
	pageInfo: PageInfo;
	edges: { node: AttendanceRow }[];
}

export interface EventSession {
	id: string;
	number: number;
	topic: string;
	mode: EventMode;
	startsAt: string;
	endsAt: string;
	speakers: { position: number; name: string; role: string }[];
	attendance: AttendancePage;
}

export interface EventDetail extends Omit<EventListItem, 'hostRegion'> {
	venue: string | null;
	sourceUrl: string | null;
	hostRegion: { code: string; name: string; level: 'PROVINCE' | 'REGENCY' | 'CITY' } | null;
	coreValues: { code: string; name: string; nameEn: string }[];
	sessions: EventSession[];
}

export interface EventAnswer {
	event: EventDetail;
}

export interface EventAttendanceAnswer {
	event: { sessions: { id: string; attendance: AttendancePage }[] };
}

// ---------------------------------------------------------------- tables

export interface ParticipatingRegion {
	code: string;
	name: string;
	level: AttendanceRow['region']['level'];
	/** Sessions the region took part in. */
	sessions: number;
	/** Participants summed over those sessions. */
	participants: number;
}

/** The regions that took part in any session, with their participants over all sessions, by region code. */
export function participatingRegions(sessions: readonly { attendance: { edges: { node: AttendanceRow }[] } }[]): ParticipatingRegion[] {
	const byCode = new Map<string, ParticipatingRegion>();
	for (const session of sessions) {
		for (const { node } of session.attendance.edges) {
			const row = byCode.get(node.region.code) ?? { ...node.region, sessions: 0, participants: 0 };
			row.sessions += 1;
			row.participants += node.participants;
			byCode.set(row.code, row);
		}
	}
	return [...byCode.values()].sort((a, b) => compareCodes(a.code, b.code));
}

function compareCodes(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** CSV columns of the events table; names stay the same in every language, like the import templates. */
export const EVENTS_CSV_HEADER = [
	'kode_kegiatan',
	'judul',
	'program',
	'jenis',
	'moda',
	'status',
	'mulai',
	'selesai',
	'penyelenggara',
	'kode_wilayah_tuan_rumah',
	'wilayah_tuan_rumah',
	'wilayah_peserta',
	'peserta'
] as const;

/** One CSV row per event of the page, with the API's own values (enum codes, ISO instants). */
export function eventCsvRows(events: readonly EventListItem[]): CsvCell[][] {
	return events.map((event) => [
		event.code,
		event.title,
		event.program.code,
		event.kind,
		event.mode,
		event.status,
		event.startsAt,
		event.endsAt,
		event.organiser,
		event.hostRegion?.code ?? null,
		event.hostRegion?.name ?? null,
		event.regionCount,
		event.participantCount
	]);
}

export const REGIONS_CSV_HEADER = ['kode_wilayah', 'wilayah', 'tingkat', 'sesi_diikuti', 'peserta'] as const;

export function regionCsvRows(rows: readonly ParticipatingRegion[]): CsvCell[][] {
	return rows.map((row) => [row.code, row.name, row.level, row.sessions, row.participants]);
}

/** A file name for a download, e.g. `kegiatan-KEG-000123-wilayah.csv`. */
export function csvFileName(...parts: string[]): string {
	return `${parts.map((part) => part.replace(/[^A-Za-z0-9._-]+/g, '-')).join('-')}.csv`;
}
