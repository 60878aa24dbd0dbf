import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { type RunningProduct, startProduct } from '../support/product.js';
import { ANALYST, askApi, DEMO_PASSWORD, errorCodes, SECRETARY_PARIAMAN, sessionCookie, signIn } from '../support/session.js';

const REGIONS_QUERY = '{ regions(level: PROVINCE) { totalCount } }';

describe('signing in, access by role and region, and reporting', () => {
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

  /** A fresh browser profile per test: no cookie carries over. */
  async function freshPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext(options);
    return context.newPage();
  }

  it('serves every page with a content security policy that runs no inline script but its own, and no framing', async () => {
    const response = await fetch(`${product.webUrl}/masuk`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
    expect(scripts).toMatch(/'self'/);
    expect(scripts).not.toMatch(/unsafe-inline/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // The page's only inline script is SvelteKit's start-up, allowed by its hash or nonce.
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, attributes] of inline) expect(policy.includes('nonce-') ? attributes : scripts).toMatch(/nonce|sha256-/);
  });

  it('sends an anonymous visitor to the login page and back after signing in, even without JavaScript', async () => {
    const page = await freshPage({ javaScriptEnabled: false });
    await page.goto(`${product.webUrl}/api`);
    expect(page.url()).toBe(`${product.webUrl}/masuk?redirectTo=%2Fapi`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Masuk');
    await screenshot(page, 'login-id');

    await page.getByLabel('Email').fill(ANALYST);
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${product.webUrl}/api`);
    await expect.poll(() => page.getByTestId('session').innerText()).toMatch(/Analis/);
    await page.context().close();
  });

  it('refuses a wrong password with a message and no session', async () => {
    const page = await freshPage();
    await page.goto(`${product.webUrl}/masuk`);
    await page.getByLabel('Email').fill(ANALYST);
    await page.getByLabel('Kata sandi').fill('not-the-password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => page.getByTestId('form-error').innerText()).toBe('Email atau kata sandi salah.');
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await expect.poll(() => page.getByLabel('Email').inputValue()).toBe(ANALYST);
    expect(await sessionCookie(page)).toBeUndefined();
    await page.context().close();
  });

  describe('the secretary of Kota Pariaman', () => {
    let page: Page;
    beforeAll(async () => {
      page = await freshPage();
      await signIn(page, product.webUrl, SECRETARY_PARIAMAN);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it('lands on the page of Kota Pariaman, and reaches its reporting page from the navigation, signed in as such', async () => {
      expect(new URL(page.url()).pathname).toBe('/wilayah/13.77');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kota Pariaman');
      await Promise.all([
        page.waitForURL(`${product.webUrl}/laporan`),
        page.getByRole('navigation').getByRole('link', { name: 'Pelaporan', exact: true }).click(),
      ]);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Pelaporan Kota Pariaman');
      const session = await page.getByTestId('session').innerText();
      expect(session).toMatch(/Sekretaris Daerah/);
      expect(session).toMatch(/Kota Pariaman/);
      await expect.poll(() => page.getByTestId('reporting-summary').innerText()).toMatch(/angka periode berjalan/);
      expect(await page.getByTestId('region-picker').count()).toBe(0);
    });

    it('enters a figure and sees it saved', async () => {
      const row = page.locator('[data-testid="figure-row"]:has(input[type="number"])').first();
      const input = row.locator('input[type="number"]');
      const [min, max] = await Promise.all([input.getAttribute('min'), input.getAttribute('max')]);
      const figure = String(Math.round((Number(min ?? 0) + Number(max ?? 100)) / 2) + 1);
      const indicator = await row.getAttribute('data-indicator');
      expect(await input.inputValue()).not.toBe(figure);

      await input.fill(figure);
      await page.getByRole('button', { name: 'Simpan angka' }).click();
      await expect.poll(() => page.getByTestId('form-success').innerText()).toBe('1 angka tersimpan.');
      await screenshot(page, 'reporting-id');

      await page.reload();
      const saved = page.locator(`[data-testid="figure-row"][data-indicator="${indicator}"]`).first();
      await expect.poll(() => saved.getAttribute('data-status')).toBe('reported');
      await expect.poll(() => saved.locator('input[type="number"]').inputValue()).toBe(figure);
    });

    it('sees the API’s reason next to a figure it refuses', async () => {
      const row = page.locator('[data-testid="figure-row"]:has(input[type="number"][max])').first();
      const input = row.locator('input[type="number"]');
      const max = Number(await input.getAttribute('max'));
      // The browser would stop the value first; this checks the API's own answer reaches the field.
      await page.getByTestId('figures-form').evaluate((form) => form.setAttribute('novalidate', ''));
      await input.fill(String(max + 1));
      await page.getByRole('button', { name: 'Simpan angka' }).click();
      await expect.poll(() => row.getByTestId('field-error').count()).toBe(1);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('form-success').count()).toBe(0);
    });

    it('cannot open the reporting page of Gorontalo', async () => {
      const response = await page.goto(`${product.webUrl}/laporan?wilayah=75`);
      expect(response?.status()).toBe(403);
      await expect.poll(() => page.getByTestId('error-message').innerText()).toBe(
        'Anda tidak memiliki akses ke halaman ini atau wilayah ini.',
      );
      expect(await page.getByTestId('figures-form').count()).toBe(0);
      expect(await page.getByText('Gorontalo').count()).toBe(0);
    });
  });

  it('manages API tokens: the secret is shown once, works, and stops working when revoked', async () => {
    const page = await freshPage();
    await signIn(page, product.webUrl, ANALYST);
    await page.goto(`${product.webUrl}/api`);
    expect(await page.getByTestId('graphiql-link').getAttribute('href')).toBe(`${product.apiUrl}/graphiql`);

    await page.getByLabel('Nama').fill('Uji e2e');
    await page.getByRole('button', { name: 'Buat token' }).click();
    await expect.poll(() => page.getByTestId('token-secret').count()).toBe(1);
    const secret = await page.getByLabel('Token rahasia').inputValue();
    expect(secret).toMatch(/^\S{20,}$/);
    expect(errorCodes(await askApi(product.apiUrl, REGIONS_QUERY, { token: secret }))).toEqual([]);

    const row = page.getByTestId('token-row').filter({ hasText: 'Uji e2e' });
    await row.getByRole('button', { name: 'Cabut token Uji e2e' }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('revoked');
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    expect(errorCodes(await askApi(product.apiUrl, REGIONS_QUERY, { token: secret }))).toEqual(['UNAUTHENTICATED']);
    await page.context().close();
  });

  it('ends the session on signing out: the old cookie no longer opens the API', async () => {
    const page = await freshPage();
    await signIn(page, product.webUrl, ANALYST);
    const session = await sessionCookie(page);
    expect(session).toBeTruthy();
    expect(errorCodes(await askApi(product.apiUrl, REGIONS_QUERY, { session }))).toEqual([]);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(`${product.webUrl}/masuk`);
    expect(await sessionCookie(page)).toBeUndefined();
    expect(errorCodes(await askApi(product.apiUrl, REGIONS_QUERY, { session }))).toEqual(['UNAUTHENTICATED']);

    await page.goto(product.webUrl);
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await page.context().close();
  });
});
