/**
 * Cross-filtering on the national overview: a province picked on the map, the ranking chart or the table is
 * selected for the whole page. The selection lives in the query string (`?...&provinsi=75`), so it works as a
 * plain link without script, the back button undoes it, and a selected view can be bookmarked or shared.
 * The other charts then show the province's figures next to (or instead of) the national ones.
 */
import { TILES } from '$lib/map/layout';
import { withParam } from '$lib/url';
import { STAGE_COUNTS_FRAGMENT, type SeriesValue, type StageCount } from './queries';

export const SELECTION_PARAM = 'provinsi';

const PROVINCE_CODES: ReadonlySet<string> = new Set(TILES.map((tile) => tile.code));

/** The selected province of a query string: one of the 38 province codes, or null (none, or anything else). */
export function parseSelection(params: URLSearchParams): string | null {
	const code = params.get(SELECTION_PARAM)?.trim() ?? '';
	return PROVINCE_CODES.has(code) ? code : null;
}

/** A query string (as `filterQuery` makes it) with the province selected, or with none when `code` is null. */
export function withSelection(query: string, code: string | null): string {
	return withParam(query, SELECTION_PARAM, code);
}

export const PROVINCE_SELECTION_QUERY = /* GraphQL */ `
	query ProvinceSelection(
		$regionCode: String!
		$period: DateRange!
		$history: DateRange!
		$asOf: LocalDate!
		$indicatorCode: String!
		$indexCode: String!
		$programCode: String
	) {
		regencyStages: stageDistribution(asOf: $asOf, parentCode: $regionCode, level: REGENCY) {
			...StageCounts
		}
		cityStages: stageDistribution(asOf: $asOf, parentCode: $regionCode, level: CITY) {
			...StageCounts
		}
		coverage: coverageSeries(period: $period, periodType: QUARTER, regionCode: $regionCode) {
			periodStart
			coverage
		}
		nationalCoverage: coverageSeries(period: $period, periodType: QUARTER) {
			periodStart
			coverage
		}
		eventTrend: eventTrends(period: $history, periodType: QUARTER, programCode: $programCode, regionCode: $regionCode) {
			periodStart
			events
			sessions
		}
		indicatorTrend: indicatorSeries(indicatorCode: $indicatorCode, period: $history, regionCode: $regionCode) {
			periodStart
			value
		}
		indexTrend: indicatorSeries(indicatorCode: $indexCode, period: $history, regionCode: $regionCode) {
			periodStart
			value
		}
	}
` + STAGE_COUNTS_FRAGMENT;

export interface CoverageValue {
	periodStart: string;
	/** Share of the civil servants reached from the start of the year to the end of the period, 0 to 1. */
	coverage: number;
}

export interface ProvinceSelectionData {
	regencyStages: StageCount[];
	cityStages: StageCount[];
	coverage: CoverageValue[];
	nationalCoverage: CoverageValue[];
	eventTrend: { periodStart: string; events: number; sessions: number }[];
	indicatorTrend: SeriesValue[];
	indexTrend: SeriesValue[];
}

export interface ProvinceSelection {
	code: string;
	/** The province's figures; null when the API could not give them (`failure`). */
	figures: ProvinceSelectionData | null;
	failure: boolean;
}
