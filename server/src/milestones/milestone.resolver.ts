import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, callerScope, viewerOf } from '../auth/access.js';
import { PageArgs } from '../common/connection.js';
import type { Context } from '../common/context.js';
import { Region } from '../regions/region.entity.js';
import { RegionMilestonesArgs } from './milestone.args.js';
import { Milestone } from './milestone.entity.js';
import { MilestoneInput, recordMilestone } from './milestone-recording.js';
import { MilestoneService } from './milestone.service.js';
import { MilestoneConnection, RegionMilestoneConnection } from './milestone.types.js';
import { RegionMilestone } from './region-milestone.entity.js';

const service = (context: Context) => new MilestoneService(context.em, context.loaders, callerScope(context));

@Resolver(() => RegionMilestone)
export class MilestoneResolver {
  @Access('SIGNED_IN')
  @Query(() => MilestoneConnection, { description: 'The rollout milestones in order.' })
  milestones(@Args() args: PageArgs, @Ctx() context: Context) {
    return service(context).list(args);
  }

  @Access('SIGNED_IN')
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

@Resolver(() => RegionMilestone)
export class MilestoneRecordingResolver {
  @Access('REPORTER')
  @Mutation(() => RegionMilestone, { description: 'Records (or corrects the day of) a milestone a region in the caller’s scope reached, in the official order.' })
  recordMilestone(@Arg('input', () => MilestoneInput, { description: 'The milestone.' }) input: MilestoneInput, @Ctx() context: Context) {
    return recordMilestone(context.em, context.loaders, viewerOf(context), input);
  }
}
