import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { type RunningProduct, startProduct } from '../support/product.js';
import { ANALYST, askApi, sessionCookie, signIn } from '../support/session.js';

interface Group {
  area: { code: string; name: string } | null;
  region: { code: string; name: string } | null;
  value: number | null;
}

/** The rows of a chart's CSV link, by region code (the first column). */
async function csvRows(page: Page, testId: string): Promise<{ header: string; rows: Map<string, string[]> }> {
  const href = (await page.getByTestId(testId).getAttribute('href'))!;
  expect(href).toMatch(/^data:text\/csv;charset=utf-8,/);
  const [header, ...lines] = decodeURIComponent(href.slice(href.indexOf(',') + 1)).replace('\uFEFF', '').trim().split('\r\n');
  return { header, rows: new Map(lines.map((line) => line.split(',')).map((cells) => [cells[0], cells])) };
}

describe('the indicator explorer', () => {
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

  it('shows an indicator chosen in the URL for the provinces and for the regencies and cities of one, with the API\'s figures', async () => {
    const page = await browser.newPage();
    await signIn(page, product.webUrl, ANALYST);
    await page.getByRole('link', { name: 'Indikator', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/indikator');
    await expect.poll(() => page.getByTestId('indicator-definition').count()).toBe(1);

    // The GET form puts the choices in the query string.
    await page.getByLabel('Indikator', { exact: true }).selectOption('INDEKS_BERAKHLAK');
    await page.getByLabel('Tahun', { exact: true }).selectOption('2025');
    await Promise.all([page.waitForURL(/tahun=2025/), page.getByRole('button', { name: 'Tampilkan' }).click()]);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ indikator: 'INDEKS_BERAKHLAK', tahun: '2025' });

    // Reloading the address restores the view.
    await page.reload();
    expect(await page.getByLabel('Indikator', { exact: true }).inputValue()).toBe('INDEKS_BERAKHLAK');
    expect(await page.getByLabel('Tahun', { exact: true }).inputValue()).toBe('2025');
    await expect.poll(() => page.getByTestId('map-tile').count()).toBe(38);
    // A tile highlights its province in the view.
    expect(await page.locator('[data-testid="map-tile"][data-code="75"]').getAttribute('href')).toBe('?indikator=INDEKS_BERAKHLAK&tahun=2025&sorot=75');
    await expect.poll(() => page.getByTestId('indicator-ranking-chart').locator('canvas').count()).toBe(1);
    await page.getByTestId('indicator-ranking-toggle').click();
    const table = page.getByTestId('indicator-ranking-table');
    await expect.poll(() => table.isVisible()).toBe(true);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(38);
    await expect.poll(() => page.getByTestId('indicator-series-chart').locator('canvas').count()).toBe(1);
    await screenshot(page, 'indicator-explorer-provinces-id');

    // The CSV holds exactly what the API's aggregate answers for the same query.
    const session = await sessionCookie(page);
    const national = await csvRows(page, 'indicator-ranking-csv');
    expect(national.header).toBe('Kode,Provinsi,Indeks BerAKHLAK per nilai,Target nasional');
    expect(national.rows.size).toBe(38);
    const answer = await askApi(
      product.apiUrl,
      `{ indicatorAggregate(indicatorCode: "INDEKS_BERAKHLAK", groupBy: [PARENT], first: 100,
          filter: { period: { from: "2025-01-01", to: "2025-12-31" } }) { edges { node { area { code name } value } } } }`,
      { session },
    );
    expect(answer.errors).toBeUndefined();
    const groups = (answer.data as { indicatorAggregate: { edges: { node: Group }[] } }).indicatorAggregate.edges.map((edge) => edge.node);
    expect(groups.filter((group) => group.value !== null).length).toBeGreaterThan(30);
    for (const group of groups) {
      const cells = national.rows.get(group.area!.code);
      expect(cells, group.area!.code).toBeDefined();
      expect(cells!.slice(1), group.area!.code).toEqual([group.area!.name, group.value === null ? '' : String(group.value), '75']);
    }

    // The regencies and cities of Gorontalo, the province's own government left out.
    await page.getByLabel('Tingkat wilayah', { exact: true }).selectOption('75');
    await Promise.all([page.waitForURL(/wilayah=75/), page.getByRole('button', { name: 'Tampilkan' }).click()]);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ indikator: 'INDEKS_BERAKHLAK', tahun: '2025', wilayah: '75' });
    expect(await page.getByTestId('map-tile').count()).toBe(0);
    await page.getByTestId('indicator-ranking-toggle').click();
    await expect.poll(() => page.getByTestId('indicator-ranking-table').locator('tbody tr').count()).toBe(6);
    const regional = await csvRows(page, 'indicator-ranking-csv');
    expect([...regional.rows.keys()].sort()).toEqual(['75.01', '75.02', '75.03', '75.04', '75.05', '75.71']);
    const inArea = await askApi(
      product.apiUrl,
      `{ indicatorAggregate(indicatorCode: "INDEKS_BERAKHLAK", groupBy: [REGION], first: 100,
          filter: { regionCode: "75", period: { from: "2025-01-01", to: "2025-12-31" } }) { edges { node { region { code name } value } } } }`,
      { session },
    );
    expect(inArea.errors).toBeUndefined();
    for (const { node } of (inArea.data as { indicatorAggregate: { edges: { node: Group }[] } }).indicatorAggregate.edges) {
      if (node.region!.code === '75') continue;
      expect(regional.rows.get(node.region!.code)?.slice(1, 3), node.region!.code).toEqual([node.region!.name, node.value === null ? '' : String(node.value)]);
    }
    await screenshot(page, 'indicator-explorer-gorontalo-id');

    // The back button returns to the provinces.
    await page.goBack();
    // (The form sends the national level as an empty `wilayah`.)
    await expect.poll(() => new URL(page.url()).searchParams.get('wilayah') ?? '').toBe('');
    await expect.poll(() => page.getByTestId('map-tile').count()).toBe(38);
    await page.context().close();
  });

  it('highlights a region picked on the map or in the chart\'s table on map, chart and table, with its trend', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, product.webUrl, ANALYST);
    await page.goto(`${product.webUrl}/indikator?indikator=INDEKS_BERAKHLAK&tahun=2025`);
    const seriesColumns = () => page.getByTestId('indicator-series-table').locator('thead th').allInnerTexts();
    await expect.poll(seriesColumns).toEqual(['Periode', 'Indeks BerAKHLAK per nilai', 'Target nasional']);

    const tile = page.locator('[data-testid="map-tile"][data-code="75"]');
    await tile.click();
    await page.waitForURL((url) => url.searchParams.get('sorot') === '75');
    await expect.poll(() => page.getByTestId('selection-bar').innerText()).toMatch(/Gorontalo dipilih/);
    expect(await tile.getAttribute('aria-current')).toBe('true');
    await expect.poll(seriesColumns).toEqual(['Periode', 'Gorontalo', 'Nasional', 'Target nasional']);
    expect(await page.getByTestId('indicator-ranking-table').locator('tr[aria-current="true"] th').innerText()).toMatch(/^Gorontalo/);
    // The highlighted series is the API's series of the province.
    const answer = await askApi(
      product.apiUrl,
      `{ indicatorSeries(indicatorCode: "INDEKS_BERAKHLAK", period: { from: "2021-07-27", to: "2025-12-31" }, periodType: YEAR, regionCode: "75") { periodStart value } }`,
      { session: await sessionCookie(page) },
    );
    const points = (answer.data as { indicatorSeries: { value: number | null }[] }).indicatorSeries;
    const csv = await csvRows(page, 'indicator-series-csv');
    expect([...csv.rows.values()].map((cells) => cells[1])).toEqual(points.map((point) => (point.value === null ? '' : String(point.value))));
    await screenshot(page, 'indicator-explorer-highlighted-id');

    // Within Gorontalo, a city picked in the chart's table; the province's own series stands beside it.
    await page.getByLabel('Tingkat wilayah', { exact: true }).selectOption('75');
    await Promise.all([page.waitForURL(/wilayah=75/), page.getByRole('button', { name: 'Tampilkan' }).click()]);
    // Gorontalo is the area now, no longer one of the regions listed: nothing is highlighted.
    expect(new URL(page.url()).searchParams.get('sorot')).toBe('75');
    expect(await page.getByTestId('selection-bar').innerText()).toBe('');
    await page.getByTestId('indicator-ranking-toggle').click();
    await page.getByTestId('indicator-ranking-table').getByRole('link', { name: 'Kota Gorontalo' }).click();
    await page.waitForURL((url) => url.searchParams.get('sorot') === '75.71');
    await expect.poll(seriesColumns).toEqual(['Periode', 'Kota Gorontalo', 'Gorontalo', 'Target nasional']);
    expect(await page.getByTestId('indicator-ranking-table').isVisible()).toBe(true);

    // The back button takes the highlight away again.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('sorot')).toBe('75');
    await expect.poll(seriesColumns).toEqual(['Periode', 'Indeks BerAKHLAK per nilai', 'Target nasional']);
    await page.context().close();
  });
});
