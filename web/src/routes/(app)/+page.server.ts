import { ApiError, ApiRefusal } from '$lib/server/graphql';
import { api } from '$lib/server/api';
import {
	completenessQuarter,
	historyPeriod,
	INDEX_INDICATOR,
	parseFilters,
	stageDay,
	yearPeriod,
	yearsUntil
} from '$lib/overview/filters';
import {
	NATIONAL_OVERVIEW_QUERY,
	OVERVIEW_OPTIONS_QUERY,
	type NationalOverviewData,
	type OverviewOptionsData
} from '$lib/overview/queries';
import { loadSelection } from '$lib/server/overview-selection';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ask = api(event);
	const today = new Date().toISOString().slice(0, 10);
	const programParam = event.url.searchParams.get('program') || null;
	try {
		// The options first: they decide which filter values are valid.
		let options = await ask<OverviewOptionsData>(OVERVIEW_OPTIONS_QUERY, { programCode: programParam });
		const programs = options.programs.edges.map(({ node }) => node);
		if (programParam && !programs.some((program) => program.code === programParam)) {
			options = await ask<OverviewOptionsData>(OVERVIEW_OPTIONS_QUERY, { programCode: null });
		}
		const indicators = options.indicators.edges.map(({ node }) => node);
		const filters = parseFilters(event.url.searchParams, {
			programs: programs.map((program) => program.code),
			indicators: indicators.map((indicator) => indicator.code),
			periodTypes: Object.fromEntries(indicators.map((indicator) => [indicator.code, indicator.periodType])),
			today
		});
		const asOf = stageDay(filters.year, today);
		// The province selected on the page (`?provinsi=75`), asked for alongside the national figures.
		const selection = loadSelection(ask, event.url.searchParams, filters, asOf);
		const overview = await ask<NationalOverviewData>(NATIONAL_OVERVIEW_QUERY, {
			period: yearPeriod(filters.year),
			history: historyPeriod(filters.year),
			asOf,
			indicatorCode: filters.indicator,
			indexCode: INDEX_INDICATOR,
			programCode: filters.program || null,
			completenessPeriod: completenessQuarter(filters.year, today)
		});
		return { filters, programs, indicators, years: yearsUntil(today), asOf, overview, selection: await selection, failure: null };
	} catch (cause) {
		// Sign-in and scope refusals have already turned into a redirect or an error page; what is left is the
		// API failing or refusing the figures: say so on the page, and keep the way back to the filters.
		if (!(cause instanceof ApiError || cause instanceof ApiRefusal)) throw cause;
		console.error(`[web] national overview: ${cause.message}`);
		return { filters: null, programs: [], indicators: [], years: yearsUntil(today), asOf: today, overview: null, failure: true };
	}
};
