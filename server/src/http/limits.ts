import {
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, getNamedType, GraphQLError, type GraphQLObjectType, type GraphQLSchema, isObjectType,
  Kind, type OperationDefinitionNode, type SelectionSetNode, valueFromASTUntyped,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE } from '../common/connection.js';
import { ErrorCode } from '../common/errors.js';

export const MAX_DEPTH = 12;
export const MAX_COST = 100_000;

/**
 * What a field costs beyond the default of 1 per field. `cost` is the field's own work; `listSize`
 * multiplies what is selected below a plain list. A connection multiplies what is under its `edges`
 * by its `first`.
 * Documented in docs/api.md; the descriptions of these fields quote their cost.
 */
export const fieldCosts: Record<string, { cost?: number; listSize?: number }> = {
  'Query.indicatorAggregate': { cost: 20 },
  'Query.indicatorSeries': { cost: 10, listSize: 120 },
  'Query.coverageSeries': { cost: 20, listSize: 120 },
  'Query.rollout': { cost: 30 },
  'Query.stageDistribution': { cost: 5, listSize: 6 },
  'Query.reportingCompleteness': { cost: 10 },
  'Query.eventTrends': { cost: 10, listSize: 200 },
  'Completeness.regions': { listSize: 552 },
  'Completeness.indicators': { listSize: 120 },
  'Event.sessions': { listSize: 7 },
  'Event.coreValues': { listSize: 7 },
  'Program.coreValues': { listSize: 7 },
  'CoreValue.behaviours': { listSize: 3 },
  'Session.speakers': { listSize: 3 },
  'Region.milestones': { listSize: 5 },
  'Region.ancestors': { listSize: 1 },
  'Indicator.targets': { listSize: 40 },
};

/** A description that quotes the field's cost from the one table above. */
export function withCost(field: string, description: string): string {
  const { cost = 1 } = fieldCosts[field] ?? {};
  return `${description} Cost: ${cost}.`;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Cost and depth of an operation, introspection fields excepted (GraphiQL's schema query is deep but cheap). */
export function measure(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}) {
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return walk({ schema, fragments, variables }, operation.selectionSet, root!, 1, new Set());
}

/** `pageSize` is the `first` of the connection whose fields are being walked: it multiplies its `edges` only. */
function walk(context: Walk, selections: SelectionSetNode, parent: GraphQLObjectType, depth: number, seen: Set<string>, pageSize = 1): { cost: number; depth: number } {
  let cost = 0;
  let deepest = depth - 1;
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const rule = fieldCosts[`${parent.name}.${field.name}`] ?? {};
      let own = rule.cost ?? 1;
      deepest = Math.max(deepest, depth);
      const type = getNamedType(field.type);
      if (selection.selectionSet && isObjectType(type)) {
        const connection = type.name.endsWith('Connection');
        const below = walk(context, selection.selectionSet, type, depth + 1, seen, connection ? firstOf(context, selection) : 1);
        deepest = Math.max(deepest, below.depth);
        const times = field.name === 'edges' && parent.name.endsWith('Connection') ? pageSize : connection ? 1 : (rule.listSize ?? 1);
        own += below.cost * times;
      }
      cost += own;
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? context.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      // A fragment spread inside itself is refused by validation; the guard only keeps this walk finite.
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      if (name && seen.has(name)) continue;
      const type = fragment.typeCondition ? context.schema.getType(fragment.typeCondition.name.value) : parent;
      const inner = walk(context, fragment.selectionSet, isObjectType(type) ? type : parent, depth, name ? new Set([...seen, name]) : seen, pageSize);
      cost += inner.cost;
      deepest = Math.max(deepest, inner.depth);
    }
  }
  return { cost, depth: deepest };
}

/** The page size a connection field asks for, from a literal or a variable; the default when absent. */
function firstOf(context: Walk, selection: FieldNode): number {
  const first = selection.arguments?.find((argument) => argument.name.value === 'first');
  const value = first ? Number(valueFromASTUntyped(first.value, context.variables)) : DEFAULT_PAGE_SIZE;
  return Number.isFinite(value) && value > 0 ? value : 1;
}

/** Refuses, before anything runs, an operation deeper or costlier than the limits, naming limit and cost. */
export function limitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const { cost, depth } = measure(schema, document, operation, request.variables ?? {});
          if (depth > MAX_DEPTH) {
            throw new GraphQLError(`Query depth ${depth} exceeds the limit of ${MAX_DEPTH}`, {
              extensions: { code: ErrorCode.DEPTH_LIMIT_EXCEEDED, depth, limit: MAX_DEPTH, http: { status: 400 } },
            });
          }
          if (cost > MAX_COST) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${MAX_COST}`, {
              extensions: { code: ErrorCode.COST_LIMIT_EXCEEDED, cost, limit: MAX_COST, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
