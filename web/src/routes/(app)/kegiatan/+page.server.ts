import { t } from '$lib/i18n';
import {
	EVENT_PROGRAMS_QUERY,
	EVENTS_QUERY,
	eventsVariables,
	hasErrors,
	isFiltered,
	pageLinks,
	parseEventsQuery,
	PARAM,
	type EventListItem,
	type EventsAnswer,
	type FilterField,
	type PageLinks,
	type ProgramsAnswer
} from '$lib/events/events';
import { api } from '$lib/server/api';
import { ApiRefusal } from '$lib/server/graphql';
import { inputErrors, localErrors } from '$lib/server/input-errors';
import type { PageServerLoad } from './$types';

/** The API's filter arguments, by the form field that set them. */
const FIELD_OF_ARGUMENT: Record<string, FilterField> = {
	programCode: PARAM.program,
	regionCode: PARAM.region,
	period: PARAM.to,
	from: PARAM.from,
	to: PARAM.to,
	search: PARAM.search
};

interface Shown {
	result: { totalCount: number; events: EventListItem[]; page: PageLinks } | null;
	/** Reasons by form field. */
	errors: Record<string, string>;
	/** What the page says above the table instead of the list. */
	message?: string;
	/** The API refused the filter: a region outside the person's scope. */
	forbidden: boolean;
}

export const load: PageServerLoad = async (event) => {
	const { lang } = event.locals;
	const query = parseEventsQuery(event.url.searchParams);
	const base = { values: query.values, filtered: isFiltered(query) };
	const programs = api(event)<ProgramsAnswer>(EVENT_PROGRAMS_QUERY).then((data) => data.programs.edges.map(({ node }) => node));
	const show = async (shown: Shown) => ({ ...base, programs: await programs, ...shown });

	if (hasErrors(query)) {
		return show({ result: null, errors: localErrors(lang, query.errors), message: t(lang, 'form.checkFields'), forbidden: false });
	}

	// A filter naming a region outside the person's scope is refused by the API: the page says so itself.
	const events = api(event, { keep: ['FORBIDDEN'] })<EventsAnswer>(EVENTS_QUERY, eventsVariables(query)).then(
		(data) => ({ ok: true as const, data }),
		(cause: unknown) => ({ ok: false as const, cause })
	);
	// Both requests run together; awaiting them as one also keeps a failed programs list from going unhandled.
	const [, answer] = await Promise.all([programs, events]);
	if (answer.ok) {
		const { totalCount, pageInfo, edges } = answer.data.events;
		const page = pageLinks(event.url.searchParams, query, pageInfo);
		return show({ result: { totalCount, events: edges.map(({ node }) => node), page }, errors: {}, forbidden: false });
	}

	const { cause } = answer;
	if (!(cause instanceof ApiRefusal)) throw cause;
	if (cause.code === 'FORBIDDEN') {
		const { viewer } = await event.parent();
		const scope = viewer.scopeRegion?.name ?? t(lang, 'session.national');
		return show({ result: null, errors: {}, message: t(lang, 'events.forbidden', { scope }), forbidden: true });
	}
	if (cause.code !== 'BAD_USER_INPUT') throw cause;
	// An unknown program or region code, a cursor from another list: next to the field, else above the table.
	const { errors, message } = inputErrors(cause.details, ({ name }) => FIELD_OF_ARGUMENT[name]);
	return show({ result: null, errors, message: message ?? t(lang, 'form.checkFields'), forbidden: false });
};
