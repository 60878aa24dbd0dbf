import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DatabaseHandle, startEmbedded } from '@berakhlak/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type RunningProduct, startProduct } from '../support/product.js';
import { askApi, errorCodes } from '../support/session.js';

describe('the start command with DATABASE_URL', () => {
  let external: DatabaseHandle;
  let externalDir: string;
  let product: RunningProduct;

  beforeAll(async () => {
    externalDir = await mkdtemp(path.join(tmpdir(), 'berakhlak-external-'));
    external = await startEmbedded({ dataDir: externalDir, port: await freePort(), database: 'external', fast: true });
    product = await startProduct({ DATABASE_URL: external.url, DEMO_DATA: 'none', SERVE_WEB: 'false' });
  });
  afterAll(async () => {
    await product?.stop();
    await external?.stop();
    await rm(externalDir, { recursive: true, force: true });
  });

  it('migrates and loads the reference data into that server, without demo data', async () => {
    expect(product.output()).toContain('using DATABASE_URL');
    // Without demo data there are no demo logins: the API answers, and asks for a sign-in.
    expect(await askApi(product.apiUrl, '{ me { user { id } } }')).toEqual({ data: { me: null } });
    expect(errorCodes(await askApi(product.apiUrl, '{ regions(level: PROVINCE) { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    const client = new pg.Client({ connectionString: external.url });
    await client.connect();
    const { rows } = await client.query('SELECT (SELECT count(*) FROM region)::int AS regions, (SELECT count(*) FROM event)::int AS events');
    await client.end();
    expect(rows).toEqual([{ regions: 552, events: 0 }]);
  });

  it('leaves that server running when it stops', async () => {
    expect(await product.stop()).toBe(0);
    product = undefined as unknown as RunningProduct;
    const client = new pg.Client({ connectionString: external.url });
    await client.connect();
    expect((await client.query('SELECT 1 AS up')).rows).toEqual([{ up: 1 }]);
    await client.end();
  });
});
