import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AnalyticsResolver, IndicatorGroupResolver, RegionCompletenessResolver, RolloutRowResolver } from '../analytics/analytics.resolver.js';
import { AttendanceResolver, EventResolver, SessionResolver } from '../events/event.resolver.js';
import { IndicatorResolver, ObservationResolver, TargetResolver } from '../indicators/indicator.resolver.js';
import { MilestoneResolver } from '../milestones/milestone.resolver.js';
import { CoreValueResolver, ProgramResolver } from '../programs/program.resolver.js';
import { RegionResolver } from '../regions/region.resolver.js';

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      RegionResolver, ProgramResolver, CoreValueResolver, EventResolver, SessionResolver, AttendanceResolver, IndicatorResolver, TargetResolver, ObservationResolver, MilestoneResolver,
      AnalyticsResolver, IndicatorGroupResolver, RolloutRowResolver, RegionCompletenessResolver,
    ],
    validate: { forbidUnknownValues: false },
  });
}
