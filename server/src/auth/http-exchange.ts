import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'berakhlak_session';

/** What the GraphQL layer needs of the HTTP request and answer, and nothing more. */
export interface HttpExchange {
  /** The client's address, the key of the per-address login slow-down. */
  address: string;
  /** A browser request sent from a page of another site (its Origin is not allowed). */
  crossSite: boolean;
  sessionSecret: string | null;
  bearerToken: string | null;
  setSessionCookie(secret: string | null, maxAgeSeconds?: number): void;
}

export function httpExchange(request: Request, response: Response, allowedOrigins: readonly string[]): HttpExchange {
  const authorization = request.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  return {
    address: request.ip ?? request.socket.remoteAddress ?? 'unknown',
    crossSite: isCrossSite(request, allowedOrigins),
    sessionSecret: readCookie(request.get('cookie') ?? '', SESSION_COOKIE),
    bearerToken: bearer ? bearer[1]! : null,
    setSessionCookie: (secret, maxAgeSeconds) => {
      const options = { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/' } as const;
      if (secret === null) response.clearCookie(SESSION_COOKIE, options);
      else response.cookie(SESSION_COOKIE, secret, { ...options, maxAge: (maxAgeSeconds ?? 0) * 1000 });
    },
  };
}

/** Same origin as the API itself, or one of the allowed ones (the dashboard's); no Origin means no browser page sent it. */
function isCrossSite(request: Request, allowedOrigins: readonly string[]): boolean {
  const origin = request.get('origin');
  if (!origin) return false;
  const own = `${request.protocol}://${request.get('host')}`;
  return origin !== own && !allowedOrigins.includes(origin);
}

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeCookieValue(value.join('='));
  }
  return null;
}

/** A cookie value as Express writes it (percent-encoded); one that does not decode is no session secret, so none. */
function decodeCookieValue(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
