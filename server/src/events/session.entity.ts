import { Check, Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { EventMode } from './event.enums.js';
import { Event } from './event.entity.js';
import { Speaker } from './speaker.entity.js';

/** A part of an event with its own time, mode and topic; a trigger keeps it inside its event's dates. */
@Entity({ tableName: 'session' })
@Check({ name: 'session_ends_after_start', expression: 'ends_at >= starts_at' })
export class Session {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Event, { deleteRule: 'cascade', ref: true, index: 'session_event_index' })
  event!: Ref<Event>;

  @Property({ type: 'string', length: 300 })
  topic!: string;

  @Enum({ items: () => EventMode, type: 'string' })
  mode!: EventMode;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  @OneToMany(() => Speaker, (speaker) => speaker.session)
  speakers = new Collection<Speaker>(this);
}
