import { error } from '@sveltejs/kit';
import { participatingRegions } from '$lib/events/events';
import { t } from '$lib/i18n';
import { api } from '$lib/server/api';
import { eventByCode } from '$lib/server/events';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// An event outside the person's scope is a 403 page; a code nobody has is this page's own 404.
	const found = await eventByCode(api(event, { keep: ['NOT_FOUND'] }), event.params.code);
	if (!found) error(404, t(event.locals.lang, 'events.notFound'));
	return { event: found, regions: participatingRegions(found.sessions) };
};
