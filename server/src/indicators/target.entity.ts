import { Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { Region } from '../regions/region.entity.js';
import { Indicator } from './indicator.entity.js';

/** The value an indicator should reach: the national default (no region) or a region's override. */
@ObjectType({ description: 'A target of an indicator: the national default (no region) or a region override.' })
@Entity({ tableName: 'target' })
@Unique({
  name: 'target_indicator_region_unique',
  expression: 'create unique index "target_indicator_region_unique" on "target" ("indicator_id", "region_id") nulls not distinct',
})
export class Target {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Indicator, { deleteRule: 'cascade', ref: true, index: false })
  indicator!: Ref<Indicator>;

  @ManyToOne(() => Region, { nullable: true, deleteRule: 'cascade', ref: true, index: false })
  region!: Ref<Region> | null;

  @Field(() => Float, { description: 'The value to reach.' })
  @Property({ type: 'double' })
  value!: number;
}
