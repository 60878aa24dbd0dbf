import { Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { CoreValue } from '../programs/core-value.entity.js';
import { Program } from '../programs/program.entity.js';
import { Region } from '../regions/region.entity.js';
import { EventKind, EventMode, EventStatus } from './event.enums.js';
import { Session } from './session.entity.js';

/** A rollout activity (kegiatan) of one program; no host region means a national event. */
@Entity({ tableName: 'event' })
@Check({ name: 'event_ends_after_start', expression: 'ends_at >= starts_at' })
@Index({ name: 'event_program_starts_index', properties: ['program', 'startsAt'] })
@Index({ name: 'event_host_region_starts_index', properties: ['hostRegion', 'startsAt'] })
@Index({ name: 'event_starts_index', properties: ['startsAt'] })
export class Event {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Program, { deleteRule: 'restrict', ref: true, index: false })
  program!: Ref<Program>;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Enum({ items: () => EventKind, type: 'string' })
  kind!: EventKind;

  @Property({ type: 'string', length: 200 })
  organiser!: string;

  @ManyToOne(() => Region, { nullable: true, deleteRule: 'restrict', ref: true, index: false })
  hostRegion!: Ref<Region> | null;

  @Enum({ items: () => EventMode, type: 'string' })
  mode!: EventMode;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  @Property({ type: 'string', length: 300, nullable: true })
  venue!: string | null;

  @Enum({ items: () => EventStatus, type: 'string' })
  status!: EventStatus;

  @Property({ type: 'string', length: 500, nullable: true })
  sourceUrl!: string | null;

  @ManyToMany({ entity: () => CoreValue, pivotTable: 'event_core_value', joinColumn: 'event_id', inverseJoinColumn: 'core_value_id' })
  coreValues = new Collection<CoreValue>(this);

  @OneToMany(() => Session, (session) => session.event)
  sessions = new Collection<Session>(this);
}
