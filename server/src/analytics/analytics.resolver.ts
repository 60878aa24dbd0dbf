import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Access, callerScope } from '../auth/access.js';
import type { Context } from '../common/context.js';
import { selectsField } from '../common/selection.js';
import { withCost } from '../http/limits.js';
import { Indicator } from '../indicators/indicator.entity.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Region } from '../regions/region.entity.js';
import {
  CompletenessArgs, CoverageSeriesArgs, EventTrendArgs, IndicatorAggregateArgs, IndicatorSeriesArgs, IndicatorTotalsArgs, RolloutArgs, StageDistributionArgs,
} from './analytics.args.js';
import { AnalyticsService } from './analytics.service.js';
import {
  Completeness, CoveragePoint, EventTrendPoint, IndicatorGroup, IndicatorGroupConnection, IndicatorTotal, RegionCompleteness, RolloutConnection, RolloutRow, SeriesPoint, StageCount,
} from './analytics.types.js';

const service = (context: Context) => new AnalyticsService(context.em, context.loaders, callerScope(context));

@Resolver()
export class AnalyticsResolver {
  @Access('SIGNED_IN')
  @Query(() => IndicatorGroupConnection, { description: withCost('Query.indicatorAggregate', 'Any indicator grouped by region, parent area, level, period and core value, by its own aggregation rules; without groupBy, one total (cost 300).') })
  indicatorAggregate(@Args() args: IndicatorAggregateArgs, @Ctx() context: Context) {
    return service(context).indicatorGroups(args);
  }

  @Access('SIGNED_IN')
  @Query(() => [IndicatorTotal], {
    description: withCost('Query.indicatorTotals', 'Each indicator\'s total over one area and period, as `indicatorAggregate` without `groupBy` gives it, for many indicators in one statement.'),
  })
  indicatorTotals(@Args() args: IndicatorTotalsArgs, @Ctx() context: Context) {
    return service(context).totals(args);
  }

  @Access('SIGNED_IN')
  @Query(() => [SeriesPoint], { description: withCost('Query.indicatorSeries', 'Time series of an indicator for a region with its regencies and cities (or the country), cumulative where values add up.') })
  indicatorSeries(@Args() args: IndicatorSeriesArgs, @Ctx() context: Context) {
    return service(context).series(args);
  }

  @Access('SIGNED_IN')
  @Query(() => [CoveragePoint], { description: withCost('Query.coverageSeries', 'Civil servants reached over time, cumulative from the start of the range.') })
  coverageSeries(@Args() args: CoverageSeriesArgs, @Ctx() context: Context) {
    return service(context).coverageSeries(args);
  }

  @Access('SIGNED_IN')
  @Query(() => RolloutConnection, { description: withCost('Query.rollout', 'The rollout table: provinces, or the regencies and cities of a province, with stage, coverage, activity and an indicator against target, ranked.') })
  rollout(@Args() args: RolloutArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return service(context).rollout(args, selectsField(info, 'sessions'));
  }

  @Access('SIGNED_IN')
  @Query(() => [StageCount], { description: withCost('Query.stageDistribution', 'How many regions are at each stage, from not started to evaluated.') })
  stageDistribution(@Args() args: StageDistributionArgs, @Ctx() context: Context) {
    return service(context).stageDistribution(args);
  }

  @Access('SIGNED_IN')
  @Query(() => Completeness, { description: withCost('Query.reportingCompleteness', 'Reporting completeness and timeliness of a period, never above 100 %.') })
  reportingCompleteness(@Args() args: CompletenessArgs, @Ctx() context: Context) {
    return service(context).completeness(args);
  }

  @Access('SIGNED_IN')
  @Query(() => [EventTrendPoint], { description: withCost('Query.eventTrends', 'Events, sessions and participants per period, optionally by kind and mode.') })
  eventTrends(@Args() args: EventTrendArgs, @Ctx() context: Context) {
    return service(context).eventTrends(args);
  }
}

@Resolver(() => IndicatorGroup)
export class IndicatorGroupResolver {
  @FieldResolver(() => Region, { nullable: true, description: 'The region, when grouped by REGION.' })
  region(@Root() group: IndicatorGroup, @Ctx() context: Context) {
    return group.regionId === null ? null : context.loaders.regionById.load(group.regionId);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The province whose area (itself, its regencies and cities) forms the group, when grouped by PARENT.' })
  area(@Root() group: IndicatorGroup, @Ctx() context: Context) {
    return group.areaId === null ? null : context.loaders.regionById.load(group.areaId);
  }

  @FieldResolver(() => CoreValue, { nullable: true, description: 'The core value, when grouped by CORE_VALUE.' })
  coreValue(@Root() group: IndicatorGroup, @Ctx() context: Context) {
    return group.coreValueId === null ? null : context.loaders.coreValueById.load(group.coreValueId);
  }
}

@Resolver(() => IndicatorTotal)
export class IndicatorTotalResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  indicator(@Root() total: IndicatorTotal, @Ctx() context: Context) {
    return context.loaders.indicatorById.load(total.indicatorId);
  }
}

@Resolver(() => RolloutRow)
export class RolloutRowResolver {
  @FieldResolver(() => Region, { description: 'The region of the row.' })
  region(@Root() row: RolloutRow, @Ctx() context: Context) {
    return context.loaders.regionById.load(row.regionId);
  }
}

@Resolver(() => RegionCompleteness)
export class RegionCompletenessResolver {
  @FieldResolver(() => Region, { description: 'The region.' })
  region(@Root() row: RegionCompleteness, @Ctx() context: Context) {
    return context.loaders.regionById.load(row.regionId);
  }
}
