export const NATIONAL_OVERVIEW_QUERY = /* GraphQL */ `
	query NationalOverview {
		regions(level: PROVINCE, first: 100) {
			totalCount
			edges {
				node {
					code
					name
					headcount
					regencies: children(level: REGENCY) {
						totalCount
					}
					cities: children(level: CITY) {
						totalCount
					}
				}
			}
		}
	}
`;

export interface NationalOverviewData {
	regions: {
		totalCount: number;
		edges: {
			node: {
				code: string;
				name: string;
				headcount: number;
				regencies: { totalCount: number };
				cities: { totalCount: number };
			};
		}[];
	};
}

export interface ProvinceRow {
	code: string;
	name: string;
	regencies: number;
	cities: number;
	/** Civil servants of the whole province: its own government and its regencies and cities. */
	headcount: number;
}

export interface OverviewSummary {
	provinces: number;
	regencies: number;
	cities: number;
	regenciesAndCities: number;
	headcount: number;
}

export function toProvinceRows(data: NationalOverviewData): ProvinceRow[] {
	return data.regions.edges.map(({ node }) => ({
		code: node.code,
		name: node.name,
		regencies: node.regencies.totalCount,
		cities: node.cities.totalCount,
		headcount: node.headcount
	}));
}

export function summarise(rows: readonly ProvinceRow[]): OverviewSummary {
	let regencies = 0;
	let cities = 0;
	let headcount = 0;
	for (const row of rows) {
		regencies += row.regencies;
		cities += row.cities;
		headcount += row.headcount;
	}
	return {
		provinces: rows.length,
		regencies,
		cities,
		regenciesAndCities: regencies + cities,
		headcount
	};
}
