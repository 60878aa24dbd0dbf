import { IMPORT_PATH, LOGIN_PATH, type Viewer } from '$lib/access';
import { formatNumber, t, type Lang, type MessageKey } from '$lib/i18n';

/** The dashboard's side of the API's bulk import (`POST /import/<kind>`), shared by the page, its endpoints and the browser. */

export const IMPORT_KINDS = ['attendance', 'events', 'milestones', 'observations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const TEMPLATE_FORMATS = ['csv', 'json'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** Where the browser sends a file to (streamed on to the API), and where the templates are proxied. */
export const UPLOAD_PATH = `${IMPORT_PATH}/kirim`;
const TEMPLATE_PATH = `${IMPORT_PATH}/templat`;

export function isImportKind(value: unknown): value is ImportKind {
	return (IMPORT_KINDS as readonly unknown[]).includes(value);
}

/** Only the reporting roles (administrators and regional secretaries) import; the API says who they are. */
export function canImport(viewer: Pick<Viewer, 'canReport'>): boolean {
	return viewer.canReport;
}

export function templatePath(kind: ImportKind, format: TemplateFormat): string {
	return `${TEMPLATE_PATH}/${kind}.${format}`;
}

/** `attendance.csv` is the CSV template of attendance; anything else names no template. */
export function parseTemplateFile(file: string): { kind: ImportKind; format: TemplateFormat } | null {
	const match = /^([a-z]+)\.(csv|json)$/.exec(file);
	return match && isImportKind(match[1]) ? { kind: match[1], format: match[2] as TemplateFormat } : null;
}

// What the API answers (server/src/ingest/import-result.ts).

export type ImportStatus = 'APPLIED' | 'DRY_RUN' | 'INVALID';

export interface ImportCount {
	entity: string;
	inserted: number;
	updated: number;
	unchanged: number;
}

/** A problem or warning of one row; `column` is null when the whole row is at fault. */
export interface RowProblem {
	row: number;
	column: string | null;
	reason: string;
}

export interface ImportResult {
	kind: ImportKind;
	status: ImportStatus;
	rows: number;
	counts: ImportCount[];
	/** The first problems; `problemCount` counts them all. */
	problems: RowProblem[];
	problemCount: number;
	warnings: RowProblem[];
	warningCount: number;
}

/** A refusal of the whole upload: by the API (`{ error: { code, message } }`), the dashboard or the browser. */
export interface ImportFailure {
	code: string;
	message: string;
}

/** What became of one upload; `status` is the HTTP status, 0 when no answer came. */
export type ImportAnswer = { status: number; fileName?: string } & ({ result: ImportResult } | { error: ImportFailure });

/** Reads an answer of the upload endpoint or the API, whatever came back: a result, a refusal, or something else entirely. */
export function readImportAnswer(status: number, text: string): ImportAnswer {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	if (isImportResult(body)) return { status, result: body };
	if (isFailureBody(body)) return { status, error: body.error };
	// An HTML error page of a proxy, an empty answer, ...: the status is all there is to say.
	return { status, error: { code: status === 401 ? 'UNAUTHENTICATED' : 'UNEXPECTED_ANSWER', message: `HTTP ${status}` } };
}

function isImportResult(body: unknown): body is ImportResult {
	if (typeof body !== 'object' || body === null) return false;
	const result = body as Partial<ImportResult>;
	return (
		(result.status === 'APPLIED' || result.status === 'DRY_RUN' || result.status === 'INVALID') &&
		typeof result.rows === 'number' &&
		Array.isArray(result.counts) &&
		Array.isArray(result.problems) &&
		Array.isArray(result.warnings)
	);
}

function isFailureBody(body: unknown): body is { error: ImportFailure } {
	if (typeof body !== 'object' || body === null) return false;
	const { error } = body as { error?: Partial<ImportFailure> };
	return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** The Content-Type the API reads a file by: its extension first (browsers guess types differently), then its type. */
export function uploadContentType(fileName: string, type: string): 'text/csv' | 'application/json' | null {
	const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
	if (extension === 'csv') return 'text/csv';
	if (extension === 'json') return 'application/json';
	if (/json/i.test(type)) return 'application/json';
	if (/^text\/(csv|plain)|ms-excel/i.test(type)) return 'text/csv';
	return null;
}

export interface UploadOptions {
	kind: ImportKind;
	dryRun: boolean;
	fileName: string;
}

/** The upload endpoint's address for one file: the kind, whether it is a dry run, and the file's name for the audit log. */
export function uploadUrl({ kind, dryRun, fileName }: UploadOptions): string {
	const query = new URLSearchParams({ kind });
	if (dryRun) query.set('dryRun', 'true');
	if (fileName) query.set('fileName', fileName);
	return `${UPLOAD_PATH}?${query}`;
}

export interface UploadForm {
	values: { kind: string; dryRun: boolean };
	errors: Partial<Record<'kind' | 'file', MessageKey>>;
	/** Set when there are no errors. */
	upload?: { kind: ImportKind; dryRun: boolean; file: File; contentType: 'text/csv' | 'application/json' };
}

/** The import form as posted without JavaScript: the kind, the file and the dry-run box. */
export function parseUploadForm(form: FormData): UploadForm {
	const kind = String(form.get('kind') ?? '');
	const dryRun = form.get('dryRun') === 'true';
	const file = form.get('file');
	const values = { kind, dryRun };
	const errors: UploadForm['errors'] = {};
	if (!isImportKind(kind)) errors.kind = 'import.chooseKind';
	// A form sent without a chosen file still has the field: an empty file without a name.
	const chosen = file instanceof File && (file.name !== '' || file.size > 0) ? file : null;
	const contentType = chosen && uploadContentType(chosen.name, chosen.type);
	if (!chosen) errors.file = 'import.chooseFile';
	else if (!contentType) errors.file = 'import.error.UNSUPPORTED_FORMAT';
	if (!isImportKind(kind) || !chosen || !contentType) return { values, errors };
	return { values, errors, upload: { kind, dryRun, file: chosen, contentType } };
}

/** Codes of refusals the page explains in the reader's language; whether the API's own words help further. */
const FAILURES: Record<string, { key: MessageKey; detail: boolean }> = {
	UNAUTHENTICATED: { key: 'import.error.UNAUTHENTICATED', detail: false },
	FORBIDDEN: { key: 'import.error.FORBIDDEN', detail: true },
	TOO_MANY_REQUESTS: { key: 'import.error.TOO_MANY_REQUESTS', detail: false },
	FILE_TOO_LARGE: { key: 'import.error.FILE_TOO_LARGE', detail: true },
	TOO_MANY_ROWS: { key: 'import.error.TOO_MANY_ROWS', detail: true },
	UNSUPPORTED_FORMAT: { key: 'import.error.UNSUPPORTED_FORMAT', detail: false },
	NOT_UTF8: { key: 'import.error.NOT_UTF8', detail: true },
	UNREADABLE_FILE: { key: 'import.error.UNREADABLE_FILE', detail: true },
	BAD_HEADER: { key: 'import.error.BAD_HEADER', detail: true },
	EMPTY_FILE: { key: 'import.error.EMPTY_FILE', detail: true },
	UNKNOWN_KIND: { key: 'import.chooseKind', detail: false },
	API_UNAVAILABLE: { key: 'error.apiUnavailable', detail: false },
	NETWORK: { key: 'import.error.NETWORK', detail: false },
	CANCELLED: { key: 'import.error.CANCELLED', detail: false }
};

export interface FailureNotice {
	summary: string;
	/** The API's own (English) explanation, where it says which line or column is at fault. */
	detail?: string;
	/** The session ended: the page offers to sign in again. */
	signIn?: string;
}

/** What the page says about a refused upload. */
export function describeFailure(lang: Lang, { status, error }: { status: number; error: ImportFailure }): FailureNotice {
	const known = FAILURES[error.code];
	if (!known) return { summary: t(lang, 'import.error.unexpected', { status: String(status) }) };
	const notice: FailureNotice = { summary: t(lang, known.key) };
	if (known.detail && error.message) notice.detail = t(lang, 'import.detail', { detail: error.message });
	if (error.code === 'UNAUTHENTICATED') notice.signIn = `${LOGIN_PATH}?${new URLSearchParams({ redirectTo: IMPORT_PATH })}`;
	return notice;
}

/** Kinds of record the API counts (`ImportCount.entity`) that the page names in the reader's language. */
const ENTITIES = ['attendance', 'event', 'session', 'observation', 'region_milestone'] as const;

export function entityLabel(lang: Lang, entity: string): string {
	return (ENTITIES as readonly string[]).includes(entity) ? t(lang, `import.entity.${entity as (typeof ENTITIES)[number]}`) : entity;
}

/** How many problems (or warnings) the API counted beyond those it listed. */
export function notListed(listed: readonly unknown[], count: number): number {
	return Math.max(0, count - listed.length);
}

/** Whole percent of an upload sent, never past 100. */
export function uploadPercent(loaded: number, total: number): number {
	return total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** A file size for people: `512 KB`, `1,5 MB` (binary units, as the limits are set). */
export function formatBytes(lang: Lang, bytes: number): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return `${formatNumber(lang, Math.round(value * 10) / 10)} ${UNITS[unit]}`;
}
