import {
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, getNamedType, GraphQLError, type GraphQLObjectType, type GraphQLSchema, isObjectType,
  Kind, type OperationDefinitionNode, type SelectionSetNode, valueFromASTUntyped,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE } from '../common/connection.js';
import { ErrorCode } from '../common/errors.js';
import { MAX_SERIES_PERIODS } from '../common/period.js';

export const MAX_DEPTH = 12;
export const MAX_COST = 100_000;

/**
 * What a field costs beyond the default of 1 per field. `cost` is the field's own work; `listSize`
 * multiplies what is selected below a plain list. A connection multiplies what is under its `edges`
 * by its `first`.
 * An aggregate's own cost is about 20 to 40 per millisecond it takes at worst on a 2-core machine
 * with the demo data, so that the most a query may cost, however many aliases repeat it, runs
 * in seconds, not minutes.
 * `totalCost` is the price without `groupBy`: one total over an area, read from a covering index (a region
 * page compares every indicator's total, 115 of them on the national data set).
 * Documented in docs/api.md; the descriptions of these fields quote their cost.
 */
export const fieldCosts: Record<string, { cost?: number; listSize?: number; totalCost?: number }> = {
  'Query.indicatorAggregate': { cost: 1_500, totalCost: 300 },
  'Query.indicatorTotals': { cost: 1_500, listSize: 120 },
  'Query.indicatorSeries': { cost: 600, listSize: 120 },
  'Query.coverageSeries': { cost: 10_000, listSize: MAX_SERIES_PERIODS },
  'Query.rollout': { cost: 1_500 },
  'Query.stageDistribution': { cost: 200, listSize: 6 },
  'Query.reportingCompleteness': { cost: 800 },
  'Query.eventTrends': { cost: 2_000, listSize: 200 },
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
  /** Fields and fragment spreads walked so far; the walk stops past MAX_COST of them. */
  steps: number;
}

/**
 * Cost and depth of an operation, introspection fields excepted (GraphiQL's schema query is deep but cheap).
 * `complete` is false when the operation had more than MAX_COST fields and fragment spreads to
 * count, which no operation within the limit has: the walk stopped there, so a document of a few
 * kilobytes whose fragments spread each other twice over cannot keep the server counting.
 */
export function measure(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}) {
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const context: Walk = { schema, fragments, variables, steps: 0 };
  const { cost, depth } = walk(context, operation.selectionSet, root!, 1);
  return { cost, depth, complete: context.steps <= MAX_COST };
}

/**
 * `pageSize` is the `first` of the connection whose fields are being walked: it multiplies its `edges` only.
 * `spread` holds the fragments already counted in this selection set: as when it runs, a fragment
 * spread twice into one selection set counts once (and one spread inside itself never loops).
 */
function walk(context: Walk, selections: SelectionSetNode, parent: GraphQLObjectType, depth: number, pageSize = 1, spread = new Set<string>()): { cost: number; depth: number } {
  let cost = 0;
  let deepest = depth - 1;
  for (const selection of selections.selections) {
    if (context.steps > MAX_COST) break;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      context.steps += 1;
      const rule = fieldCosts[`${parent.name}.${field.name}`] ?? {};
      let own = rule.totalCost !== undefined && !grouped(context, selection) ? rule.totalCost : (rule.cost ?? 1);
      deepest = Math.max(deepest, depth);
      const type = getNamedType(field.type);
      if (selection.selectionSet && isObjectType(type)) {
        const connection = type.name.endsWith('Connection');
        const below = walk(context, selection.selectionSet, type, depth + 1, connection ? firstOf(context, selection) : 1);
        deepest = Math.max(deepest, below.depth);
        const times = field.name === 'edges' && parent.name.endsWith('Connection') ? pageSize : connection ? 1 : (rule.listSize ?? 1);
        own += below.cost * times;
      }
      cost += own;
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? context.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        if (spread.has(selection.name.value)) continue;
        spread.add(selection.name.value);
      }
      context.steps += 1;
      const type = fragment.typeCondition ? context.schema.getType(fragment.typeCondition.name.value) : parent;
      const inner = walk(context, fragment.selectionSet, isObjectType(type) ? type : parent, depth, pageSize, spread);
      cost += inner.cost;
      deepest = Math.max(deepest, inner.depth);
    }
  }
  return { cost, depth: deepest };
}

/** Whether a field is asked to group (a non-empty `groupBy`), from a literal or a variable. */
function grouped(context: Walk, selection: FieldNode): boolean {
  const groupBy = selection.arguments?.find((argument) => argument.name.value === 'groupBy');
  const value = groupBy ? valueFromASTUntyped(groupBy.value, context.variables) : undefined;
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
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
          const { cost, depth, complete } = measure(schema, document, operation, request.variables ?? {});
          if (!complete) {
            throw new GraphQLError(`Query cost exceeds the limit of ${MAX_COST}: it has more than ${MAX_COST.toLocaleString('en')} fields and fragment spreads to count`, {
              extensions: { code: ErrorCode.COST_LIMIT_EXCEEDED, limit: MAX_COST, http: { status: 400 } },
            });
          }
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
