import { Migration } from '@mikro-orm/migrations';

/** Functions the generated schema's check constraints call; written by hand because MikroORM does not model them. */
export class Migration20261123000000_Functions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function period_start_is_aligned(period_type text, period_start date) returns boolean
      language sql immutable strict
      as $$ select period_start = date_trunc(lower(period_type), period_start)::date $$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function period_start_is_aligned(text, date);');
  }
}
