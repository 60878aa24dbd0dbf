import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
