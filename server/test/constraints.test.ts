import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, type TestDatabase, testDatabase } from './support/database.js';

const region = (code: string) => `(SELECT id FROM region WHERE code = '${code}')`;
const indicator = (code: string) => `(SELECT id FROM indicator WHERE code = '${code}')`;
const coreValue = (code: string) => `(SELECT id FROM core_value WHERE code = '${code}')`;
const firstSession = '(SELECT min(id) FROM session)';
const attendedSession = '(SELECT min(session_id) FROM attendance)';
const sessionEvent = `(SELECT event_id FROM session WHERE id = ${firstSession})`;
const observationOf = (indicatorCode: string, columns: string, values: string) =>
  `INSERT INTO observation (indicator_id, region_id, period_type, period_start${columns}) VALUES (${indicator(indicatorCode)}, ${region('75')}, ${values})`;

/** One bad row per rule: the database itself must refuse it, naming the rule and what broke it. */
const badRows: { rule: string; sql: string; constraint: string; message?: RegExp }[] = [
  { rule: 'region codes are unique', sql: "INSERT INTO region (code, name, level, parent_id, headcount) VALUES ('75', 'Gorontalo lagi', 'PROVINCE', NULL, 1)", constraint: 'region_code_unique' },
  { rule: 'codes follow the Kemendagri format', sql: "INSERT INTO region (code, name, level, parent_id, headcount) VALUES ('7', 'X', 'PROVINCE', NULL, 1)", constraint: 'region_code_format' },
  { rule: 'a regency has a parent', sql: "INSERT INTO region (code, name, level, parent_id, headcount) VALUES ('75.09', 'Kabupaten X', 'REGENCY', NULL, 1)", constraint: 'region_parent_by_level' },
  { rule: 'a province has no parent', sql: `INSERT INTO region (code, name, level, parent_id, headcount) VALUES ('75.99', 'X', 'PROVINCE', ${region('75')}, 1)`, constraint: 'region_parent_by_level' },
  { rule: 'the parent of a city is a province', sql: `INSERT INTO region (code, name, level, parent_id, headcount) VALUES ('75.79', 'Kota X', 'CITY', ${region('75.71')}, 1)`, constraint: 'region_parent_is_province', message: /75\.79: parent 75\.71 is a CITY/ },
  { rule: 'a regency code starts with its province code', sql: `INSERT INTO region (code, name, level, parent_id, headcount) VALUES ('13.09', 'Kabupaten X', 'REGENCY', ${region('75')}, 1)`, constraint: 'region_code_under_parent', message: /13\.09/ },
  { rule: 'headcounts are not negative', sql: `UPDATE region SET headcount = -1 WHERE code = '13.77'`, constraint: 'region_headcount_non_negative' },
  { rule: 'one attendance row per session and region', sql: `INSERT INTO attendance (session_id, region_id, participants) SELECT session_id, region_id, 1 FROM attendance LIMIT 1`, constraint: 'attendance_pkey' },
  { rule: 'attendance counts are not negative', sql: `UPDATE attendance SET participants = -5 WHERE session_id = ${attendedSession}`, constraint: 'attendance_participants_non_negative' },
  { rule: 'attendance names a known region', sql: `INSERT INTO attendance (session_id, region_id, participants) VALUES (${firstSession}, 999999, 1)`, constraint: 'attendance_region_id_foreign' },
  {
    rule: 'an event ends after it starts',
    sql: `INSERT INTO event (code, program_id, title, kind, organiser, mode, starts_at, ends_at, status)
          SELECT 'TERBALIK', id, 'Terbalik', 'WORKSHOP', 'X', 'OFFLINE', '2024-05-02', '2024-05-01', 'PLANNED' FROM program WHERE code = 'BERAKHLAK'`,
    constraint: 'event_ends_after_start',
  },
  {
    rule: 'one event per code',
    sql: `INSERT INTO event (code, program_id, title, kind, organiser, mode, starts_at, ends_at, status)
          SELECT code, program_id, title, kind, organiser, mode, starts_at, ends_at, status FROM event WHERE id = ${sessionEvent}`,
    constraint: 'event_code_unique',
  },
  {
    rule: 'one session per number in an event',
    sql: `INSERT INTO session (event_id, number, topic, mode, starts_at, ends_at) SELECT event_id, number, topic, mode, starts_at, ends_at FROM session WHERE id = ${firstSession}`,
    constraint: 'session_event_number_unique',
  },
  { rule: 'session numbers start at 1', sql: `UPDATE session SET number = 0 WHERE id = ${firstSession}`, constraint: 'session_number_positive' },
  { rule: 'a session ends after it starts', sql: `UPDATE session SET ends_at = starts_at - interval '1 minute' WHERE id = ${firstSession}`, constraint: 'session_ends_after_start' },
  { rule: 'a session lies inside its event', sql: `UPDATE session SET starts_at = starts_at - interval '2 days' WHERE id = ${firstSession}`, constraint: 'session_inside_event', message: /lies outside the event/ },
  { rule: 'an event cannot move away from its sessions', sql: `UPDATE event SET starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day' WHERE id = ${sessionEvent}`, constraint: 'session_inside_event', message: /would leave sessions outside/ },
  { rule: 'an observation stays within its indicator range', sql: observationOf('PENGADUAN_TEPAT_WAKTU', ', value', "'MONTH', '2030-01-01', 140"), constraint: 'observation_value_in_range', message: /PENGADUAN_TEPAT_WAKTU: value 140 is outside 0 to 100/ },
  { rule: 'a count is not negative', sql: observationOf('AGEN_PERUBAHAN', ', value', "'QUARTER', '2030-01-01', -3"), constraint: 'observation_value_in_range' },
  { rule: 'a period starts on its first day', sql: observationOf('AGEN_PERUBAHAN', ', value', "'QUARTER', '2030-02-01', 3"), constraint: 'observation_period_aligned' },
  { rule: 'a period has the indicator period type', sql: observationOf('AGEN_PERUBAHAN', ', value', "'MONTH', '2030-01-01', 3"), constraint: 'observation_period_type_of_indicator', message: /reported per QUARTER/ },
  { rule: 'a per-value indicator needs its core value', sql: observationOf('INDEKS_BERAKHLAK', ', value', "'YEAR', '2030-01-01', 60"), constraint: 'observation_core_value_of_indicator', message: /core value is required/ },
  {
    rule: 'one observation per region, indicator, period and core value',
    sql: `INSERT INTO observation (indicator_id, region_id, period_type, period_start, core_value_id, value)
          SELECT indicator_id, region_id, period_type, period_start, core_value_id, value FROM observation WHERE core_value_id IS NOT NULL LIMIT 1`,
    constraint: 'observation_natural_key_unique',
  },
  {
    rule: 'one observation per key even without a core value',
    sql: `INSERT INTO observation (indicator_id, region_id, period_type, period_start, core_value_id, value)
          SELECT indicator_id, region_id, period_type, period_start, core_value_id, value FROM observation WHERE core_value_id IS NULL LIMIT 1`,
    constraint: 'observation_natural_key_unique',
  },
  { rule: 'one national target per indicator', sql: `INSERT INTO target (indicator_id, region_id, value) VALUES (${indicator('INDEKS_BERAKHLAK')}, NULL, 80)`, constraint: 'target_indicator_region_unique' },
  { rule: 'a region reaches a milestone once', sql: 'INSERT INTO region_milestone (region_id, milestone_id, reached_on) SELECT region_id, milestone_id, reached_on FROM region_milestone LIMIT 1', constraint: 'region_milestone_unique' },
  { rule: 'an event has a known kind', sql: "UPDATE event SET kind = 'PARTY' WHERE id = 1", constraint: 'event_kind_check' },
  { rule: 'a core value belongs to its program once', sql: `INSERT INTO core_value (program_id, code, position, name, name_en) SELECT program_id, code, 99, 'x', 'x' FROM core_value WHERE id = ${coreValue('ADAPTIF')}`, constraint: 'core_value_program_code_unique' },
];

describe('integrity enforced by the database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase('demo');
  });
  afterAll(() => db.drop());

  it.each(badRows)('$rule', async ({ sql, constraint, message }) => {
    const error = await rejection(db.sql, sql);
    expect(error, 'the row was accepted').not.toBeNull();
    expect(error!.constraint).toBe(constraint);
    if (message) expect(error!.message).toMatch(message);
  });

  it('accepts a well-formed observation, session and attendance row', async () => {
    await db.sql.query(observationOf('AGEN_PERUBAHAN', ', value', "'QUARTER', '2030-04-01', 12"));
    const session = await db.sql.query(
      `INSERT INTO session (event_id, number, topic, mode, starts_at, ends_at)
       SELECT id, 99, 'Tambahan', mode, starts_at, starts_at + interval '30 minutes' FROM event WHERE id = ${sessionEvent} RETURNING id`,
    );
    await db.sql.query(`INSERT INTO attendance (session_id, region_id, participants) VALUES ($1, ${region('13.77')}, 25)`, [session.rows[0].id]);
    const stored = await db.sql.query('SELECT participants FROM attendance WHERE session_id = $1', [session.rows[0].id]);
    expect(stored.rows).toEqual([{ participants: 25 }]);
  });
});
