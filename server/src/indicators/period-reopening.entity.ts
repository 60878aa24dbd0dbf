import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity.js';
import { LocalDate } from '../common/period.js';
import { Region } from '../regions/region.entity.js';
import { PeriodType } from './indicator.enums.js';

@ObjectType({ description: 'A locked period opened again for one region, by an administrator, until a given day.' })
@Entity({ tableName: 'period_reopening' })
@Unique({ name: 'period_reopening_natural_key_unique', properties: ['region', 'periodType', 'periodStart'] })
export class PeriodReopening {
  @Field(() => ID, { description: 'Identifier of the reopening.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Region, { deleteRule: 'restrict', ref: true, index: false })
  region!: Ref<Region>;

  @Field(() => PeriodType, { description: 'Length of the reopened period.' })
  @Enum({ items: () => PeriodType, type: 'string' })
  periodType!: PeriodType;

  @Field(() => LocalDate, { description: 'First day of the reopened period.' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => LocalDate, { description: 'Last day on which the region may still write the period.' })
  @Property({ type: 'date' })
  openUntil!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict', ref: true, index: false })
  reopenedBy!: Ref<User>;

  @Field({ description: 'When it was reopened.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  reopenedAt!: Date;
}
