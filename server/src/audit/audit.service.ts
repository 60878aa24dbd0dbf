import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { type Connection, decodeCursor, toConnection } from '../common/connection.js';
import { badInput } from '../common/errors.js';
import { integerIdOf } from '../common/ids.js';
import type { Viewer } from '../auth/viewer.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditLogArgs } from './audit.types.js';

export interface AuditRecord {
  action: string;
  entity: string;
  entityKey: string;
  regionId: number | null;
  before: unknown;
  after: unknown;
}

const insertEntries = (placeholder: (n: number) => string) =>
  `INSERT INTO audit_entry (user_id, token_id, action, entity, entity_key, region_id, before, after)
   SELECT ${placeholder(1)}::int, ${placeholder(2)}::int, r.action, r.entity, r."entityKey", r."regionId", r.before, r.after
   FROM jsonb_to_recordset(${placeholder(3)}::jsonb) AS r(action text, entity text, "entityKey" text, "regionId" int, before jsonb, after jsonb)`;

/** Writes the entries inside the caller's transaction, so a write and its record stand or fall together. */
export async function audit(tx: EntityManager, viewer: Viewer, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.execute(insertEntries(() => '?'), [viewer.userId, viewer.tokenId, JSON.stringify(records)]);
}

/** The same, on a plain connection inside its transaction (the importer's). */
export async function auditOn(client: pg.ClientBase, viewer: Viewer, records: readonly AuditRecord[]): Promise<void> {
  await client.query(insertEntries((n) => `$${n}`), [viewer.userId, viewer.tokenId, JSON.stringify(records)]);
}

export class AuditService {
  constructor(private readonly em: EntityManager) {}

  async list(args: AuditLogArgs): Promise<Connection<AuditEntry>> {
    const where: FilterQuery<AuditEntry> & Record<string, unknown> = {};
    if (args.entity) where.entity = args.entity;
    if (args.action) where.action = args.action;
    if (args.userId) where.user = integerIdOf(args.userId, 'userId');
    if (args.regionCode) where.region = { code: args.regionCode };
    const after = decodeCursor(args.after);
    if (after !== null && !/^\d{1,18}$/.test(after)) throw badInput('after', 'is not a cursor of this list');
    const page = after === null ? where : { $and: [where, { id: { $lt: after } }] };
    const [rows, totalCount] = await Promise.all([
      this.em.find(AuditEntry, page, { orderBy: { id: 'desc' }, limit: args.first + 1 }),
      this.em.count(AuditEntry, where),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => row.id);
  }
}
