import { fail, redirect } from '@sveltejs/kit';
import { loginPath } from '$lib/access';
import { t } from '$lib/i18n';
import { canImport, parseUploadForm, readImportAnswer, type ImportAnswer, type UploadForm } from '$lib/imports/imports';
import { SESSION_COOKIE } from '$lib/server/graphql';
import { auditFileName, sendImport, tooLarge, tooLargeMessage, uploadLimit } from '$lib/server/imports';
import { localErrors } from '$lib/server/input-errors';
import { dropSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { viewer } = await event.parent();
	const limit = uploadLimit();
	return {
		// Everyone signed in may open the page; those who may not import read why instead of finding a form.
		mayImport: canImport(viewer),
		role: viewer.user.role,
		scope: viewer.scopeRegion,
		maxBytes: Number.isFinite(limit) ? limit : null
	};
};

/** What the page shows after a post without JavaScript: the choices made, the form's own reasons, or the API's answer. */
interface Outcome {
	values: UploadForm['values'];
	errors?: Record<string, string>;
	message?: string;
	answer?: ImportAnswer;
}

const NO_VALUES: UploadForm['values'] = { kind: '', dryRun: false };

export const actions: Actions = {
	// Without JavaScript the form posts here: the file arrives whole in the form data and goes on to the API from memory.
	default: async (event) => {
		const { lang } = event.locals;
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch (cause) {
			if (!tooLarge(cause)) throw cause;
			const error = { code: 'FILE_TOO_LARGE', message: tooLargeMessage(uploadLimit()) };
			return fail(413, { values: NO_VALUES, answer: { status: 413, error } } satisfies Outcome);
		}

		const { values, errors, upload } = parseUploadForm(form);
		if (!upload) return fail(400, { values, errors: localErrors(lang, errors), message: t(lang, 'form.checkFields') } satisfies Outcome);

		const fileName = auditFileName(upload.file.name);
		let answer: ImportAnswer;
		try {
			const response = await sendImport({
				kind: upload.kind,
				body: upload.file,
				contentType: upload.contentType,
				session: event.cookies.get(SESSION_COOKIE) ?? '',
				dryRun: upload.dryRun,
				fileName,
				signal: event.request.signal
			});
			answer = readImportAnswer(response.status, await response.text());
		} catch (cause) {
			console.error(`[web] POST ${event.url.pathname}: the import API is unreachable`, cause);
			answer = { status: 502, error: { code: 'API_UNAVAILABLE', message: 'the import service could not be reached' } };
		}
		if (answer.status === 401) {
			dropSession(event.cookies);
			redirect(303, loginPath(event.url));
		}

		const outcome = { values, answer: { ...answer, fileName: fileName ?? undefined } } satisfies Outcome;
		if (answer.status >= 200 && answer.status < 300) return outcome;
		return fail(answer.status >= 400 && answer.status <= 599 ? answer.status : 502, outcome);
	}
};
