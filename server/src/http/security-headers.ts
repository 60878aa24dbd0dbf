import type { RequestHandler } from 'express';

/** The API answers JSON and files: nothing in them may run, load, or be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * GraphiQL's page runs only scripts served from here, never inline ones; its editor sets inline
 * styles, hence the one relaxation, for styles.
 */
export const GRAPHIQL_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers on every answer of the API, set before any route so refusals and errors carry them too. */
export const securityHeaders: RequestHandler = (request, response, next) => {
  response.set({
    'Content-Security-Policy': API_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-site',
  });
  if (request.secure) response.set('Strict-Transport-Security', 'max-age=31536000');
  next();
};
