import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, callerScope, viewerOf } from '../auth/access.js';
import type { Context } from '../common/context.js';
import { Milestone } from '../milestones/milestone.entity.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Region } from '../regions/region.entity.js';
import { IndicatorAdministration } from './administration.js';
import { Observation } from './observation.entity.js';
import { PeriodReopening } from './period-reopening.entity.js';
import { reportingStatus } from './reporting-status.js';
import { MAX_OBSERVATIONS_PER_CALL, ObservationReporting } from './reporting.service.js';
import { MilestoneStatus, ObservationInput, ReopenPeriodInput, ReportingItem, ReportingStatus, ReportingStatusArgs, TargetInput } from './reporting.types.js';
import { Target } from './target.entity.js';

const administration = (context: Context) => new IndicatorAdministration(context.em, context.loaders, viewerOf(context));

@Resolver(() => ReportingStatus)
export class ReportingResolver {
  @Access('SIGNED_IN')
  @Query(() => ReportingStatus, { description: 'What a region has reported for the periods now due and what is missing, with its milestones.' })
  reportingStatus(@Args() args: ReportingStatusArgs, @Ctx() context: Context) {
    return reportingStatus(context.em, context.loaders, callerScope(context), context.periodLockDays, args);
  }

  @Access('REPORTER')
  @Mutation(() => [Observation], {
    description: `Enters or corrects up to ${MAX_OBSERVATIONS_PER_CALL} values for regions in the caller’s scope, all or none: BAD_USER_INPUT lists every problem (\`extensions.problems\`, each naming its \`input[i].field\`), FORBIDDEN names a region outside the scope.`,
  })
  reportObservations(@Arg('input', () => [ObservationInput], { description: 'The values.' }) input: ObservationInput[], @Ctx() context: Context) {
    return new ObservationReporting(context.em, viewerOf(context), context.periodLockDays).report(input);
  }

  @Access('ADMINISTRATOR')
  @Mutation(() => PeriodReopening, { description: 'Opens a locked period again for one region, for some days. Administrators only.' })
  reopenPeriod(@Arg('input', () => ReopenPeriodInput, { description: 'The period and region.' }) input: ReopenPeriodInput, @Ctx() context: Context) {
    return administration(context).reopen(input);
  }

  @Access('ADMINISTRATOR')
  @Mutation(() => Target, { nullable: true, description: 'Sets an indicator’s national target or a region’s own; null when a region’s own target was removed. Administrators only.' })
  setTarget(@Arg('input', () => TargetInput, { description: 'The target.' }) input: TargetInput, @Ctx() context: Context) {
    return administration(context).setTarget(input);
  }

  @FieldResolver(() => Region, { description: 'The region checked.' })
  region(@Root() status: ReportingStatus, @Ctx() context: Context) {
    return context.loaders.regionById.load(status.regionId);
  }
}

@Resolver(() => ReportingItem)
export class ReportingItemResolver {
  @FieldResolver(() => CoreValue, { nullable: true, description: 'The core value, for an indicator reported per core value.' })
  coreValue(@Root() item: ReportingItem, @Ctx() context: Context) {
    return item.coreValueId === null ? null : context.loaders.coreValueById.load(item.coreValueId);
  }
}

@Resolver(() => MilestoneStatus)
export class MilestoneStatusResolver {
  @FieldResolver(() => Milestone, { description: 'The milestone.' })
  milestone(@Root() status: MilestoneStatus, @Ctx() context: Context) {
    return context.loaders.milestonesById.load(status.milestoneId);
  }
}

@Resolver(() => PeriodReopening)
export class PeriodReopeningResolver {
  @FieldResolver(() => Region, { description: 'The region that may write the period again.' })
  region(@Root() reopening: PeriodReopening, @Ctx() context: Context) {
    return context.loaders.regionById.load(reopening.region.id);
  }
}
