import { env } from '$env/dynamic/private';

const DEFAULT_API_URL = 'http://127.0.0.1:4000/graphql';
// A hung API must end in an error page, not in a request that never answers.
const TIMEOUT_MS = 15_000;

/** The GraphQL API could not be reached or did not answer the query; the message says which. */
export class ApiError extends Error {
	override name = 'ApiError';
}

interface GraphQLResponse<T> {
	data?: T | null;
	errors?: { message: string; extensions?: { code?: unknown } }[];
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
	const url = env.API_URL || DEFAULT_API_URL;

	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/graphql-response+json, application/json'
			},
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
		const messages = body.errors.map(({ message, extensions }) =>
			typeof extensions?.code === 'string' ? `${message} [${extensions.code}]` : message
		);
		throw new ApiError(`GraphQL API at ${url} answered with errors: ${messages.join('; ')}`);
	}
	if (!response.ok || body.data == null) {
		throw new ApiError(`GraphQL API at ${url} answered HTTP ${response.status} without data`);
	}
	return body.data;
}

// Node's fetch reports every network failure as "fetch failed"; the useful part (ECONNREFUSED, ...) is the cause.
function reason(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
