import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { type RunningProduct, startProduct } from '../support/product.js';
import { ADMINISTRATOR, askApi, sessionCookie, signIn } from '../support/session.js';

/** Thousands as each language writes them: `32,725` in English, `32.725` in Indonesian. */
const ENGLISH_THOUSANDS = /\b\d{1,3}(,\d{3})+\b/;
const INDONESIAN_THOUSANDS = /\b\d{1,3}(\.\d{3})+\b/;

/**
 * Every main page in both languages: the language switch is remembered in a cookie, so one browser context stays
 * Indonesian and another, switched once, stays English on every page it opens afterwards.
 */
describe('the dashboard in English', () => {
  let product: RunningProduct;
  let browser: Browser;
  let indonesian: Page;
  let english: Page;

  beforeAll(async () => {
    // The upload limit becomes `1.5 MB` / `1,5 MB` on the import page: a decimal separator to check there.
    product = await startProduct({ BODY_SIZE_LIMIT: '1536K' });
    browser = await launchChromium();
    indonesian = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    english = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    for (const page of [indonesian, english]) {
      page.setDefaultTimeout(15_000);
      await signIn(page, product.webUrl, ADMINISTRATOR);
    }
  });
  afterAll(async () => {
    await browser?.close();
    if (product) await product.stop();
  });

  /** Opens a path in both languages and hands each page to `check`, then keeps a screenshot of each. */
  async function both(path: string, name: string, check: (page: Page, lang: 'id' | 'en') => Promise<void>): Promise<void> {
    for (const [page, lang] of [
      [indonesian, 'id'],
      [english, 'en'],
    ] as const) {
      await page.goto(`${product.webUrl}${path}`);
      expect(await page.locator('html').getAttribute('lang'), `${path} in ${lang}`).toBe(lang);
      await check(page, lang);
      await screenshot(page, `${name}-${lang}`);
    }
  }

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();

  it('switches to English with the language switch, and keeps it in a cookie across pages', async () => {
    await english.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => english.locator('html').getAttribute('lang')).toBe('en');
    const cookies = await english.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'lang')?.value).toBe('en');
    await english.goto(`${product.webUrl}/kegiatan`);
    const navigation = english.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.getByRole('link').allInnerTexts()).toEqual(['National overview', 'Events', 'Indicators', 'Reporting', 'Import', 'API']);
    expect(await english.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
  });

  it('shows the national overview with English labels and numbers', async () => {
    await both('/', 'english-overview', async (page, lang) => {
      await expect.poll(() => page.getByTestId('ranking-row').count()).toBe(38);
      const gorontalo = page.getByTestId('ranking-row').filter({ hasText: 'Gorontalo' }).first();
      expect(await h1(page)).toBe(lang === 'en' ? 'National overview' : 'Ikhtisar Nasional');
      expect(await gorontalo.innerText()).toMatch(lang === 'en' ? /\b32,725\b/ : /\b32\.725\b/);
      expect(await text(page, 'headline-reached')).toMatch(lang === 'en' ? /Civil servants reached[\s\S]*of [\d,]+ civil servants/ : /ASN terjangkau/);
      expect(await page.getByTestId('province-ranking').locator('thead').innerText()).toMatch(
        lang === 'en' ? /Rank\s+Code\s+Province\s+Stage/ : /Peringkat\s+Kode\s+Provinsi\s+Tahap/,
      );
      expect(await page.getByTestId('print-button').innerText()).toBe(lang === 'en' ? 'Print' : 'Cetak');
    });
  });

  it('shows a province page (Gorontalo) with English labels and numbers', async () => {
    await both('/wilayah/75', 'english-province-gorontalo', async (page, lang) => {
      await expect.poll(() => page.getByTestId('ranking-row').count()).toBe(6);
      expect(await h1(page)).toBe('Gorontalo');
      expect(await text(page, 'breadcrumb')).toMatch(lang === 'en' ? /National/ : /Nasional/);
      expect(await page.getByTestId('province-ranking').locator('thead').innerText()).toMatch(lang === 'en' ? /Regencies \/ Cities/ : /Kabupaten \/ Kota/);
      const table = await page.getByTestId('province-ranking').locator('tbody').innerText();
      expect(table).toMatch(lang === 'en' ? ENGLISH_THOUSANDS : INDONESIAN_THOUSANDS);
      expect(table).not.toMatch(lang === 'en' ? INDONESIAN_THOUSANDS : ENGLISH_THOUSANDS);
    });
  });

  it('shows a city page (Kota Gorontalo) with English labels and numbers', async () => {
    await both('/wilayah/75.71', 'english-city-kota-gorontalo', async (page, lang) => {
      await expect.poll(() => page.getByTestId('milestone-step').count()).toBe(5);
      expect(await h1(page)).toBe('Kota Gorontalo');
      expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toContain(lang === 'en' ? 'Rollout milestones' : 'Tonggak peluncuran');
      expect(await page.getByTestId('indicator-comparison').locator('thead').innerText()).toMatch(lang === 'en' ? /Province\s+National/ : /Provinsi\s+Nasional/);
      const main = await page.locator('main').innerText();
      expect(main).toMatch(lang === 'en' ? ENGLISH_THOUSANDS : INDONESIAN_THOUSANDS);
      expect(main).not.toMatch(lang === 'en' ? INDONESIAN_THOUSANDS : ENGLISH_THOUSANDS);
    });
  });

  it('shows the events explorer and an event page with English labels and numbers', async () => {
    await both('/kegiatan', 'english-events', async (page, lang) => {
      await expect.poll(() => page.getByTestId('event-row').count()).toBe(50);
      expect(await h1(page)).toBe(lang === 'en' ? 'Events' : 'Kegiatan');
      expect(await page.getByRole('button', { name: lang === 'en' ? 'Apply' : 'Terapkan' }).count()).toBe(1);
      const count = await text(page, 'events-count');
      expect(count).toMatch(lang === 'en' ? /events/ : /kegiatan/);
      expect(count).toMatch(lang === 'en' ? ENGLISH_THOUSANDS : INDONESIAN_THOUSANDS);
    });
    // A national video conference that was held: participants from many regions, in the thousands.
    const answer = await askApi(
      product.apiUrl,
      `{ events(filter: { national: true, kinds: [VIDEO_CONFERENCE], statuses: [HELD] }, first: 100) { edges { node { code participantCount } } } }`,
      { session: await sessionCookie(indonesian) },
    );
    expect(answer.errors).toBeUndefined();
    const held = (answer.data as { events: { edges: { node: { code: string; participantCount: number } }[] } }).events.edges.map((edge) => edge.node);
    const eventCode = held.find((event) => event.participantCount >= 1000)?.code;
    expect(eventCode, 'a national video conference with a thousand participants or more').toBeTruthy();
    await both(`/kegiatan/${eventCode}`, 'english-event', async (page, lang) => {
      await expect.poll(() => page.getByTestId('event-session').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('event-session').first().getByRole('heading', { level: 3 }).innerText()).toMatch(lang === 'en' ? /^Session 1: / : /^Sesi 1: /);
      expect(await text(page, 'event-kind')).toBe(lang === 'en' ? 'Video conference / webinar' : 'Konferensi video / webinar');
      const details = await text(page, 'event-details');
      expect(details).toMatch(lang === 'en' ? ENGLISH_THOUSANDS : INDONESIAN_THOUSANDS);
      expect(details).not.toMatch(lang === 'en' ? INDONESIAN_THOUSANDS : ENGLISH_THOUSANDS);
      // Times of day: `08:00` in English, `08.00` in Indonesian.
      expect(details).toMatch(lang === 'en' ? /\b\d{2}:\d{2}\b/ : /\b\d{2}\.\d{2} WIB/);
      await expect.poll(() => page.getByTestId('region-row').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('regions-table').locator('thead').innerText()).toMatch(lang === 'en' ? /Participants/ : /Peserta/);
    });
  });

  it('shows the indicator explorer with English labels and decimals', async () => {
    await both('/indikator?indikator=INDEKS_BERAKHLAK&tahun=2025', 'english-indicators', async (page, lang) => {
      await expect.poll(() => page.getByTestId('map-tile').count()).toBe(38);
      expect(await h1(page)).toBe(lang === 'en' ? 'Indicator explorer' : 'Penjelajah Indikator');
      expect(await text(page, 'indicator-definition')).toMatch(lang === 'en' ? /Unit/ : /Satuan/);
      // Scores to one decimal: `64.3` in English, `64,3` in Indonesian.
      const tiles = await page.getByTestId('map-tile').evaluateAll((all) => all.map((tile) => tile.getAttribute('aria-label') ?? ''));
      expect(tiles.some((label) => (lang === 'en' ? /: \d+\.\d$/ : /: \d+,\d$/).test(label))).toBe(true);
      expect(tiles.some((label) => (lang === 'en' ? /: \d+,\d$/ : /: \d+\.\d$/).test(label))).toBe(false);
    });
  });

  it('shows the import page with English labels and numbers', async () => {
    await both('/impor', 'english-import', async (page, lang) => {
      await expect.poll(() => page.getByTestId('import-form').count()).toBe(1);
      expect(await h1(page)).toBe(lang === 'en' ? 'Import data' : 'Impor data');
      expect(await page.getByRole('button', { name: lang === 'en' ? 'Import' : 'Impor', exact: true }).count()).toBe(1);
      expect(await page.locator('main').innerText()).toMatch(lang === 'en' ? /At most 1\.5 MB\./ : /1,5 MB/);
    });
  });
});
