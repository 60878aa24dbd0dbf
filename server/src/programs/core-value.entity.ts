import { Check, Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Program } from './program.entity.js';

@ObjectType({ description: 'A core value of a program (nilai dasar), e.g. Akuntabel.' })
@Entity({ tableName: 'core_value' })
@Unique({ name: 'core_value_program_code_unique', properties: ['program', 'code'] })
@Unique({ name: 'core_value_program_position_unique', properties: ['program', 'position'] })
@Check({ name: 'core_value_position_positive', expression: 'position > 0' })
export class CoreValue {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Program, { deleteRule: 'cascade', ref: true })
  program!: Ref<Program>;

  @Field({ description: 'Stable code within the program, e.g. `AKUNTABEL`.' })
  @Property({ type: 'string', length: 40 })
  code!: string;

  @Field(() => Int, { description: 'Order of the value within its program, from 1.' })
  @Property({ type: 'smallint' })
  position!: number;

  @Field({ description: 'Name in Indonesian, e.g. `Berorientasi Pelayanan`.' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field({ description: 'Name in English, e.g. `Service-oriented`.' })
  @Property({ type: 'string', length: 100 })
  nameEn!: string;
}
