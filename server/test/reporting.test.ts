import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, periodStartOf, today } from '../src/common/period.js';
import { PeriodType } from '../src/indicators/indicator.enums.js';
import { duePeriodStart } from '../src/indicators/reporting.service.js';
import { type Client, startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

const REPORT = 'mutation ($input: [ObservationInput!]!) { reportObservations(input: $input) { value reportedBy } }';
const RECORD = 'mutation ($input: MilestoneInput!) { recordMilestone(input: $input) { reachedOn } }';

interface Problem {
  argument: string;
  reason: string;
}
const problemsOf = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.problems as Problem[] | undefined;

describe('reporting by regional secretaries', () => {
  let db: TestDatabase;
  let api: TestApi;
  let pariaman: Client;
  let admin: Client;
  const quarterDue = duePeriodStart(PeriodType.QUARTER, today());
  const yearDue = duePeriodStart(PeriodType.YEAR, today());
  // Long enough that the periods now due are open whatever the day the test runs; 2024 stays locked.
  const LOCK_DAYS = 400;

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm(), { periodLockDays: LOCK_DAYS });
    [pariaman, admin] = await Promise.all([api.as('sekko.pariaman@berakhlak.example'), api.as('admin@berakhlak.example')]);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const observationCount = async () => Number((await db.sql.query('SELECT count(*) FROM observation')).rows[0].count);

  it('enters a figure for the quarter now due, then corrects it, with both writes in the audit log', async () => {
    const row = { indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.77', periodStart: quarterDue, value: 12 };
    await db.sql.query("DELETE FROM observation WHERE region_id = (SELECT id FROM region WHERE code = '13.77') AND period_start = $1", [quarterDue]);
    expect((await pariaman.query(REPORT, { input: [row] })).data).toEqual({ reportObservations: [{ value: 12, reportedBy: 'sekko.pariaman@berakhlak.example' }] });
    expect((await pariaman.query(REPORT, { input: [{ ...row, value: 15 }] })).errors).toBeUndefined();

    const { rows } = await db.sql.query(
      "SELECT o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id WHERE i.code = 'AGEN_PERUBAHAN' AND r.code = '13.77' AND o.period_start = $1",
      [quarterDue],
    );
    expect(rows).toEqual([{ value: 15 }]);
    const log = await admin.query<{ auditLog: { edges: { node: { action: string; entityKey: string; before: unknown; after: unknown; user: { email: string }; region: { code: string } } }[] } }>(
      '{ auditLog(entity: "observation", first: 2) { edges { node { action entityKey before after user { email } region { code } } } } }',
    );
    expect(log.data!.auditLog.edges.map((edge) => edge.node)).toEqual([
      { action: 'observation.report', entityKey: `AGEN_PERUBAHAN/13.77/${quarterDue}/`, before: { value: 12 }, after: { value: 15 }, user: { email: 'sekko.pariaman@berakhlak.example' }, region: { code: '13.77' } },
      { action: 'observation.report', entityKey: `AGEN_PERUBAHAN/13.77/${quarterDue}/`, before: null, after: { value: 12 }, user: { email: 'sekko.pariaman@berakhlak.example' }, region: { code: '13.77' } },
    ]);
  });

  it('reports every bad row with its field and reason, and writes nothing', async () => {
    const before = await observationCount();
    const answer = await pariaman.query(REPORT, {
      input: [
        { indicatorCode: 'INDEKS_BERAKHLAK', regionCode: '13.77', periodStart: yearDue, coreValueCode: 'ADAPTIF', value: 71.5 },
        { indicatorCode: 'INDEKS_BERAKHLAK', regionCode: '13.77', periodStart: yearDue, coreValueCode: 'ADAPTIF', value: 70 },
        { indicatorCode: 'INDEKS_BERAKHLAK', regionCode: '13.77', periodStart: yearDue, value: 70 },
        { indicatorCode: 'INDEKS_BERAKHLAK', regionCode: '13.77', periodStart: yearDue, coreValueCode: 'HARMONIS', value: 101 },
        { indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.77', periodStart: '2025-02-01', value: 3 },
        { indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.77', periodStart: quarterDue, value: 2.5 },
        { indicatorCode: 'TIDAK_ADA', regionCode: '13.77', periodStart: quarterDue, value: 1 },
      ],
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input[1].periodStart' });
    expect(problemsOf(answer)!.map((problem) => problem.argument)).toEqual([
      'input[1].periodStart', 'input[2].coreValueCode', 'input[3].value', 'input[4].periodStart', 'input[5].value', 'input[6].indicatorCode',
    ]);
    expect(problemsOf(answer)!.map((problem) => problem.reason)).toEqual([
      'same indicator, region, period and core value as input[0]',
      'INDEKS_BERAKHLAK is reported per core value; name one',
      '101 is above the maximum 100 of INDEKS_BERAKHLAK',
      '2025-02-01 is not the first day of a quarter, the period of AGEN_PERUBAHAN',
      'AGEN_PERUBAHAN counts, so its value is a whole number, not 2.5',
      'no indicator has code TIDAK_ADA',
    ]);
    expect(await observationCount()).toBe(before);
  });

  it('names the field of an input that fails its own checks, with the path into the input', async () => {
    const answer = await pariaman.query('mutation { createApiToken(input: { name: "", expiresInDays: 999 }) { token } }');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.name' });
    expect(problemsOf(answer)!.map((problem) => problem.argument)).toEqual(['input.name', 'input.expiresInDays']);
    expect(answer.errors?.[0]?.message).toMatch(/^input\.name: .*; input\.expiresInDays: /);
  });

  it('refuses a whole batch when one row is outside the scope, writing nothing', async () => {
    const before = await observationCount();
    const answer = await pariaman.query(REPORT, {
      input: [
        { indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.77', periodStart: quarterDue, value: 20 },
        { indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.71', periodStart: quarterDue, value: 20 },
      ],
    });
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', argument: 'input[1].regionCode' } });
    expect(await observationCount()).toBe(before);
  });

  it('locks a period some days after its end until an administrator reopens it for one region', async () => {
    const locksOn = addDays('2024-06-30', LOCK_DAYS + 1);
    const old = { indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.77', periodStart: '2024-04-01', value: 9 };
    const locked = await pariaman.query(REPORT, { input: [old] });
    expect(problemsOf(locked)).toEqual([{ argument: 'input[0].periodStart', reason: `the period 2024-04-01 to 2024-06-30 locked on ${locksOn}; an administrator can reopen it for 13.77` }]);
    expect(codeOf(await pariaman.query('mutation { reopenPeriod(input: { regionCode: "13.77", periodType: QUARTER, periodStart: "2024-04-01" }) { openUntil } }'))).toBe('FORBIDDEN');

    const reopened = await admin.query<{ reopenPeriod: { openUntil: string; region: { code: string } } }>(
      'mutation { reopenPeriod(input: { regionCode: "13.77", periodType: QUARTER, periodStart: "2024-04-01", days: 7 }) { openUntil region { code } } }',
    );
    expect(reopened.data!.reopenPeriod).toEqual({ openUntil: addDays(today(), 7), region: { code: '13.77' } });
    expect((await pariaman.query(REPORT, { input: [old] })).errors).toBeUndefined();
    const gorontalo = await api.as('sekda.gorontalo@berakhlak.example');
    expect(problemsOf(await gorontalo.query(REPORT, { input: [{ ...old, regionCode: '75.71' }] }))?.[0]?.reason).toMatch(`locked on ${locksOn}`);

    await db.sql.query("UPDATE period_reopening SET open_until = current_date - 1");
    expect(problemsOf(await pariaman.query(REPORT, { input: [old] }))?.[0]?.reason).toMatch(/locked/);
  });

  it('refuses a period that has not begun', async () => {
    const next = addDays(periodStartOf(PeriodType.QUARTER, today()), 100);
    const answer = await pariaman.query(REPORT, { input: [{ indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.77', periodStart: periodStartOf(PeriodType.QUARTER, next), value: 1 }] });
    expect(problemsOf(answer)?.[0]?.reason).toMatch(/has not begun yet/);
  });

  it('shows what is still missing for the periods now due, and a report fills it', async () => {
    const status = () => pariaman.query<{ reportingStatus: { missing: number; items: { indicator: { code: string }; coreValue: { code: string } | null; periodStart: string; reported: boolean; locked: boolean }[] } }>(
      '{ reportingStatus(regionCode: "13.77") { missing items { indicator { code } coreValue { code } periodStart reported locked } } }',
    );
    const first = (await status()).data!.reportingStatus;
    const missing = first.items.filter((item) => !item.reported);
    expect(first.missing).toBe(missing.length);
    expect(first.items.filter((item) => item.indicator.code === 'INDEKS_BERAKHLAK')).toHaveLength(7);
    const item = missing.find((candidate) => !candidate.locked && candidate.coreValue === null)!;
    const indicator = (await db.sql.query('SELECT min_value FROM indicator WHERE code = $1', [item.indicator.code])).rows[0];
    await pariaman.query(REPORT, { input: [{ indicatorCode: item.indicator.code, regionCode: '13.77', periodStart: item.periodStart, value: indicator.min_value ?? 0 }] });
    expect((await status()).data!.reportingStatus.missing).toBe(first.missing - 1);
  });

  it('records milestones in order only', async () => {
    await db.sql.query("DELETE FROM region_milestone WHERE region_id = (SELECT id FROM region WHERE code = '13.77')");
    const input = (milestoneCode: string, reachedOn: string) => ({ input: { regionCode: '13.77', milestoneCode, reachedOn } });
    expect(problemsOf(await pariaman.query(RECORD, input('AGEN_PERUBAHAN_DITETAPKAN', '2022-03-01')))).toEqual([
      { argument: 'input.reachedOn', reason: 'milestones go in order: SE_DISOSIALISASIKAN must be recorded first' },
    ]);
    expect((await pariaman.query(RECORD, input('SE_DISOSIALISASIKAN', '2022-02-23'))).errors).toBeUndefined();
    expect(problemsOf(await pariaman.query(RECORD, input('AGEN_PERUBAHAN_DITETAPKAN', '2022-02-01')))?.[0]?.reason).toBe(
      'milestones go in order: SE_DISOSIALISASIKAN, the step before, was reached later, on 2022-02-23',
    );
    expect((await pariaman.query(RECORD, input('AGEN_PERUBAHAN_DITETAPKAN', '2022-03-01'))).errors).toBeUndefined();
    expect(problemsOf(await pariaman.query(RECORD, input('SE_DISOSIALISASIKAN', '2022-03-05')))?.[0]?.reason).toBe(
      'milestones go in order: AGEN_PERUBAHAN_DITETAPKAN, a later step, was reached earlier, on 2022-03-01',
    );
    expect(problemsOf(await pariaman.query(RECORD, input('SE_DISOSIALISASIKAN', addDays(today(), 1))))?.[0]?.reason).toMatch(/in the future/);
    const stage = await pariaman.query<{ region: { stage: { milestone: { code: string }; reachedOn: string } } }>('{ region(code: "13.77") { stage { milestone { code } reachedOn } } }');
    expect(stage.data!.region.stage).toEqual({ milestone: { code: 'AGEN_PERUBAHAN_DITETAPKAN' }, reachedOn: '2022-03-01' });
  });

  it('creates an event with a session inside its dates, and attendance up to the region’s headcount', async () => {
    const created = await pariaman.query<{ createEvent: { id: string; hostRegion: { code: string } } }>(
      `mutation { createEvent(input: { programCode: "BERAKHLAK", title: "Internalisasi nilai Adaptif", kind: INTERNALISATION, mode: OFFLINE, organiser: "Setda Kota Pariaman",
        hostRegionCode: "13.77", startsAt: "2025-03-10T01:00:00Z", endsAt: "2025-03-10T09:00:00Z", status: HELD, coreValueCodes: ["ADAPTIF"] }) { id hostRegion { code } } }`,
    );
    expect(created.errors).toBeUndefined();
    const eventId = created.data!.createEvent.id;
    const session = (startsAt: string, endsAt: string) => pariaman.query<{ addSession: { id: string; speakers: { name: string }[] } }>(
      'mutation ($input: SessionInput!) { addSession(input: $input) { id speakers { name } } }',
      { input: { eventId, topic: 'Adaptif dalam pelayanan', mode: 'OFFLINE', startsAt, endsAt, speakers: [{ name: 'Dr. Narasumber', role: 'Widyaiswara' }] } },
    );
    expect(problemsOf(await session('2025-03-10T08:00:00Z', '2025-03-10T10:00:00Z'))?.map((problem) => problem.argument)).toEqual(['input.endsAt']);
    const added = await session('2025-03-10T02:00:00Z', '2025-03-10T04:00:00Z');
    expect(added.data!.addSession.speakers).toEqual([{ name: 'Dr. Narasumber' }]);

    const headcount = (await db.sql.query("SELECT headcount FROM region WHERE code = '13.77'")).rows[0].headcount as number;
    const attend = (participants: number) => pariaman.query('mutation ($input: AttendanceInput!) { setAttendance(input: $input) { participants } }', {
      input: { sessionId: added.data!.addSession.id, regionCode: '13.77', participants },
    });
    expect(problemsOf(await attend(headcount + 1))?.[0]).toEqual({ argument: 'input.participants', reason: `${headcount + 1} is more than the ${headcount} civil servants of 13.77 Kota Pariaman` });
    expect((await attend(headcount)).data).toEqual({ setAttendance: { participants: headcount } });

    const moved = await pariaman.query(
      `mutation ($id: ID!) { updateEvent(id: $id, input: { programCode: "BERAKHLAK", title: "Internalisasi", kind: INTERNALISATION, mode: OFFLINE, organiser: "Setda",
        hostRegionCode: "13.77", startsAt: "2025-03-10T03:00:00Z", endsAt: "2025-03-10T09:00:00Z", status: HELD }) { id } }`,
      { id: eventId },
    );
    expect(problemsOf(moved)?.map((problem) => problem.argument)).toEqual(['input.startsAt']);
    expect((await pariaman.query('mutation ($id: ID!) { cancelEvent(id: $id) { status } }', { id: eventId })).data).toEqual({ cancelEvent: { status: 'CANCELLED' } });
    const actions = await db.sql.query("SELECT action FROM audit_entry WHERE entity IN ('event', 'session', 'attendance') ORDER BY id");
    expect(actions.rows.map((row) => row.action)).toEqual(['event.create', 'session.add', 'attendance.set', 'event.cancel']);
  });

  it('gives events a code and sessions a number, the keys imports use', async () => {
    const create = (code: string | null) => pariaman.query<{ createEvent: { id: string; code: string } }>(
      `mutation ($code: String) { createEvent(input: { code: $code, programCode: "BERAKHLAK", title: "Kode", kind: WORKSHOP, mode: OFFLINE, organiser: "Setda",
        hostRegionCode: "13.77", startsAt: "2025-03-10T01:00:00Z", endsAt: "2025-03-10T09:00:00Z", status: HELD }) { id code } }`,
      { code },
    );
    const generated = (await create(null)).data!.createEvent;
    expect(generated.code).toBe(`KEG-${generated.id.padStart(6, '0')}`);
    expect((await create('PARIAMAN-2025-07')).data!.createEvent.code).toBe('PARIAMAN-2025-07');
    expect(problemsOf(await create('PARIAMAN-2025-07'))).toEqual([{ argument: 'input.code', reason: expect.stringMatching(/^event \d+ already has code PARIAMAN-2025-07$/) }]);
    expect(problemsOf(await create('KEG-777777'))?.[0]?.reason).toMatch(/codes starting with KEG- are given by the product/);
    expect(problemsOf(await create('dua kata'))?.[0]?.argument).toBe('input.code');

    const add = (hour: string) => pariaman.query<{ addSession: { number: number } }>('mutation ($input: SessionInput!) { addSession(input: $input) { number } }', {
      input: { eventId: generated.id, topic: 'Sesi', mode: 'OFFLINE', startsAt: `2025-03-10T0${hour}:00:00Z`, endsAt: `2025-03-10T0${hour}:30:00Z` },
    });
    expect([(await add('2')).data!.addSession.number, (await add('3')).data!.addSession.number]).toEqual([1, 2]);
  });

  it('keeps national events and targets for administrators', async () => {
    const national = await pariaman.query(
      'mutation { createEvent(input: { programCode: "BERAKHLAK", title: "Nasional", kind: VIDEO_CONFERENCE, mode: ONLINE, organiser: "Kemendagri", startsAt: "2025-03-10T01:00:00Z", endsAt: "2025-03-10T03:00:00Z" }) { id } }',
    );
    expect(national.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', argument: 'input.hostRegionCode' } });
    const target = await admin.query('mutation { setTarget(input: { indicatorCode: "AGEN_PERUBAHAN", regionCode: "13.77", value: 8 }) { value } }');
    expect(target.data).toEqual({ setTarget: { value: 8 } });
    const seen = await pariaman.query<{ indicator: { targetFor: number } }>('{ indicator(code: "AGEN_PERUBAHAN") { targetFor(regionCode: "13.77") } }');
    expect(seen.data!.indicator.targetFor).toBe(8);
  });
});

function codeOf(answer: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return answer.errors?.[0]?.extensions?.code;
}
