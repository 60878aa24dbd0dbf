/** The GraphQL operations of the national overview and the shapes of their answers. */

export const OVERVIEW_OPTIONS_QUERY = /* GraphQL */ `
	query OverviewOptions($programCode: String) {
		programs {
			edges {
				node {
					code
					name
				}
			}
		}
		indicators(first: 100, programCode: $programCode) {
			edges {
				node {
					code
					name
					nameEn
					unit
					nationalTarget
					higherIsBetter
					periodType
				}
			}
		}
	}
`;

/** A rollout row as the ranking table shows it: the overview and the province page ask for the same. */
export const ROLLOUT_ROW_FRAGMENT = /* GraphQL */ `
	fragment RolloutRowFields on RolloutRow {
		rank
		region {
			code
			name
		}
		stage {
			milestone {
				position
			}
			reachedOn
		}
		coverage {
			reached
			headcount
			ratio
		}
		events
		indicatorValue
		target
		meetsTarget
	}
`;

/** How many regions stand at each stage. */
export const STAGE_COUNTS_FRAGMENT = /* GraphQL */ `
	fragment StageCounts on StageCount {
		milestone {
			position
			name
			nameEn
		}
		regionCount
	}
`;

export const NATIONAL_OVERVIEW_QUERY = /* GraphQL */ `
	query NationalOverview(
		$period: DateRange!
		$history: DateRange!
		$asOf: LocalDate!
		$indicatorCode: String!
		$indexCode: String!
		$programCode: String
		$completenessPeriod: PeriodInput!
	) {
		rollout(first: 100, period: $period, indicatorCode: $indicatorCode, programCode: $programCode) {
			totalCount
			edges {
				node {
					...RolloutRowFields
				}
			}
		}
		provinceStages: stageDistribution(asOf: $asOf) {
			...StageCounts
		}
		regencyStages: stageDistribution(asOf: $asOf, level: REGENCY) {
			...StageCounts
		}
		cityStages: stageDistribution(asOf: $asOf, level: CITY) {
			...StageCounts
		}
		coverage: coverageSeries(period: $period, periodType: YEAR) {
			reached
			headcount
			coverage
		}
		eventsInYear: eventTrends(period: $period, periodType: YEAR, programCode: $programCode) {
			events
			participants
		}
		eventTrend: eventTrends(period: $history, periodType: QUARTER, programCode: $programCode) {
			periodStart
			events
			sessions
		}
		indicatorTrend: indicatorSeries(indicatorCode: $indicatorCode, period: $history) {
			periodStart
			value
		}
		index: indicator(code: $indexCode) {
			nationalTarget
		}
		indexTrend: indicatorSeries(indicatorCode: $indexCode, period: $history) {
			periodStart
			value
		}
		completeness: reportingCompleteness(period: $completenessPeriod) {
			periodStart
			completeness
			reported
			expected
		}
	}
` + ROLLOUT_ROW_FRAGMENT + STAGE_COUNTS_FRAGMENT;

export type IndicatorUnit = 'PERCENT' | 'SCORE' | 'COUNT' | 'DAYS';

export interface IndicatorOption {
	code: string;
	name: string;
	nameEn: string;
	unit: IndicatorUnit;
	nationalTarget: number | null;
	higherIsBetter: boolean;
	periodType: 'MONTH' | 'QUARTER' | 'YEAR';
}

export interface OverviewOptionsData {
	programs: { edges: { node: { code: string; name: string } }[] };
	indicators: { edges: { node: IndicatorOption }[] };
}

export interface RolloutNode {
	rank: number;
	region: { code: string; name: string };
	stage: { milestone: { position: number }; reachedOn: string } | null;
	coverage: { reached: number; headcount: number; ratio: number };
	events: number;
	indicatorValue: number | null;
	target: number | null;
	meetsTarget: boolean | null;
}

export interface StageCount {
	milestone: { position: number; name: string; nameEn: string } | null;
	regionCount: number;
}

export interface SeriesValue {
	periodStart: string;
	value: number | null;
}

export interface NationalOverviewData {
	rollout: { totalCount: number; edges: { node: RolloutNode }[] };
	provinceStages: StageCount[];
	regencyStages: StageCount[];
	cityStages: StageCount[];
	coverage: { reached: number; headcount: number; coverage: number }[];
	eventsInYear: { events: number; participants: number }[];
	eventTrend: { periodStart: string; events: number; sessions: number }[];
	indicatorTrend: SeriesValue[];
	index: { nationalTarget: number | null };
	indexTrend: SeriesValue[];
	completeness: { periodStart: string; completeness: number; reported: number; expected: number };
}
