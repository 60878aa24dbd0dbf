import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** One ordered step of a region's rollout, from the circular socialised to evaluated. */
@ObjectType({ description: 'One ordered step of the rollout in a region.' })
@Entity({ tableName: 'milestone' })
@Check({ name: 'milestone_position_positive', expression: 'position > 0' })
export class Milestone {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Stable code, e.g. `AGEN_PERUBAHAN_DITETAPKAN`.' })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Field(() => Int, { description: 'Order of the step, from 1.' })
  @Property({ type: 'smallint', unique: true })
  position!: number;

  @Field({ description: 'Name in Indonesian.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field({ description: 'Name in English.' })
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field({ description: 'What reaching the step means.' })
  @Property({ type: 'text' })
  description!: string;
}
