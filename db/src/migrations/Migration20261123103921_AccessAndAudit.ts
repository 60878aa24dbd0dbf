import { Migration } from '@mikro-orm/migrations';

export class Migration20261123103921_AccessAndAudit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_failure" ("key" varchar(300) not null, "failures" int not null, "last_failed_at" timestamptz not null, constraint "login_failure_pkey" primary key ("key"));`);

    this.addSql(`create table "app_user" ("id" serial primary key, "email" varchar(254) not null, "name" varchar(200) not null, "role" text check ("role" in ('ADMINISTRATOR', 'ANALYST', 'SECRETARY', 'DATA_TEAM')) not null, "region_id" int null, "password_hash" varchar(200) null, "active" boolean not null default true, "created_at" timestamptz not null default now(), constraint app_user_administrator_national check (role <> 'ADMINISTRATOR' OR region_id IS NULL), constraint app_user_secretary_has_region check (role <> 'SECRETARY' OR region_id IS NOT NULL));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_region_index" on "app_user" ("region_id");`);

    this.addSql(`create table "period_reopening" ("id" serial primary key, "region_id" int not null, "period_type" text check ("period_type" in ('MONTH', 'QUARTER', 'YEAR')) not null, "period_start" date not null, "open_until" date not null, "reopened_by_id" int not null, "reopened_at" timestamptz not null default now());`);
    this.addSql(`alter table "period_reopening" add constraint "period_reopening_natural_key_unique" unique ("region_id", "period_type", "period_start");`);

    this.addSql(`create table "auth_session" ("secret_hash" varchar(64) not null, "user_id" int not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, constraint "auth_session_pkey" primary key ("secret_hash"));`);
    this.addSql(`create index "auth_session_user_index" on "auth_session" ("user_id");`);
    this.addSql(`create index "auth_session_expires_index" on "auth_session" ("expires_at");`);

    this.addSql(`create table "api_token" ("id" serial primary key, "user_id" int not null, "name" varchar(100) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "region_id" int null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null);`);
    this.addSql(`create index "api_token_user_index" on "api_token" ("user_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "user_id" int not null, "token_id" int null, "action" varchar(60) not null, "entity" varchar(40) not null, "entity_key" varchar(200) not null, "region_id" int null, "before" jsonb null, "after" jsonb null);`);
    this.addSql(`create index "audit_entry_user_index" on "audit_entry" ("user_id");`);
    this.addSql(`create index "audit_entry_region_index" on "audit_entry" ("region_id");`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at", "id");`);

    this.addSql(`alter table "app_user" add constraint "app_user_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "period_reopening" add constraint "period_reopening_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "period_reopening" add constraint "period_reopening_reopened_by_id_foreign" foreign key ("reopened_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "auth_session" add constraint "auth_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_token" add constraint "api_token_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "audit_entry" add constraint "audit_entry_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_token_id_foreign" foreign key ("token_id") references "api_token" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "period_reopening" drop constraint "period_reopening_reopened_by_id_foreign";`);

    this.addSql(`alter table "auth_session" drop constraint "auth_session_user_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_user_id_foreign";`);

    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_user_id_foreign";`);

    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_token_id_foreign";`);

    this.addSql(`drop table if exists "login_failure" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "period_reopening" cascade;`);

    this.addSql(`drop table if exists "auth_session" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);
  }

}
