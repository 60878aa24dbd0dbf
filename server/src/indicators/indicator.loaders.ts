import { type EntityManager, QueryOrder } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader } from '../common/by-id-loader.js';
import { groupBy } from '../common/loaders.js';
import { Indicator } from './indicator.entity.js';
import { Target } from './target.entity.js';

export function indicatorLoaders(em: EntityManager) {
  return {
    indicatorById: byIdLoader(em, Indicator, 'indicator'),

    /** All targets of an indicator: the national default first, then region overrides. */
    targetsByIndicator: new DataLoader<number, Target[]>(async (indicatorIds) => {
      const rows = await em.find(Target, { indicator: { $in: [...indicatorIds] } }, { orderBy: { region: { id: QueryOrder.ASC_NULLS_FIRST } } });
      return groupBy(indicatorIds, rows, (row) => row.indicator.id);
    }),
  };
}
