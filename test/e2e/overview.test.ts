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
    // Every tile selects its province for the whole page (the selected one then leads to the province's page).
    expect(await page.locator('[data-testid="map-tile"][data-code="75"]').getAttribute('href')).toMatch(/^\?.*\bprovinsi=75$/);
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

  it('selects a province from the map, the ranking chart or the table for every chart on the page, in the URL', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, product.webUrl, ANALYST);
    await page.goto(`${product.webUrl}/?indikator=INDEKS_BERAKHLAK&tahun=2025`);
    await expect.poll(() => page.getByTestId('ranking-chart').locator('canvas').count()).toBe(1);
    expect(await page.getByTestId('selection-section').count()).toBe(0);
    const trendColumns = () => page.getByTestId('indicator-trend-table').locator('thead th').allInnerTexts();
    expect(await trendColumns()).toEqual(['Periode', 'Indeks BerAKHLAK per nilai', 'Target']);

    // A click on Gorontalo's tile selects it: in the URL, on the map, in the table, and in the other charts.
    const tile = page.locator('[data-testid="map-tile"][data-code="75"]');
    await tile.click();
    await page.waitForURL((url) => url.searchParams.get('provinsi') === '75');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ indikator: 'INDEKS_BERAKHLAK', tahun: '2025' });
    await expect.poll(() => page.getByTestId('selection-bar').innerText()).toMatch(/Gorontalo dipilih[\s\S]*Buka halaman Gorontalo[\s\S]*Hapus pilihan/);
    expect(await tile.getAttribute('aria-current')).toBe('true');
    expect(await tile.getAttribute('href')).toBe('/wilayah/75');
    expect(await page.locator('[data-testid="ranking-row"][aria-current="true"]').getAttribute('data-code')).toBe('75');
    await expect.poll(trendColumns).toEqual(['Periode', 'Gorontalo', 'Nasional', 'Target']);
    expect(await page.getByTestId('event-trend-chart').locator('figcaption').innerText()).toMatch(/Kegiatan dan sesi di Gorontalo/);
    expect(await page.getByTestId('stages-chart').locator('figcaption').innerText()).toMatch(/Kabupaten dan kota di Gorontalo/);
    expect(await page.getByTestId('coverage-trend-table').locator('thead th').allInnerTexts()).toEqual(['Periode', 'Gorontalo', 'Nasional']);
    expect(await page.getByTestId('selection-reached').innerText()).toMatch(/Nasional: \d/);
    // The province's figures are the API's for the province.
    const answer = await askApi(
      product.apiUrl,
      `{ eventTrends(period: { from: "2021-07-27", to: "2025-12-31" }, periodType: QUARTER, regionCode: "75") { events } }`,
      { session: await sessionCookie(page) },
    );
    const events = (answer.data as { eventTrends: { events: number }[] }).eventTrends.map((point) => String(point.events));
    const table = page.getByTestId('event-trend-table');
    expect(await table.locator('tbody tr td:nth-of-type(1)').allInnerTexts()).toEqual(events);
    await screenshot(page, 'national-overview-selected-id');

    // A bar of the ranking chart selects its province too: the chart's table says which bar is where.
    const canvas = page.getByTestId('ranking-chart').locator('canvas');
    const firstCode = await page.getByTestId('ranking-row').first().getAttribute('data-code');
    // Clear of the selection bar, which stays at the top of the window as the page scrolls.
    await canvas.evaluate((element) => element.ownerDocument.defaultView!.scrollBy(0, element.getBoundingClientRect().top - 300));
    const box = (await canvas.boundingBox())!;
    // The best province's bar is the top one, some 15 px thick around 20 px down, and reaches well past a third of the width.
    await page.mouse.click(box.x + box.width * 0.35, box.y + 20);
    await page.waitForURL((url) => url.searchParams.get('provinsi') === firstCode);
    await expect.poll(() => page.getByTestId('selection-bar').innerText()).not.toMatch(/Gorontalo dipilih/);

    // The back button undoes the selection, back to Gorontalo and then to none.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('provinsi')).toBe('75');
    await expect.poll(() => page.getByTestId('selection-bar').innerText()).toMatch(/Gorontalo dipilih/);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('provinsi')).toBeNull();
    await expect.poll(() => page.getByTestId('selection-section').count()).toBe(0);

    // With the keyboard: Enter on a row's name selects it, and focus stays there; the clear control ends it.
    const aceh = page.getByTestId('ranking-row').filter({ hasText: 'Aceh' }).getByRole('link');
    await aceh.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('provinsi') === '11');
    await expect.poll(() => page.getByTestId('selection-bar').innerText()).toMatch(/Aceh dipilih/);
    expect(await page.locator('*:focus').evaluate((element) => element.closest('tr')?.getAttribute('data-code'))).toBe('11');
    // The filters keep the selection when they change.
    await page.getByLabel('Tahun', { exact: true }).selectOption('2024');
    await Promise.all([page.waitForURL(/tahun=2024/), page.getByRole('button', { name: 'Tampilkan' }).click()]);
    expect(new URL(page.url()).searchParams.get('provinsi')).toBe('11');
    await page.getByTestId('selection-clear').click();
    await page.waitForURL((url) => !url.searchParams.has('provinsi'));
    expect(new URL(page.url()).searchParams.get('tahun')).toBe('2024');
    await expect.poll(() => page.getByTestId('selection-section').count()).toBe(0);
    // Selected, the province's name leads to its own page.
    await page.goto(`${product.webUrl}/?provinsi=75`);
    await Promise.all([page.waitForURL(`${product.webUrl}/wilayah/75`), page.getByTestId('selection-open').click()]);
    await page.context().close();
  });

  it('selects a province without JavaScript, through plain links', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await signIn(page, product.webUrl, ANALYST);
    await page.goto(`${product.webUrl}/?indikator=INDEKS_BERAKHLAK&tahun=2025`);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('provinsi') === '75'),
      page.getByTestId('ranking-row').filter({ hasText: 'Gorontalo' }).getByRole('link').click(),
    ]);
    expect(await page.getByTestId('selection-bar').innerText()).toMatch(/Gorontalo dipilih/);
    expect(await page.getByTestId('indicator-trend-table').locator('thead th').allInnerTexts()).toEqual(['Periode', 'Gorontalo', 'Nasional', 'Target']);
    await Promise.all([page.waitForURL((url) => !url.searchParams.has('provinsi')), page.getByTestId('selection-clear').click()]);
    expect(await page.getByTestId('selection-section').count()).toBe(0);
    await page.context().close();
  });

  it('prints the overview for a briefing: no controls, every chart with its table, a header with the filters and the day', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, product.webUrl, ANALYST);
    await page.goto(`${product.webUrl}/?indikator=INDEKS_BERAKHLAK&tahun=2025&provinsi=75`);
    await expect.poll(() => page.getByTestId('ranking-chart').locator('canvas').count()).toBe(1);
    const button = page.getByTestId('print-button');
    expect(await button.innerText()).toBe('Cetak');
    // The button opens the browser's print dialog; here it is stood in for, to see that it was asked for.
    await page.locator('body').evaluate((body) => {
      body.ownerDocument.defaultView!.print = () => body.setAttribute('data-printed', 'yes');
    });
    await button.click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');

    expect(await page.getByTestId('print-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const header = page.getByTestId('print-header');
    expect(await header.isVisible()).toBe(true);
    expect(await header.innerText()).toMatch(/Ikhtisar Nasional/);
    expect(await page.getByTestId('print-filters').innerText()).toMatch(/Indikator: Indeks BerAKHLAK per nilai[\s\S]*Tahun: 2025[\s\S]*Provinsi terpilih: Gorontalo/);
    expect(await page.getByTestId('print-date').innerText()).toMatch(/^Dicetak \d{1,2} \w{3} \d{4}/);
    for (const hidden of ['overview-filters', 'print-button', 'ranking-toggle', 'ranking-csv', 'province-ranking-csv', 'selection-bar']) {
      expect(await page.getByTestId(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.getByRole('navigation', { name: 'Navigasi utama' }).isVisible()).toBe(false);
    for (const table of ['ranking-table', 'stages-table', 'event-trend-table', 'indicator-trend-table', 'coverage-trend-table']) {
      expect(await page.getByTestId(table).isVisible(), table).toBe(true);
    }
    // A chart stays whole on a page.
    expect(await page.locator('.canvas-box').first().evaluate((box) => box.ownerDocument.defaultView!.getComputedStyle(box).breakInside)).toBe('avoid');
    await page.pdf({ path: new URL('../test-results/national-overview-print-id.pdf', import.meta.url).pathname, format: 'A4' });
    await page.context().close();
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
