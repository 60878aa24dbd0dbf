import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { openDatabase } from '@berakhlak/db';
import { readSettings } from '../config.js';
import { bootstrapDatabase } from '../database/bootstrap.js';
import { openOrm } from '../database/orm.js';
import { Role } from './role.js';
import { hashPassword } from './secrets.js';

/**
 * Creates the first administrator (or another one) outside demo mode, where no account has a
 * default password: `pnpm admin:create <email> <name>`, the password from ADMIN_PASSWORD or typed in.
 * It opens the same database the start command does, so run it while the product is stopped.
 */
async function main(): Promise<void> {
  const [email, ...nameParts] = process.argv.slice(2);
  const name = nameParts.join(' ');
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !name) throw new Error('usage: pnpm admin:create <email> <full name>');
  const password = process.env.ADMIN_PASSWORD ?? (await ask('Password (at least 12 characters): '));
  if (password.length < 12) throw new Error('the password needs at least 12 characters');
  const settings = readSettings();
  const database = await openDatabase({ dataDir: settings.dataDir, port: settings.postgresPort, database: 'berakhlak' }, settings.databaseUrl);
  const orm = await openOrm(database.url);
  try {
    await bootstrapDatabase(orm, database.url, { dataset: null });
    const rows: { id: number }[] = await orm.em.getConnection().execute(
      `INSERT INTO app_user (email, name, role, password_hash) VALUES (?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email.toLowerCase(), name, Role.ADMINISTRATOR, await hashPassword(password)],
    );
    if (rows.length === 0) throw new Error(`a user with email ${email.toLowerCase()} already exists`);
    console.log(`administrator ${email.toLowerCase()} created; sign in on the dashboard`);
  } finally {
    await orm.close();
    await database.stop();
  }
}

async function ask(question: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await prompt.question(question)).trim();
  } finally {
    prompt.close();
  }
}

main().catch((error) => {
  console.error(`[berakhlak] ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
