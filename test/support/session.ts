import type { Page } from 'playwright-core';

/** The demo accounts the start command creates with the demo data; all share one password. */
export const DEMO_PASSWORD = 'berakhlak-demo';
export const ADMINISTRATOR = 'admin@berakhlak.example';
export const ANALYST = 'analis@berakhlak.example';
export const SECRETARY_PARIAMAN = 'sekko.pariaman@berakhlak.example';

export const SESSION_COOKIE = 'berakhlak_session';

/** Signs in through the dashboard's login page (in Indonesian, the default) and waits to be sent on. */
export async function signIn(page: Page, webUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${webUrl}/masuk`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/masuk').catch(async (error: unknown) => {
      // Say what the page said (a refusal, a slow-down) rather than only that it did not move on.
      const shown = await page.getByTestId('form-error').allInnerTexts().catch(() => []);
      throw new Error(`signing in as ${email} stayed on the login page${shown.length ? `, which says: ${shown.join(' ')}` : ''}`, { cause: error });
    }),
    page.getByRole('button', { name: 'Masuk' }).click(),
  ]);
}

/** The session cookie the browser holds for the dashboard. */
export async function sessionCookie(page: Page): Promise<string | undefined> {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
}

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A query straight to the API, as a browser session (cookie) or a data team's script (token). */
export async function askApi(apiUrl: string, query: string, credentials: { session?: string; token?: string } = {}): Promise<GraphQLAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (credentials.session) headers.cookie = `${SESSION_COOKIE}=${credentials.session}`;
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  const response = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
  return (await response.json()) as GraphQLAnswer;
}

export const errorCodes = (answer: GraphQLAnswer) => answer.errors?.map((error) => error.extensions?.code) ?? [];
