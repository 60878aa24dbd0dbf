import {
	EVENT_ATTENDANCE_QUERY,
	EVENT_QUERY,
	type AttendancePage,
	type EventAnswer,
	type EventAttendanceAnswer,
	type EventDetail
} from '$lib/events/events';
import type { Api } from './api';
import { ApiRefusal } from './graphql';

/** A session has at most one attendance row per region (552): three pages of 200. */
const MAX_ATTENDANCE_PAGES = 5;

/**
 * The event with this code (kode kegiatan) with every session's whole attendance, or null when the API
 * has none by that code. Pass an `api` that keeps NOT_FOUND, so the page can say which event is missing.
 */
export async function eventByCode(api: Api, code: string): Promise<EventDetail | null> {
	let event: EventDetail;
	try {
		({ event } = await api<EventAnswer>(EVENT_QUERY, { code }));
	} catch (cause) {
		if (cause instanceof ApiRefusal && (cause.code === 'NOT_FOUND' || cause.code === 'BAD_USER_INPUT')) return null;
		throw cause;
	}
	const sessions = await Promise.all(
		event.sessions.map(async (session) => ({ ...session, attendance: await wholeAttendance(api, event.id, session.id, session.attendance) }))
	);
	return { ...event, sessions };
}

/** A national video conference has hundreds of regions per session: read the rest of the pages. */
async function wholeAttendance(api: Api, eventId: string, sessionId: string, first: AttendancePage): Promise<AttendancePage> {
	const edges = [...first.edges];
	let pageInfo = first.pageInfo;
	for (let page = 1; page < MAX_ATTENDANCE_PAGES && pageInfo.hasNextPage && pageInfo.endCursor; page++) {
		// The API has no session lookup, so the next page of one session comes through its event.
		const { event } = await api<EventAttendanceAnswer>(EVENT_ATTENDANCE_QUERY, { id: eventId, after: pageInfo.endCursor });
		const session = event.sessions.find((candidate) => candidate.id === sessionId);
		if (!session) break;
		edges.push(...session.attendance.edges);
		pageInfo = session.attendance.pageInfo;
	}
	return { totalCount: first.totalCount, pageInfo, edges };
}
