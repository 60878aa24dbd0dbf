import { env } from '$env/dynamic/private';
import { forwardRequestId } from './request-id';

const DEFAULT_API_URL = 'http://127.0.0.1:4000/graphql';
// A hung API must end in an error page, not in a request that never answers.
const TIMEOUT_MS = 15_000;

/** The cookie holding the API session: the API sets it, the dashboard keeps it and forwards it. */
export const SESSION_COOKIE = 'berakhlak_session';

function apiUrl(): string {
	return env.API_URL || DEFAULT_API_URL;
}

/** Where the API's other endpoints (imports, templates) live: API_URL without its `/graphql`. */
export function apiBaseUrl(): string {
	return withoutGraphqlPath(apiUrl());
}

/** `http://api:4000/graphql` -> `http://api:4000`; a prefix in front of `/graphql` stays. */
export function withoutGraphqlPath(url: string): string {
	return url.replace(/\/graphql\/?$/, '').replace(/\/$/, '');
}

/** GraphiQL, served by the API itself, where browsers reach it (API_PUBLIC_URL when they cannot use API_URL). */
export function graphiqlUrl(): string {
	return new URL('/graphiql', env.API_PUBLIC_URL || apiUrl()).href;
}

/** The GraphQL API could not be reached or did not answer the query; the message says which. */
export class ApiError extends Error {
	override name = 'ApiError';
	/** The API's own code when it answered with one: RATE_LIMITED, SERVICE_UNAVAILABLE, QUERY_TIMEOUT… */
	readonly code: string | undefined;
	readonly retryAfterSeconds: number | undefined;

	constructor(message: string, options: { cause?: unknown; code?: string; retryAfterSeconds?: number } = {}) {
		super(message, { cause: options.cause });
		this.code = options.code;
		this.retryAfterSeconds = options.retryAfterSeconds;
	}
}

/** Codes of answers that are not faults but refusals a signed-in person can meet (API contract). */
const REFUSAL_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'TOO_MANY_REQUESTS'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface RefusalDetail {
	message: string;
	/** The argument a BAD_USER_INPUT error is about, e.g. `input[2].value`. */
	argument?: string;
	/** How long a TOO_MANY_REQUESTS refusal lasts. */
	retryAfterSeconds?: number;
}

/** The API understood the request and refused it: not signed in, out of scope, bad input, too many attempts. */
export class ApiRefusal extends Error {
	override name = 'ApiRefusal';

	constructor(
		readonly code: RefusalCode,
		readonly details: RefusalDetail[]
	) {
		super(`${code}: ${details.map((detail) => detail.message).join('; ')}`);
	}
}

interface GraphQLResponse<T> {
	data?: T | null;
	errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface GqlOptions {
	/** The browser's session cookie value, forwarded so the API answers as the signed-in person. */
	session?: string;
	/** The browser's address, so the API slows down failed sign-ins per person, not per dashboard. */
	clientAddress?: string;
}

/** Like `gql`, also returning the answer's headers (the login reads its Set-Cookie). */
export async function gqlWithHeaders<T>(
	query: string,
	variables: Record<string, unknown> = {},
	{ session, clientAddress }: GqlOptions = {}
): Promise<{ data: T; headers: Headers }> {
	const url = apiUrl();
	// No Origin header: the API refuses cookie-authenticated mutations that name another site.
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		accept: 'application/graphql-response+json, application/json'
	};
	if (session) headers.cookie = `${SESSION_COOKIE}=${session}`;
	if (clientAddress) headers['x-forwarded-for'] = clientAddress;
	Object.assign(headers, forwardRequestId());

	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers,
			body: JSON.stringify({ query, variables }),
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
	} catch (cause) {
		throw new ApiError(`GraphQL API at ${url} is unreachable: ${reason(cause)}`, { cause });
	}

	// GraphQL servers answer errors with 4xx/5xx too, so read the body before judging the status.
	let body: GraphQLResponse<T>;
	try {
		body = (await response.json()) as GraphQLResponse<T>;
	} catch (cause) {
		throw new ApiError(`GraphQL API at ${url} answered HTTP ${response.status} with a body that is not JSON`, {
			cause
		});
	}

	if (body.errors?.length) {
		const code = body.errors[0].extensions?.code;
		if (isRefusalCode(code)) throw new ApiRefusal(code, body.errors.flatMap(toDetails));
		const messages = body.errors.map(({ message, extensions }) =>
			typeof extensions?.code === 'string' ? `${message} [${extensions.code}]` : message
		);
		const { retryAfterSeconds } = body.errors[0].extensions ?? {};
		throw new ApiError(`GraphQL API at ${url} answered with errors: ${messages.join('; ')}`, {
			code: typeof code === 'string' ? code : undefined,
			retryAfterSeconds: typeof retryAfterSeconds === 'number' ? retryAfterSeconds : undefined
		});
	}
	if (!response.ok || body.data == null) {
		throw new ApiError(`GraphQL API at ${url} answered HTTP ${response.status} without data`);
	}
	return { data: body.data, headers: response.headers };
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<T> {
	return (await gqlWithHeaders<T>(query, variables, options)).data;
}

function isRefusalCode(code: unknown): code is RefusalCode {
	return (REFUSAL_CODES as readonly unknown[]).includes(code);
}

/** Reasons of one error: BAD_USER_INPUT lists every problem as `{ argument, reason }`; other refusals have one message. */
function toDetails({ message, extensions = {} }: { message: string; extensions?: Record<string, unknown> }): RefusalDetail[] {
	if (Array.isArray(extensions.problems) && extensions.problems.length) {
		return extensions.problems.map(({ argument, reason }: { argument: string; reason: string }) => ({ message: reason, argument }));
	}
	const detail: RefusalDetail = { message };
	if (typeof extensions.argument === 'string') detail.argument = extensions.argument;
	if (typeof extensions.retryAfterSeconds === 'number') detail.retryAfterSeconds = extensions.retryAfterSeconds;
	return [detail];
}

// Node's fetch reports every network failure as "fetch failed"; the useful part (ECONNREFUSED, ...) is the cause.
function reason(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
