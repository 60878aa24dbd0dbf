import http from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { type RunningProduct, startProduct } from '../support/product.js';
import { ANALYST, askApi, SECRETARY_PARIAMAN, SESSION_COOKIE, sessionCookie, signIn } from '../support/session.js';

const ATTENDANCE_HEADER = 'event_code,session_number,region_code,participants';
const PARIAMAN = '13.77';
/** The largest request the dashboard's Node server takes (adapter-node's BODY_SIZE_LIMIT), set here so the test does not hang on its default. */
const BODY_SIZE_LIMIT = '400K';

/** Held events with their sessions, as the secretary sees them through the API. */
const HELD_EVENTS_QUERY = `{
  events(filter: { statuses: [HELD] }, first: 50) { edges { node { code sessions { number startsAt } } } }
}`;

interface HeldEvents {
  events: { edges: { node: { code: string; sessions: { number: number; startsAt: string }[] } }[] };
}

/** The element holding keyboard focus. */
const focused = (page: Page) => page.locator('*:focus');

const csvFile = (name: string, ...lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
/** Blank lines make a file as large as needed; the API skips them, so it still has only its rows. */
const padding = (kilobytes: number) => '\n'.repeat(kilobytes * 1024);

describe('importing a file on the dashboard', () => {
  let product: RunningProduct;
  let browser: Browser;
  beforeAll(async () => {
    product = await startProduct({ BODY_SIZE_LIMIT });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (product) await product.stop();
  });

  async function freshPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext(options);
    return context.newPage();
  }

  /** Once the page's script runs, uploads go through it (with progress) rather than as a plain form post. */
  async function scripted(page: Page): Promise<void> {
    await page.locator('[data-testid="import-form"][data-scripted="true"]').waitFor();
  }

  /** Fills in the form and sends it; with JavaScript, waits for the script's upload to the dashboard's endpoint. */
  async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, { dryRun = false, script = true } = {}): Promise<void> {
    await page.getByLabel('Kehadiran', { exact: true }).check();
    await page.getByLabel('Berkas', { exact: true }).setInputFiles(file);
    await page.getByLabel('Uji coba').setChecked(dryRun);
    const submit = page.getByRole('button', { name: 'Impor', exact: true }).click();
    if (!script) return submit;
    await Promise.all([page.waitForRequest((request) => new URL(request.url()).pathname === '/impor/kirim'), submit]);
  }

  const counts = (page: Page) =>
    page.getByTestId('import-counts').locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        entity: row.getAttribute('data-entity'),
        inserted: Number(row.querySelector('[data-count="inserted"]')?.textContent),
        updated: Number(row.querySelector('[data-count="updated"]')?.textContent),
        unchanged: Number(row.querySelector('[data-count="unchanged"]')?.textContent),
      })),
    );

  describe('the secretary of Kota Pariaman', () => {
    let page: Page;
    /** A session of a held event that has begun: attendance may be reported for it. */
    let session: { code: string; number: number };
    const row = (participants: number | string, region = PARIAMAN) => `${session.code},${session.number},${region},${participants}`;
    // Different on every run, so the first import surely writes (inserts or updates) the row.
    const participants = 1 + (Date.now() % 50);

    beforeAll(async () => {
      page = await freshPage();
      await signIn(page, product.webUrl, SECRETARY_PARIAMAN);
      const answer = await askApi(product.apiUrl, HELD_EVENTS_QUERY, { session: await sessionCookie(page) });
      const dayAgo = Date.now() - 24 * 3600 * 1000;
      const found = (answer.data as unknown as HeldEvents).events.edges
        .flatMap(({ node }) => node.sessions.map((s) => ({ code: node.code, number: s.number, startsAt: Date.parse(s.startsAt) })))
        .find((s) => s.startsAt < dayAgo);
      if (!found) throw new Error(`no session of a held event in the past: ${JSON.stringify(answer)}`);
      session = found;
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it('finds the import page in the navigation, in the scope of Kota Pariaman, with the templates', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Impor', exact: true }).click();
      await page.waitForURL(`${product.webUrl}/impor`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Impor data');
      expect(await page.getByTestId('import-scope').innerText()).toMatch(/Kota Pariaman/);

      const link = page.getByRole('link', { name: 'Unduh templat CSV untuk Kehadiran' });
      expect(await link.getAttribute('href')).toBe('/impor/templat/attendance.csv');
      const template = await page.request.get(`${product.webUrl}/impor/templat/attendance.csv`);
      expect(template.status()).toBe(200);
      expect((await template.text()).split('\n')[0]).toBe(ATTENDANCE_HEADER);
    });

    it('checks a file in a dry run, then imports it and sees what changed', async () => {
      await scripted(page);
      // JSON as well as CSV: an array of rows named by the same columns.
      const json = [{ event_code: session.code, session_number: session.number, region_code: PARIAMAN, participants }];
      await importFile(page, { name: 'hadir-pariaman.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) }, { dryRun: true });
      const result = page.getByTestId('import-result');
      await expect.poll(() => result.getAttribute('data-status')).toBe('DRY_RUN');
      expect(await page.getByTestId('import-status').innerText()).toBe('Uji coba');
      expect(await page.getByTestId('import-summary').innerText()).toMatch(/belum ada yang disimpan/);

      await importFile(page, csvFile('hadir-pariaman.csv', ATTENDANCE_HEADER, row(participants)));
      await expect.poll(() => result.getAttribute('data-status')).toBe('APPLIED');
      expect(await page.getByTestId('import-status').innerText()).toBe('Diterapkan');
      expect(await result.innerText()).toMatch(/hadir-pariaman\.csv/);
      const [count] = await counts(page);
      expect(count).toMatchObject({ entity: 'attendance', unchanged: 0 });
      expect(count!.inserted + count!.updated).toBe(1);
      // The result takes keyboard focus, as a new page would.
      expect(await focused(page).getByTestId('import-result').count()).toBe(1);
      await screenshot(page, 'import-applied-id');
    });

    it('shows the row, column and reason of a bad row, and saves nothing', async () => {
      await importFile(page, csvFile('hadir-salah.csv', ATTENDANCE_HEADER, row(participants + 1), row(3, '13')));
      const result = page.getByTestId('import-result');
      await expect.poll(() => result.getAttribute('data-status')).toBe('INVALID');
      expect(await page.getByTestId('import-summary').getAttribute('role')).toBe('alert');
      expect(await page.getByTestId('import-counts').count()).toBe(0);
      const problem = page.getByTestId('import-problems').locator('tbody tr');
      expect(await problem.count()).toBe(1);
      expect(await problem.getAttribute('data-row')).toBe('3');
      expect(await problem.innerText()).toMatch(/^3\s+region_code\s+.*outside your scope/);
      await screenshot(page, 'import-problems-id');
    });

    describe('on a slow line', () => {
      // A few kilobytes a second make an upload last long enough to watch and to cancel.
      let restore: () => Promise<void>;
      beforeAll(async () => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 40 * 1024 });
        restore = () => cdp.detach();
      });
      afterAll(async () => {
        await restore?.();
      });

      it('shows the upload’s progress, then that the file is being checked', async () => {
        // Records every state the upload area goes through: its status text, and whether a progress bar shows.
        await page.getByTestId('import-phase').evaluate((phase) => {
          const seen: string[] = [];
          phase.dataset.seen = '[]';
          new phase.ownerDocument.defaultView.MutationObserver(() => {
            const progress = phase.parentElement.querySelector('[data-testid="import-progress"]');
            seen.push(`${phase.textContent.trim()}${progress ? ' <progress>' : ''}`);
            phase.dataset.seen = JSON.stringify(seen);
          }).observe(phase.parentElement, { subtree: true, childList: true, characterData: true });
        });
        await importFile(page, csvFile('hadir-besar.csv', ATTENDANCE_HEADER, row(participants), padding(100)));
        await expect.poll(() => page.getByTestId('import-result').getAttribute('data-status')).toBe('APPLIED');
        const phases = JSON.parse((await page.getByTestId('import-phase').getAttribute('data-seen')) ?? '[]') as string[];
        expect(phases).toContain('Mengunggah… <progress>');
        expect(phases).toContain('Memeriksa… <progress>');
        expect(phases.indexOf('Mengunggah… <progress>')).toBeLessThan(phases.indexOf('Memeriksa… <progress>'));
        expect(await counts(page)).toEqual([{ entity: 'attendance', inserted: 0, updated: 0, unchanged: 1 }]);
      });

      it('cancels an upload while it is being sent, and the file is not imported', async () => {
        await importFile(page, csvFile('hadir-batal.csv', ATTENDANCE_HEADER, row(participants + 1), padding(300)));
        await expect.poll(() => page.getByTestId('import-phase').innerText()).toBe('Mengunggah…');
        await page.getByRole('button', { name: 'Batalkan unggahan' }).click();
        const notice = page.getByTestId('import-error');
        await expect.poll(() => notice.innerText()).toBe('Unggahan dibatalkan sebelum selesai; berkas tidak diimpor.');
        expect(await notice.getAttribute('role')).toBe('alert');
        // The cancel button went with the upload; keyboard focus stayed in the form.
        expect(await focused(page).innerText()).toBe('Impor');
        // Still as imported before: the cancelled file's figure was not saved.
        await importFile(page, csvFile('hadir-pariaman.csv', ATTENDANCE_HEADER, row(participants)), { dryRun: true });
        await expect.poll(() => page.getByTestId('import-result').getAttribute('data-status')).toBe('DRY_RUN');
        expect(await counts(page)).toEqual([{ entity: 'attendance', inserted: 0, updated: 0, unchanged: 1 }]);
      });
    });

    it('passes a browser’s disconnect on to the API, which writes nothing', async () => {
      const cutOff = () => product.output().split('the upload was cut off; nothing was written').length - 1;
      const before = cutOff();
      const upload = http.request(`${product.webUrl}/impor/kirim?kind=attendance&fileName=putus.csv`, {
        method: 'POST',
        headers: { cookie: `${SESSION_COOKIE}=${await sessionCookie(page)}`, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
      });
      upload.on('error', () => {});
      // The API has the first rows (the dashboard streams them on as they come), then the sender goes away.
      upload.write(`${ATTENDANCE_HEADER}\n${row(participants + 2)}\n`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      upload.destroy();
      await expect.poll(cutOff).toBe(before + 1);
    });

    it('refuses a file above the dashboard’s limit before sending it', async () => {
      expect(await page.getByText('Paling besar 400 KB.').count()).toBe(1);
      const sent: string[] = [];
      page.on('request', (request) => sent.push(new URL(request.url()).pathname));
      await importFile(page, csvFile('hadir-raksasa.csv', ATTENDANCE_HEADER, row(participants), padding(500)), { script: false });
      await expect.poll(() => page.getByTestId('field-error').innerText()).toMatch(/^Berkas ini berukuran [\d,]+ KB, padahal paling besar 400 KB\./);
      expect(await page.getByTestId('form-error').getAttribute('role')).toBe('alert');
      expect(await page.getByLabel('Berkas', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(sent).not.toContain('/impor/kirim');
    });

    it('imports without JavaScript too: the same file again changes nothing', async () => {
      const plain = await freshPage({ javaScriptEnabled: false });
      await signIn(plain, product.webUrl, SECRETARY_PARIAMAN);
      await plain.goto(`${product.webUrl}/impor`);
      await importFile(plain, csvFile('hadir-pariaman.csv', ATTENDANCE_HEADER, row(participants)), { script: false });
      await plain.waitForURL(`${product.webUrl}/impor`);
      await expect.poll(() => plain.getByTestId('import-result').getAttribute('data-status')).toBe('APPLIED');
      expect(await counts(plain)).toEqual([{ entity: 'attendance', inserted: 0, updated: 0, unchanged: 1 }]);

      // The whole file arrives at the dashboard before anything else can happen: too large, it is refused with a reason.
      await importFile(plain, csvFile('hadir-raksasa.csv', ATTENDANCE_HEADER, row(participants), padding(500)), { script: false });
      await plain.waitForURL(`${product.webUrl}/impor`);
      await expect.poll(() => plain.getByTestId('import-error').innerText()).toMatch(/^Berkas terlalu besar\./);
      expect(await plain.getByTestId('import-error').getAttribute('role')).toBe('alert');

      // A missing file is the form's to point out, next to the field, in an alert.
      await plain.getByTestId('import-form').evaluate((form) => form.setAttribute('novalidate', ''));
      await plain.getByLabel('Kehadiran', { exact: true }).check();
      await plain.getByRole('button', { name: 'Impor', exact: true }).click();
      await expect.poll(() => plain.getByTestId('form-error').getAttribute('role')).toBe('alert');
      expect(await plain.getByTestId('field-error').innerText()).toBe('Pilih berkas yang akan diimpor.');
      await plain.context().close();
    });
  });

  it('tells an analyst why there is no form, and leaves the page out of the navigation', async () => {
    const page = await freshPage();
    await signIn(page, product.webUrl, ANALYST);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Impor', exact: true }).count()).toBe(0);
    const response = await page.goto(`${product.webUrl}/impor`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByTestId('import-not-allowed').innerText()).toMatch(/Analis Kementerian/);
    expect(await page.getByTestId('import-form').count()).toBe(0);
    await page.context().close();
  });
});
