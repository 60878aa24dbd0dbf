import type { KindImporter } from '../kind-importer.js';
import { crosswalkWarnings, outsideScope, problemChecks, regionJoin, regionProblem } from './shared.sql.js';

/**
 * Milestones keyed by (region, milestone). Their order is judged on what each region would hold
 * after the import: the file's days over the recorded ones.
 */
export const milestonesImporter: KindImporter = {
  kind: 'milestones',
  resolve: `
    SELECT i.row, i.milestone_code, i.reached_on AS reached_text, import_date(i.reached_on) AS reached_on,
           m.id AS milestone_id, m.position, ${regionJoin.columns('i.region_code')},
           min(i.row) OVER (PARTITION BY region_r.id, m.id) AS first_row
    FROM import_raw i
    LEFT JOIN milestone m ON m.code = i.milestone_code
    ${regionJoin.joins('i.region_code')}`,
  prepare: [
    // Two writers of one region's milestones wait for each other, as recordMilestone's do, in one order against deadlocks.
    `SELECT pg_advisory_xact_lock(hashtext('region_milestone'), region_id) FROM (SELECT DISTINCT region_id FROM import_rows WHERE region_id IS NOT NULL ORDER BY 1) r`,
    `CREATE TEMP TABLE import_outcome ON COMMIT DROP AS
     SELECT m.position, m.code, coalesce(f.reached_on, rm.reached_on) AS reached_on, regions.region_id
     FROM (SELECT DISTINCT region_id FROM import_rows WHERE region_id IS NOT NULL) regions
     CROSS JOIN milestone m
     LEFT JOIN region_milestone rm ON rm.region_id = regions.region_id AND rm.milestone_id = m.id
     LEFT JOIN LATERAL (SELECT r.reached_on FROM import_rows r WHERE r.region_id = regions.region_id AND r.milestone_id = m.id AND r.reached_on IS NOT NULL ORDER BY r.row LIMIT 1) f ON true`,
  ],
  problems: problemChecks(`import_rows r CROSS JOIN import_context c
    LEFT JOIN LATERAL (SELECT o.code, o.reached_on FROM import_outcome o WHERE o.region_id = r.region_id AND o.position = r.position - 1) previous ON true
    LEFT JOIN LATERAL (SELECT o.code, o.reached_on FROM import_outcome o
      WHERE o.region_id = r.region_id AND o.position > r.position AND o.reached_on < r.reached_on ORDER BY o.position LIMIT 1) later ON true`, [
    ['region_code', regionProblem()],
    ['region_code', outsideScope()],
    ['milestone_code', `CASE WHEN r.milestone_code IS NULL THEN 'is empty' WHEN r.milestone_id IS NULL THEN format('no milestone has code %s', r.milestone_code)
      WHEN r.region_id IS NOT NULL AND r.first_row <> r.row THEN format('same region and milestone as row %s', r.first_row) END`],
    ['reached_on', `CASE
      WHEN r.reached_text IS NULL THEN 'is empty'
      WHEN r.reached_on IS NULL THEN format('%s is not a date (YYYY-MM-DD)', r.reached_text)
      WHEN r.reached_on > c.today THEN format('%s is in the future', r.reached_text)
      WHEN r.region_id IS NULL OR r.milestone_id IS NULL THEN NULL
      WHEN r.position > 1 AND previous.reached_on IS NULL THEN format('milestones go in order: %s must be reached first, in this file or before', previous.code)
      WHEN previous.reached_on > r.reached_on THEN format('milestones go in order: %s, the step before, was reached later, on %s', previous.code, previous.reached_on)
      WHEN later.code IS NOT NULL THEN format('milestones go in order: %s, a later step, was reached earlier, on %s', later.code, later.reached_on) END`],
  ]),
  warnings: crosswalkWarnings(),
  plan: `
    SELECT 'region_milestone' AS entity, count(*) FILTER (WHERE rm.id IS NULL) AS inserted,
           count(*) FILTER (WHERE rm.reached_on <> r.reached_on) AS updated, count(*) FILTER (WHERE rm.reached_on = r.reached_on) AS unchanged
    FROM import_rows r LEFT JOIN region_milestone rm ON rm.region_id = r.region_id AND rm.milestone_id = r.milestone_id`,
  apply: [`
    INSERT INTO region_milestone (region_id, milestone_id, reached_on, reported_by, reported_at)
    SELECT r.region_id, r.milestone_id, r.reached_on, c.reporter, now() FROM import_rows r CROSS JOIN import_context c
    ON CONFLICT (region_id, milestone_id) DO UPDATE SET reached_on = excluded.reached_on, reported_by = excluded.reported_by, reported_at = excluded.reported_at
    WHERE region_milestone.reached_on IS DISTINCT FROM excluded.reached_on`],
};
