import { historyPeriod, INDEX_INDICATOR, yearPeriod, type OverviewFilters } from '$lib/overview/filters';
import { parseSelection, PROVINCE_SELECTION_QUERY, type ProvinceSelection, type ProvinceSelectionData } from '$lib/overview/selection';
import type { Api } from './api';
import { ApiError, ApiRefusal } from './graphql';

/** The variables of the selection query: the overview's filters, narrowed to the province. */
export function selectionVariables(code: string, filters: OverviewFilters, asOf: string) {
	return {
		regionCode: code,
		period: yearPeriod(filters.year),
		history: historyPeriod(filters.year),
		asOf,
		indicatorCode: filters.indicator,
		indexCode: INDEX_INDICATOR,
		programCode: filters.program || null
	};
}

/**
 * The figures of the province selected on the national overview (`?provinsi=75`), asked for while the national
 * ones load: the promise is meant to be awaited after them. The API failing on the province alone leaves the
 * national page standing (`failure`); a redirect or an error page still goes through. No selection asks nothing.
 */
export function loadSelection(ask: Api, params: URLSearchParams, filters: OverviewFilters, asOf: string): Promise<ProvinceSelection | null> {
	const code = parseSelection(params);
	if (code === null) return Promise.resolve(null);
	const loading = ask<ProvinceSelectionData>(PROVINCE_SELECTION_QUERY, selectionVariables(code, filters, asOf)).then(
		(figures): ProvinceSelection => ({ code, figures, failure: false }),
		(cause: unknown): ProvinceSelection => {
			if (!(cause instanceof ApiError || cause instanceof ApiRefusal)) throw cause;
			console.error(`[web] national overview, province ${code}: ${cause.message}`);
			return { code, figures: null, failure: true };
		}
	);
	// When the national figures fail first, this promise is never awaited: keep its rejection from going unhandled.
	loading.catch(() => undefined);
	return loading;
}
