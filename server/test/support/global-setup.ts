import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabaseIfMissing, startEmbedded, withDatabase } from '@berakhlak/db';
import type { TestProject } from 'vitest/node';
import { bootstrapDatabase } from '../../src/database/bootstrap.js';
import { openOrm } from '../../src/database/orm.js';
import { freePort } from './ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    clusterUrl: string;
  }
}

export const DEMO_TEMPLATE = 'template_demo';

/** One PostgreSQL cluster for the run, with a template database migrated and loaded with the demo data once. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'berakhlak-test-'));
  const cluster = await startEmbedded({ dataDir, port: await freePort(), database: 'postgres', fast: true });
  const templateUrl = withDatabase(cluster.url, DEMO_TEMPLATE);
  await createDatabaseIfMissing(cluster.url, DEMO_TEMPLATE);
  const orm = await openOrm(templateUrl);
  await bootstrapDatabase(orm, templateUrl, { dataset: 'demo' });
  await orm.close();
  project.provide('clusterUrl', cluster.url);
  return async () => {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
