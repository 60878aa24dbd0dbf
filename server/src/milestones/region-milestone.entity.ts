import { Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/period.js';
import { Region } from '../regions/region.entity.js';
import { Milestone } from './milestone.entity.js';

/** The date a region reached a milestone; its rollout stage is the last milestone reached in order. */
@ObjectType({ description: 'The day a region reached a milestone.' })
@Entity({ tableName: 'region_milestone' })
@Unique({ name: 'region_milestone_unique', properties: ['region', 'milestone'] })
export class RegionMilestone {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Region, { deleteRule: 'cascade', ref: true, index: false })
  region!: Ref<Region>;

  @ManyToOne(() => Milestone, { deleteRule: 'restrict', ref: true, index: 'region_milestone_milestone_index' })
  milestone!: Ref<Milestone>;

  @Field(() => LocalDate, { description: 'Day the milestone was reached (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  reachedOn!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  reportedBy!: string | null;

  @Field({ description: 'When it was reported.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  reportedAt!: Date;
}
