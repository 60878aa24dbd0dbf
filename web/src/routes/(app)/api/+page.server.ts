import { fail } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { api } from '$lib/server/api';
import { ApiRefusal, graphiqlUrl } from '$lib/server/graphql';
import { inputErrors, localErrors } from '$lib/server/input-errors';
import {
	API_TOKENS_QUERY,
	CREATE_API_TOKEN_MUTATION,
	parseTokenForm,
	REVOKE_API_TOKEN_MUTATION,
	tokenStatus,
	type ApiTokensData,
	type CreatedTokenData
} from '$lib/tokens/tokens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { apiTokens } = await api(event)<ApiTokensData>(API_TOKENS_QUERY);
	const now = new Date();
	return {
		graphiqlUrl: graphiqlUrl(),
		tokens: apiTokens.edges.map(({ node }) => ({ ...node, status: tokenStatus(node, now) }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { lang } = event.locals;
		const { input, values, errors } = parseTokenForm(await event.request.formData());
		if (!input) return fail(400, { create: { values, errors: localErrors(lang, errors), message: t(lang, 'form.checkFields') } });

		let created: CreatedTokenData['createApiToken'];
		try {
			created = (await api(event)<CreatedTokenData>(CREATE_API_TOKEN_MUTATION, { input })).createApiToken;
		} catch (cause) {
			if (!(cause instanceof ApiRefusal && cause.code === 'BAD_USER_INPUT')) throw cause;
			const fields = inputErrors(cause.details, ({ name }) => (name in values ? name : undefined));
			return fail(400, { create: { values, errors: fields.errors, message: fields.message ?? t(lang, 'form.checkFields') } });
		}
		// The secret goes to this one answer and nowhere else: it is not stored, logged or put in the address.
		return {
			create: { success: t(lang, 'tokens.createdMessage', { name: created.apiToken.name }), secret: created.token }
		};
	},

	revoke: async (event) => {
		const id = String((await event.request.formData()).get('id') ?? '');
		const { revokeApiToken } = await api(event)<{ revokeApiToken: { name: string } }>(REVOKE_API_TOKEN_MUTATION, { id });
		return { revoke: { success: t(event.locals.lang, 'tokens.revokedMessage', { name: revokeApiToken.name }) } };
	}
};
