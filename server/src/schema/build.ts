import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CoreValueResolver, ProgramResolver } from '../programs/program.resolver.js';
import { RegionResolver } from '../regions/region.resolver.js';

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [RegionResolver, ProgramResolver, CoreValueResolver],
    validate: { forbidUnknownValues: false },
  });
}
