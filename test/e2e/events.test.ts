import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { type RunningProduct, startProduct } from '../support/product.js';
import { ANALYST, SECRETARY_PARIAMAN, signIn } from '../support/session.js';

describe('the events explorer and the event page', () => {
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
    // A step that cannot happen fails on its own line, well inside the test's time.
    page.setDefaultTimeout(15_000);
    await signIn(page, product.webUrl, email);
    return page;
  }

  const kindsShown = (page: Page) =>
    page.getByTestId('event-row').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-kind')))]);

  it('lets an analyst filter events by kind, keeps the filter in the URL and opens an event with its sessions', async () => {
    const page = await signedIn(ANALYST);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kegiatan' }).click();
    await page.waitForURL(`${product.webUrl}/kegiatan`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kegiatan');
    await expect.poll(() => page.getByTestId('event-row').count()).toBe(50);
    expect((await kindsShown(page)).length).toBeGreaterThan(1);
    const allText = await page.getByTestId('events-count').innerText();

    await page.getByLabel('Jenis').selectOption({ label: 'Lokakarya' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL((url) => url.searchParams.get('jenis') === 'WORKSHOP');
    await expect.poll(() => kindsShown(page)).toEqual(['WORKSHOP']);
    const filteredText = await page.getByTestId('events-count').innerText();
    expect(filteredText).not.toBe(allText);
    expect(await page.getByTestId('events-csv').getAttribute('href')).toMatch(/^data:text\/csv/);
    await screenshot(page, 'events-id');

    // The URL alone brings the same view back: a reload, and the same link in a fresh tab without JavaScript.
    const filteredUrl = page.url();
    await page.reload();
    await expect.poll(() => kindsShown(page)).toEqual(['WORKSHOP']);
    expect(await page.getByLabel('Jenis').inputValue()).toBe('WORKSHOP');
    expect(await page.getByTestId('events-count').innerText()).toBe(filteredText);

    const noScript = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
    await noScript.goto(filteredUrl);
    await expect.poll(() => kindsShown(noScript)).toEqual(['WORKSHOP']);
    await noScript.getByTestId('events-next').click();
    await noScript.waitForURL((url) => url.searchParams.has('setelah') && url.searchParams.get('jenis') === 'WORKSHOP');
    await expect.poll(() => kindsShown(noScript)).toEqual(['WORKSHOP']);
    await noScript.getByTestId('events-previous').click();
    await noScript.waitForURL((url) => !url.searchParams.has('setelah'));
    await noScript.context().close();

    const first = page.getByTestId('event-row').first();
    const code = await first.getAttribute('data-code');
    const title = await first.getByRole('link').innerText();
    await first.getByRole('link').click();
    await page.waitForURL(`${product.webUrl}/kegiatan/${code}`);
    await expect.poll(() => page.getByTestId('event-title').innerText()).toBe(title);
    expect(await page.getByTestId('event-kind').innerText()).toBe('Lokakarya');
    await expect.poll(() => page.getByTestId('event-session').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('event-session').first().getByRole('heading', { level: 3 }).innerText()).toMatch(/^Sesi 1: /);
    await screenshot(page, 'event-id');
    await page.context().close();
  });

  it('answers an event code nobody has with a 404 page that leads back to the list', async () => {
    const page = await signedIn(ANALYST);
    const response = await page.goto(`${product.webUrl}/kegiatan/TIDAK-ADA-999`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByTestId('error-message').innerText()).toBe('Tidak ada kegiatan dengan kode ini yang dapat Anda lihat.');
    expect(await page.getByRole('link', { name: 'Kembali ke daftar kegiatan' }).getAttribute('href')).toBe('/kegiatan');
    await page.context().close();
  });

  it('tells the secretary of Kota Pariaman that Gorontalo is outside their scope', async () => {
    const page = await signedIn(SECRETARY_PARIAMAN);
    const response = await page.goto(`${product.webUrl}/kegiatan?wilayah=75`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByTestId('events-forbidden').innerText()).toMatch(/di luar cakupan Anda \(Kota Pariaman\)/);
    expect(await page.getByTestId('event-row').count()).toBe(0);
    expect(await page.getByLabel('Kode wilayah').inputValue()).toBe('75');
    await screenshot(page, 'events-forbidden-id');
    await page.context().close();
  });
});
