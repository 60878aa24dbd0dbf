import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from './role.js';
import { hashPassword } from './secrets.js';

/** Demo mode only: the start command prints these; outside demo mode no account has a default password. */
export const DEMO_PASSWORD = 'berakhlak-demo';

export const demoUsers = [
  { email: 'admin@berakhlak.example', name: 'Administrator Demo', role: Role.ADMINISTRATOR, regionCode: null },
  { email: 'analis@berakhlak.example', name: 'Analis Kementerian', role: Role.ANALYST, regionCode: null },
  { email: 'sekda.gorontalo@berakhlak.example', name: 'Sekda Provinsi Gorontalo', role: Role.SECRETARY, regionCode: '75' },
  { email: 'sekko.pariaman@berakhlak.example', name: 'Sekko Kota Pariaman', role: Role.SECRETARY, regionCode: '13.77' },
  { email: 'data@berakhlak.example', name: 'Tim Data', role: Role.DATA_TEAM, regionCode: null },
] as const;

/** Adds the demo accounts that are missing; an account changed since (a new password, say) is left as it is. */
export async function ensureDemoUsers(em: EntityManager): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.getConnection().execute(
    `INSERT INTO app_user (email, name, role, region_id, password_hash)
     SELECT u.email, u.name, u.role, r.id, ? FROM jsonb_to_recordset(?::jsonb) AS u(email text, name text, role text, "regionCode" text)
     LEFT JOIN region r ON r.code = u."regionCode"
     ON CONFLICT (email) DO NOTHING`,
    [passwordHash, JSON.stringify(demoUsers)],
  );
}
