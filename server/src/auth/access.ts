import type { GraphQLResolveInfo } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../common/context.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { forbidden, type Scope } from './scope.js';
import { canReport, isAdministrator, type Viewer } from './viewer.js';

/**
 * Who may call a root field. Region scope is checked further in, by the services, against
 * every region the arguments name.
 * - PUBLIC: anyone, signed in or not (sign-in itself).
 * - SIGNED_IN: any signed-in user or token.
 * - REPORTER: administrators and regional secretaries.
 * - ADMINISTRATOR: administrators only, with their national scope.
 */
export type AccessRule = 'PUBLIC' | 'SIGNED_IN' | 'REPORTER' | 'ADMINISTRATOR';

const rules = new Map<string, AccessRule>();

/** Declares the rule of a query or mutation; a root field without one is refused to everybody. */
export function Access(rule: AccessRule): MethodDecorator {
  return (_prototype, name) => {
    rules.set(String(name), rule);
  };
}

/** The rule of each root field, for the schema check and the access matrix test. */
export function accessRule(field: string): AccessRule | undefined {
  return rules.get(field);
}

const allowed: Record<AccessRule, (viewer: Viewer | null) => boolean> = {
  PUBLIC: () => true,
  SIGNED_IN: (viewer) => viewer !== null,
  REPORTER: (viewer) => viewer !== null && canReport(viewer),
  // An administrator's token limited to a region acts within it, and administers nothing.
  ADMINISTRATOR: (viewer) => viewer !== null && isAdministrator(viewer) && viewer.scope.isNational,
};

/** Runs before every root field: deny by default, and say why. */
export const accessGuard: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (!isRootField(info)) return next();
  const rule = rules.get(info.fieldName);
  if (rule === undefined) throw forbidden(`${info.fieldName} has no access rule`);
  // Whatever the rule, a page of another site may not make a signed-in browser (or a sign-in) write.
  if (info.operation.operation === 'mutation' && context.http.crossSite) throw forbidden('Cross-site request refused: mutations must come from the dashboard or the API’s own pages');
  if (!allowed[rule](context.viewer)) {
    if (context.viewer === null) throw unauthenticated(context);
    const needed = rule === 'REPORTER' ? 'the role ADMINISTRATOR or SECRETARY' : 'the role ADMINISTRATOR with a national scope';
    throw forbidden(`${info.fieldName} needs ${needed}; you are ${context.viewer.role} (${context.viewer.scope.describe()})`);
  }
  return next();
};

function isRootField(info: GraphQLResolveInfo): boolean {
  return info.path.prev === undefined;
}

/** The signed-in caller of a field its rule already admitted. */
export function viewerOf(context: Context): Viewer {
  if (!context.viewer) throw unauthenticated(context);
  return context.viewer;
}

function unauthenticated(context: Context): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, context.authProblem ?? 'Sign in or send an API token (Authorization: Bearer …)');
}

/** The scope of the signed-in caller, which services check every region argument against. */
export function callerScope(context: Context): Scope {
  return viewerOf(context).scope;
}
