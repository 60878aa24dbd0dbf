import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090323_Initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dataset_load" ("name" varchar(40) not null, "seed" int not null, "counts" jsonb not null, "loaded_at" timestamptz not null default now(), constraint "dataset_load_pkey" primary key ("name"));`);

    this.addSql(`create table "milestone" ("id" serial primary key, "code" varchar(40) not null, "position" smallint not null, "name" varchar(200) not null, "name_en" varchar(200) not null, "description" text not null, constraint milestone_position_positive check (position > 0));`);
    this.addSql(`alter table "milestone" add constraint "milestone_code_unique" unique ("code");`);
    this.addSql(`alter table "milestone" add constraint "milestone_position_unique" unique ("position");`);

    this.addSql(`create table "program" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(200) not null, "description" text not null, "launched_on" date null);`);
    this.addSql(`alter table "program" add constraint "program_code_unique" unique ("code");`);

    this.addSql(`create table "indicator" ("id" serial primary key, "code" varchar(60) not null, "name" varchar(200) not null, "name_en" varchar(200) not null, "description" text not null, "program_id" int null, "unit" text check ("unit" in ('PERCENT', 'SCORE', 'COUNT', 'DAYS')) not null, "region_aggregation" text check ("region_aggregation" in ('SUM', 'WEIGHTED_AVERAGE', 'AVERAGE')) not null, "time_aggregation" text check ("time_aggregation" in ('SUM', 'AVERAGE', 'LAST')) not null, "period_type" text check ("period_type" in ('MONTH', 'QUARTER', 'YEAR')) not null, "higher_is_better" boolean not null, "by_core_value" boolean not null, "min_value" double precision null, "max_value" double precision null, constraint indicator_range_ordered check (min_value IS NULL OR max_value IS NULL OR min_value <= max_value));`);
    this.addSql(`alter table "indicator" add constraint "indicator_code_unique" unique ("code");`);

    this.addSql(`create table "core_value" ("id" serial primary key, "program_id" int not null, "code" varchar(40) not null, "position" smallint not null, "name" varchar(100) not null, "name_en" varchar(100) not null, constraint core_value_position_positive check (position > 0));`);
    this.addSql(`alter table "core_value" add constraint "core_value_program_position_unique" unique ("program_id", "position");`);
    this.addSql(`alter table "core_value" add constraint "core_value_program_code_unique" unique ("program_id", "code");`);

    this.addSql(`create table "behaviour" ("id" serial primary key, "core_value_id" int not null, "position" smallint not null, "description" text not null, constraint behaviour_position_positive check (position > 0));`);
    this.addSql(`alter table "behaviour" add constraint "behaviour_value_position_unique" unique ("core_value_id", "position");`);

    this.addSql(`create table "region" ("id" serial primary key, "code" varchar(5) not null, "name" varchar(120) not null, "level" text check ("level" in ('PROVINCE', 'REGENCY', 'CITY')) not null, "parent_id" int null, "headcount" int not null, constraint region_headcount_non_negative check (headcount >= 0), constraint region_parent_by_level check ((level = 'PROVINCE') = (parent_id IS NULL)), constraint region_code_format check (code ~ '^[0-9]{2}([.][0-9]{2})?\$'));`);
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code");`);
    this.addSql(`create index "region_level_index" on "region" ("level");`);
    this.addSql(`create index "region_parent_index" on "region" ("parent_id");`);

    this.addSql(`create table "observation" ("id" bigserial primary key, "indicator_id" int not null, "region_id" int not null, "period_type" text check ("period_type" in ('MONTH', 'QUARTER', 'YEAR')) not null, "period_start" date not null, "core_value_id" int null, "value" double precision not null, "reported_by" varchar(200) null, "reported_at" timestamptz not null default now(), constraint observation_period_aligned check (period_start_is_aligned(period_type, period_start) = true));`);
    this.addSql(`create index "observation_region_period_index" on "observation" ("region_id", "period_start");`);
    this.addSql(`create unique index "observation_natural_key_unique" on "observation" ("indicator_id", "region_id", "period_start", "core_value_id") nulls not distinct;`);

    this.addSql(`create table "event" ("id" serial primary key, "program_id" int not null, "title" varchar(300) not null, "kind" text check ("kind" in ('SOCIALISATION', 'INTERNALISATION', 'WORKSHOP', 'VIDEO_CONFERENCE', 'CHANGE_AGENT_COACHING', 'CEREMONY', 'EVALUATION')) not null, "organiser" varchar(200) not null, "host_region_id" int null, "mode" text check ("mode" in ('OFFLINE', 'ONLINE', 'HYBRID')) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "venue" varchar(300) null, "status" text check ("status" in ('PLANNED', 'HELD', 'CANCELLED')) not null, "source_url" varchar(500) null, constraint event_ends_after_start check (ends_at >= starts_at));`);
    this.addSql(`create index "event_starts_index" on "event" ("starts_at");`);
    this.addSql(`create index "event_host_region_starts_index" on "event" ("host_region_id", "starts_at");`);
    this.addSql(`create index "event_program_starts_index" on "event" ("program_id", "starts_at");`);

    this.addSql(`create table "event_core_value" ("event_id" int not null, "core_value_id" int not null, constraint "event_core_value_pkey" primary key ("event_id", "core_value_id"));`);

    this.addSql(`create table "region_milestone" ("id" serial primary key, "region_id" int not null, "milestone_id" int not null, "reached_on" date not null, "reported_by" varchar(200) null, "reported_at" timestamptz not null default now());`);
    this.addSql(`create index "region_milestone_milestone_index" on "region_milestone" ("milestone_id");`);
    this.addSql(`alter table "region_milestone" add constraint "region_milestone_unique" unique ("region_id", "milestone_id");`);

    this.addSql(`create table "session" ("id" serial primary key, "event_id" int not null, "topic" varchar(300) not null, "mode" text check ("mode" in ('OFFLINE', 'ONLINE', 'HYBRID')) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, constraint session_ends_after_start check (ends_at >= starts_at));`);
    this.addSql(`create index "session_event_index" on "session" ("event_id");`);

    this.addSql(`create table "attendance" ("session_id" int not null, "region_id" int not null, "participants" int not null, constraint "attendance_pkey" primary key ("session_id", "region_id"), constraint attendance_participants_non_negative check (participants >= 0));`);
    this.addSql(`create index "attendance_region_index" on "attendance" ("region_id");`);

    this.addSql(`create table "speaker" ("id" serial primary key, "session_id" int not null, "position" smallint not null, "name" varchar(200) not null, "role" varchar(300) not null, constraint speaker_position_positive check (position > 0));`);
    this.addSql(`alter table "speaker" add constraint "speaker_session_position_unique" unique ("session_id", "position");`);

    this.addSql(`create table "target" ("id" serial primary key, "indicator_id" int not null, "region_id" int null, "value" double precision not null);`);
    this.addSql(`create unique index "target_indicator_region_unique" on "target" ("indicator_id", "region_id") nulls not distinct;`);

    this.addSql(`alter table "indicator" add constraint "indicator_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "core_value" add constraint "core_value_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "behaviour" add constraint "behaviour_core_value_id_foreign" foreign key ("core_value_id") references "core_value" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "region" add constraint "region_parent_id_foreign" foreign key ("parent_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "observation" add constraint "observation_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "observation" add constraint "observation_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "observation" add constraint "observation_core_value_id_foreign" foreign key ("core_value_id") references "core_value" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "event" add constraint "event_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "event" add constraint "event_host_region_id_foreign" foreign key ("host_region_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "event_core_value" add constraint "event_core_value_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_core_value" add constraint "event_core_value_core_value_id_foreign" foreign key ("core_value_id") references "core_value" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "region_milestone" add constraint "region_milestone_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "region_milestone" add constraint "region_milestone_milestone_id_foreign" foreign key ("milestone_id") references "milestone" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "session" add constraint "session_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "attendance" add constraint "attendance_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attendance" add constraint "attendance_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "speaker" add constraint "speaker_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "target" add constraint "target_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "target" add constraint "target_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "region_milestone" drop constraint "region_milestone_milestone_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_program_id_foreign";`);

    this.addSql(`alter table "core_value" drop constraint "core_value_program_id_foreign";`);

    this.addSql(`alter table "event" drop constraint "event_program_id_foreign";`);

    this.addSql(`alter table "observation" drop constraint "observation_indicator_id_foreign";`);

    this.addSql(`alter table "target" drop constraint "target_indicator_id_foreign";`);

    this.addSql(`alter table "behaviour" drop constraint "behaviour_core_value_id_foreign";`);

    this.addSql(`alter table "observation" drop constraint "observation_core_value_id_foreign";`);

    this.addSql(`alter table "event_core_value" drop constraint "event_core_value_core_value_id_foreign";`);

    this.addSql(`alter table "region" drop constraint "region_parent_id_foreign";`);

    this.addSql(`alter table "observation" drop constraint "observation_region_id_foreign";`);

    this.addSql(`alter table "event" drop constraint "event_host_region_id_foreign";`);

    this.addSql(`alter table "region_milestone" drop constraint "region_milestone_region_id_foreign";`);

    this.addSql(`alter table "attendance" drop constraint "attendance_region_id_foreign";`);

    this.addSql(`alter table "target" drop constraint "target_region_id_foreign";`);

    this.addSql(`alter table "event_core_value" drop constraint "event_core_value_event_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_event_id_foreign";`);

    this.addSql(`alter table "attendance" drop constraint "attendance_session_id_foreign";`);

    this.addSql(`alter table "speaker" drop constraint "speaker_session_id_foreign";`);

    this.addSql(`drop table if exists "dataset_load" cascade;`);

    this.addSql(`drop table if exists "milestone" cascade;`);

    this.addSql(`drop table if exists "program" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "core_value" cascade;`);

    this.addSql(`drop table if exists "behaviour" cascade;`);

    this.addSql(`drop table if exists "region" cascade;`);

    this.addSql(`drop table if exists "observation" cascade;`);

    this.addSql(`drop table if exists "event" cascade;`);

    this.addSql(`drop table if exists "event_core_value" cascade;`);

    this.addSql(`drop table if exists "region_milestone" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "attendance" cascade;`);

    this.addSql(`drop table if exists "speaker" cascade;`);

    this.addSql(`drop table if exists "target" cascade;`);
  }

}
