import { Migration } from '@mikro-orm/migrations';

/**
 * Natural keys for what spreadsheets name: an event by its code (kode kegiatan) and a session by
 * its number within the event. Existing rows get `KEG-` codes and numbers in start order. Also the
 * lenient readers the importer uses on text cells: they answer null instead of failing a statement.
 */
export class Migration20261123115221_ImportKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "event" add column "code" varchar(40) null;`);
    this.addSql(`update "event" set "code" = 'KEG-' || lpad(id::text, 6, '0');`);
    this.addSql(`alter table "event" alter column "code" set not null;`);
    this.addSql(`alter table "event" add constraint "event_code_unique" unique ("code");`);

    this.addSql(`drop index "session_event_index";`);
    this.addSql(`alter table "session" add column "number" smallint null;`);
    this.addSql(`update "session" s set "number" = n.number
      from (select id, row_number() over (partition by event_id order by starts_at, id) as number from "session") n where n.id = s.id;`);
    this.addSql(`alter table "session" alter column "number" set not null;`);
    this.addSql(`alter table "session" add constraint "session_event_number_unique" unique ("event_id", "number");`);
    this.addSql(`alter table "session" add constraint session_number_positive check(number > 0);`);

    this.addSql(`create function import_date(raw text) returns date language plpgsql immutable as $$
      begin
        if raw !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then return null; end if;
        return raw::date;
      exception when others then return null;
      end $$;`);
    // A time without a zone is read as WIB (UTC+7), the zone of most of the civil service.
    this.addSql(`create function import_instant(raw text) returns timestamptz language plpgsql stable as $$
      begin
        if raw !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$' then return null; end if;
        if raw ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' then return raw::timestamptz; end if;
        return (raw || '+07')::timestamptz;
      exception when others then return null;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function import_instant(text);`);
    this.addSql(`drop function import_date(text);`);
    this.addSql(`alter table "event" drop constraint "event_code_unique";`);
    this.addSql(`alter table "event" drop column "code";`);
    this.addSql(`alter table "session" drop constraint "session_event_number_unique";`);
    this.addSql(`alter table "session" drop constraint session_number_positive;`);
    this.addSql(`alter table "session" drop column "number";`);
    this.addSql(`create index "session_event_index" on "session" ("event_id");`);
  }
}
