import { describe, expect, it } from 'vitest';
import {
	NATIONAL_OVERVIEW_QUERY,
	summarise,
	toProvinceRows,
	type NationalOverviewData,
	type ProvinceRow
} from './overview';

function province(
	code: string,
	name: string,
	regencies: number,
	cities: number,
	headcount: number
): NationalOverviewData['regions']['edges'][number] {
	return {
		node: {
			code,
			name,
			headcount,
			regencies: { totalCount: regencies },
			cities: { totalCount: cities }
		}
	};
}

const data: NationalOverviewData = {
	regions: {
		totalCount: 3,
		edges: [
			province('11', 'Aceh', 18, 5, 168_000),
			province('75', 'Gorontalo', 5, 1, 31_500),
			province('96', 'Papua Barat Daya', 5, 1, 20_820)
		]
	}
};

describe('NATIONAL_OVERVIEW_QUERY', () => {
	it('asks for provinces with their regency and city counts', () => {
		expect(NATIONAL_OVERVIEW_QUERY).toMatch(/query NationalOverview\b/);
		expect(NATIONAL_OVERVIEW_QUERY).toMatch(/regions\(level: PROVINCE, first: 100\)/);
		expect(NATIONAL_OVERVIEW_QUERY).toMatch(/regencies: children\(level: REGENCY\)/);
		expect(NATIONAL_OVERVIEW_QUERY).toMatch(/cities: children\(level: CITY\)/);
	});
});

describe('toProvinceRows', () => {
	it('maps every province node to a row, keeping the API order', () => {
		expect(toProvinceRows(data)).toEqual<ProvinceRow[]>([
			{ code: '11', name: 'Aceh', regencies: 18, cities: 5, headcount: 168_000 },
			{ code: '75', name: 'Gorontalo', regencies: 5, cities: 1, headcount: 31_500 },
			{ code: '96', name: 'Papua Barat Daya', regencies: 5, cities: 1, headcount: 20_820 }
		]);
	});

	it('returns no rows when there are no provinces', () => {
		expect(toProvinceRows({ regions: { totalCount: 0, edges: [] } })).toEqual([]);
	});
});

describe('summarise', () => {
	it('counts provinces and sums regencies, cities and headcounts', () => {
		expect(summarise(toProvinceRows(data))).toEqual({
			provinces: 3,
			regencies: 28,
			cities: 7,
			regenciesAndCities: 35,
			headcount: 220_320
		});
	});

	it('is all zeros for no rows', () => {
		expect(summarise([])).toEqual({
			provinces: 0,
			regencies: 0,
			cities: 0,
			regenciesAndCities: 0,
			headcount: 0
		});
	});
});
