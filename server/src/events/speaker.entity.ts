import { Check, Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Session } from './session.entity.js';

/** A speaker (narasumber) of a session, with the role they spoke in. */
@Entity({ tableName: 'speaker' })
@Unique({ name: 'speaker_session_position_unique', properties: ['session', 'position'] })
@Check({ name: 'speaker_position_positive', expression: 'position > 0' })
export class Speaker {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Session, { deleteRule: 'cascade', ref: true, index: false })
  session!: Ref<Session>;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 300 })
  role!: string;
}
