import type pg from 'pg';
import { random } from '../random.js';

export interface DemoRegion {
  id: number;
  code: string;
  name: string;
  level: 'PROVINCE' | 'REGENCY' | 'CITY';
  parentId: number | null;
  headcount: number;
  /** 0 (slowest) to 1 (fastest): how quickly this region moves through the rollout. */
  pace: number;
  /** A laggard stalls after the first steps and misses many reports. */
  laggard: boolean;
}

export interface DemoContext {
  seed: number;
  regions: DemoRegion[];
  childrenOf: Map<number, DemoRegion[]>;
  programs: Map<string, number>;
  coreValues: { id: number; code: string }[];
  indicators: Map<string, { id: number; periodType: string }>;
  milestones: { id: number; position: number }[];
}

export async function readContext(client: pg.ClientBase, seed: number): Promise<DemoContext> {
  const regions = await client.query<{ id: number; code: string; name: string; level: DemoRegion['level']; parent_id: number | null; headcount: number }>(
    'SELECT id, code, name, level, parent_id, headcount FROM region ORDER BY code',
  );
  const pace = random(seed, 'pace');
  const demoRegions = regions.rows.map((row): DemoRegion => {
    const laggard = pace.chance(0.06);
    return {
      id: row.id, code: row.code, name: row.name, level: row.level, parentId: row.parent_id, headcount: row.headcount,
      pace: laggard ? pace.between(0, 0.15) : Math.min(1, Math.max(0.1, pace.normal(0.55, 0.2))),
      laggard,
    };
  });
  const childrenOf = new Map<number, DemoRegion[]>();
  for (const region of demoRegions) {
    if (region.parentId === null) continue;
    childrenOf.set(region.parentId, [...(childrenOf.get(region.parentId) ?? []), region]);
  }
  const programs = await client.query<{ id: number; code: string }>('SELECT id, code FROM program');
  const values = await client.query<{ id: number; code: string }>(
    "SELECT v.id, v.code FROM core_value v JOIN program p ON p.id = v.program_id WHERE p.code = 'BERAKHLAK' ORDER BY v.position",
  );
  const indicators = await client.query<{ id: number; code: string; period_type: string }>('SELECT id, code, period_type FROM indicator');
  const milestones = await client.query<{ id: number; position: number }>('SELECT id, position FROM milestone ORDER BY position');
  return {
    seed,
    regions: demoRegions,
    childrenOf,
    programs: new Map(programs.rows.map((row) => [row.code, row.id])),
    coreValues: values.rows,
    indicators: new Map(indicators.rows.map((row) => [row.code, { id: row.id, periodType: row.period_type }])),
    milestones: milestones.rows,
  };
}
