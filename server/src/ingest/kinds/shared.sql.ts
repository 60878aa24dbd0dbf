/**
 * SQL pieces every kind uses. Cells arrive as text; these read them leniently (null when unreadable),
 * so one bad cell becomes a problem of its row rather than a failed statement.
 */

export const wholeNumber = (cell: string) => `(CASE WHEN ${cell} ~ '^[0-9]{1,9}$' THEN ${cell}::int END)`;

/** `87.5` or, from spreadsheets with Indonesian settings, `87,5`. */
export const decimalNumber = (cell: string) => `(CASE WHEN ${cell} ~ '^-?[0-9]{1,15}([.,][0-9]{1,15})?$' THEN replace(${cell}, ',', '.')::float8 END)`;

/**
 * A region named by code, read through the Papua crosswalk: columns `<p>_given` (as written),
 * `<p>_old_code` (when crosswalked), `<p>_id`, `<p>_code`, `<p>_name`, `<p>_headcount`.
 */
export const regionJoin = {
  columns: (cell: string, p = 'region') =>
    `${cell} AS ${p}_given, ${p}_cw.old_code AS ${p}_old_code, ${p}_r.id AS ${p}_id, ${p}_r.code AS ${p}_code, ${p}_r.name AS ${p}_name, ${p}_r.headcount AS ${p}_headcount`,
  joins: (cell: string, p = 'region') =>
    `LEFT JOIN import_crosswalk ${p}_cw ON ${p}_cw.old_code = ${cell} LEFT JOIN region ${p}_r ON ${p}_r.code = coalesce(${p}_cw.new_code, ${cell})`,
};

export const regionProblem = (p = 'region') =>
  `CASE WHEN r.${p}_given IS NULL THEN 'is empty' WHEN r.${p}_id IS NULL THEN format('no region has code %s', r.${p}_given) END`;

/** Needs `import_context c` in the query. */
export const outsideScope = (p = 'region') =>
  `CASE WHEN r.${p}_id IS NOT NULL AND c.scope IS NOT NULL AND NOT r.${p}_id = ANY(c.scope)
     THEN format('region %s %s is outside your scope (%s)', r.${p}_code, r.${p}_name, c.scope_name) END`;

export const crosswalkWarnings = (p = 'region', column = 'region_code') =>
  `SELECT row, '${column}' AS col, format('%s is a code from before the 2022 Papua split; read as %s %s', ${p}_given, ${p}_code, ${p}_name) AS reason
   FROM import_rows WHERE ${p}_old_code IS NOT NULL AND ${p}_id IS NOT NULL`;

/**
 * A problems query from (column, CASE giving the reason or null) checks over `from` (which names
 * its row alias `r`). The reasons are gathered in one array per row, and only rows with one are
 * spread out: a million good rows cost one pass, not a row per check.
 */
export function problemChecks(from: string, checks: readonly (readonly [column: string, reason: string])[]): string {
  return `SELECT q.row, p.col, p.reason FROM (
      SELECT r.row, ARRAY[${checks.map(([, reason]) => `(${reason})`).join(',\n')}]::text[] AS reasons FROM ${from}
    ) q, unnest(ARRAY[${checks.map(([column]) => `'${column}'`).join(', ')}]::text[], q.reasons) AS p(col, reason)
    WHERE num_nonnulls(VARIADIC q.reasons) > 0 AND p.reason IS NOT NULL`;
}
