import { Collection, Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { CoreValue } from './core-value.entity.js';

@ObjectType({ description: 'A civil-service culture program, such as BerAKHLAK or Gerakan Indonesia Melayani.' })
@Entity({ tableName: 'program' })
export class Program {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Stable code, e.g. `BERAKHLAK`.' })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Field({ description: 'Name of the program.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field({ description: 'Short description in Indonesian.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Launch date (ISO 8601).' })
  @Property({ type: 'date', nullable: true })
  launchedOn!: string | null;

  @OneToMany(() => CoreValue, (value) => value.program)
  coreValues = new Collection<CoreValue>(this);
}
