import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EventMode } from './event.enums.js';
import { Event } from './event.entity.js';
import { Speaker } from './speaker.entity.js';

/** A part of an event with its own time, mode and topic; a trigger keeps it inside its event's dates. */
@ObjectType({ description: 'A part of an event with its own time, mode, topic and speakers.' })
@Entity({ tableName: 'session' })
@Check({ name: 'session_ends_after_start', expression: 'ends_at >= starts_at' })
@Check({ name: 'session_number_positive', expression: 'number > 0' })
@Unique({ name: 'session_event_number_unique', properties: ['event', 'number'] })
// A session's event without visiting the table: the step from attendance rows to the events attended.
@Index({ name: 'session_event_lookup_index', expression: 'create index "session_event_lookup_index" on "session" ("id") include ("event_id")' })
export class Session {
  @Field(() => ID, { description: 'Identifier of the session.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Event, { deleteRule: 'cascade', ref: true, index: false })
  event!: Ref<Event>;

  @Field(() => Int, { description: 'Number of the session in its event, from 1; with the event’s code, its key in imports.' })
  @Property({ type: 'smallint' })
  number!: number;

  @Field({ description: 'Topic of the session.' })
  @Property({ type: 'string', length: 300 })
  topic!: string;

  @Field(() => EventMode, { description: 'Mode of this session.' })
  @Enum({ items: () => EventMode, type: 'string' })
  mode!: EventMode;

  @Field({ description: 'Start (ISO 8601 with time zone).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Field({ description: 'End (ISO 8601 with time zone).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  @OneToMany(() => Speaker, (speaker) => speaker.session)
  speakers = new Collection<Speaker>(this);
}
