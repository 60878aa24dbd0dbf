import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../common/loaders.js';
import { Milestone } from './milestone.entity.js';
import { RegionMilestone } from './region-milestone.entity.js';
import { sql } from '../analytics/sql.js';
import { regionStages } from './stage.sql.js';
import { byIdLoader } from '../common/by-id-loader.js';

export interface StageRow {
  milestone: Milestone;
  reachedOn: string;
}

export function milestoneLoaders(em: EntityManager) {
  return {
    milestonesById: byIdLoader(em, Milestone, 'milestone'),

    milestonesByRegion: new DataLoader<number, RegionMilestone[]>(async (regionIds) => {
      const rows = await em.find(RegionMilestone, { region: { $in: [...regionIds] } }, { populate: ['milestone'], orderBy: { milestone: { position: 'asc' } } });
      return groupBy(regionIds, rows, (row) => row.region.id);
    }),

    stageByRegion: new DataLoader<number, StageRow | null>(async (regionIds) => {
      const query = sql`SELECT region_id, milestone_id, to_char(reached_on, 'YYYY-MM-DD') AS reached_on
                        FROM (${regionStages('infinity')}) stages WHERE region_id IN (${sql.list([...regionIds])})`;
      const rows: { region_id: number; milestone_id: number; reached_on: string }[] = await em.getConnection().execute(query.text, query.params);
      const milestones = new Map((await em.find(Milestone, {})).map((milestone) => [milestone.id, milestone]));
      const stages = new Map(rows.map((row) => [row.region_id, { milestone: milestones.get(row.milestone_id)!, reachedOn: row.reached_on }]));
      return regionIds.map((id) => stages.get(id) ?? null);
    }),
  };
}
