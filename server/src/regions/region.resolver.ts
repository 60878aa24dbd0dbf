import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Access, callerScope } from '../auth/access.js';
import type { Context } from '../common/context.js';
import { RegionMilestone } from '../milestones/region-milestone.entity.js';
import { MilestoneService } from '../milestones/milestone.service.js';
import { RegionStage } from '../milestones/milestone.types.js';
import { ChildrenArgs, DescendantCountArgs, RegionsArgs } from './region.args.js';
import { Region } from './region.entity.js';
import { RegionService } from './region.service.js';
import { RegionConnection } from './region.types.js';

const service = (context: Context) => new RegionService(context.em, context.loaders, callerScope(context));

@Resolver(() => Region)
export class RegionResolver {
  @Access('SIGNED_IN')
  @Query(() => Region, { description: 'One region by its Kemendagri code; NOT_FOUND when no region has it.' })
  region(@Arg('code', { description: 'Kemendagri code, e.g. `75` or `13.77`.' }) code: string, @Ctx() context: Context): Promise<Region> {
    return service(context).byCode(code);
  }

  @Access('SIGNED_IN')
  @Query(() => RegionConnection, { description: 'Regions filtered by level, province and name, ordered by code.' })
  regions(@Args() args: RegionsArgs, @Ctx() context: Context) {
    return service(context).list(args);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The province of a regency or city; null for a province.' })
  parent(@Root() region: Region, @Ctx() context: Context) {
    return service(context).parent(region);
  }

  @FieldResolver(() => RegionConnection, { description: 'The regencies and cities of a province (none for a regency or city).' })
  children(@Root() region: Region, @Args() args: ChildrenArgs, @Ctx() context: Context) {
    return service(context).children(region, args);
  }

  @FieldResolver(() => Int, { description: 'Civil servants (ASN) of the whole area: for a province, its own government plus all its regencies and cities.' })
  headcount(@Root() region: Region, @Ctx() context: Context) {
    return service(context).areaHeadcount(region);
  }

  @FieldResolver(() => [Region], { description: 'Regions above this one, nearest first: a regency or city has its province; a province has none.' })
  ancestors(@Root() region: Region, @Ctx() context: Context) {
    return service(context).ancestors(region);
  }

  @FieldResolver(() => Int, { description: 'Number of regions below this one, optionally of one level.' })
  descendantCount(@Root() region: Region, @Args() args: DescendantCountArgs, @Ctx() context: Context) {
    return service(context).descendantCount(region, args.level ?? null);
  }

  @FieldResolver(() => [RegionMilestone], { description: 'Milestones this region reached, in official order.' })
  milestones(@Root() region: Region, @Ctx() context: Context) {
    return new MilestoneService(context.em, context.loaders, callerScope(context)).ofRegion(region);
  }

  @FieldResolver(() => RegionStage, { nullable: true, description: 'Rollout stage: the last milestone reached in order, and when; null before the first.' })
  stage(@Root() region: Region, @Ctx() context: Context) {
    return new MilestoneService(context.em, context.loaders, callerScope(context)).stage(region);
  }

  @FieldResolver(() => Int, { description: 'Civil servants (ASN) of this regional government itself, without its regencies and cities.' })
  ownHeadcount(@Root() region: Region, @Ctx() context: Context): number {
    service(context).checkReadable(region, 'ownHeadcount');
    return region.headcount;
  }
}
