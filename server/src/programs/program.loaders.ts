import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../common/loaders.js';
import { Behaviour } from './behaviour.entity.js';
import { CoreValue } from './core-value.entity.js';
import { byIdLoader } from '../common/by-id-loader.js';

export function programLoaders(em: EntityManager) {
  return {
    coreValueById: byIdLoader(em, CoreValue, 'core value'),

    coreValuesByProgram: new DataLoader<number, CoreValue[]>(async (programIds) => {
      const rows = await em.find(CoreValue, { program: { $in: [...programIds] } }, { orderBy: { position: 'asc' } });
      return groupBy(programIds, rows, (row) => row.program.id);
    }),
    behavioursByCoreValue: new DataLoader<number, Behaviour[]>(async (valueIds) => {
      const rows = await em.find(Behaviour, { coreValue: { $in: [...valueIds] } }, { orderBy: { position: 'asc' } });
      return groupBy(valueIds, rows, (row) => row.coreValue.id);
    }),
  };
}
