import { Migration } from '@mikro-orm/migrations';

/**
 * Figures that stay fast at national scale and fresh at once: attendance of held events summed per
 * region, program and UTC day and per region, program and month, and each event's sessions and participants, kept in step by triggers in the writing transaction
 * (so a reader never sees a row without its rollup), and a notice to every server when data changes,
 * which clears their response caches.
 */
export class Migration20261123150000_Rollups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "attendance_day" ("day" date not null, "region_id" int not null, "program_id" int not null, "participants" bigint not null,
      constraint "attendance_day_pkey" primary key ("day", "region_id", "program_id"));`);
    this.addSql(`create table "attendance_month" ("month" date not null, "region_id" int not null, "program_id" int not null, "participants" bigint not null,
      constraint "attendance_month_pkey" primary key ("month", "region_id", "program_id"),
      constraint attendance_month_first_day check (extract(day from month) = 1));`);

    // Every path below ends here with changes already summed per region and day, so a COPY of millions
    // of rows costs one grouped upsert, not one per row.
    this.addSql(`create function attendance_rollup_apply(regions int[], programs int[], days date[], amounts bigint[]) returns void language sql as $$
      with delta as (
        select region_id, program_id, day, sum(amount) as amount
        from unnest(regions, programs, days, amounts) as d(region_id, program_id, day, amount)
        group by 1, 2, 3 having sum(amount) <> 0
      ),
      daily as (
        insert into attendance_day as t (day, region_id, program_id, participants) select day, region_id, program_id, amount from delta
        on conflict (day, region_id, program_id) do update set participants = t.participants + excluded.participants
      )
      insert into attendance_month as t (month, region_id, program_id, participants)
      select date_trunc('month', day)::date, region_id, program_id, sum(amount) from delta group by 1, 2, 3 having sum(amount) <> 0
      on conflict (month, region_id, program_id) do update set participants = t.participants + excluded.participants;
    $$;`);

    // A region's or an area's figures read its own rows; the national ones read a range of days or months.
    this.addSql(`create index "attendance_day_region_index" on "attendance_day" ("region_id", "day");`);
    this.addSql(`create index "attendance_month_region_index" on "attendance_month" ("region_id", "month");`);
    // An indicator's figures over a period, nationally or for an area, are read from the index alone.
    this.addSql(`create index "observation_indicator_period_index" on "observation" ("indicator_id", "period_start") include ("region_id", "core_value_id", "value");`);
    // Events counted per host region and period are read from the index alone.
    this.addSql(`create index "event_activity_index" on "event" ("starts_at") include ("host_region_id", "program_id", "status", "kind", "mode");`);

    this.addSql(`create table "event_tally" ("event_id" int not null, "sessions" int not null, "participants" bigint not null,
      constraint "event_tally_pkey" primary key ("event_id"),
      constraint "event_tally_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade);`);
    // Events deleted in the same statement (a cascade under way) are skipped: their tally goes with them.
    this.addSql(`create function event_tally_apply(events int[], sessions int[], amounts bigint[]) returns void language sql as $$
      insert into event_tally as t (event_id, sessions, participants)
      select d.event_id, sum(d.sessions), sum(d.amount)
      from unnest(events, sessions, amounts) as d(event_id, sessions, amount) join event e on e.id = d.event_id
      group by 1
      on conflict (event_id) do update set sessions = t.sessions + excluded.sessions, participants = t.participants + excluded.participants;
    $$;`);

    // The day a session counts on, and whether it counts at all: only sessions of held events do.
    this.addSql(`create function session_rollup_day(starts_at timestamptz) returns date language sql immutable as $$
      select (starts_at at time zone 'UTC')::date
    $$;`);

    for (const [operation, table, sign] of [['insert', 'new_rows', ''], ['delete', 'old_rows', '-']] as const) {
      this.addSql(`create function attendance_rollup_on_${operation}() returns trigger language plpgsql as $$
        begin
          perform attendance_rollup_apply(array_agg(region_id), array_agg(program_id), array_agg(day), array_agg(amount)) from (
            select a.region_id, e.program_id, session_rollup_day(s.starts_at) as day, ${sign}sum(a.participants) as amount
            from ${table} a join session s on s.id = a.session_id join event e on e.id = s.event_id and e.status = 'HELD'
            group by 1, 2, 3) d;
          perform event_tally_apply(array_agg(event_id), array_agg(0), array_agg(amount)) from (
            select s.event_id, ${sign}sum(a.participants) as amount from ${table} a join session s on s.id = a.session_id group by 1) d;
          return null;
        end $$;`);
      this.addSql(`create trigger attendance_rollup_on_${operation} after ${operation} on attendance
        referencing ${operation === 'insert' ? 'new' : 'old'} table as ${table} for each statement execute function attendance_rollup_on_${operation}();`);
    }
    this.addSql(`create function attendance_rollup_on_update() returns trigger language plpgsql as $$
      begin
        perform attendance_rollup_apply(array_agg(region_id), array_agg(program_id), array_agg(day), array_agg(amount)) from (
          select a.region_id, e.program_id, session_rollup_day(s.starts_at) as day, sum(a.amount)::bigint as amount
          from (select session_id, region_id, participants::bigint as amount from new_rows
                union all select session_id, region_id, -participants from old_rows) a
          join session s on s.id = a.session_id join event e on e.id = s.event_id and e.status = 'HELD'
          group by 1, 2, 3) d;
        perform event_tally_apply(array_agg(event_id), array_agg(0), array_agg(amount)) from (
          select s.event_id, sum(a.amount)::bigint as amount
          from (select session_id, participants::bigint as amount from new_rows union all select session_id, -participants from old_rows) a
          join session s on s.id = a.session_id group by 1) d;
        return null;
      end $$;`);
    this.addSql(`create trigger attendance_rollup_on_update after update on attendance
      referencing old table as old_rows new table as new_rows for each statement execute function attendance_rollup_on_update();`);
    this.addSql(`create function attendance_rollup_on_truncate() returns trigger language plpgsql as $$
      begin truncate attendance_day, attendance_month; return null; end $$;`);
    this.addSql(`create trigger attendance_rollup_on_truncate after truncate on attendance for each statement execute function attendance_rollup_on_truncate();`);

    // One session's attendance, counted with a sign for its event's program at a day, if the event is held.
    this.addSql(`create function session_rollup_shift(session_id int, event_id int, day date, sign int) returns void language sql as $$
      select attendance_rollup_apply(array_agg(a.region_id), array_agg(e.program_id), array_agg(day), array_agg(sign * a.participants::bigint))
      from attendance a join event e on e.id = session_rollup_shift.event_id and e.status = 'HELD'
      where a.session_id = session_rollup_shift.session_id;
    $$;`);
    // Before a session goes, subtract its rows; the cascade that deletes them then finds no session and adds nothing twice.
    this.addSql(`create function session_rollup_change() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          perform session_rollup_shift(old.id, old.event_id, session_rollup_day(old.starts_at), -1);
        end if;
        if tg_op = 'UPDATE' then
          perform session_rollup_shift(new.id, new.event_id, session_rollup_day(new.starts_at), 1);
        end if;
        if tg_op = 'DELETE' or old.event_id <> new.event_id then
          perform event_tally_apply(array[old.event_id], array[-1], array[-coalesce(sum(participants), 0)]) from attendance where session_id = old.id;
        end if;
        if tg_op = 'UPDATE' and old.event_id <> new.event_id then
          perform event_tally_apply(array[new.event_id], array[1], array[coalesce(sum(participants), 0)]) from attendance where session_id = new.id;
        end if;
        return case tg_op when 'DELETE' then old else new end;
      end $$;`);
    this.addSql(`create trigger session_rollup_on_move after update of starts_at, event_id on session for each row
      when (session_rollup_day(old.starts_at) <> session_rollup_day(new.starts_at) or old.event_id <> new.event_id)
      execute function session_rollup_change();`);
    this.addSql(`create trigger session_rollup_on_delete before delete on session for each row execute function session_rollup_change();`);
    this.addSql(`create function session_tally_on_insert() returns trigger language plpgsql as $$
      begin
        perform event_tally_apply(array_agg(event_id), array_agg(sessions), array_agg(0::bigint)) from (
          select event_id, count(*)::int as sessions from new_rows group by 1) d;
        return null;
      end $$;`);
    this.addSql(`create trigger session_tally_on_insert after insert on session referencing new table as new_rows
      for each statement execute function session_tally_on_insert();`);

    // An event's sessions count while it is held, under its program: a change of either moves them all.
    this.addSql(`create function event_rollup_change() returns trigger language plpgsql as $$
      begin
        perform attendance_rollup_apply(array_agg(region_id), array_agg(program_id), array_agg(day), array_agg(amount)) from (
          select a.region_id, old.program_id as program_id, session_rollup_day(s.starts_at) as day, -a.participants::bigint as amount
          from session s join attendance a on a.session_id = s.id where s.event_id = old.id and old.status = 'HELD'
          union all
          select a.region_id, new.program_id, session_rollup_day(s.starts_at), a.participants
          from session s join attendance a on a.session_id = s.id where tg_op = 'UPDATE' and s.event_id = new.id and new.status = 'HELD') d;
        return case tg_op when 'DELETE' then old else new end;
      end $$;`);
    this.addSql(`create trigger event_rollup_on_change after update of status, program_id on event for each row
      when ((old.status = 'HELD') <> (new.status = 'HELD') or (new.status = 'HELD' and old.program_id <> new.program_id))
      execute function event_rollup_change();`);
    this.addSql(`create trigger event_rollup_on_delete before delete on event for each row
      when (old.status = 'HELD') execute function event_rollup_change();`);

    this.addSql(`insert into attendance_day (day, region_id, program_id, participants)
      select session_rollup_day(s.starts_at), a.region_id, e.program_id, sum(a.participants)
      from attendance a join session s on s.id = a.session_id join event e on e.id = s.event_id and e.status = 'HELD'
      group by 1, 2, 3;`);
    this.addSql(`insert into attendance_month (month, region_id, program_id, participants)
      select date_trunc('month', day)::date, region_id, program_id, sum(participants) from attendance_day group by 1, 2, 3;`);

    // Events (cancelled ones excepted) with their sessions and participants per UTC day of their start, program,
    // kind and mode: the national event trends read a few thousand rows instead of every event.
    this.addSql(`create table "event_day" ("day" date not null, "program_id" int not null, "kind" text not null, "mode" text not null,
      "events" int not null, "sessions" bigint not null, "participants" bigint not null,
      constraint "event_day_pkey" primary key ("day", "program_id", "kind", "mode"));`);
    this.addSql(`create function event_day_apply(days date[], programs int[], kinds text[], modes text[], events int[], sessions bigint[], amounts bigint[])
      returns void language sql as $$
      insert into event_day as t (day, program_id, kind, mode, events, sessions, participants)
      select day, program_id, kind, mode, sum(events), sum(sessions), sum(amount)
      from unnest(days, programs, kinds, modes, events, sessions, amounts) as d(day, program_id, kind, mode, events, sessions, amount)
      group by 1, 2, 3, 4
      on conflict (day, program_id, kind, mode) do update
        set events = t.events + excluded.events, sessions = t.sessions + excluded.sessions, participants = t.participants + excluded.participants;
    $$;`);
    // A tally's change lands on its event's day; a tally deleted with its event was subtracted by the event's own trigger.
    for (const [operation, references, rows] of [
      ['insert', 'new table as new_rows', 'select event_id, sessions::bigint, participants from new_rows'],
      ['update', 'old table as old_rows new table as new_rows', 'select event_id, sessions::bigint, participants from new_rows union all select event_id, -sessions, -participants from old_rows'],
      ['delete', 'old table as old_rows', 'select event_id, -sessions::bigint, -participants from old_rows'],
    ] as const) {
      this.addSql(`create function event_day_on_tally_${operation}() returns trigger language plpgsql as $$
        begin
          perform event_day_apply(array_agg(day), array_agg(program_id), array_agg(kind), array_agg(mode), array_agg(0), array_agg(sessions), array_agg(participants))
          from (
            select session_rollup_day(e.starts_at) as day, e.program_id, e.kind, e.mode, sum(c.sessions)::bigint as sessions, sum(c.participants)::bigint as participants
            from (${rows}) c(event_id, sessions, participants) join event e on e.id = c.event_id and e.status <> 'CANCELLED'
            group by 1, 2, 3, 4) d;
          return null;
        end $$;`);
      this.addSql(`create trigger event_day_on_tally_${operation} after ${operation} on event_tally referencing ${references}
        for each statement execute function event_day_on_tally_${operation}();`);
    }
    this.addSql(`create function event_day_on_event_insert() returns trigger language plpgsql as $$
      begin
        perform event_day_apply(array_agg(day), array_agg(program_id), array_agg(kind), array_agg(mode), array_agg(events), array_agg(0::bigint), array_agg(0::bigint))
        from (select session_rollup_day(starts_at) as day, program_id, kind, mode, count(*)::int as events from new_rows
              where status <> 'CANCELLED' group by 1, 2, 3, 4) d;
        return null;
      end $$;`);
    this.addSql(`create trigger event_day_on_event_insert after insert on event referencing new table as new_rows
      for each statement execute function event_day_on_event_insert();`);
    // Moving, re-kinding, cancelling or deleting an event moves its whole contribution, tally included.
    this.addSql(`create function event_day_on_event_change() returns trigger language plpgsql as $$
      declare tally event_tally%rowtype;
      begin
        select * into tally from event_tally where event_id = old.id;
        if old.status <> 'CANCELLED' then
          perform event_day_apply(array[session_rollup_day(old.starts_at)], array[old.program_id], array[old.kind], array[old.mode],
            array[-1], array[-coalesce(tally.sessions, 0)::bigint], array[-coalesce(tally.participants, 0)]);
        end if;
        if tg_op = 'UPDATE' and new.status <> 'CANCELLED' then
          perform event_day_apply(array[session_rollup_day(new.starts_at)], array[new.program_id], array[new.kind], array[new.mode],
            array[1], array[coalesce(tally.sessions, 0)::bigint], array[coalesce(tally.participants, 0)]);
        end if;
        return case tg_op when 'DELETE' then old else new end;
      end $$;`);
    this.addSql(`create trigger event_day_on_event_update after update of starts_at, program_id, kind, mode, status on event for each row
      when (session_rollup_day(old.starts_at) <> session_rollup_day(new.starts_at) or old.program_id <> new.program_id
            or old.kind <> new.kind or old.mode <> new.mode or (old.status = 'CANCELLED') <> (new.status = 'CANCELLED'))
      execute function event_day_on_event_change();`);
    this.addSql(`create trigger event_day_on_event_delete before delete on event for each row execute function event_day_on_event_change();`);

    // Existing events are counted here; filling their tallies next adds their sessions and participants through the trigger.
    this.addSql(`insert into event_day (day, program_id, kind, mode, events, sessions, participants)
      select session_rollup_day(starts_at), program_id, kind, mode, count(*), 0, 0 from event where status <> 'CANCELLED' group by 1, 2, 3, 4;`);
    this.addSql(`insert into event_tally (event_id, sessions, participants)
      select e.id, count(s.id), coalesce(sum(p.participants), 0) from event e join session s on s.event_id = e.id
      left join (select session_id, sum(participants) as participants from attendance group by 1) p on p.session_id = s.id
      group by e.id;`);

    // Attendance of held events (of one program, or all) per region between two days (inclusive), from whole months where it can.
    this.addSql(`create function attendance_between(first_day date, last_day date, program int)
      returns table (region_id int, day date, participants bigint) language sql stable as $$
      select m.region_id, m.month, m.participants from attendance_month m
        where m.month >= (date_trunc('month', first_day - 1) + interval '1 month')::date
          and m.month <= (date_trunc('month', last_day + 1) - interval '1 month')::date
          and (program is null or m.program_id = program)
      union all
      select d.region_id, d.day, d.participants from attendance_day d
        where d.day >= first_day
          and d.day <= least(last_day, (date_trunc('month', first_day - 1) + interval '1 month')::date - 1)
          and (program is null or d.program_id = program)
      union all
      select d.region_id, d.day, d.participants from attendance_day d
        where d.day >= greatest(date_trunc('month', last_day + 1)::date, (date_trunc('month', first_day - 1) + interval '1 month')::date)
          and d.day <= last_day
          and (program is null or d.program_id = program)
    $$;`);

    // Response caches listen here; one notice per changing statement, folded per transaction by PostgreSQL.
    this.addSql(`create function notify_data_changed() returns trigger language plpgsql as $$
      begin perform pg_notify('data_changed', tg_table_name); return null; end $$;`);
    for (const table of dataTables) {
      this.addSql(`create trigger ${table}_notify_data_changed after insert or update or delete or truncate on "${table}"
        for each statement execute function notify_data_changed();`);
    }
  }
}

/** Every table a figure or a record the API answers is read from. */
export const dataTables = [
  'region', 'program', 'core_value', 'behaviour', 'indicator', 'target', 'observation', 'period_reopening',
  'milestone', 'region_milestone', 'event', 'event_core_value', 'session', 'speaker', 'attendance',
];
