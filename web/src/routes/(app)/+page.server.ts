import { NATIONAL_OVERVIEW_QUERY, toProvinceRows, type NationalOverviewData } from '$lib/overview/overview';
import { api } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const data = await api(event)<NationalOverviewData>(NATIONAL_OVERVIEW_QUERY);
	return { rows: toProvinceRows(data) };
};
