import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { type RunningProduct, startProduct } from '../support/product.js';
import { ANALYST, SECRETARY_PARIAMAN, signIn } from '../support/session.js';

/** What the row callbacks read of a table row in the page (the tests compile without the DOM's types). */
type TableRow = { getAttribute(name: string): string | null; children: ArrayLike<{ textContent: string | null }> };

const GORONTALO_CHILDREN = ['75.01', '75.02', '75.03', '75.04', '75.05', '75.71'];

describe('the province and region pages', () => {
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

  async function signedIn(email: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, product.webUrl, email);
    return page;
  }

  it("takes an analyst from Gorontalo's tile to its six regencies and cities, ranked, with filters in the URL", async () => {
    const page = await signedIn(ANALYST);
    // On the overview a tile's first click selects its province, and a click on the selected tile opens its page.
    const tile = page.locator('[data-testid="map-tile"][data-code="75"]');
    await Promise.all([page.waitForURL(/[?&]provinsi=75\b/), tile.click()]);
    await Promise.all([page.waitForURL(`${product.webUrl}/wilayah/75`), tile.click()]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Gorontalo');
    expect(await page.getByTestId('breadcrumb').innerText()).toMatch(/Nasional\s*›?\s*Gorontalo/);

    const rows = page.getByTestId('ranking-row');
    await expect.poll(() => rows.count()).toBe(6);
    const codes = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-code')));
    expect([...codes].sort()).toEqual(GORONTALO_CHILDREN);
    const ranks = await rows.evaluateAll((all) => all.map((row) => Number(row.querySelector('td')?.textContent)));
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await page.getByTestId('province-ranking').locator('thead').innerText()).toMatch(/Kabupaten \/ Kota/);
    // The chart's table lists the same six.
    await expect.poll(() => page.getByTestId('ranking-table').locator('tbody tr').count()).toBe(6);
    await expect.poll(() => page.getByTestId('ranking-chart').locator('canvas').count()).toBe(1);
    await expect.poll(() => page.getByTestId('stages-table').locator('tbody tr').count()).toBe(6);
    await expect.poll(() => page.getByTestId('indicator-trend-chart').locator('canvas').count()).toBe(1);
    expect(await page.getByTestId('milestone-step').count()).toBe(5);
    expect(await page.getByTestId('region-scope-note').count()).toBe(0);
    await screenshot(page, 'province-gorontalo-id');

    // The filters live in the URL, as on the overview.
    await page.getByLabel('Tahun', { exact: true }).selectOption('2024');
    await Promise.all([page.waitForURL(/tahun=2024/), page.getByRole('button', { name: 'Tampilkan' }).click()]);
    await expect.poll(() => rows.count()).toBe(6);

    // Every regency or city links to its own page, which leads back through the breadcrumb.
    await Promise.all([page.waitForURL(`${product.webUrl}/wilayah/75.71`), rows.filter({ hasText: 'Kota Gorontalo' }).getByRole('link').click()]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kota Gorontalo');
    const crumbs = page.getByTestId('breadcrumb').getByRole('link');
    expect(await crumbs.evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]))).toEqual([
      ['Nasional', '/'],
      ['Gorontalo', '/wilayah/75'],
    ]);
    expect(await page.getByTestId('milestone-step').count()).toBe(5);
    await expect.poll(() => page.getByTestId('indicator-row').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('indicator-comparison').locator('thead').innerText()).toMatch(/Provinsi\s+Nasional/);
    await page.context().close();
  });

  it('answers an unknown region code with a 404 page naming it', async () => {
    const page = await signedIn(ANALYST);
    const response = await page.goto(`${product.webUrl}/wilayah/99.99`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByTestId('error-message').innerText()).toBe('Tidak ada wilayah dengan kode "99.99".');
    expect(await page.getByRole('navigation', { name: 'Navigasi utama' }).count()).toBe(1);
    await page.context().close();
  });

  describe('the secretary of Kota Pariaman', () => {
    let page: Page;
    beforeAll(async () => {
      page = await signedIn(SECRETARY_PARIAMAN);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it('lands on the page of Kota Pariaman after signing in: milestones, indicators, events and attendance', async () => {
      expect(new URL(page.url()).pathname).toBe('/wilayah/13.77');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kota Pariaman');
      const steps = page.getByTestId('milestone-step');
      await expect.poll(() => steps.count()).toBe(5);
      expect(await steps.evaluateAll((all) => all.map((step) => step.getAttribute('data-code')))).toEqual([
        'SE_DISOSIALISASIKAN',
        'AGEN_PERUBAHAN_DITETAPKAN',
        'RENCANA_AKSI_DITETAPKAN',
        'IMPLEMENTASI_BERJALAN',
        'DIEVALUASI',
      ]);
      await expect.poll(() => page.getByTestId('indicator-row').count()).toBeGreaterThan(3);
      const hosted = page.getByTestId('region-events').getByTestId('event-row');
      await expect.poll(() => hosted.count()).toBeGreaterThan(0);
      expect(await hosted.count()).toBeLessThanOrEqual(10);
      expect(await page.getByTestId('region-events-link').getAttribute('href')).toBe('/kegiatan?wilayah=13.77');
      await expect.poll(() => page.getByTestId('activity-table').locator('tbody tr').count()).toBeGreaterThan(0);
      // The reporting page stays one click away.
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Pelaporan', exact: true }).getAttribute('href')).toBe('/laporan');
      await screenshot(page, 'region-pariaman-id');
    });

    it('compares Kota Pariaman with Sumatera Barat and the nation, the same figures an analyst sees', async () => {
      await page.goto(`${product.webUrl}/wilayah/13.77`);
      await expect.poll(() => page.getByTestId('indicator-row').count()).toBeGreaterThan(3);
      expect(await page.getByTestId('region-scope-note').count()).toBe(0);
      expect(await page.getByTestId('indicator-comparison').locator('thead').innerText()).toMatch(/Provinsi\s+Nasional/);
      expect(await page.getByTestId('region-indicator').innerText()).toMatch(/Provinsi: .+Nasional: /s);
      expect(await page.getByTestId('region-reached').innerText()).toMatch(/Provinsi: \d[\d,.]*%.+Nasional: \d[\d,.]*%/s);
      const trendHeader = await page.getByTestId('indicator-trend-table').locator('thead').innerText();
      expect(trendHeader).toMatch(/Kota Pariaman/);
      expect(trendHeader).toMatch(/Sumatera Barat/);
      expect(trendHeader).toMatch(/Nasional/);
      // Province (6th column) and national (7th) figures, present for some indicators, and the analyst's own.
      const figures = (rows: TableRow[]) => rows.map((row) => Array.from(row.children).slice(5).map((cell) => cell.textContent?.trim()));
      const secretary = await page.getByTestId('indicator-row').evaluateAll(figures);
      expect(secretary.filter(([province, nation]) => province !== '–' && nation !== '–').length).toBeGreaterThan(0);
      const analyst = await signedIn(ANALYST);
      await analyst.goto(`${product.webUrl}/wilayah/13.77`);
      await expect.poll(() => analyst.getByTestId('indicator-row').count()).toBe(secretary.length);
      expect(await analyst.getByTestId('indicator-row').evaluateAll(figures)).toEqual(secretary);
      await analyst.context().close();
      await screenshot(page, 'region-pariaman-comparison-id');
    });

    it('lists the events Kota Pariaman took part in that were hosted elsewhere, which its hosted list leaves out', async () => {
      await page.goto(`${product.webUrl}/wilayah/13.77`);
      const attended = page.getByTestId('region-attended').getByTestId('event-row');
      await expect.poll(() => attended.count()).toBeGreaterThan(0);
      expect(await attended.count()).toBeLessThanOrEqual(10);
      expect(await page.getByTestId('region-attended-count').innerText()).toMatch(/kegiatan terbaru dari \d+/);
      // The host column (7th) names where each event took place.
      const hostOf = (rows: TableRow[]) => rows.map((row) => [row.getAttribute('data-code'), row.children[6]?.textContent?.trim()]);
      const elsewhere = (await attended.evaluateAll(hostOf)).filter(([, host]) => host !== 'Kota Pariaman');
      expect(elsewhere.length).toBeGreaterThan(0);
      const hostedCodes = (await page.getByTestId('region-events').getByTestId('event-row').evaluateAll(hostOf)).map(([code]) => code);
      expect(hostedCodes).not.toContain(elsewhere[0]![0]);
      // Its event page opens for the secretary, with the city among the participating regions.
      await Promise.all([
        page.waitForURL(/\/kegiatan\//),
        page.getByTestId('region-attended').locator(`[data-testid="event-row"][data-code="${elsewhere[0]![0]}"]`).getByRole('link').click(),
      ]);
      await expect.poll(() => page.getByTestId('event-title').count()).toBe(1);
      const regions = page.getByTestId('regions-table').getByTestId('region-row');
      await expect.poll(() => regions.count()).toBe(1);
      expect(await regions.first().innerText()).toMatch(/13\.77\s+Kota Pariaman/);
      await screenshot(page, 'region-pariaman-attended-event-id');
    });

    it('is refused the page of Gorontalo', async () => {
      const response = await page.goto(`${product.webUrl}/wilayah/75`);
      expect(response?.status()).toBe(403);
      await expect.poll(() => page.getByTestId('error-message').innerText()).toBe('Anda tidak memiliki akses ke halaman ini atau wilayah ini.');
      expect(await page.getByTestId('ranking-row').count()).toBe(0);
      await screenshot(page, 'region-forbidden-id');
    });
  });
});
