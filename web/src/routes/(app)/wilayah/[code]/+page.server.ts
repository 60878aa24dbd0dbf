import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { historyPeriod, parseFilters, stageDay, yearPeriod, yearsUntil } from '$lib/overview/filters';
import {
	areaFiguresQuery,
	PROVINCE_QUERY,
	REGION_ACTIVITY_QUERY,
	REGION_QUERY,
	type AreaFiguresData,
	type AreaFiguresVariables,
	type ProvinceData,
	type RegionActivityData,
	type RegionData
} from '$lib/regions/queries';
import { isRegionCode } from '$lib/regions/views';
import { api } from '$lib/server/api';
import { ApiRefusal } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

/** Latest events hosted in the area, and latest it took part in, shown on the page; the explorer lists the rest. */
const EVENTS_SHOWN = 10;

export const load: PageServerLoad = async (event) => {
	const { lang } = event.locals;
	const { code } = event.params;
	if (!isRegionCode(code)) error(404, t(lang, 'region.notFound', { code }));

	// An unknown code becomes a 404 page naming it, and a region outside the person's scope the 403 page (see `api`).
	const ask = api(event);
	const base = await api(event, { keep: ['NOT_FOUND'] })<RegionData>(REGION_QUERY, { code }).catch((cause: unknown) => {
		if (cause instanceof ApiRefusal && cause.code === 'NOT_FOUND') error(404, t(lang, 'region.notFound', { code }));
		throw cause;
	});
	const { region } = base;
	const indicators = base.indicators.edges.map(({ node }) => node);
	const milestones = base.milestones.edges.map(({ node }) => node);
	const today = new Date().toISOString().slice(0, 10);
	const filters = parseFilters(event.url.searchParams, {
		programs: [],
		indicators: indicators.map((indicator) => indicator.code),
		periodTypes: Object.fromEntries(indicators.map((indicator) => [indicator.code, indicator.periodType])),
		today
	});
	const period = yearPeriod(filters.year);
	const history = historyPeriod(filters.year);
	const asOf = stageDay(filters.year, today);
	const figuresQuery = areaFiguresQuery();
	// The province and the country only as totals: what the API gives a secretary of the areas around their scope.
	const totalsQuery = areaFiguresQuery({ events: false });
	const figuresOf = (regionCode: string | null): AreaFiguresVariables => ({ regionCode, period, history, indicatorCode: filters.indicator });

	// The province and the country are comparisons. The API gives their totals to a secretary too; should it
	// refuse them all the same, the page shows the region's own figures and says why the comparisons are missing.
	const comparison = api(event, { keep: ['FORBIDDEN'] });
	const optional = <T>(request: Promise<T>): Promise<T | null> =>
		request.catch((cause: unknown) => {
			if (cause instanceof ApiRefusal && cause.code === 'FORBIDDEN') return null;
			throw cause;
		});
	const parentCode = region.ancestors[0]?.code ?? null;

	const [own, province, nation, activity, children] = await Promise.all([
		ask<AreaFiguresData>(figuresQuery, figuresOf(code)),
		parentCode ? optional(comparison<AreaFiguresData>(totalsQuery, figuresOf(parentCode))) : Promise.resolve(null),
		optional(comparison<AreaFiguresData>(totalsQuery, figuresOf(null))),
		ask<RegionActivityData>(REGION_ACTIVITY_QUERY, { regionCode: code, history, first: EVENTS_SHOWN }),
		region.level === 'PROVINCE'
			? ask<ProvinceData>(PROVINCE_QUERY, { code, period, asOf, indicatorCode: filters.indicator })
			: Promise.resolve(null)
	]);

	return {
		region,
		indicators,
		milestones,
		filters,
		years: yearsUntil(today),
		asOf,
		figures: { own, province, nation },
		provinceAvailable: parentCode === null || province !== null,
		activity,
		children
	};
};
