import type { EntityManager } from '@mikro-orm/postgresql';
import { authLoaders } from '../auth/auth.loaders.js';
import type { Scope } from '../auth/scope.js';
import { eventLoaders } from '../events/event.loaders.js';
import { indicatorLoaders } from '../indicators/indicator.loaders.js';
import { milestoneLoaders } from '../milestones/milestone.loaders.js';
import { programLoaders } from '../programs/program.loaders.js';
import { regionLoaders } from '../regions/region.loaders.js';

/**
 * Every DataLoader of one request, built together so each resolver batches through the same
 * instances; those that sum attendance count only the caller's scope.
 */
export function createLoaders(em: EntityManager, scope: Scope) {
  return { ...authLoaders(em), ...regionLoaders(em), ...programLoaders(em), ...eventLoaders(em, scope), ...indicatorLoaders(em), ...milestoneLoaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Groups rows by key in the order of the requested keys, as DataLoader expects. */
export function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}
