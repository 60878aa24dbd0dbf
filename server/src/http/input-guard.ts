import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTNode, type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { isStorableText } from '../common/connection.js';
import { ErrorCode, invalidInput, type Problem } from '../common/errors.js';

/**
 * Refuses, before anything runs, what no resolver should have to handle: a subscription (the API
 * has none), and text PostgreSQL cannot hold (the NUL character, half of a surrogate pair) in any
 * variable or string literal, whichever argument it is meant for.
 */
export function inputGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('The API has no subscriptions; send a query or a mutation', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          const problems = [...variableProblems(request.variables ?? {}), ...literalProblems(document)];
          if (problems.length === 0) return;
          const refusal = invalidInput(problems);
          throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
        },
      };
    },
  };
}

const reason = (text: string) =>
  text.includes('\u0000') ? 'holds the NUL character (U+0000), which text cannot hold' : 'holds half of a UTF-16 surrogate pair, which is not text';

/** Every string in the variables, walked without recursion: a JSON body may nest thousands deep. */
function variableProblems(variables: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const pending: [unknown, string][] = Object.entries(variables).map(([name, value]) => [value, `$${name}`]);
  while (pending.length > 0 && problems.length < 10) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) problems.push({ argument: path, reason: reason(value) });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}[${index}]`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push([item, `${path}.${key}`]);
    }
  }
  return problems;
}

/** Every string literal of the document, named by its argument and input fields (`filter.regionCode`). */
function literalProblems(document: DocumentNode): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (isStorableText(node.value)) return;
      // `ancestors` stops short of the parent.
      const names = [...(ancestors as readonly (ASTNode | readonly ASTNode[])[]), parent as ASTNode].flatMap((ancestor) => {
        if (Array.isArray(ancestor)) return [];
        const one = ancestor as ASTNode;
        if (one.kind === Kind.ARGUMENT || one.kind === Kind.OBJECT_FIELD) return [one.name.value];
        if (one.kind === Kind.VARIABLE_DEFINITION) return [`$${one.variable.name.value}`];
        return [];
      });
      problems.push({ argument: names.join('.') || 'query', reason: reason(node.value) });
    },
  });
  return problems;
}
