import { reportingRoles, Role } from './role.js';
import type { Scope } from './scope.js';

/** Who is asking: resolved once per request from the session cookie or the bearer token. */
export interface Viewer {
  userId: number;
  email: string;
  name: string;
  role: Role;
  scope: Scope;
  /** The token that authenticated the request; null for a browser session. */
  tokenId: number | null;
}

export const canReport = (viewer: Viewer): boolean => reportingRoles.has(viewer.role);
export const isAdministrator = (viewer: Viewer): boolean => viewer.role === Role.ADMINISTRATOR;
