import { Check, Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { CoreValue } from './core-value.entity.js';

@ObjectType({ description: 'An official behaviour (panduan perilaku) of a core value.' })
@Entity({ tableName: 'behaviour' })
@Unique({ name: 'behaviour_value_position_unique', properties: ['coreValue', 'position'] })
@Check({ name: 'behaviour_position_positive', expression: 'position > 0' })
export class Behaviour {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => CoreValue, { deleteRule: 'cascade', ref: true })
  coreValue!: Ref<CoreValue>;

  @Field(() => Int, { description: 'Official number of the behaviour within the program (1 to 21 for BerAKHLAK).' })
  @Property({ type: 'smallint' })
  position!: number;

  @Field({ description: 'The behaviour as officially worded, in Indonesian.' })
  @Property({ type: 'text' })
  description!: string;
}
