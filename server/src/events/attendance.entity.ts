import { Check, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Region } from '../regions/region.entity.js';
import { Session } from './session.entity.js';

/** How many civil servants of one region took part in one session: the primary key makes it one row per pair. */
@ObjectType({ description: 'Civil servants of one region taking part in one session.' })
@Entity({ tableName: 'attendance' })
@Check({ name: 'attendance_participants_non_negative', expression: 'participants >= 0' })
// With the session, the events an area attended are found from the index alone (the events filter `participatingRegionCode`).
@Index({ name: 'attendance_region_session_index', properties: ['region', 'session'] })
export class Attendance {
  @ManyToOne(() => Session, { primary: true, deleteRule: 'cascade', ref: true })
  session!: Ref<Session>;

  @ManyToOne(() => Region, { primary: true, deleteRule: 'restrict', ref: true, index: false })
  region!: Ref<Region>;

  @Field(() => Int, { description: 'Number of participants from the region.' })
  @Property({ type: 'integer' })
  participants!: number;
}
