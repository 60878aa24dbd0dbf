import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../common/loaders.js';
import { Region, type RegionLevel } from './region.entity.js';
import { byIdLoader } from '../common/by-id-loader.js';

export interface ChildrenKey {
  parentId: number;
  level: RegionLevel | null;
}

export function regionLoaders(em: EntityManager) {
  return {
    regionById: byIdLoader(em, Region, 'region'),

    /** Civil servants of a region's whole area: its own government plus, for a province, its regencies and cities. */
    areaHeadcount: new DataLoader<number, number>(async (ids) => {
      const rows: { id: number; total: string }[] = await em.getConnection().execute(
        `SELECT p.id, p.headcount + coalesce(sum(c.headcount), 0) AS total
         FROM region p LEFT JOIN region c ON c.parent_id = p.id
         WHERE p.id IN (?) GROUP BY p.id`,
        [[...ids]],
      );
      const totals = new Map(rows.map((row) => [row.id, Number(row.total)]));
      return ids.map((id) => totals.get(id) ?? 0);
    }),

    /** A province has at most 38 regencies and cities, so a parent's children come in one batch. */
    children: new DataLoader<ChildrenKey, Region[], string>(
      async (keys) => {
        const parentIds = [...new Set(keys.map((key) => key.parentId))];
        const rows = await em.find(Region, { parent: { $in: parentIds } }, { orderBy: { code: 'asc' } });
        const byParent = groupBy(parentIds, rows, (row) => row.parent!.id);
        const index = new Map(parentIds.map((id, position) => [id, byParent[position]!]));
        return keys.map((key) => index.get(key.parentId)!.filter((row) => key.level === null || row.level === key.level));
      },
      { cacheKeyFn: (key) => `${key.parentId}:${key.level ?? ''}` },
    ),
  };
}
