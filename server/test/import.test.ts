import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/common/period.js';
import { PeriodType } from '../src/indicators/indicator.enums.js';
import { duePeriodStart } from '../src/indicators/reporting.service.js';
import { signIn, startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';
import { csv, upload, type UploadOptions } from './support/upload.js';

const ADMIN = 'admin@berakhlak.example';
const GORONTALO = 'sekda.gorontalo@berakhlak.example';
const PARIAMAN = 'sekko.pariaman@berakhlak.example';
const ATTENDANCE_HEADER = 'event_code,session_number,region_code,participants';

describe('bulk import', () => {
  let db: TestDatabase;
  let api: TestApi;
  const cookies: Record<string, string> = {};
  const quarterDue = duePeriodStart(PeriodType.QUARTER, today());
  /** A session of a held event, already begun, and Gorontalo's regions with their headcounts. */
  let session: { code: string; number: number };
  let gorontalo: { code: string; headcount: number }[];

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm(), { periodLockDays: 400, importLimits: { maxBytes: 200 * 1024, maxRows: 1000, maxProblems: 10 } });
    for (const email of [ADMIN, GORONTALO, PARIAMAN, 'analis@berakhlak.example']) cookies[email] = await signIn(api.url, email);
    const found = await db.sql.query(
      `SELECT e.code, s.number FROM session s JOIN event e ON e.id = s.event_id
       WHERE e.status = 'HELD' AND s.starts_at < now() - interval '30 days' ORDER BY s.id LIMIT 1`,
    );
    session = found.rows[0];
    gorontalo = (await db.sql.query("SELECT code, headcount FROM region WHERE code = '75' OR code LIKE '75.%' ORDER BY code")).rows;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const as = (email: string, options: UploadOptions = {}): UploadOptions => ({ ...options, headers: { cookie: cookies[email]! } });
  const attendanceOf = async (code: string, number: number) =>
    (await db.sql.query(
      `SELECT r.code, a.participants FROM attendance a JOIN session s ON s.id = a.session_id JOIN event e ON e.id = s.event_id JOIN region r ON r.id = a.region_id
       WHERE e.code = $1 AND s.number = $2 ORDER BY r.code`,
      [code, number],
    )).rows;
  const tableCounts = async () =>
    (await db.sql.query(`SELECT (SELECT count(*) FROM attendance) AS attendance, (SELECT count(*) FROM observation) AS observations,
      (SELECT count(*) FROM event) AS events, (SELECT count(*) FROM session) AS sessions, (SELECT count(*) FROM speaker) AS speakers,
      (SELECT count(*) FROM region_milestone) AS milestones, (SELECT count(*) FROM audit_entry) AS audit, (SELECT sum(participants) FROM attendance) AS participants`)).rows[0];

  describe('attendance', () => {
    const rows = () => gorontalo.map((region, index) => `${session.code},${session.number},${region.code},${Math.min(region.headcount, 10 + index)}`);

    it('imports a valid file, then the same file again changes nothing', async () => {
      await db.sql.query("DELETE FROM attendance a USING region r WHERE r.id = a.region_id AND (r.code = '75' OR r.code LIKE '75.%')");
      const first = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, ...rows()), as(ADMIN, { fileName: 'hadir-gorontalo.csv' }));
      expect(first.status).toBe(200);
      expect(first.result).toMatchObject({ status: 'APPLIED', rows: 7, problemCount: 0, counts: [{ entity: 'attendance', inserted: 7, updated: 0, unchanged: 0 }] });
      expect(await attendanceOf(session.code, session.number)).toEqual(expect.arrayContaining(gorontalo.map((region, index) => ({ code: region.code, participants: Math.min(region.headcount, 10 + index) }))));

      const before = await tableCounts();
      const again = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, ...rows()), as(ADMIN));
      expect(again.result).toMatchObject({ status: 'APPLIED', counts: [{ entity: 'attendance', inserted: 0, updated: 0, unchanged: 7 }] });
      expect({ ...(await tableCounts()), audit: before.audit }).toEqual(before);

      const audit = await db.sql.query("SELECT action, entity_key, after FROM audit_entry WHERE action = 'import.attendance' ORDER BY id");
      expect(audit.rows[0]).toEqual({ action: 'import.attendance', entity_key: 'hadir-gorontalo.csv', after: { rows: 7, counts: [{ entity: 'attendance', inserted: 7, updated: 0, unchanged: 0 }], warnings: 0 } });
    });

    it('reads semicolon-separated files with a byte-order mark, as Indonesian spreadsheets save them, and JSON', async () => {
      const semicolons = `\uFEFF${csv(ATTENDANCE_HEADER.replace(/,/g, ';'), `${session.code};${session.number};75.71;3`)}`;
      expect((await upload(api.url, 'attendance', semicolons, as(ADMIN))).result).toMatchObject({ status: 'APPLIED', counts: [{ updated: 1 }] });
      const json = JSON.stringify([{ event_code: session.code, session_number: session.number, region_code: '75.71', participants: 4 }]);
      expect((await upload(api.url, 'attendance', json, as(ADMIN, { format: 'json' }))).result).toMatchObject({ status: 'APPLIED', counts: [{ updated: 1 }] });
      expect((await attendanceOf(session.code, session.number)).find((row) => row.code === '75.71')).toEqual({ code: '75.71', participants: 4 });
    });

    it('names the row, column and reason of every bad row, and writes nothing', async () => {
      const before = await tableCounts();
      const answer = await upload(api.url, 'attendance', csv(
        ATTENDANCE_HEADER,
        `NO-SUCH-EVENT,1,75.71,5`,
        `${session.code},99,75.71,5`,
        `${session.code},${session.number},75.99,5`,
        `${session.code},${session.number},75.02,lima`,
        `${session.code},${session.number},75.03,99999999`,
      ), as(ADMIN));
      expect(answer.status).toBe(422);
      expect(answer.result!.status).toBe('INVALID');
      expect(answer.result!.problems).toEqual([
        { row: 2, column: 'event_code', reason: 'no event has code NO-SUCH-EVENT' },
        { row: 3, column: 'session_number', reason: `event ${session.code} has no session 99` },
        { row: 4, column: 'region_code', reason: 'no region has code 75.99' },
        { row: 5, column: 'participants', reason: 'lima is not a whole number of people' },
        { row: 6, column: 'participants', reason: expect.stringMatching(/^99999999 is more than the \d+ civil servants of 75\.03 /) },
      ]);
      expect(await tableCounts()).toEqual(before);
    });

    it('finds a key repeated in the file', async () => {
      const answer = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, `${session.code},${session.number},75.71,5`, `${session.code},${session.number},75.71,6`), as(ADMIN));
      expect(answer.result!.problems).toEqual([{ row: 3, column: 'session_number', reason: 'same session and region as row 2' }]);
    });

    it('leaves the database unchanged when only the last of many rows is bad', async () => {
      const before = await tableCounts();
      const good = gorontalo.map((region) => `${session.code},${session.number},${region.code},1`);
      const answer = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, ...good, `${session.code},${session.number},13.77,-1`), as(ADMIN));
      expect(answer.result).toMatchObject({ status: 'INVALID', problemCount: 1, problems: [{ row: 9, column: 'participants' }] });
      expect(await tableCounts()).toEqual(before);
    });

    it('lets a regional secretary import their own regions only', async () => {
      const own = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, `${session.code},${session.number},75.71,2`), as(GORONTALO));
      expect(own.result).toMatchObject({ status: 'APPLIED' });
      const before = await tableCounts();
      const other = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, `${session.code},${session.number},75.71,2`, `${session.code},${session.number},13.77,2`), as(GORONTALO));
      expect(other.result!.problems).toEqual([{ row: 3, column: 'region_code', reason: 'region 13.77 Kota Pariaman is outside your scope (75 Gorontalo)' }]);
      expect(await tableCounts()).toEqual(before);
    });

    it('refuses callers who may not report, and requests without a credential', async () => {
      const body = csv(ATTENDANCE_HEADER, `${session.code},${session.number},75.71,2`);
      expect(await upload(api.url, 'attendance', body, as('analis@berakhlak.example'))).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });
      expect(await upload(api.url, 'attendance', body)).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
      expect(await upload(api.url, 'attendance', body, { headers: { authorization: 'Bearer nonsense' } })).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
      expect(await upload(api.url, 'attendance', body, { headers: { cookie: cookies[ADMIN]!, origin: 'http://elsewhere.example' } })).toMatchObject({ status: 403 });
    });

    it('shows in a dry run what would change, and writes nothing', async () => {
      const before = await tableCounts();
      const answer = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, `${session.code},${session.number},75.71,2`, `${session.code},${session.number},75.05,3`), as(ADMIN, { dryRun: true }));
      expect(answer.result).toMatchObject({ status: 'DRY_RUN', counts: [{ entity: 'attendance', inserted: 0, updated: 1, unchanged: 1 }] });
      expect(await tableCounts()).toEqual(before);
    });

    it('reads pre-2022 Papua codes through the crosswalk, with a warning per row', async () => {
      const answer = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, `${session.code},${session.number},91.01,1`), as(ADMIN));
      expect(answer.result).toMatchObject({ status: 'APPLIED', warningCount: 1, warnings: [{ row: 2, column: 'region_code', reason: '91.01 is a code from before the 2022 Papua split; read as 93.01 Kabupaten Merauke' }] });
      expect((await attendanceOf(session.code, session.number)).find((row) => row.code === '93.01')).toEqual({ code: '93.01', participants: 1 });
    });
  });

  describe('the file as a whole', () => {
    it('refuses an unknown or missing column, naming the columns of the kind', async () => {
      const answer = await upload(api.url, 'attendance', csv('event_code,session,region_code,participants', 'X,1,75,1'), as(ADMIN));
      expect(answer).toMatchObject({ status: 400, error: { code: 'BAD_HEADER' } });
      expect(answer.error!.message).toBe('line 1, the header: unknown column “session”; missing column “session_number”. The columns of attendance are event_code, session_number, region_code, participants');
    });

    it('refuses files above the size and row limits, and text that is not UTF-8', async () => {
      const many = csv(ATTENDANCE_HEADER, ...Array.from({ length: 1001 }, (_, index) => `E,${index + 1},75,1`));
      expect(await upload(api.url, 'attendance', many, as(ADMIN))).toMatchObject({ status: 413, error: { code: 'TOO_MANY_ROWS' } });
      const large = csv(ATTENDANCE_HEADER, ...Array.from({ length: 2500 }, () => `${'E'.repeat(80)},1,75,1`));
      expect(await upload(api.url, 'attendance', large, as(ADMIN))).toMatchObject({ status: 413, error: { code: 'FILE_TOO_LARGE' } });
      const latin1 = Buffer.concat([Buffer.from(`${ATTENDANCE_HEADER}\nKEG-\xe9`, 'latin1'), Buffer.from(',1,75,1\n')]);
      expect(await upload(api.url, 'attendance', latin1, as(ADMIN))).toMatchObject({ status: 400, error: { code: 'NOT_UTF8' } });
    });

    it('reports rows whose cell count differs from the header, and JSON rows that are not objects', async () => {
      const answer = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, 'a,b,c'), as(ADMIN));
      expect(answer.result!.problems).toEqual([{ row: 2, column: null, reason: 'has 3 cells; the header has 4' }]);
      const json = await upload(api.url, 'attendance', '[1, {"event_code": "X", "oops": 1}]', as(ADMIN, { format: 'json' }));
      expect(json.result!.problems).toEqual([
        { row: 1, column: null, reason: 'is not an object of column names and values' },
        { row: 2, column: 'oops', reason: expect.stringContaining('unknown field “oops”') },
      ]);
      expect(await upload(api.url, 'attendance', '{"event_code": "X"}', as(ADMIN, { format: 'json' }))).toMatchObject({ status: 400, error: { code: 'UNREADABLE_FILE' } });
    });

    it('refuses a row too long to be real, in CSV and in JSON, and cuts long cells short in its reasons', async () => {
      const endless = csv(ATTENDANCE_HEADER, `"${'x'.repeat(40_000)}`, `${'y'.repeat(40_000)}",1,75,1`);
      expect(await upload(api.url, 'attendance', endless, as(ADMIN))).toMatchObject({ status: 400, error: { code: 'UNREADABLE_FILE', message: expect.stringMatching(/^row 2 is longer than 64 kB/) } });
      const json = `[{"event_code": "${'x'.repeat(150_000)}`;
      expect(await upload(api.url, 'attendance', json, as(ADMIN, { format: 'json' }))).toMatchObject({ status: 400, error: { code: 'UNREADABLE_FILE', message: expect.stringMatching(/^row 1 is longer than 64 kB/) } });
      const long = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, `${'E'.repeat(5000)},1,75,1`), as(ADMIN));
      expect(long.result!.problems[0]!.reason).toHaveLength(400);
    });

    it('lists the first problems and counts them all', async () => {
      const answer = await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, ...Array.from({ length: 12 }, (_, index) => `NONE,${index + 1},75,1`)), as(ADMIN));
      expect(answer.result).toMatchObject({ problemCount: 12 });
      expect(answer.result!.problems.map((problem) => problem.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    });

    it('writes nothing when the upload is cut off half way', async () => {
      const before = await tableCounts();
      const controller = new AbortController();
      const body = new ReadableStream({
        start(stream) {
          stream.enqueue(new TextEncoder().encode(csv(ATTENDANCE_HEADER, `${session.code},${session.number},75.71,9`)));
          setTimeout(() => controller.abort(), 200);
        },
      });
      await expect(fetch(`${api.url}/import/attendance`, {
        method: 'POST', body, signal: controller.signal, duplex: 'half',
        headers: { 'content-type': 'text/csv', cookie: cookies[ADMIN]! },
      } as RequestInit)).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await tableCounts()).toEqual(before);
      expect((await upload(api.url, 'attendance', csv(ATTENDANCE_HEADER, `${session.code},${session.number},75.71,2`), as(ADMIN, { dryRun: true }))).status).toBe(200);
    });

    it('offers a template of each kind that reads without a header problem', async () => {
      for (const kind of ['attendance', 'observations', 'events', 'milestones']) {
        for (const format of ['csv', 'json'] as const) {
          const template = await fetch(`${api.url}/import/templates/${kind}.${format}`);
          expect(template.status).toBe(200);
          const answer = await upload(api.url, kind, await template.text(), as(ADMIN, { format, dryRun: true }));
          expect(answer.error, `${kind}.${format}`).toBeUndefined();
        }
      }
    });
  });

  describe('observations', () => {
    const HEADER = 'indicator_code;region_code;period_start;core_value_code;value';

    it('imports decimal commas and per-value rows, checks each rule, and respects locks', async () => {
      const good = await upload(api.url, 'observations', csv(
        HEADER,
        `PENGADUAN_TEPAT_WAKTU;75.71;${duePeriodStart(PeriodType.MONTH, today())};;"87,5"`,
        `AGEN_PERUBAHAN;75;${quarterDue};;12`,
      ), as(GORONTALO));
      expect(good.result).toMatchObject({ status: 'APPLIED', counts: [{ entity: 'observation' }] });
      const stored = await db.sql.query(
        `SELECT o.value, o.reported_by FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id
         WHERE i.code = 'PENGADUAN_TEPAT_WAKTU' AND r.code = '75.71' AND o.period_start = $1`, [duePeriodStart(PeriodType.MONTH, today())],
      );
      expect(stored.rows).toEqual([{ value: 87.5, reported_by: GORONTALO }]);

      const bad = await upload(api.url, 'observations', csv(
        HEADER,
        `NO_SUCH;75;${quarterDue};;1`,
        `PENGADUAN_TEPAT_WAKTU;75.71;${duePeriodStart(PeriodType.MONTH, today())};;140`,
        `AGEN_PERUBAHAN;75;2025-02-30;;1`,
        `AGEN_PERUBAHAN;75;2023-01-01;;1`,
        `AGEN_PERUBAHAN;75.71;${quarterDue};;2.5`,
      ), as(GORONTALO));
      expect(bad.result!.problems).toEqual([
        { row: 2, column: 'indicator_code', reason: 'no indicator has code NO_SUCH' },
        { row: 3, column: 'value', reason: '140 is above the maximum 100 of PENGADUAN_TEPAT_WAKTU' },
        { row: 4, column: 'period_start', reason: '2025-02-30 is not a date (YYYY-MM-DD)' },
        { row: 5, column: 'period_start', reason: 'the period starting 2023-01-01 locked on 2024-05-05; an administrator can reopen it for 75' },
        { row: 6, column: 'value', reason: 'AGEN_PERUBAHAN counts, so its value is a whole number, not 2.5' },
      ]);
      expect(bad.result!.problemCount).toBe(5);
    });

    it('requires a core value exactly for indicators reported per value', async () => {
      const answer = await upload(api.url, 'observations', csv(
        HEADER,
        `INDEKS_BERAKHLAK;75;${duePeriodStart(PeriodType.YEAR, today())};;70`,
        `AGEN_PERUBAHAN;75;${quarterDue};AKUNTABEL;1`,
      ), as(ADMIN));
      expect(answer.result!.problems).toEqual([
        { row: 2, column: 'core_value_code', reason: 'INDEKS_BERAKHLAK is reported per core value; name one' },
        { row: 3, column: 'core_value_code', reason: 'AGEN_PERUBAHAN is not reported per core value; leave it empty' },
      ]);
    });
  });

  describe('milestones', () => {
    const HEADER = 'region_code,milestone_code,reached_on';

    it('takes a region’s milestones in order, from the file and the record together', async () => {
      await db.sql.query("DELETE FROM region_milestone WHERE region_id = (SELECT id FROM region WHERE code = '75.05')");
      const outOfOrder = await upload(api.url, 'milestones', csv(HEADER, '75.05,AGEN_PERUBAHAN_DITETAPKAN,2023-03-01'), as(GORONTALO));
      expect(outOfOrder.result!.problems).toEqual([{ row: 2, column: 'reached_on', reason: 'milestones go in order: SE_DISOSIALISASIKAN must be reached first, in this file or before' }]);
      const backwards = await upload(api.url, 'milestones', csv(HEADER, '75.05,SE_DISOSIALISASIKAN,2023-04-01', '75.05,AGEN_PERUBAHAN_DITETAPKAN,2023-03-01'), as(GORONTALO));
      expect(backwards.result!.problems).toEqual([
        { row: 2, column: 'reached_on', reason: 'milestones go in order: AGEN_PERUBAHAN_DITETAPKAN, a later step, was reached earlier, on 2023-03-01' },
        { row: 3, column: 'reached_on', reason: 'milestones go in order: SE_DISOSIALISASIKAN, the step before, was reached later, on 2023-04-01' },
      ]);
      const good = await upload(api.url, 'milestones', csv(HEADER, '75.05,AGEN_PERUBAHAN_DITETAPKAN,2023-03-01', '75.05,SE_DISOSIALISASIKAN,2023-02-01'), as(GORONTALO));
      expect(good.result).toMatchObject({ status: 'APPLIED', counts: [{ entity: 'region_milestone', inserted: 2, updated: 0, unchanged: 0 }] });
      const future = await upload(api.url, 'milestones', csv(HEADER, '75.05,RENCANA_AKSI_DITETAPKAN,2999-01-01'), as(GORONTALO));
      expect(future.result!.problems).toEqual([{ row: 2, column: 'reached_on', reason: '2999-01-01 is in the future' }]);
    });
  });

  describe('events', () => {
    const HEADER = 'event_code,program_code,title,kind,mode,organiser,host_region_code,starts_at,ends_at,venue,status,core_values,session_number,session_topic,session_starts_at,session_ends_at,speakers';
    const event = 'GTLO-2025-01,BERAKHLAK,Internalisasi BerAKHLAK,INTERNALISATION,HYBRID,BKPSDM Gorontalo,75,2025-03-10 08:00,2025-03-11 16:00,Aula Gubernur,HELD,AKUNTABEL|HARMONIS';
    const rows = [
      `${event},1,Panduan perilaku,2025-03-10 09:00,2025-03-10 12:00,Dr. Rahmat (Kepala BKPSDM)|Siti Aminah (Agen Perubahan)`,
      `${event},2,Rencana aksi,2025-03-11 09:00,2025-03-11 12:00,`,
    ];
    const stored = async () => (await db.sql.query(
      `SELECT e.title, e.starts_at, s.number, s.topic, s.starts_at AS session_starts, (SELECT array_agg(sp.name || ' / ' || sp.role ORDER BY sp.position) FROM speaker sp WHERE sp.session_id = s.id) AS speakers,
              (SELECT array_agg(cv.code ORDER BY cv.code) FROM event_core_value ecv JOIN core_value cv ON cv.id = ecv.core_value_id WHERE ecv.event_id = e.id) AS core_values
       FROM event e JOIN session s ON s.event_id = e.id WHERE e.code = 'GTLO-2025-01' ORDER BY s.number`,
    )).rows;

    it('creates events with sessions and speakers, and a second import of the same file changes nothing', async () => {
      const first = await upload(api.url, 'events', csv(HEADER, ...rows), as(GORONTALO));
      expect(first.result).toMatchObject({ status: 'APPLIED', counts: [{ entity: 'event', inserted: 1 }, { entity: 'session', inserted: 2 }] });
      expect(await stored()).toEqual([
        { title: 'Internalisasi BerAKHLAK', starts_at: new Date('2025-03-10T01:00:00Z'), number: 1, topic: 'Panduan perilaku', session_starts: new Date('2025-03-10T02:00:00Z'), speakers: ['Dr. Rahmat / Kepala BKPSDM', 'Siti Aminah / Agen Perubahan'], core_values: ['AKUNTABEL', 'HARMONIS'] },
        { title: 'Internalisasi BerAKHLAK', starts_at: new Date('2025-03-10T01:00:00Z'), number: 2, topic: 'Rencana aksi', session_starts: new Date('2025-03-11T02:00:00Z'), speakers: null, core_values: ['AKUNTABEL', 'HARMONIS'] },
      ]);
      const again = await upload(api.url, 'events', csv(HEADER, ...rows), as(GORONTALO));
      expect(again.result!.counts).toEqual([{ entity: 'event', inserted: 0, updated: 0, unchanged: 1 }, { entity: 'session', inserted: 0, updated: 0, unchanged: 2 }]);
    });

    it('moves an event and its sessions together, and updates only what changed', async () => {
      const moved = (row: string) => row.replace(/2025-03-10/g, '2025-04-14').replace(/2025-03-11/g, '2025-04-15');
      const answer = await upload(api.url, 'events', csv(HEADER, ...rows.map(moved)), as(GORONTALO));
      expect(answer.result!.counts).toEqual([{ entity: 'event', inserted: 0, updated: 1, unchanged: 0 }, { entity: 'session', inserted: 0, updated: 2, unchanged: 0 }]);
      expect((await stored()).map((row) => row.session_starts)).toEqual([new Date('2025-04-14T02:00:00Z'), new Date('2025-04-15T02:00:00Z')]);
    });

    it('finds rows of one event that disagree, sessions outside the event, and bad values', async () => {
      const before = await tableCounts();
      const answer = await upload(api.url, 'events', csv(
        HEADER,
        `${event},1,Satu,2025-03-10 09:00,2025-03-10 12:00,Tanpa peran`,
        `${event.replace('HYBRID', 'ONLINE')},2,Dua,2025-03-12 09:00,2025-03-12 10:00,`,
        'KEG-999999,BERAKHLAK,Baru,PESTA,OFFLINE,X,13.77,2025-03-10 08:00,kemarin,,,,,,,,',
      ), as(GORONTALO));
      expect(answer.result!.problems).toEqual([
        { row: 2, column: 'speakers', reason: 'Tanpa peran: write each speaker as Name (Role), separated by |, a name of at most 200 characters and a role of at most 300' },
        { row: 3, column: 'event_code', reason: 'the event fields (mode) differ from row 2, which describes event GTLO-2025-01' },
        { row: 3, column: 'session_ends_at', reason: 'lies outside the event (2025-03-10 08:00 to 2025-03-11 16:00)' },
        { row: 3, column: 'session_starts_at', reason: 'lies outside the event (2025-03-10 08:00 to 2025-03-11 16:00)' },
        { row: 4, column: 'ends_at', reason: 'kemarin is not a date and time (YYYY-MM-DD HH:MM, optionally with a zone such as +08:00)' },
        { row: 4, column: 'event_code', reason: 'KEG-999999: codes starting with KEG- are given by the product; choose another for a new event' },
        { row: 4, column: 'host_region_code', reason: 'region 13.77 Kota Pariaman is outside your scope (75 Gorontalo)' },
        { row: 4, column: 'kind', reason: 'PESTA is not one of SOCIALISATION, INTERNALISATION, WORKSHOP, VIDEO_CONFERENCE, CHANGE_AGENT_COACHING, CEREMONY, EVALUATION' },
      ]);
      expect(await tableCounts()).toEqual(before);
    });
  });

  describe('the command line', () => {
    const cli = fileURLToPath(new URL('../dist/ingest/import-cli.js', import.meta.url));
    const run = async (...args: string[]) => {
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, DATABASE_URL: db.url } });
        return { code: 0, output: stdout };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, output: failed.stdout + failed.stderr };
      }
    };

    it('imports a file as a named user, and lists the problems of a bad one with a failing exit code', async () => {
      const folder = await mkdtemp(path.join(tmpdir(), 'berakhlak-import-'));
      const good = path.join(folder, 'hadir.csv');
      await writeFile(good, csv(ATTENDANCE_HEADER, `${session.code},${session.number},75.01,7`));
      const applied = await run('attendance', good, '--as', GORONTALO);
      expect(applied.code).toBe(0);
      expect(applied.output).toMatch(/^attendance: 1 rows read, APPLIED in [\d.]+ s/);
      expect((await attendanceOf(session.code, session.number)).find((row) => row.code === '75.01')).toEqual({ code: '75.01', participants: 7 });
      const audit = await db.sql.query("SELECT u.email, a.entity_key FROM audit_entry a JOIN app_user u ON u.id = a.user_id WHERE a.action = 'import.attendance' ORDER BY a.id DESC LIMIT 1");
      expect(audit.rows).toEqual([{ email: GORONTALO, entity_key: 'hadir.csv' }]);

      const bad = path.join(folder, 'salah.csv');
      await writeFile(bad, csv(ATTENDANCE_HEADER, `${session.code},${session.number},13.77,7`));
      const refused = await run('attendance', bad, '--as', GORONTALO);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('row 2, region_code: region 13.77 Kota Pariaman is outside your scope (75 Gorontalo)');
      expect((await run('attendance', bad)).output).toContain('usage: pnpm run import');
    });
  });
});
