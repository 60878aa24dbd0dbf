import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../common/connection.js';
import type { Context } from '../common/context.js';
import { Region } from '../regions/region.entity.js';
import { RegionMilestonesArgs } from './milestone.args.js';
import { Milestone } from './milestone.entity.js';
import { MilestoneService } from './milestone.service.js';
import { MilestoneConnection, RegionMilestoneConnection } from './milestone.types.js';
import { RegionMilestone } from './region-milestone.entity.js';

const service = (context: Context) => new MilestoneService(context.em, context.loaders);

@Resolver(() => RegionMilestone)
export class MilestoneResolver {
  @Query(() => MilestoneConnection, { description: 'The rollout milestones in order.' })
  milestones(@Args() args: PageArgs, @Ctx() context: Context) {
    return service(context).list(args);
  }

  @Query(() => RegionMilestoneConnection, { description: 'Milestones reached, filtered by region (with its regencies and cities) and milestone.' })
  regionMilestones(@Args() args: RegionMilestonesArgs, @Ctx() context: Context) {
    return service(context).reached(args);
  }

  @FieldResolver(() => Milestone, { description: 'The milestone reached.' })
  milestone(@Root() reached: RegionMilestone, @Ctx() context: Context) {
    return service(context).milestone(reached);
  }

  @FieldResolver(() => Region, { description: 'The region that reached it.' })
  region(@Root() reached: RegionMilestone, @Ctx() context: Context) {
    return service(context).region(reached);
  }
}
