import type { RegionRef } from '$lib/access';
import type { MessageKey } from '$lib/i18n';

const TOKEN_SELECTION = /* GraphQL */ `
	id
	name
	prefix
	region {
		code
		name
		level
	}
	createdAt
	expiresAt
	revokedAt
	lastUsedAt
`;

export const API_TOKENS_QUERY = /* GraphQL */ `
	query ApiTokens {
		apiTokens(first: 100) {
			edges {
				node {
					${TOKEN_SELECTION}
				}
			}
		}
	}
`;

export const CREATE_API_TOKEN_MUTATION = /* GraphQL */ `
	mutation CreateApiToken($input: ApiTokenInput!) {
		createApiToken(input: $input) {
			token
			apiToken {
				name
			}
		}
	}
`;

export const REVOKE_API_TOKEN_MUTATION = /* GraphQL */ `
	mutation RevokeApiToken($id: ID!) {
		revokeApiToken(id: $id) {
			name
		}
	}
`;

export interface ApiToken {
	id: string;
	name: string;
	prefix: string;
	/** The region the token is limited to; null keeps its owner's scope. */
	region: RegionRef | null;
	createdAt: string;
	expiresAt: string;
	revokedAt: string | null;
	lastUsedAt: string | null;
}

export interface ApiTokensData {
	apiTokens: { edges: { node: ApiToken }[] };
}

export interface CreatedTokenData {
	createApiToken: { token: string; apiToken: { name: string } };
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): TokenStatus {
	if (token.revokedAt) return 'revoked';
	return new Date(token.expiresAt) <= now ? 'expired' : 'active';
}

export interface TokenInput {
	name: string;
	expiresInDays: number;
	regionCode?: string;
}

export type TokenField = keyof TokenInput;

export interface TokenForm {
	input?: TokenInput;
	errors: Partial<Record<TokenField, MessageKey>>;
	/** What was typed, to show again when the form comes back with errors. */
	values: Record<TokenField, string>;
}

export function parseTokenForm(form: FormData): TokenForm {
	const values = {
		name: String(form.get('name') ?? '').trim(),
		expiresInDays: String(form.get('expiresInDays') ?? '').trim(),
		regionCode: String(form.get('regionCode') ?? '').trim()
	};
	const errors: TokenForm['errors'] = {};
	if (!values.name) errors.name = 'form.required';
	if (!values.expiresInDays) errors.expiresInDays = 'form.required';
	else if (!/^\d+$/.test(values.expiresInDays)) errors.expiresInDays = 'form.notAWholeNumber';
	if (Object.keys(errors).length) return { errors, values };

	const input: TokenInput = { name: values.name, expiresInDays: Number(values.expiresInDays) };
	if (values.regionCode) input.regionCode = values.regionCode;
	return { input, errors, values };
}
