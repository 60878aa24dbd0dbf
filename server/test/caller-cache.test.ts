import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

const ME = '{ me { user { email } } }';
const SECRETARY = 'sekda.gorontalo@berakhlak.example';

/** Callers kept in memory between requests, and forgotten the moment what they resolve to changes. */
describe('caller cache', () => {
  let db: TestDatabase;
  let api: TestApi;

  const signedIn = async (client: Client) => ((await client.query<{ me: { user: { email: string } } | null }>(ME)).data?.me?.user.email ?? null);
  /** Asks until the answer is signed out, for at most a second: the notice travels asynchronously. */
  const signedOutWithinASecond = async (client: Client) => {
    const started = performance.now();
    while (performance.now() - started < 1000) if ((await signedIn(client)) === null) return true;
    return false;
  };

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm(), { callerCache: true });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers a known session without looking it up again', async () => {
    const cookie = await signIn(api.url, SECRETARY);
    const client = api.with({ cookie });
    expect(await signedIn(client)).toBe(SECRETARY);
    // With the notice silenced, only a remembered caller can still be answered after its session row is gone.
    await db.sql.query('ALTER TABLE auth_session DISABLE TRIGGER auth_session_delete_notify_caller_changed');
    try {
      await db.sql.query("DELETE FROM auth_session WHERE user_id = (SELECT id FROM app_user WHERE email = $1)", [SECRETARY]);
      expect(await signedIn(client)).toBe(SECRETARY);
    } finally {
      await db.sql.query('ALTER TABLE auth_session ENABLE TRIGGER auth_session_delete_notify_caller_changed');
    }
  });

  it('forgets a session ended in the database by anyone, within a second', async () => {
    const client = api.with({ cookie: await signIn(api.url, SECRETARY) });
    expect(await signedIn(client)).toBe(SECRETARY);
    await db.sql.query("DELETE FROM auth_session WHERE user_id = (SELECT id FROM app_user WHERE email = $1)", [SECRETARY]);
    expect(await signedOutWithinASecond(client)).toBe(true);
  });

  it('forgets a disabled user and a revoked token, and the scope of a moved user', async () => {
    const client = api.with({ cookie: await signIn(api.url, SECRETARY) });
    const scope = async () => (await client.query<{ me: { scopeRegion: { code: string } | null } }>('{ me { scopeRegion { code } } }')).data?.me.scopeRegion?.code;
    expect(await scope()).toBe('75');
    await db.sql.query("UPDATE app_user SET region_id = (SELECT id FROM region WHERE code = '75.71') WHERE email = $1", [SECRETARY]);
    const started = performance.now();
    while ((await scope()) === '75' && performance.now() - started < 1000);
    expect(await scope()).toBe('75.71');

    const token = await api.query<{ createApiToken: { token: string } }>('mutation { createApiToken(input: { name: "cache", expiresInDays: 1 }) { token } }');
    const bearer = api.with({ authorization: `Bearer ${token.data!.createApiToken.token}` });
    expect(await signedIn(bearer)).toBe('analis@berakhlak.example');
    await db.sql.query("UPDATE api_token SET revoked_at = now() WHERE name = 'cache'");
    expect(await signedOutWithinASecond(bearer)).toBe(true);
    await db.sql.query("UPDATE app_user SET active = false, region_id = (SELECT id FROM region WHERE code = '75') WHERE email = $1", [SECRETARY]);
    expect(await signedOutWithinASecond(client)).toBe(true);
    await db.sql.query('UPDATE app_user SET active = true WHERE email = $1', [SECRETARY]);
  });

  it('signs out through this server at once, before any notice', async () => {
    const cookie = await signIn(api.url, SECRETARY);
    const client = api.with({ cookie });
    expect(await signedIn(client)).toBe(SECRETARY);
    await client.query('mutation { logout }');
    expect(await signedIn(client)).toBeNull();
  });

  it('remembers nobody while it cannot hear the notices', async () => {
    const client = api.with({ cookie: await signIn(api.url, SECRETARY) });
    expect(await signedIn(client)).toBe(SECRETARY);
    await db.sql.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'berakhlak-change-listener' AND datname = current_database()");
    await db.sql.query('ALTER TABLE auth_session DISABLE TRIGGER auth_session_delete_notify_caller_changed');
    try {
      await db.sql.query("DELETE FROM auth_session WHERE user_id = (SELECT id FROM app_user WHERE email = $1)", [SECRETARY]);
      expect(await signedIn(client)).toBeNull();
    } finally {
      await db.sql.query('ALTER TABLE auth_session ENABLE TRIGGER auth_session_delete_notify_caller_changed');
    }
  });
});
