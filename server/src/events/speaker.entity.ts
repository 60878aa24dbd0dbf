import { Check, Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Session } from './session.entity.js';

/** A speaker (narasumber) of a session, with the role they spoke in. */
@ObjectType({ description: 'A speaker (narasumber) of a session.' })
@Entity({ tableName: 'speaker' })
@Unique({ name: 'speaker_session_position_unique', properties: ['session', 'position'] })
@Check({ name: 'speaker_position_positive', expression: 'position > 0' })
export class Speaker {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Session, { deleteRule: 'cascade', ref: true, index: false })
  session!: Ref<Session>;

  @Field(() => Int, { description: 'Order of the speaker in the session, from 1.' })
  @Property({ type: 'smallint' })
  position!: number;

  @Field({ description: 'Name of the speaker.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field({ description: 'Role the speaker spoke in, e.g. `Kepala BKPSDM`.' })
  @Property({ type: 'string', length: 300 })
  role!: string;
}
