import { Arg, Args, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { Access, callerScope } from '../auth/access.js';
import type { Context } from '../common/context.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Program } from '../programs/program.entity.js';
import { Region } from '../regions/region.entity.js';
import { IndicatorsArgs, ObservationsArgs, TargetForArgs } from './indicator.args.js';
import { Indicator } from './indicator.entity.js';
import { IndicatorService } from './indicator.service.js';
import { IndicatorConnection, ObservationConnection } from './indicator.types.js';
import { Observation } from './observation.entity.js';
import { Target } from './target.entity.js';

const service = (context: Context) => new IndicatorService(context.em, context.loaders, callerScope(context));

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Access('SIGNED_IN')
  @Query(() => Indicator, { description: 'One indicator by code; NOT_FOUND when none has it.' })
  indicator(@Arg('code', { description: 'Indicator code.' }) code: string, @Ctx() context: Context) {
    return service(context).byCode(code);
  }

  @Access('SIGNED_IN')
  @Query(() => IndicatorConnection, { description: 'Indicators ordered by code.' })
  indicators(@Args() args: IndicatorsArgs, @Ctx() context: Context) {
    return service(context).list(args);
  }

  @Access('SIGNED_IN')
  @Query(() => ObservationConnection, { description: 'Reported values, filtered by indicator, region (with its regencies and cities), period and core value.' })
  observations(@Args() args: ObservationsArgs, @Ctx() context: Context) {
    return service(context).observations(args);
  }

  @FieldResolver(() => Program, { nullable: true, description: 'The program the indicator belongs to, if any.' })
  program(@Root() indicator: Indicator, @Ctx() context: Context) {
    return service(context).program(indicator);
  }

  @FieldResolver(() => [Target], { description: 'Targets: the national default first, then region overrides.' })
  targets(@Root() indicator: Indicator, @Ctx() context: Context) {
    return service(context).targets(indicator);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The national default target.' })
  nationalTarget(@Root() indicator: Indicator, @Ctx() context: Context) {
    return service(context).nationalTarget(indicator);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The target that applies to a region: its override, else the national default.' })
  targetFor(@Root() indicator: Indicator, @Args() args: TargetForArgs, @Ctx() context: Context) {
    return service(context).targetFor(indicator, args.regionCode);
  }
}

@Resolver(() => Target)
export class TargetResolver {
  @FieldResolver(() => Region, { nullable: true, description: 'The region of an override; null for the national default.' })
  region(@Root() target: Target) {
    return target.region ? target.region.load() : null;
  }
}

@Resolver(() => Observation)
export class ObservationResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator observed.' })
  indicator(@Root() observation: Observation) {
    return observation.indicator.load();
  }

  @FieldResolver(() => Region, { description: 'The region reported for.' })
  region(@Root() observation: Observation) {
    return observation.region.load();
  }

  @FieldResolver(() => CoreValue, { nullable: true, description: 'The core value, for indicators reported per value.' })
  coreValue(@Root() observation: Observation) {
    return observation.coreValue ? observation.coreValue.load() : null;
  }
}
