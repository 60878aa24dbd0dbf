import type { KindImporter } from '../kind-importer.js';
import { crosswalkWarnings, decimalNumber, outsideScope, problemChecks, regionJoin, regionProblem } from './shared.sql.js';

const periodLength = (type: string) => `CASE ${type} WHEN 'MONTH' THEN interval '1 month' WHEN 'QUARTER' THEN interval '3 months' ELSE interval '1 year' END`;

/** Observations keyed by (indicator, region, period start, core value), checked against the indicator's rules and the period locks. */
export const observationsImporter: KindImporter = {
  kind: 'observations',
  resolve: `
    SELECT i.row, i.indicator_code, i.period_start AS period_text, import_date(i.period_start) AS period_start,
           i.core_value_code, i.value AS value_text, ${decimalNumber('i.value')} AS value,
           ind.id AS indicator_id, ind.period_type, ind.unit, ind.min_value, ind.max_value, ind.by_core_value, ind.program_id,
           cv.id AS core_value_id, ${regionJoin.columns('i.region_code')}
    FROM import_raw i
    LEFT JOIN indicator ind ON ind.code = i.indicator_code
    LEFT JOIN core_value cv ON cv.code = i.core_value_code AND cv.program_id = ind.program_id
    ${regionJoin.joins('i.region_code')}`,
  prepare: [`
    CREATE TEMP TABLE import_keyed ON COMMIT DROP AS
    SELECT r.*, min(r.row) OVER (PARTITION BY r.indicator_id, r.region_id, r.period_start, r.core_value_id) AS first_row,
           (r.period_start + ${periodLength('r.period_type')})::date + c.lock_days AS locks_on,
           EXISTS (SELECT 1 FROM period_reopening o WHERE o.region_id = r.region_id AND o.period_type = r.period_type
                   AND o.period_start = r.period_start AND o.open_until >= c.today) AS reopened
    FROM import_rows r CROSS JOIN import_context c`],
  problems: problemChecks('import_keyed r CROSS JOIN import_context c', [
    ['indicator_code', `CASE WHEN r.indicator_code IS NULL THEN 'is empty' WHEN r.indicator_id IS NULL THEN format('no indicator has code %s', r.indicator_code) END`],
    ['region_code', regionProblem()],
    ['region_code', outsideScope()],
    ['core_value_code', `CASE
      WHEN r.indicator_id IS NULL THEN NULL
      WHEN NOT r.by_core_value AND r.core_value_code IS NOT NULL THEN format('%s is not reported per core value; leave it empty', r.indicator_code)
      WHEN r.by_core_value AND r.core_value_code IS NULL THEN format('%s is reported per core value; name one', r.indicator_code)
      WHEN r.by_core_value AND r.core_value_id IS NULL THEN format('no core value %s in the program of %s', r.core_value_code, r.indicator_code) END`],
    ['period_start', `CASE
      WHEN r.period_text IS NULL THEN 'is empty'
      WHEN r.period_start IS NULL THEN format('%s is not a date (YYYY-MM-DD)', r.period_text)
      WHEN r.indicator_id IS NULL THEN NULL
      WHEN NOT period_start_is_aligned(r.period_type, r.period_start)
        THEN format('%s is not the first day of a %s, the period of %s', r.period_text, lower(r.period_type), r.indicator_code)
      WHEN r.period_start > c.today THEN format('the period starting %s has not begun yet', r.period_text)
      WHEN c.today >= r.locks_on AND NOT r.reopened AND r.region_id IS NOT NULL
        THEN format('the period starting %s locked on %s; an administrator can reopen it for %s', r.period_text, r.locks_on, r.region_code)
      WHEN r.region_id IS NOT NULL AND (r.core_value_id IS NOT NULL OR NOT r.by_core_value) AND r.first_row <> r.row
        THEN format('same indicator, region, period and core value as row %s', r.first_row) END`],
    ['value', `CASE
      WHEN r.value_text IS NULL THEN 'is empty'
      WHEN r.value IS NULL THEN format('%s is not a number (write 87.5 or 87,5, without thousands separators)', r.value_text)
      WHEN r.indicator_id IS NULL THEN NULL
      WHEN r.value < r.min_value THEN format('%s is below the minimum %s of %s', r.value, r.min_value, r.indicator_code)
      WHEN r.value > r.max_value THEN format('%s is above the maximum %s of %s', r.value, r.max_value, r.indicator_code)
      WHEN r.unit = 'COUNT' AND r.value <> trunc(r.value) THEN format('%s counts, so its value is a whole number, not %s', r.indicator_code, r.value) END`],
  ]),
  warnings: crosswalkWarnings(),
  plan: `
    SELECT 'observation' AS entity, count(*) FILTER (WHERE o.id IS NULL) AS inserted,
           count(*) FILTER (WHERE o.value <> r.value) AS updated, count(*) FILTER (WHERE o.value = r.value) AS unchanged
    FROM import_rows r LEFT JOIN observation o ON o.indicator_id = r.indicator_id AND o.region_id = r.region_id
      AND o.period_start = r.period_start AND o.core_value_id IS NOT DISTINCT FROM r.core_value_id`,
  apply: [`
    INSERT INTO observation (indicator_id, region_id, period_type, period_start, core_value_id, value, reported_by, reported_at)
    SELECT r.indicator_id, r.region_id, r.period_type, r.period_start, r.core_value_id, r.value, c.reporter, now() FROM import_rows r CROSS JOIN import_context c
    ON CONFLICT (indicator_id, region_id, period_start, core_value_id)
    DO UPDATE SET value = excluded.value, reported_by = excluded.reported_by, reported_at = excluded.reported_at
    WHERE observation.value IS DISTINCT FROM excluded.value`],
};
