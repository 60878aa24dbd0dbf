import type pg from 'pg';
import { indicatorRecords } from './indicators.js';
import { milestoneRecords } from './milestones.js';
import { programRecords } from './programs.js';
import { regionRecords } from './regions.js';

/**
 * Loads or refreshes the reference data in one transaction. Every statement is an upsert on a
 * natural key, so loading twice leaves the same rows.
 */
export async function loadReferenceData(client: pg.ClientBase): Promise<void> {
  await inTransaction(client, () => upsertAll(client));
}

/**
 * Loads the reference data into a database that has none, and leaves it alone after that:
 * from the first start on, administrators own indicators and targets, and a restart must not
 * undo their edits. Returns whether anything was written.
 */
export async function loadReferenceDataOnce(client: pg.ClientBase): Promise<boolean> {
  return inTransaction(client, async () => {
    // Two servers starting together on one database must not both load.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('reference_load'))");
    const { rows } = await client.query<{ loaded: boolean }>('SELECT EXISTS (SELECT 1 FROM region) AS loaded');
    if (rows[0]!.loaded) return false;
    await upsertAll(client);
    return true;
  });
}

async function upsertAll(client: pg.ClientBase): Promise<void> {
  await upsertRegions(client);
  await upsertPrograms(client);
  await upsertIndicators(client);
  await upsertMilestones(client);
}

async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
async function upsertRegions(client: pg.ClientBase): Promise<void> {
  const records = regionRecords();
  // Provinces first, so each regency and city finds its parent by code.
  for (const level of [['PROVINCE'], ['REGENCY', 'CITY']]) {
    const rows = records.filter((record) => level.includes(record.level));
    await client.query(
      `INSERT INTO region (code, name, level, parent_id, headcount)
       SELECT r.code, r.name, r.level, p.id, r.headcount
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, level text, "parentCode" text, headcount int)
       LEFT JOIN region p ON p.code = r."parentCode"
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_id = excluded.parent_id, headcount = excluded.headcount`,
      [JSON.stringify(rows)],
    );
  }
}

async function upsertPrograms(client: pg.ClientBase): Promise<void> {
  for (const program of programRecords) {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO program (code, name, description, launched_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, description = excluded.description, launched_on = excluded.launched_on
       RETURNING id`,
      [program.code, program.name, program.description, program.launchedOn],
    );
    const programId = rows[0]!.id;
    let behaviourNumber = 0;
    for (const [index, value] of program.coreValues.entries()) {
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO core_value (program_id, code, position, name, name_en) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (program_id, code) DO UPDATE SET position = excluded.position, name = excluded.name, name_en = excluded.name_en
         RETURNING id`,
        [programId, value.code, index + 1, value.name, value.nameEn],
      );
      for (const description of value.behaviours) {
        behaviourNumber += 1;
        await client.query(
          `INSERT INTO behaviour (core_value_id, position, description) VALUES ($1, $2, $3)
           ON CONFLICT (core_value_id, position) DO UPDATE SET description = excluded.description`,
          [inserted.rows[0]!.id, behaviourNumber, description],
        );
      }
    }
  }
}

async function upsertIndicators(client: pg.ClientBase): Promise<void> {
  for (const indicator of indicatorRecords) {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO indicator (code, name, name_en, description, program_id, unit, region_aggregation, time_aggregation,
                              period_type, higher_is_better, by_core_value, min_value, max_value)
       VALUES ($1, $2, $3, $4, (SELECT id FROM program WHERE code = $5), $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, description = excluded.description,
         program_id = excluded.program_id, unit = excluded.unit, region_aggregation = excluded.region_aggregation,
         time_aggregation = excluded.time_aggregation, period_type = excluded.period_type,
         higher_is_better = excluded.higher_is_better, by_core_value = excluded.by_core_value,
         min_value = excluded.min_value, max_value = excluded.max_value
       RETURNING id`,
      [
        indicator.code, indicator.name, indicator.nameEn, indicator.description, indicator.programCode, indicator.unit,
        indicator.regionAggregation, indicator.timeAggregation, indicator.periodType, indicator.higherIsBetter,
        indicator.byCoreValue, indicator.minValue, indicator.maxValue,
      ],
    );
    if (indicator.target === null) continue;
    await client.query(
      `INSERT INTO target (indicator_id, region_id, value) VALUES ($1, NULL, $2)
       ON CONFLICT (indicator_id, region_id) DO UPDATE SET value = excluded.value`,
      [rows[0]!.id, indicator.target],
    );
  }
}

async function upsertMilestones(client: pg.ClientBase): Promise<void> {
  // Positions are unique, so shift them out of the way before renumbering.
  await client.query('UPDATE milestone SET position = position + 1000');
  for (const [index, milestone] of milestoneRecords.entries()) {
    await client.query(
      `INSERT INTO milestone (code, position, name, name_en, description) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET position = excluded.position, name = excluded.name, name_en = excluded.name_en, description = excluded.description`,
      [milestone.code, index + 1, milestone.name, milestone.nameEn, milestone.description],
    );
  }
}
