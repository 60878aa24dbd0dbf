import { Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CoreValue } from '../programs/core-value.entity.js';
import { Program } from '../programs/program.entity.js';
import { Region } from '../regions/region.entity.js';
import { EventKind, EventMode, EventStatus } from './event.enums.js';
import { Session } from './session.entity.js';

/** A rollout activity (kegiatan) of one program; no host region means a national event. */
@ObjectType({ description: 'A rollout activity (kegiatan) of one program; without a host region it is a national event.' })
@Entity({ tableName: 'event' })
@Check({ name: 'event_ends_after_start', expression: 'ends_at >= starts_at' })
@Index({ name: 'event_program_starts_index', properties: ['program', 'startsAt'] })
@Index({ name: 'event_host_region_starts_index', properties: ['hostRegion', 'startsAt'] })
@Index({ name: 'event_starts_index', properties: ['startsAt'] })
@Index({
  name: 'event_activity_index',
  expression: 'create index "event_activity_index" on "event" ("starts_at") include ("host_region_id", "program_id", "status", "kind", "mode")',
})
export class Event {
  @Field(() => ID, { description: 'Identifier of the event.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Kode kegiatan: the event’s key in spreadsheets and imports, unique; `KEG-` and the id when none was given.' })
  @Property({ type: 'string', length: 40, unique: 'event_code_unique' })
  code!: string;

  @ManyToOne(() => Program, { deleteRule: 'restrict', ref: true, index: false })
  program!: Ref<Program>;

  @Field({ description: 'Title as announced.' })
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => EventKind, { description: 'Kind of activity.' })
  @Enum({ items: () => EventKind, type: 'string' })
  kind!: EventKind;

  @Field({ description: 'Organising institution.' })
  @Property({ type: 'string', length: 200 })
  organiser!: string;

  @ManyToOne(() => Region, { nullable: true, deleteRule: 'restrict', ref: true, index: false })
  hostRegion!: Ref<Region> | null;

  @Field(() => EventMode, { description: 'Luring (OFFLINE), daring (ONLINE) or HYBRID.' })
  @Enum({ items: () => EventMode, type: 'string' })
  mode!: EventMode;

  @Field({ description: 'Start (ISO 8601 with time zone).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Field({ description: 'End (ISO 8601 with time zone).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Venue, or `Daring (virtual)`.' })
  @Property({ type: 'string', length: 300, nullable: true })
  venue!: string | null;

  @Field(() => EventStatus, { description: 'Planned, held or cancelled.' })
  @Enum({ items: () => EventStatus, type: 'string' })
  status!: EventStatus;

  @Field(() => String, { nullable: true, description: 'Link to the source that reported the event.' })
  @Property({ type: 'string', length: 500, nullable: true })
  sourceUrl!: string | null;

  @ManyToMany({ entity: () => CoreValue, pivotTable: 'event_core_value', joinColumn: 'event_id', inverseJoinColumn: 'core_value_id' })
  coreValues = new Collection<CoreValue>(this);

  @OneToMany(() => Session, (session) => session.event)
  sessions = new Collection<Session>(this);
}
