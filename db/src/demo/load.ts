import type pg from 'pg';
import { readContext, type DemoContext } from './context.js';
import { generatedEventCode } from '../event-code.js';
import { copyRows } from './copy.js';
import { EventPlanner } from './events.js';
import { regionMilestoneRows } from './milestones.js';
import { observationRows, skpIndicatorCode, skpRatings, skpRows } from './observations.js';
import { type DatasetName, datasetSizes, DEFAULT_SEED } from './sizes.js';

export interface DemoLoadResult {
  dataset: DatasetName;
  seed: number;
  /** False when the data set was already there and nothing was written. */
  loaded: boolean;
  counts: Record<string, number>;
}

/**
 * Loads a generated data set in one transaction, through COPY. A data set is loaded once:
 * asking again returns the recorded counts and writes nothing.
 */
export async function loadDemoData(client: pg.ClientBase, dataset: DatasetName = 'demo', seed = DEFAULT_SEED): Promise<DemoLoadResult> {
  const size = datasetSizes[dataset];
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('dataset_load'))");
    const existing = await client.query<{ name: DatasetName; seed: number; counts: Record<string, number> }>('SELECT name, seed, counts FROM dataset_load');
    const previous = existing.rows[0];
    if (previous) {
      await client.query('ROLLBACK');
      if (previous.name !== dataset) throw new Error(`this database already holds the ${previous.name} data set; load ${dataset} into an empty database`);
      return { dataset, seed: previous.seed, loaded: false, counts: previous.counts };
    }
    if (size.skpBehaviourRatings) await upsertSkpIndicators(client);
    const context = await readContext(client, seed);
    const counts = await writeDataset(client, context, new EventPlanner(context, size));
    await client.query('INSERT INTO dataset_load (name, seed, counts) VALUES ($1, $2, $3)', [dataset, seed, JSON.stringify(counts)]);
    await client.query('COMMIT');
    return { dataset, seed, loaded: true, counts };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function writeDataset(client: pg.ClientBase, context: DemoContext, planner: EventPlanner): Promise<Record<string, number>> {
  const empty = await client.query("SELECT (SELECT count(*) FROM event) + (SELECT count(*) FROM region_milestone) + (SELECT count(*) FROM observation) AS rows");
  if (Number(empty.rows[0].rows) > 0) throw new Error('demo data goes into a database without events, milestones or observations');
  const counts: Record<string, number> = {};
  counts.regionMilestones = await copyRows(client, 'region_milestone', ['region_id', 'milestone_id', 'reached_on', 'reported_by', 'reported_at'], regionMilestoneRows(context));
  counts.events = await copyRows(
    client, 'event',
    ['id', 'code', 'program_id', 'title', 'kind', 'organiser', 'host_region_id', 'mode', 'starts_at', 'ends_at', 'venue', 'status', 'source_url'],
    mapEvents(planner, (event) => [[
      event.id, generatedEventCode(event.id), event.programId, event.title, event.kind, event.organiser, event.hostRegion?.id ?? null, event.mode,
      event.startsAt.toISOString(), event.endsAt.toISOString(), event.venue, event.status, null,
    ]]),
  );
  counts.eventCoreValues = await copyRows(client, 'event_core_value', ['event_id', 'core_value_id'], mapEvents(planner, (event) => event.coreValueIds.map((id) => [event.id, id])));
  counts.sessions = await copyRows(
    client, 'session', ['id', 'event_id', 'number', 'topic', 'mode', 'starts_at', 'ends_at'],
    mapEvents(planner, (event) => event.sessions.map((session, index) => [session.id, event.id, index + 1, session.topic, session.mode, session.startsAt.toISOString(), session.endsAt.toISOString()])),
  );
  counts.speakers = await copyRows(
    client, 'speaker', ['session_id', 'position', 'name', 'role'],
    mapEvents(planner, (event) => event.sessions.flatMap((session) => session.speakers.map((speaker, index) => [session.id, index + 1, speaker.name, speaker.role]))),
  );
  counts.attendance = await copyRows(client, 'attendance', ['session_id', 'region_id', 'participants'], mapEvents(planner, (event) => planner.attendance(event)));
  const observationColumns = ['indicator_id', 'region_id', 'period_type', 'period_start', 'core_value_id', 'value', 'reported_by', 'reported_at'];
  counts.observations = await copyRows(client, 'observation', observationColumns, observationRows(context));
  if (context.indicators.has(skpIndicatorCode(1, skpRatings[0]))) {
    counts.observations += await copyRows(client, 'observation', observationColumns, skpRows(context));
  }
  for (const table of ['event', 'session', 'speaker', 'region_milestone', 'observation']) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`);
  }
  return counts;
}

function* mapEvents<T>(planner: EventPlanner, rows: (event: ReturnType<EventPlanner['plan']>) => Iterable<T>): Generator<T> {
  for (const event of planner.all()) yield* rows(event);
}

async function upsertSkpIndicators(client: pg.ClientBase): Promise<void> {
  const behaviours = await client.query<{ position: number; description: string }>('SELECT position, description FROM behaviour ORDER BY position');
  for (const behaviour of behaviours.rows) {
    for (const rating of skpRatings) {
      const label = rating.toLowerCase().replace('_', ' ');
      await client.query(
        `INSERT INTO indicator (code, name, name_en, description, program_id, unit, region_aggregation, time_aggregation,
                                period_type, higher_is_better, by_core_value, min_value, max_value)
         VALUES ($1, $2, $3, $4, (SELECT id FROM program WHERE code = 'BERAKHLAK'), 'PERCENT', 'WEIGHTED_AVERAGE', 'AVERAGE', 'MONTH', $5, false, 0, 100)
         ON CONFLICT (code) DO NOTHING`,
        [
          skpIndicatorCode(behaviour.position, rating),
          `Predikat perilaku ${behaviour.position} ${label} (SKP)`,
          `Behaviour ${behaviour.position} rated ${label} (SKP)`,
          `Persentase ASN dengan predikat ${label} untuk perilaku: ${behaviour.description}`,
          rating === 'SANGAT_BAIK' || rating === 'BAIK',
        ],
      );
    }
  }
}
