import { type Part, sql } from '../analytics/sql.js';

/**
 * A region's rollout stage: the last milestone reached *in order* (a region that recorded steps 1, 2
 * and 4 is at stage 2), with the day it was reached, counting milestones reached by `asOf`
 * (`infinity` for all). Yields (region_id, position, milestone_id, reached_on).
 */
export function regionStages(asOf: string): Part {
  return sql`
    SELECT DISTINCT ON (region_id) region_id, position, milestone_id, reached_on
    FROM (
      SELECT rm.region_id, m.position, m.id AS milestone_id, rm.reached_on,
             row_number() OVER (PARTITION BY rm.region_id ORDER BY m.position) AS step
      FROM region_milestone rm JOIN milestone m ON m.id = rm.milestone_id
      WHERE rm.reached_on <= ${asOf}::date
    ) reached
    WHERE position = step
    ORDER BY region_id, position DESC`;
}
