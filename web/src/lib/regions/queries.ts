/** The GraphQL operations of the province and region pages (`/wilayah/[code]`) and the shapes of their answers. */
import { EVENT_ROW_FRAGMENT, type EventListItem } from '$lib/events/events';
import { ROLLOUT_ROW_FRAGMENT, STAGE_COUNTS_FRAGMENT, type IndicatorOption, type RolloutNode, type SeriesValue, type StageCount } from '$lib/overview/queries';

export type RegionLevel = 'PROVINCE' | 'REGENCY' | 'CITY';

/** The region itself, its milestones, the five milestones in order and the indicators to choose from. */
export const REGION_QUERY = /* GraphQL */ `
	query RegionPage($code: String!) {
		region(code: $code) {
			code
			name
			level
			headcount
			ancestors {
				code
				name
			}
			milestones {
				milestone {
					code
				}
				reachedOn
			}
		}
		milestones(first: 20) {
			edges {
				node {
					code
					name
					nameEn
					description
					position
				}
			}
		}
		indicators(first: 100) {
			edges {
				node {
					code
					name
					nameEn
					unit
					nationalTarget
					higherIsBetter
					periodType
					targetFor(regionCode: $code)
				}
			}
		}
	}
`;

export interface MilestoneDefinition {
	code: string;
	name: string;
	nameEn: string;
	description: string;
	position: number;
}

export interface RegionIndicator extends IndicatorOption {
	/** The region's own target, else the national default. */
	targetFor: number | null;
}

export interface RegionData {
	region: {
		code: string;
		name: string;
		level: RegionLevel;
		headcount: number;
		ancestors: { code: string; name: string }[];
		milestones: { milestone: { code: string }; reachedOn: string }[];
	};
	milestones: { edges: { node: MilestoneDefinition }[] };
	indicators: { edges: { node: RegionIndicator }[] };
}

/**
 * The figures of one area (a region with its regencies and cities, or the whole country when `$regionCode`
 * is null) for a year: every indicator's total by its own rules (one field, one SQL statement), the chosen
 * indicator's history, civil servants reached and, with `events`, events hosted. One document per area, so a
 * refusal of the province or the nation would leave the region's own figures standing.
 *
 * Without `events` the document asks only for totals of the area, which the API also gives a secretary of the
 * province around their scope and of the whole country: the comparisons of the region page.
 */
export function areaFiguresQuery({ events = true }: { events?: boolean } = {}): string {
	return /* GraphQL */ `
	query AreaFigures($regionCode: String, $period: DateRange!, $history: DateRange!, $indicatorCode: String!) {
		trend: indicatorSeries(indicatorCode: $indicatorCode, regionCode: $regionCode, period: $history) {
			periodStart
			value
		}
		coverage: coverageSeries(period: $period, periodType: YEAR, regionCode: $regionCode) {
			reached
			headcount
			coverage
		}${events ? eventsInYear : ''}
		totals: indicatorTotals(filter: { regionCode: $regionCode, period: $period }) {
			indicator {
				code
			}
			value
		}
	}
`;
}

const eventsInYear = `
		eventsInYear: eventTrends(period: $period, periodType: YEAR, regionCode: $regionCode) {
			events
			participants
		}`;

/** A type, not an interface, so that it passes as the request's `Record<string, unknown>` of variables. */
export type AreaFiguresVariables = {
	regionCode: string | null;
	period: { from: string; to: string };
	history: { from: string; to: string };
	indicatorCode: string;
};

export interface AreaFiguresData {
	trend: SeriesValue[];
	coverage: { reached: number; headcount: number; coverage: number }[];
	/** Asked for the region itself only (see `areaFiguresQuery`). */
	eventsInYear?: { events: number; participants: number }[];
	/** Every indicator's total over the area and year, by indicator code. */
	totals: { indicator: { code: string }; value: number | null }[];
}

/**
 * A region's own activity over the years: the latest events it hosted and those it took part in wherever they
 * were hosted (a national video conference, say), events hosted per year and their attendance, civil servants reached.
 */
export const REGION_ACTIVITY_QUERY = /* GraphQL */ `
	query RegionActivity($regionCode: String!, $history: DateRange!, $first: Int!) {
		events(first: $first, filter: { regionCode: $regionCode }) {
			totalCount
			edges {
				node {
					...EventRowFields
				}
			}
		}
		attended: events(first: $first, filter: { participatingRegionCode: $regionCode }) {
			totalCount
			edges {
				node {
					...EventRowFields
				}
			}
		}
		hosted: eventTrends(period: $history, periodType: YEAR, regionCode: $regionCode) {
			periodStart
			events
			sessions
			participants
		}
		reached: coverageSeries(period: $history, periodType: YEAR, regionCode: $regionCode) {
			periodStart
			reached
			headcount
			coverage
		}
	}
` + EVENT_ROW_FRAGMENT;

export interface YearActivity {
	periodStart: string;
	events: number;
	sessions: number;
	participants: number;
}

export interface YearReach {
	periodStart: string;
	reached: number;
	headcount: number;
	coverage: number;
}

export interface RegionActivityData {
	events: { totalCount: number; edges: { node: EventListItem }[] };
	attended: { totalCount: number; edges: { node: EventListItem }[] };
	hosted: YearActivity[];
	reached: YearReach[];
}

/** A province's regencies and cities ranked, and how many are at each stage. */
export const PROVINCE_QUERY = /* GraphQL */ `
	query ProvincePage($code: String!, $period: DateRange!, $asOf: LocalDate!, $indicatorCode: String!) {
		rollout(first: 100, parentCode: $code, period: $period, indicatorCode: $indicatorCode) {
			totalCount
			edges {
				node {
					...RolloutRowFields
				}
			}
		}
		regencyStages: stageDistribution(asOf: $asOf, parentCode: $code, level: REGENCY) {
			...StageCounts
		}
		cityStages: stageDistribution(asOf: $asOf, parentCode: $code, level: CITY) {
			...StageCounts
		}
	}
` + ROLLOUT_ROW_FRAGMENT + STAGE_COUNTS_FRAGMENT;

export interface ProvinceData {
	rollout: { totalCount: number; edges: { node: RolloutNode }[] };
	regencyStages: StageCount[];
	cityStages: StageCount[];
}
