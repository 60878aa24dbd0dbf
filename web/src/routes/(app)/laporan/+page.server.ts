import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { formatDay, t } from '$lib/i18n';
import {
	canChooseRegion,
	nameIn,
	parseFigures,
	parseMilestone,
	RECORD_MILESTONE_MUTATION,
	REPORT_OBSERVATIONS_MUTATION,
	REPORTING_STATUS_QUERY,
	reportingRegion,
	type RecordedMilestone,
	type ReportingStatus
} from '$lib/reporting/reporting';
import { api } from '$lib/server/api';
import { ApiRefusal } from '$lib/server/graphql';
import { inputErrors, localErrors } from '$lib/server/input-errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { viewer } = await event.parent();
	if (!viewer.canReport) error(403, t(event.locals.lang, 'error.forbidden'));

	const regionCode = reportingRegion(event.url, viewer);
	const found = regionCode ? await statusOf(event, regionCode) : { status: null };
	return { canChoose: canChooseRegion(viewer), regionCode, ...found };
};

/** The reporting status of a region; an unknown region code (typed into the address or the picker) gets a reason. */
async function statusOf(event: RequestEvent, regionCode: string): Promise<{ status: ReportingStatus | null; regionError?: string }> {
	try {
		const data = await api(event)<{ reportingStatus: ReportingStatus }>(REPORTING_STATUS_QUERY, { regionCode });
		return { status: data.reportingStatus };
	} catch (cause) {
		if (!(cause instanceof ApiRefusal && cause.code === 'BAD_USER_INPUT')) throw cause;
		return { status: null, regionError: t(event.locals.lang, 'reporting.unknownRegion', { code: regionCode }) };
	}
}

export const actions: Actions = {
	observations: async (event) => {
		const { lang } = event.locals;
		const parsed = parseFigures(await event.request.formData(), formRegion(event));
		const { values } = parsed;
		if (Object.keys(parsed.errors).length) {
			return fail(400, { observations: { values, errors: localErrors(lang, parsed.errors), message: t(lang, 'form.checkFields') } });
		}
		if (!parsed.input.length) {
			return fail(400, { observations: { values, errors: {}, message: t(lang, 'reporting.nothingChanged') } });
		}
		try {
			await api(event)(REPORT_OBSERVATIONS_MUTATION, { input: parsed.input });
		} catch (cause) {
			if (!(cause instanceof ApiRefusal && cause.code === 'BAD_USER_INPUT')) throw cause;
			// The API names rows by their place in the input (`input[2].value`); the form knows which figure that was.
			const { errors, message } = inputErrors(cause.details, ({ index }) => (index === undefined ? undefined : parsed.keys[index]));
			return fail(400, { observations: { values, errors, message: message ?? t(lang, 'form.checkFields') } });
		}
		return { observations: { success: t(lang, 'reporting.saved', { count: parsed.input.length }) } };
	},

	milestone: async (event) => {
		const { lang } = event.locals;
		const regionCode = formRegion(event);
		const { input, values, errors } = parseMilestone(await event.request.formData());
		if (!input) return fail(400, { milestone: { values, errors: localErrors(lang, errors), message: t(lang, 'form.checkFields') } });

		let recorded: RecordedMilestone['recordMilestone'];
		try {
			const data = await api(event)<RecordedMilestone>(RECORD_MILESTONE_MUTATION, { input: { regionCode, ...input } });
			recorded = data.recordMilestone;
		} catch (cause) {
			if (!(cause instanceof ApiRefusal && cause.code === 'BAD_USER_INPUT')) throw cause;
			const fields = inputErrors(cause.details, ({ name }) => (name in values ? name : undefined));
			return fail(400, { milestone: { values, errors: fields.errors, message: fields.message ?? t(lang, 'form.checkFields') } });
		}
		return {
			milestone: {
				success: t(lang, 'reporting.milestoneSaved', {
					milestone: nameIn(lang, recorded.milestone),
					date: formatDay(lang, recorded.reachedOn)
				})
			}
		};
	}
};

/** The forms post to `?wilayah=<code>&/<action>`: the region the page showed. */
function formRegion(event: RequestEvent): string {
	const code = event.url.searchParams.get('wilayah');
	if (!code) error(400, t(event.locals.lang, 'reporting.pickRegion'));
	return code;
}
