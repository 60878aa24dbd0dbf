import { describe, expect, it } from 'vitest';
import {
	describeFailure,
	entityLabel,
	formatBytes,
	notListed,
	parseTemplateFile,
	parseUploadForm,
	readImportAnswer,
	templatePath,
	uploadContentType,
	uploadPercent,
	uploadUrl,
	type ImportResult
} from './imports';

const RESULT: ImportResult = {
	kind: 'attendance',
	status: 'APPLIED',
	rows: 2,
	counts: [{ entity: 'attendance', inserted: 1, updated: 1, unchanged: 0 }],
	problems: [],
	problemCount: 0,
	warnings: [],
	warningCount: 0
};

describe('readImportAnswer', () => {
	it('reads a result, applied or refused row by row', () => {
		expect(readImportAnswer(200, JSON.stringify(RESULT))).toEqual({ status: 200, result: RESULT });
		const invalid = { ...RESULT, status: 'INVALID', counts: [], problems: [{ row: 3, column: 'participants', reason: 'is empty' }], problemCount: 1 };
		expect(readImportAnswer(422, JSON.stringify(invalid))).toEqual({ status: 422, result: invalid });
	});

	it('reads a refusal of the whole file', () => {
		const body = { error: { code: 'BAD_HEADER', message: 'line 1, the header: missing column "participants"' } };
		expect(readImportAnswer(400, JSON.stringify(body))).toEqual({ status: 400, error: body.error });
	});

	it('makes something of answers that are neither, such as a proxy’s HTML error page', () => {
		expect(readImportAnswer(502, '<html>Bad Gateway</html>')).toEqual({ status: 502, error: { code: 'UNEXPECTED_ANSWER', message: 'HTTP 502' } });
		expect(readImportAnswer(401, '')).toEqual({ status: 401, error: { code: 'UNAUTHENTICATED', message: 'HTTP 401' } });
		expect(readImportAnswer(200, '{"status":"APPLIED"}')).toMatchObject({ error: { code: 'UNEXPECTED_ANSWER' } });
	});
});

describe('uploadContentType', () => {
	it.each([
		['hadir.csv', '', 'text/csv'],
		['HADIR.CSV', 'application/vnd.ms-excel', 'text/csv'],
		['kegiatan.json', '', 'application/json'],
		['export', 'application/json', 'application/json'],
		['export', 'text/plain', 'text/csv'],
		['laporan.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', null],
		['foto.png', 'image/png', null]
	])('sends %s (%s) as %s', (name, type, expected) => {
		expect(uploadContentType(name, type)).toBe(expected);
	});
});

describe('uploadUrl', () => {
	it('names the kind, a dry run and the file', () => {
		expect(uploadUrl({ kind: 'attendance', dryRun: true, fileName: 'hadir mei.csv' })).toBe(
			'/impor/kirim?kind=attendance&dryRun=true&fileName=hadir+mei.csv'
		);
		expect(uploadUrl({ kind: 'events', dryRun: false, fileName: '' })).toBe('/impor/kirim?kind=events');
	});
});

describe('templates', () => {
	it('has a path per kind and format, and reads it back', () => {
		expect(templatePath('milestones', 'json')).toBe('/impor/templat/milestones.json');
		expect(parseTemplateFile('milestones.json')).toEqual({ kind: 'milestones', format: 'json' });
		expect(parseTemplateFile('attendance.csv')).toEqual({ kind: 'attendance', format: 'csv' });
	});

	it.each(['attendance.xlsx', 'users.csv', '../graphql.csv', 'attendance.csv.json', 'constructor.csv'])('knows no template %s', (file) => {
		expect(parseTemplateFile(file)).toBeNull();
	});
});

describe('parseUploadForm', () => {
	const file = (name: string, content = 'a,b\n1,2\n', type = '') => new File([content], name, { type });
	function form(fields: Record<string, string | File>): FormData {
		const data = new FormData();
		for (const [name, value] of Object.entries(fields)) data.append(name, value);
		return data;
	}

	it('reads the kind, the file and the dry-run box', () => {
		const upload = file('hadir.csv');
		expect(parseUploadForm(form({ kind: 'attendance', file: upload, dryRun: 'true' }))).toEqual({
			values: { kind: 'attendance', dryRun: true },
			errors: {},
			upload: { kind: 'attendance', dryRun: true, file: expect.any(File), contentType: 'text/csv' }
		});
		expect(parseUploadForm(form({ kind: 'events', file: file('k.json') })).upload).toMatchObject({ dryRun: false, contentType: 'application/json' });
	});

	it('asks for a kind and a file, keeping the choices made', () => {
		// What a browser sends for a file input left empty: a nameless, empty file.
		expect(parseUploadForm(form({ file: file('', '', 'application/octet-stream'), dryRun: 'true' }))).toEqual({
			values: { kind: '', dryRun: true },
			errors: { kind: 'import.chooseKind', file: 'import.chooseFile' }
		});
		expect(parseUploadForm(form({ kind: 'everything', file: file('a.csv') })).errors).toEqual({ kind: 'import.chooseKind' });
	});

	it('refuses files that are neither CSV nor JSON', () => {
		expect(parseUploadForm(form({ kind: 'attendance', file: file('hadir.xlsx') })).errors).toEqual({
			file: 'import.error.UNSUPPORTED_FORMAT'
		});
	});
});

describe('describeFailure', () => {
	it('explains a refused file in the reader’s language, with the API’s words on which line', () => {
		const notice = describeFailure('id', { status: 400, error: { code: 'BAD_HEADER', message: 'line 1, the header: missing column "participants"' } });
		expect(notice.summary).toBe('Judul kolom berkas tidak sesuai dengan jenis data yang dipilih.');
		expect(notice.detail).toBe('Rincian dari layanan impor: line 1, the header: missing column "participants"');
	});

	it('offers to sign in again when the session ended', () => {
		const notice = describeFailure('en', { status: 401, error: { code: 'UNAUTHENTICATED', message: 'sign in' } });
		expect(notice).toEqual({
			summary: 'Your session has ended. Sign in again, then upload the file again.',
			signIn: '/masuk?redirectTo=%2Fimpor'
		});
	});

	it('names the status of an answer it does not know', () => {
		expect(describeFailure('en', { status: 500, error: { code: 'INTERNAL_SERVER_ERROR', message: 'the import failed' } })).toEqual({
			summary: 'The import service gave an unexpected answer (code 500). Please try again later.'
		});
	});
});

describe('small helpers', () => {
	it('names the kinds of record, and shows unknown ones as they are', () => {
		expect(entityLabel('id', 'region_milestone')).toBe('Tonggak wilayah');
		expect(entityLabel('en', 'attendance')).toBe('Attendance');
		expect(entityLabel('en', 'speaker')).toBe('speaker');
	});

	it('counts the problems the API did not list', () => {
		expect(notListed([1, 2], 5)).toBe(3);
		expect(notListed([1, 2], 2)).toBe(0);
	});

	it('turns bytes sent into a whole percent', () => {
		expect(uploadPercent(0, 0)).toBe(0);
		expect(uploadPercent(1, 3)).toBe(33);
		expect(uploadPercent(5, 4)).toBe(100);
	});

	it('shows file sizes for people', () => {
		expect(formatBytes('id', 512 * 1024)).toBe('512 KB');
		expect(formatBytes('id', 1.5 * 1024 * 1024)).toBe('1,5 MB');
		expect(formatBytes('en', 256 * 1024 ** 2)).toBe('256 MB');
		expect(formatBytes('en', 900)).toBe('900 B');
	});
});
