import { Migration } from '@mikro-orm/migrations';

/**
 * The events an area attended (`participatingRegionCode`) from indexes alone: attendance by region
 * with its session, and each session's event. The region's own index gives way to the wider one,
 * which serves every lookup by region as well.
 */
export class Migration20261123181000_AttendedEventIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "attendance_region_session_index" on "attendance" ("region_id", "session_id");`);
    this.addSql(`drop index "attendance_region_index";`);
    this.addSql(`create index "session_event_lookup_index" on "session" ("id") include ("event_id");`);
  }
}
