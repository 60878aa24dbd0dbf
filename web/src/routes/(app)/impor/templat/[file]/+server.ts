import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { parseTemplateFile } from '$lib/imports/imports';
import { ApiError } from '$lib/server/graphql';
import { fetchTemplate, passOn } from '$lib/server/imports';
import type { RequestHandler } from './$types';

/** The API's templates (`attendance.csv`, `events.json`, ...), for browsers that cannot reach the API itself. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const template = parseTemplateFile(params.file);
	if (!template) error(404, t(locals.lang, 'error.notFound'));
	let response: Response;
	try {
		response = await fetchTemplate(template.kind, template.format);
	} catch (cause) {
		throw new ApiError(`the import API is unreachable for the ${params.file} template`, { cause });
	}
	if (!response.ok) throw new ApiError(`the import API answered HTTP ${response.status} for the ${params.file} template`);
	return passOn(response, ['content-type', 'content-disposition']);
};
