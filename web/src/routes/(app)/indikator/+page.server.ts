import { parseExplorerFilters, parseHighlight, type ExplorerFilters } from '$lib/indicators/filters';
import { yearsUntil } from '$lib/overview/filters';
import {
	explorerVariables,
	HIGHLIGHT_SERIES_QUERY,
	highlightVariables,
	INDICATOR_EXPLORER_QUERY,
	INDICATOR_OPTIONS_QUERY,
	type ExplorerData,
	type ExplorerOptionsData,
	type HighlightData
} from '$lib/indicators/queries';
import { api, type Api } from '$lib/server/api';
import { ApiError, ApiRefusal } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { viewer } = await event.parent();
	const scope = viewer.scopeRegion;
	const today = new Date().toISOString().slice(0, 10);
	// A national figure asked of a caller limited to a region is refused: the page says so rather than failing.
	const ask = api(event, { keep: ['FORBIDDEN'] });
	const base = { scope, years: yearsUntil(today), indicators: [], provinces: [], filters: null, narrowed: false, explorer: null, highlight: null };
	try {
		// The options first: they decide which choices are valid.
		const options = await ask<ExplorerOptionsData>(INDICATOR_OPTIONS_QUERY, { withProvinces: scope === null });
		const indicators = options.indicators.edges.map(({ node }) => node);
		const provinces = options.provinces?.edges.map(({ node }) => node) ?? [];
		if (indicators.length === 0) return { ...base, failure: null };
		const { narrowed, ...filters } = parseExplorerFilters(event.url.searchParams, {
			indicators: indicators.map((indicator) => ({
				code: indicator.code,
				periodType: indicator.periodType,
				coreValues: indicator.byCoreValue ? (indicator.program?.coreValues.map((value) => value.code) ?? []) : []
			})),
			areas: provinces.map((province) => province.code),
			scope,
			today
		});
		const areaLevel = filters.area === '' ? null : scope?.code === filters.area ? scope.level : 'PROVINCE';
		const code = parseHighlight(event.url.searchParams, filters.area, provinces.map((province) => province.code));
		const [explorer, highlight] = await Promise.all([
			ask<ExplorerData>(INDICATOR_EXPLORER_QUERY, explorerVariables(filters, areaLevel)),
			code ? highlightSeries(api(event, { keep: ['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'] }), filters, code) : null
		]);
		return { ...base, indicators, provinces, filters, narrowed, explorer, highlight, failure: null };
	} catch (cause) {
		if (cause instanceof ApiRefusal && cause.code === 'FORBIDDEN') return { ...base, failure: 'forbidden' as const };
		if (!(cause instanceof ApiError || cause instanceof ApiRefusal)) throw cause;
		console.error(`[web] indicator explorer: ${cause.message}`);
		return { ...base, failure: 'unavailable' as const };
	}
};

/**
 * The series of the region highlighted in the view (`?sorot=`), asked for beside the view itself. A code the API
 * does not know or refuses only loses the highlight; the page checks it against the regions it lists.
 */
async function highlightSeries(ask: Api, filters: ExplorerFilters, code: string) {
	try {
		const { series } = await ask<HighlightData>(HIGHLIGHT_SERIES_QUERY, highlightVariables(filters, code));
		return { code, series };
	} catch (cause) {
		if (!(cause instanceof ApiError || cause instanceof ApiRefusal)) throw cause;
		console.error(`[web] indicator explorer, highlighted region ${code}: ${cause.message}`);
		return { code, series: null };
	}
}
