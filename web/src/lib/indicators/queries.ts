/** The GraphQL operations of the indicator explorer, the shapes of their answers and their variables. */
import type { IndicatorUnit } from '$lib/overview/queries';
import type { PeriodType } from '$lib/overview/filters';
import { periodRange, seriesRange, type ExplorerFilters } from './filters';

export const INDICATOR_OPTIONS_QUERY = /* GraphQL */ `
	query IndicatorExplorerOptions($withProvinces: Boolean!) {
		indicators(first: 200) {
			edges {
				node {
					code
					name
					nameEn
					periodType
					byCoreValue
					program {
						code
						name
						coreValues {
							code
							name
							nameEn
						}
					}
				}
			}
		}
		provinces: regions(level: PROVINCE, first: 100) @include(if: $withProvinces) {
			edges {
				node {
					code
					name
				}
			}
		}
	}
`;

export const INDICATOR_EXPLORER_QUERY = /* GraphQL */ `
	query IndicatorExplorer(
		$indicatorCode: String!
		$groupBy: [IndicatorGroupBy!]!
		$filter: AggregateFilter!
		$withRegions: Boolean!
		$regionLevel: RegionLevel
		$parentCode: String
		$history: DateRange!
		$seriesRegion: String
		$coreValueCode: String
	) {
		indicator(code: $indicatorCode) {
			code
			name
			nameEn
			description
			unit
			periodType
			byCoreValue
			regionAggregation
			timeAggregation
			higherIsBetter
			nationalTarget
			program {
				code
				name
			}
		}
		indicatorAggregate(indicatorCode: $indicatorCode, groupBy: $groupBy, filter: $filter, first: 200) {
			totalCount
			edges {
				node {
					area {
						code
						name
					}
					region {
						code
						name
					}
					value
					regionCount
				}
			}
		}
		regions(level: $regionLevel, parentCode: $parentCode, first: 200) @include(if: $withRegions) {
			edges {
				node {
					code
					name
				}
			}
		}
		series: indicatorSeries(
			indicatorCode: $indicatorCode
			period: $history
			periodType: YEAR
			regionCode: $seriesRegion
			coreValueCode: $coreValueCode
		) {
			periodStart
			value
		}
	}
`;

/** The yearly series of one highlighted region (with its regencies and cities, for a province). */
export const HIGHLIGHT_SERIES_QUERY = /* GraphQL */ `
	query IndicatorHighlight($indicatorCode: String!, $history: DateRange!, $regionCode: String!, $coreValueCode: String) {
		series: indicatorSeries(
			indicatorCode: $indicatorCode
			period: $history
			periodType: YEAR
			regionCode: $regionCode
			coreValueCode: $coreValueCode
		) {
			periodStart
			value
		}
	}
`;

export interface HighlightData {
	series: { periodStart: string; value: number | null }[];
}

export interface CoreValueOption {
	code: string;
	name: string;
	nameEn: string;
}

export interface IndicatorChoice {
	code: string;
	name: string;
	nameEn: string;
	periodType: PeriodType;
	byCoreValue: boolean;
	program: { code: string; name: string; coreValues: CoreValueOption[] } | null;
}

export interface ExplorerOptionsData {
	indicators: { edges: { node: IndicatorChoice }[] };
	provinces?: { edges: { node: RegionRef }[] };
}

export interface RegionRef {
	code: string;
	name: string;
}

export type RegionAggregation = 'SUM' | 'WEIGHTED_AVERAGE' | 'AVERAGE';
export type TimeAggregation = 'SUM' | 'AVERAGE' | 'LAST';

export interface IndicatorDetail {
	code: string;
	name: string;
	nameEn: string;
	description: string;
	unit: IndicatorUnit;
	periodType: PeriodType;
	byCoreValue: boolean;
	regionAggregation: RegionAggregation;
	timeAggregation: TimeAggregation;
	higherIsBetter: boolean;
	nationalTarget: number | null;
	program: { code: string; name: string } | null;
}

export interface AggregateGroup {
	area: RegionRef | null;
	region: RegionRef | null;
	value: number | null;
	regionCount: number;
}

export interface ExplorerData {
	indicator: IndicatorDetail;
	indicatorAggregate: { totalCount: number; edges: { node: AggregateGroup }[] };
	regions?: { edges: { node: RegionRef }[] };
	series: { periodStart: string; value: number | null }[];
}

/**
 * The explorer's variables. Nationally each province counts with its regencies and cities (PARENT), as on the
 * overview; within an area each region counts alone (REGION), the area's own government included in the answer.
 * A regency or city as the area (a caller limited to it) lists only itself.
 */
export function explorerVariables(filters: ExplorerFilters, areaLevel: 'PROVINCE' | 'REGENCY' | 'CITY' | null) {
	const national = filters.area === '';
	const coreValueCode = filters.coreValue || null;
	return {
		indicatorCode: filters.indicator,
		groupBy: national ? ['PARENT'] : ['REGION'],
		filter: {
			period: periodRange(filters.year, filters.period),
			...(national ? {} : { regionCode: filters.area }),
			...(coreValueCode ? { coreValueCode } : {})
		},
		withRegions: national || areaLevel === 'PROVINCE',
		regionLevel: national ? 'PROVINCE' : null,
		parentCode: national ? null : filters.area,
		history: seriesRange(filters.year),
		seriesRegion: national ? null : filters.area,
		coreValueCode
	};
}

/** The variables of the highlighted region's series: the view's indicator, years and core value. */
export function highlightVariables(filters: ExplorerFilters, code: string) {
	return {
		indicatorCode: filters.indicator,
		history: seriesRange(filters.year),
		regionCode: code,
		coreValueCode: filters.coreValue || null
	};
}
