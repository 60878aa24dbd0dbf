import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupDifferences } from '../src/analytics/rollup-check.js';
import { type TestDatabase, testDatabase } from './support/database.js';

/** The triggers keep every rollup equal to the raw rows, whatever writes them and however. */
describe('rollups kept by triggers', () => {
  let db: TestDatabase;
  const one = async <T = any>(text: string, values: unknown[] = []): Promise<T> => (await db.sql.query(text, values)).rows[0];
  const expectInStep = async () => {
    const differences = await rollupDifferences(db.sql);
    expect(differences).toEqual({ attendanceByDay: [], attendanceByMonth: [], eventTally: [], eventDay: [] });
  };

  beforeAll(async () => {
    db = await testDatabase('demo');
  });
  afterAll(() => db.drop());

  it('agree with the demo data as loaded through COPY', async () => {
    expect(Number((await one('SELECT count(*) FROM attendance_day')).count)).toBeGreaterThan(1000);
    await expectInStep();
  });

  it('follow attendance inserted, changed and deleted', async () => {
    const session = await one(`SELECT s.id FROM session s JOIN event e ON e.id = s.event_id WHERE e.status = 'HELD' ORDER BY s.id LIMIT 1`);
    const spare = await one(`SELECT id FROM region WHERE id NOT IN (SELECT region_id FROM attendance WHERE session_id = $1) ORDER BY id LIMIT 2`, [session.id]);
    await db.sql.query('INSERT INTO attendance (session_id, region_id, participants) VALUES ($1, $2, 40)', [session.id, spare.id]);
    await expectInStep();
    await db.sql.query('UPDATE attendance SET participants = participants + 7 WHERE session_id = $1', [session.id]);
    await expectInStep();
    await db.sql.query('DELETE FROM attendance WHERE session_id = $1 AND region_id = $2', [session.id, spare.id]);
    await expectInStep();
  });

  it('follow a session moved to another month, its event moved to another program, and a session deleted', async () => {
    const [first, second] = (await db.sql.query(`SELECT s.id, s.event_id FROM session s JOIN event e ON e.id = s.event_id
      WHERE e.status = 'HELD' AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id) ORDER BY s.id LIMIT 2`)).rows;
    // Far enough to land in another month; the event's own dates are widened so its sessions stay inside it.
    await db.sql.query(`UPDATE event SET starts_at = starts_at - interval '60 days' WHERE id = $1`, [first.event_id]);
    await db.sql.query(`UPDATE session SET starts_at = starts_at - interval '40 days', ends_at = ends_at - interval '40 days' WHERE id = $1`, [first.id]);
    await expectInStep();
    await db.sql.query(`UPDATE event SET program_id = (SELECT max(id) FROM program WHERE id <> event.program_id) WHERE id = $1`, [second.event_id]);
    await expectInStep();
    await db.sql.query('DELETE FROM session WHERE id = $1', [second.id]);
    await expectInStep();
  });

  it('follow an event cancelled, held again, and deleted with its sessions', async () => {
    const event = await one(`SELECT e.id FROM event e WHERE e.status = 'HELD' AND (SELECT count(*) FROM session s WHERE s.event_id = e.id) > 1 ORDER BY e.id LIMIT 1`);
    await db.sql.query(`UPDATE event SET status = 'CANCELLED' WHERE id = $1`, [event.id]);
    await expectInStep();
    await db.sql.query(`UPDATE event SET status = 'HELD' WHERE id = $1`, [event.id]);
    await expectInStep();
    await db.sql.query('DELETE FROM event WHERE id = $1', [event.id]);
    await expectInStep();
  });

  it('sum whole months and the days around them between two days', async () => {
    const between = async (from: string, to: string) =>
      Number((await one('SELECT coalesce(sum(participants), 0) AS total FROM attendance_between($1, $2, NULL)', [from, to])).total);
    const raw = async (from: string, to: string) =>
      Number((await one(`SELECT coalesce(sum(a.participants), 0) AS total FROM attendance a JOIN session s ON s.id = a.session_id
        JOIN event e ON e.id = s.event_id AND e.status = 'HELD' WHERE (s.starts_at AT TIME ZONE 'UTC')::date BETWEEN $1 AND $2`, [from, to])).total);
    for (const [from, to] of [['2023-01-01', '2023-12-31'], ['2023-02-14', '2023-05-03'], ['2024-03-05', '2024-03-20'], ['2022-12-31', '2023-01-01'], ['-infinity', 'infinity']]) {
      expect(await between(from!, to!), `${from} to ${to}`).toBe(await raw(from!, to!));
    }
  });
});
