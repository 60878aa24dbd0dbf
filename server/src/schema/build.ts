import 'reflect-metadata';
import { getNamedType, type GraphQLSchema, isInputObjectType } from 'graphql';
import { inputArguments } from '../common/errors.js';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from '../audit/audit.resolver.js';
import { accessGuard, accessRule } from '../auth/access.js';
import { ApiTokenResolver, UserResolver, ViewerResolver } from '../auth/auth.resolver.js';
import { AnalyticsResolver, IndicatorGroupResolver, IndicatorTotalResolver, RegionCompletenessResolver, RolloutRowResolver } from '../analytics/analytics.resolver.js';
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
      AnalyticsResolver, IndicatorGroupResolver, IndicatorTotalResolver, RolloutRowResolver, RegionCompletenessResolver,
      ViewerResolver, ApiTokenResolver, UserResolver, AuditResolver,
      EventReportingResolver, MilestoneRecordingResolver, ReportingResolver, ReportingItemResolver, MilestoneStatusResolver, PeriodReopeningResolver,
    ],
    globalMiddlewares: [accessGuard],
    validate: { forbidUnknownValues: false },
  });
  checkAccessRules(schema);
  recordInputArguments(schema);
  return schema;
}

/**
 * type-graphql validates an input object without saying which argument held it; a mutation has
 * one such argument, so its name completes the path of every failed check (`input.name`).
 */
function recordInputArguments(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const inputs = field.args.filter((argument) => isInputObjectType(getNamedType(argument.type)));
      if (inputs.length === 1) inputArguments.set(field.name, { input: inputs[0]!.name, all: new Set(field.args.map((argument) => argument.name)) });
    }
  }
}

/** A query or mutation without an access rule would be refused to everyone; refuse to start instead. */
function checkAccessRules(schema: GraphQLSchema): void {
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((type) => type !== null && type !== undefined);
  const missing = roots.flatMap((type) => Object.keys(type.getFields()).filter((field) => accessRule(field) === undefined).map((field) => `${type.name}.${field}`));
  if (missing.length > 0) throw new Error(`no access rule for ${missing.join(', ')}: add @Access(...) to each`);
}
