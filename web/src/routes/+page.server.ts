import { NATIONAL_OVERVIEW_QUERY, toProvinceRows, type NationalOverviewData } from '$lib/overview/overview';
import { gql } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const data = await gql<NationalOverviewData>(NATIONAL_OVERVIEW_QUERY);
	return { rows: toProvinceRows(data) };
};
