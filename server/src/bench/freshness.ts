import pg from 'pg';
import type { Operation } from './capture.js';

export interface FreshnessFigure {
  write: string;
  figures: string;
  ms: number;
}

type Ask = (operation: Operation) => Promise<string>;

interface PageVariables {
  indicatorCode: string;
  period: { from: string; to: string };
  history?: { from: string; to: string };
}

/**
 * How long after a write commits a page's answer changes, with the answer cached beforehand and the
 * write made by another connection (as another server or an import would): the slowest path, through
 * the database's change notice. Each write is undone afterwards, so the data set stays as loaded.
 */
export async function probeFreshness(databaseUrl: string, ask: Ask, operations: Operation[]): Promise<FreshnessFigure[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const figures: FreshnessFigure[] = [];
  try {
    for (const operation of operations) {
      const variables = (JSON.parse(operation.body) as { variables: PageVariables }).variables;
      for (const { write, change } of await writesSeenBy(client, variables)) {
        const before = await ask(operation);
        await change(1);
        figures.push({ write, figures: `${operation.page} ${operation.name}`, ms: await timeUntil(ask, operation, (answer) => answer !== before) });
        await change(-1);
        await timeUntil(ask, operation, (answer) => answer === before);
      }
    }
  } finally {
    await client.end();
  }
  return figures;
}

/** An observation of the page's indicator and an attendance row of an event it counts, both in Gorontalo's area. */
async function writesSeenBy(client: pg.Client, variables: PageVariables) {
  const span = variables.history ?? variables.period;
  const observation = (await client.query(`SELECT o.id FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id
    WHERE i.code = $1 AND r.code LIKE '75.%' AND o.period_start BETWEEN $2 AND $3
      AND o.value + 1 <= coalesce(i.max_value, 'infinity') ORDER BY o.period_start DESC, o.id LIMIT 1`,
  [variables.indicatorCode, span.from, span.to])).rows[0] as { id: number } | undefined;
  const attendance = (await client.query(`SELECT a.session_id, a.region_id FROM attendance a JOIN session s ON s.id = a.session_id
    JOIN event e ON e.id = s.event_id AND e.status = 'HELD' JOIN region h ON h.id = e.host_region_id JOIN region r ON r.id = a.region_id
    WHERE h.code LIKE '75%' AND r.code LIKE '75.%' AND e.starts_at >= $1::date AND e.ends_at < $2::date AND a.participants > 10
    ORDER BY s.id LIMIT 1`, [variables.period.from, variables.period.to])).rows[0] as { session_id: number; region_id: number } | undefined;
  if (!observation || !attendance) throw new Error('the data set has no observation or attendance row in Gorontalo for the freshness probe');
  return [
    { write: 'observation value changed', change: (sign: number) => client.query('UPDATE observation SET value = value + $2 WHERE id = $1', [observation.id, sign * 0.5]) },
    { write: 'attendance participants changed', change: (sign: number) => client.query('UPDATE attendance SET participants = participants - $3 WHERE session_id = $1 AND region_id = $2', [attendance.session_id, attendance.region_id, sign * 7]) },
  ];
}

/** Milliseconds until the answer passes `test`, polling every 5 ms; Infinity after 10 s. */
async function timeUntil(ask: Ask, operation: Operation, test: (answer: string) => boolean): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 10_000) {
    if (test(await ask(operation))) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Infinity;
}
