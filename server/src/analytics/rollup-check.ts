import type pg from 'pg';

/**
 * Each rollup against the same figures summed from the raw rows, with the rows that differ: the
 * benchmark runs it on the national data and the tests after every kind of write.
 */
const checks = {
  attendanceByDay: `
    WITH raw AS (
      SELECT (s.starts_at AT TIME ZONE 'UTC')::date AS day, a.region_id, e.program_id, sum(a.participants) AS participants
      FROM attendance a JOIN session s ON s.id = a.session_id JOIN event e ON e.id = s.event_id AND e.status = 'HELD'
      GROUP BY 1, 2, 3
    )
    SELECT coalesce(r.day, d.day) AS day, coalesce(r.region_id, d.region_id) AS region_id, coalesce(r.program_id, d.program_id) AS program_id,
           r.participants AS raw, d.participants AS rollup
    FROM raw r FULL JOIN (SELECT * FROM attendance_day WHERE participants <> 0) d USING (day, region_id, program_id)
    WHERE r.participants IS DISTINCT FROM d.participants`,
  attendanceByMonth: `
    WITH raw AS (SELECT date_trunc('month', day)::date AS month, region_id, program_id, sum(participants) AS participants FROM attendance_day GROUP BY 1, 2, 3)
    SELECT coalesce(r.month, m.month) AS month, coalesce(r.region_id, m.region_id) AS region_id, r.participants AS from_days, m.participants AS rollup
    FROM (SELECT * FROM raw WHERE participants <> 0) r FULL JOIN (SELECT * FROM attendance_month WHERE participants <> 0) m USING (month, region_id, program_id)
    WHERE r.participants IS DISTINCT FROM m.participants`,
  eventTally: `
    WITH raw AS (
      SELECT e.id AS event_id, count(s.id) AS sessions, coalesce(sum(p.participants), 0) AS participants
      FROM event e LEFT JOIN session s ON s.event_id = e.id
      LEFT JOIN (SELECT session_id, sum(participants) AS participants FROM attendance GROUP BY 1) p ON p.session_id = s.id
      GROUP BY e.id
    )
    SELECT r.event_id, r.sessions, r.participants, t.sessions AS tally_sessions, t.participants AS tally_participants
    FROM raw r LEFT JOIN event_tally t USING (event_id)
    WHERE (r.sessions, r.participants) IS DISTINCT FROM (coalesce(t.sessions, 0), coalesce(t.participants, 0))`,
  eventDay: `
    WITH raw AS (
      SELECT (e.starts_at AT TIME ZONE 'UTC')::date AS day, e.program_id, e.kind, e.mode,
             count(*) AS events, coalesce(sum(t.sessions), 0) AS sessions, coalesce(sum(t.participants), 0) AS participants
      FROM event e LEFT JOIN event_tally t ON t.event_id = e.id WHERE e.status <> 'CANCELLED' GROUP BY 1, 2, 3, 4
    )
    SELECT coalesce(r.day, d.day) AS day, coalesce(r.kind, d.kind) AS kind, r.events, d.events AS rollup_events, r.participants, d.participants AS rollup_participants
    FROM raw r FULL JOIN (SELECT * FROM event_day WHERE (events, sessions, participants) <> (0, 0, 0)) d USING (day, program_id, kind, mode)
    WHERE (r.events, r.sessions, r.participants) IS DISTINCT FROM (d.events, d.sessions, d.participants)`,
};

export type RollupName = keyof typeof checks;

/** The first rows that differ from the raw figures, per rollup; every list is empty when all agree. Checks run side by side through a pool. */
export async function rollupDifferences(client: pg.ClientBase | pg.Pool, limit = 5): Promise<Record<RollupName, unknown[]>> {
  const differing = await Promise.all(Object.entries(checks).map(async ([name, text]) => [name, (await client.query(`${text} LIMIT ${Number(limit)}`)).rows] as const));
  return Object.fromEntries(differing) as Record<RollupName, unknown[]>;
}
