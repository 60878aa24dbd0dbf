import type { KindImporter } from '../kind-importer.js';
import { crosswalkWarnings, outsideScope, problemChecks, regionJoin, regionProblem, wholeNumber } from './shared.sql.js';

/** Attendance rows keyed by (event code, session number, region): participants up to the region's headcount. */
export const attendanceImporter: KindImporter = {
  kind: 'attendance',
  resolve: `
    SELECT i.row, i.event_code, i.session_number, i.participants AS participants_text, ${wholeNumber('i.participants')} AS participants,
           e.id AS event_id, e.status AS event_status, s.id AS session_id, s.starts_at AS session_starts_at,
           ${regionJoin.columns('i.region_code')},
           min(i.row) OVER (PARTITION BY s.id, region_r.id) AS first_row
    FROM import_raw i
    LEFT JOIN event e ON e.code = i.event_code
    LEFT JOIN session s ON s.event_id = e.id AND s.number = ${wholeNumber('i.session_number')}
    ${regionJoin.joins('i.region_code')}`,
  problems: problemChecks('import_rows r CROSS JOIN import_context c', [
    ['event_code', `CASE WHEN r.event_code IS NULL THEN 'is empty' WHEN r.event_id IS NULL THEN format('no event has code %s', r.event_code) END`],
    ['session_number', `CASE
      WHEN r.event_id IS NULL THEN NULL
      WHEN r.session_number IS NULL THEN 'is empty'
      WHEN r.session_id IS NULL THEN format('event %s has no session %s', r.event_code, r.session_number)
      WHEN r.event_status = 'CANCELLED' THEN format('event %s is cancelled', r.event_code)
      WHEN r.session_starts_at > now() THEN format('session %s of %s has not begun yet', r.session_number, r.event_code)
      WHEN r.region_id IS NOT NULL AND r.first_row <> r.row THEN format('same session and region as row %s', r.first_row) END`],
    ['region_code', regionProblem()],
    ['region_code', outsideScope()],
    ['participants', `CASE
      WHEN r.participants_text IS NULL THEN 'is empty'
      WHEN r.participants IS NULL THEN format('%s is not a whole number of people', r.participants_text)
      WHEN r.participants > r.region_headcount THEN format('%s is more than the %s civil servants of %s %s', r.participants, r.region_headcount, r.region_code, r.region_name) END`],
  ]),
  warnings: crosswalkWarnings(),
  plan: `
    SELECT 'attendance' AS entity, count(*) FILTER (WHERE a.session_id IS NULL) AS inserted,
           count(*) FILTER (WHERE a.participants <> r.participants) AS updated, count(*) FILTER (WHERE a.participants = r.participants) AS unchanged
    FROM import_rows r LEFT JOIN attendance a ON a.session_id = r.session_id AND a.region_id = r.region_id`,
  apply: [`
    INSERT INTO attendance (session_id, region_id, participants) SELECT session_id, region_id, participants FROM import_rows
    -- In key order, the primary key's pages are filled one after another rather than at random.
    ORDER BY session_id, region_id
    ON CONFLICT (session_id, region_id) DO UPDATE SET participants = excluded.participants
    WHERE attendance.participants IS DISTINCT FROM excluded.participants`],
};
