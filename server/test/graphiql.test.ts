import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

/** Debian's Chromium, never a downloaded browser; the flags keep it off the closed network (as test/support/browser.ts). */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const contentTypes: Record<string, RegExp> = { js: /^text\/javascript\b/, css: /^text\/css\b/ };

describe('GraphiQL at /graphiql', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm());
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('serves a page whose every asset comes from this server, with the right type and a long cache', async () => {
    const response = await fetch(`${api.url}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html\b/);
    const html = await response.text();
    expect(html).toContain('<title>GraphiQL · Pemantauan BerAKHLAK</title>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script

    const assets = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toHaveLength(6);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/graphiql\/assets\/[^/]+\/?[^/]*\.(js|css)$/);
      const answer = await fetch(`${api.url}${asset}`);
      expect(answer.status, asset).toBe(200);
      expect(answer.headers.get('content-type'), asset).toMatch(contentTypes[asset.split('.').pop()!]!);
      expect(answer.headers.get('cache-control'), asset).toMatch(/max-age=31536000/);
      expect((await answer.text()).length, asset).toBeGreaterThan(0);
    }
  });

  it('does not expose the rest of node_modules', async () => {
    for (const asset of ['/graphiql/assets/react@18.3.1/package.json', '/graphiql/assets/graphiql/package.json', '/graphiql/assets/react@18.3.1/../../../package.json']) {
      expect((await fetch(`${api.url}${asset}`)).status, asset).toBe(404);
    }
  });

  it('runs the default query in headless Chromium without leaving 127.0.0.1', { timeout: 120_000 }, async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      // GraphiQL answers only a signed-in browser, as the API does; the dashboard's cookie serves it on the same host.
      const [name, value] = api.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
      const requested: string[] = [];
      context.on('request', (request) => requested.push(request.url()));
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));

      await page.goto(`${api.url}/graphiql`);
      await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 30_000 });
      expect(await page.title()).toBe('GraphiQL · Pemantauan BerAKHLAK');
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 }).toContain('"totalCount": 38');

      expect(pageErrors).toEqual([]);
      expect(requested.some((url) => url.endsWith('/graphql'))).toBe(true);
      const elsewhere = requested.filter((url) => !['data:', 'blob:'].includes(new URL(url).protocol) && new URL(url).hostname !== '127.0.0.1');
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
