import { Migration } from '@mikro-orm/migrations';

/**
 * `caller_changed` at commit whenever what a credential resolves to may change: a session ended, a
 * token revoked or narrowed, a user disabled or moved, a region renamed or moved. Servers keep
 * resolved callers (and each person's `me`) in memory and forget them on this notice. A statement
 * that touched no row sends nothing: every sign-in sweeps its user's expired sessions, usually none,
 * and would otherwise empty every server's caches. A token's minute-by-minute `last_used_at` is left
 * out too: it changes nobody's access.
 */
export class Migration20261123180000_CallerNotices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function notify_caller_changed() returns trigger language plpgsql as $$
      begin perform pg_notify('caller_changed', tg_table_name); return null; end $$;`);
    this.addSql(`create function notify_caller_rows_changed() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from changed) then perform pg_notify('caller_changed', tg_table_name); end if;
        return null;
      end $$;`);
    for (const [table, updatedColumns] of callerTables) {
      const trigger = (event: string, referencing: string | null) =>
        `create trigger ${table}_${event.split(' ')[0]}_notify_caller_changed after ${event} on "${table}"
         ${referencing ? `referencing ${referencing} table as changed ` : ''}for each statement execute function ${referencing ? 'notify_caller_rows_changed' : 'notify_caller_changed'}();`;
      this.addSql(trigger('delete', 'old'));
      this.addSql(trigger('truncate', null));
      // PostgreSQL gives no transition table to a trigger on chosen columns: those notify on every such update.
      this.addSql(updatedColumns ? trigger(`update of ${updatedColumns}`, null) : trigger('update', 'new'));
    }
  }
}

/** Each table with the columns whose update matters (null: any). */
const callerTables: [string, string | null][] = [
  ['app_user', null],
  ['auth_session', null],
  ['api_token', 'user_id, region_id, expires_at, revoked_at, secret_hash'],
  ['region', 'code, name, parent_id'],
];
