import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { startProduct, type RunningProduct } from '../support/product.js';
import { ANALYST, signIn } from '../support/session.js';

/**
 * `pnpm bench`, dashboard part: on the demo data, how long the national overview takes to draw its
 * first chart after navigation in headless Chromium, and the gzipped JavaScript each page loads.
 * Targets: under 1 s, and at most 200 KB per page. Nothing here fails on time; a page over 200 KB of
 * gzipped JavaScript fails the run.
 */
const LOADS = 10;
const MAX_GZIP_KB = 200;
/** Every page of the dashboard; an event page is added with the code of the latest event. */
const PAGES = ['/', '/kegiatan', '/indikator', '/wilayah/75', '/wilayah/75.71', '/wilayah/13.77', '/laporan', '/impor', '/api', '/masuk'];

let product: RunningProduct;
beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

it('measures the first chart of the national overview and the JavaScript of every page', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, product.webUrl, ANALYST);
    const draws: number[] = [];
    for (let load = 0; load < LOADS; load += 1) draws.push(await firstChart(page, product.webUrl));
    const sorted = [...draws].sort((a, b) => a - b);
    console.log(`\nNational overview, first chart drawn after navigation (ms), ${LOADS} loads, target under 1,000 ms`);
    console.table([{ first: draws[0], median: sorted[Math.floor(LOADS / 2)], p90: sorted[Math.ceil(LOADS * 0.9) - 1], max: sorted[LOADS - 1] }]);

    await page.goto(`${product.webUrl}/kegiatan`);
    const eventCode = await page.getByTestId('event-row').first().getAttribute('data-code');
    const sizes = [];
    for (const path of [...PAGES, `/kegiatan/${eventCode}`]) {
      sizes.push({ page: path, ...(await javascriptOf(await browser.newPage(), product.webUrl, path, page)) });
    }
    console.log(`\nJavaScript each page loads (KB, gzip level 6 as a server would send it), target at most ${MAX_GZIP_KB} KB`);
    console.table(sizes);
    for (const size of sizes) expect(size.gzip, `${size.page}: gzipped JavaScript in KB`).toBeLessThanOrEqual(MAX_GZIP_KB);
  } finally {
    await browser.close();
  }
});

/** Milliseconds from the start of navigation to the first chart on screen (the chart marks it itself). */
async function firstChart(page: Page, webUrl: string): Promise<number> {
  await page.goto(`${webUrl}/`, { waitUntil: 'commit' });
  const canvas = await page.waitForSelector('canvas[data-drawn-at]', { timeout: 30_000 });
  return Number(await canvas.getAttribute('data-drawn-at'));
}

async function javascriptOf(page: Page, webUrl: string, path: string, signedIn: Page): Promise<{ files: number; raw: number; gzip: number }> {
  await page.context().addCookies(await signedIn.context().cookies());
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && !bodies.has(response.url())) bodies.set(response.url(), response.body());
  });
  await page.goto(`${webUrl}${path}`, { waitUntil: 'networkidle' });
  const files = await Promise.all(bodies.values());
  await page.close();
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return { files: files.length, raw: kb(files.reduce((sum, file) => sum + file.length, 0)), gzip: kb(files.reduce((sum, file) => sum + gzipSync(file, { level: 6 }).length, 0)) };
}
