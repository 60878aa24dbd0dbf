import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { type RunningProduct, startProduct } from '../support/product.js';
import { ANALYST, askApi, sessionCookie, signIn } from '../support/session.js';

interface RolloutNode {
  rank: number;
  region: { code: string; name: string };
  coverage: { reached: number; headcount: number; ratio: number };
  events: number;
  indicatorValue: number | null;
  target: number | null;
}

describe('the product from its start command', () => {
  let product: RunningProduct;
  let browser: Browser;
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (product) await product.stop();
  });

  it('prints the API and dashboard addresses', () => {
    expect(product.output()).toContain(`GraphQL API: ${product.apiUrl}/graphql`);
    expect(product.output()).toContain(`Dashboard:   ${product.webUrl}/`);
  });

  it('shows the 38 provinces as tiles and ranked, with their civil servants, on the national overview in Chromium', async () => {
    const page = await browser.newPage();
    await signIn(page, product.webUrl, ANALYST);
    expect(new URL(page.url()).pathname).toBe('/');
    const rows = page.getByTestId('ranking-row');
    await expect.poll(() => rows.count()).toBe(38);
    await expect.poll(() => page.getByTestId('map-tile').count()).toBe(38);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
    const gorontalo = rows.filter({ hasText: 'Gorontalo' });
    await expect.poll(() => gorontalo.first().innerText()).toMatch(/\b75\s+Gorontalo\s.*\s32\.725\s/);
    // Every tile drills down to its province's page.
    expect(await page.locator('[data-testid="map-tile"][data-code="75"]').getAttribute('href')).toBe('/wilayah/75');
    for (const figure of ['headline-stages', 'headline-reached', 'headline-events', 'headline-index', 'headline-completeness']) {
      expect(await page.getByTestId(figure).count(), figure).toBe(1);
    }
    await screenshot(page, 'national-overview-id');
    await page.context().close();
  });

  it('filters by indicator and year in the URL, folds a chart\'s table behind a toggle, and exports the API\'s figures', async () => {
    const page = await browser.newPage();
    await signIn(page, product.webUrl, ANALYST);
    // The GET form puts the filters in the query string.
    await page.getByLabel('Indikator', { exact: true }).selectOption('INDEKS_BERAKHLAK');
    await page.getByLabel('Tahun', { exact: true }).selectOption('2025');
    await page.getByLabel('Warna peta', { exact: true }).selectOption('indikator');
    await Promise.all([page.waitForURL(/tahun=2025/), page.getByRole('button', { name: 'Tampilkan' }).click()]);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ indikator: 'INDEKS_BERAKHLAK', tahun: '2025', warna: 'indikator' });
    await expect.poll(() => page.getByTestId('map-tile').count()).toBe(38);
    await expect.poll(() => page.getByTestId('ranking-row').count()).toBe(38);
    await expect.poll(() => page.getByTestId('ranking-chart').locator('canvas').count()).toBe(1);

    // The chart's table is one click away, and back.
    const toggle = page.getByTestId('ranking-toggle');
    const table = page.getByTestId('ranking-table').first();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await table.isVisible()).toBe(false);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => table.isVisible()).toBe(true);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(38);
    await toggle.click();
    await expect.poll(() => table.isVisible()).toBe(false);

    // The ranking's CSV holds exactly what the API answers for the same query.
    const href = (await page.getByTestId('province-ranking-csv').getAttribute('href'))!;
    expect(href).toMatch(/^data:text\/csv;charset=utf-8,/);
    const [header, ...lines] = decodeURIComponent(href.slice(href.indexOf(',') + 1)).replace('\uFEFF', '').trim().split('\r\n');
    expect(header).toBe('Peringkat,Kode,Provinsi,Tahap,Sejak,ASN,ASN terjangkau,Cakupan,Kegiatan,Nilai,Target,Mencapai target');
    expect(lines).toHaveLength(38);
    const csv = new Map(lines.map((line) => line.split(',')).map((cells) => [cells[1], cells]));
    const answer = await askApi(
      product.apiUrl,
      `{ rollout(first: 100, period: { from: "2025-01-01", to: "2025-12-31" }, indicatorCode: "INDEKS_BERAKHLAK") {
          edges { node { rank region { code name } coverage { reached headcount ratio } events indicatorValue target } } } }`,
      { session: await sessionCookie(page) },
    );
    expect(answer.errors).toBeUndefined();
    const nodes = (answer.data as { rollout: { edges: { node: RolloutNode }[] } }).rollout.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(38);
    expect(nodes.filter((node) => node.indicatorValue !== null).length).toBeGreaterThan(30);
    for (const node of nodes) {
      const cells = csv.get(node.region.code);
      expect(cells, node.region.code).toBeDefined();
      const [rank, , name, , , headcount, reached, ratio, events, value, target] = cells!;
      expect({ rank, name, headcount, reached, ratio, events, value, target }, node.region.code).toEqual({
        rank: String(node.rank),
        name: node.region.name,
        headcount: String(node.coverage.headcount),
        reached: String(node.coverage.reached),
        ratio: String(node.coverage.ratio),
        events: String(node.events),
        value: node.indicatorValue === null ? '' : String(node.indicatorValue),
        target: node.target === null ? '' : String(node.target),
      });
    }

    await screenshot(page, 'national-overview-filtered-id');

    // The back button returns to the unfiltered overview.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('tahun')).toBeNull();
    await page.context().close();
  });

  it('switches the overview to English and keeps the choice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, product.webUrl, ANALYST);
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(product.webUrl);
    await expect.poll(() => page.getByTestId('ranking-row').filter({ hasText: 'Gorontalo' }).first().innerText()).toMatch(/32,725/);
    await screenshot(page, 'national-overview-en');
    await context.close();
  });

  it('stops everything on Ctrl-C: dashboard, API and PostgreSQL', async () => {
    const { webUrl, apiUrl } = product;
    const code = await product.stop();
    expect(code).toBe(0);
    const left = execFileSync('ps', ['-eo', 'args']).toString().split('\n').filter((line) => line.includes('berakhlak-e2e-'));
    expect(left).toEqual([]);
    await expect(fetch(webUrl)).rejects.toThrow();
    await expect(fetch(`${apiUrl}/health`)).rejects.toThrow();
    product = undefined as unknown as RunningProduct;
  });
});
