import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { type RunningProduct, startProduct } from '../support/product.js';
import { ANALYST, signIn } from '../support/session.js';

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

  it('shows the 38 provinces with their regencies and cities on the national overview in Chromium', async () => {
    const page = await browser.newPage();
    await signIn(page, product.webUrl, ANALYST);
    expect(new URL(page.url()).pathname).toBe('/');
    const rows = page.getByTestId('province-row');
    await expect.poll(() => rows.count()).toBe(38);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
    const gorontalo = rows.filter({ hasText: 'Gorontalo' });
    await expect.poll(() => gorontalo.first().innerText()).toMatch(/75\s+Gorontalo\s+5\s+1\s+32\.725/);
    await screenshot(page, 'national-overview-id');
    await page.context().close();
  });

  it('switches the overview to English and keeps the choice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, product.webUrl, ANALYST);
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(product.webUrl);
    await expect.poll(() => page.getByTestId('province-row').filter({ hasText: 'Gorontalo' }).first().innerText()).toMatch(/32,725/);
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
