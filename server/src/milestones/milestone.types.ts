import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { LocalDate } from '../common/period.js';
import { Milestone } from './milestone.entity.js';
import { RegionMilestone } from './region-milestone.entity.js';

@ObjectType({ description: 'Where a region stands: the last milestone reached in order, and when.' })
export class RegionStage {
  @Field(() => Milestone, { description: 'The last milestone reached in order.' })
  milestone!: Milestone;

  @Field(() => LocalDate, { description: 'Day it was reached.' })
  reachedOn!: string;
}

export const MilestoneConnection = ConnectionType(Milestone, 'Milestone', 'The milestones in order, with the total count.');
export const RegionMilestoneConnection = ConnectionType(RegionMilestone, 'RegionMilestone', 'Milestones reached, by region code and step, with the total count.');
