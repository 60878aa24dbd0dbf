import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from '../audit/audit.resolver.js';
import { accessGuard, accessRule } from '../auth/access.js';
import { ApiTokenResolver, UserResolver, ViewerResolver } from '../auth/auth.resolver.js';
import { AnalyticsResolver, IndicatorGroupResolver, RegionCompletenessResolver, RolloutRowResolver } from '../analytics/analytics.resolver.js';
import { AttendanceResolver, EventReportingResolver, EventResolver, SessionResolver } from '../events/event.resolver.js';
import { IndicatorResolver, ObservationResolver, TargetResolver } from '../indicators/indicator.resolver.js';
import { MilestoneRecordingResolver, MilestoneResolver } from '../milestones/milestone.resolver.js';
import { MilestoneStatusResolver, PeriodReopeningResolver, ReportingItemResolver, ReportingResolver } from '../indicators/reporting.resolver.js';
import { CoreValueResolver, ProgramResolver } from '../programs/program.resolver.js';
import { RegionResolver } from '../regions/region.resolver.js';

export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      RegionResolver, ProgramResolver, CoreValueResolver, EventResolver, SessionResolver, AttendanceResolver, IndicatorResolver, TargetResolver, ObservationResolver, MilestoneResolver,
      AnalyticsResolver, IndicatorGroupResolver, RolloutRowResolver, RegionCompletenessResolver,
      ViewerResolver, ApiTokenResolver, UserResolver, AuditResolver,
      EventReportingResolver, MilestoneRecordingResolver, ReportingResolver, ReportingItemResolver, MilestoneStatusResolver, PeriodReopeningResolver,
    ],
    globalMiddlewares: [accessGuard],
    validate: { forbidUnknownValues: false },
  });
  checkAccessRules(schema);
  return schema;
}

/** A query or mutation without an access rule would be refused to everyone; refuse to start instead. */
function checkAccessRules(schema: GraphQLSchema): void {
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((type) => type !== null && type !== undefined);
  const missing = roots.flatMap((type) => Object.keys(type.getFields()).filter((field) => accessRule(field) === undefined).map((field) => `${type.name}.${field}`));
  if (missing.length > 0) throw new Error(`no access rule for ${missing.join(', ')}: add @Access(...) to each`);
}
