import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Scope } from '../auth/scope.js';
import { groupBy } from '../common/loaders.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Attendance } from './attendance.entity.js';
import { Session } from './session.entity.js';
import { Speaker } from './speaker.entity.js';

export interface AttendancePageKey {
  sessionId: number;
  first: number;
  after: string | null;
}

export interface AttendancePage {
  rows: Attendance[];
  totalCount: number;
}

export interface EventTotals {
  participants: number;
  regions: number;
}

/** Attendance of regions outside the caller's scope is left out of every figure and page. */
function inScope(scope: Scope, column: string): [string, unknown[]] {
  const ids = scope.areaIds;
  return ids === null ? ['', []] : [` AND ${column} IN (?)`, [ids.length ? ids : [0]]];
}

export function eventLoaders(em: EntityManager, scope: Scope) {
  const [attendanceInScope, scopeParams] = inScope(scope, 'a.region_id');
  return {
    sessionsByEvent: new DataLoader<number, Session[]>(async (eventIds) => {
      const rows = await em.find(Session, { event: { $in: [...eventIds] } }, { orderBy: { startsAt: 'asc', id: 'asc' } });
      return groupBy(eventIds, rows, (row) => row.event.id);
    }),

    speakersBySession: new DataLoader<number, Speaker[]>(async (sessionIds) => {
      const rows = await em.find(Speaker, { session: { $in: [...sessionIds] } }, { orderBy: { position: 'asc' } });
      return groupBy(sessionIds, rows, (row) => row.session.id);
    }),

    coreValuesByEvent: new DataLoader<number, CoreValue[]>(async (eventIds) => {
      const rows: { event_id: number; core_value_id: number }[] = await em.getConnection().execute(
        'SELECT event_id, core_value_id FROM event_core_value WHERE event_id IN (?)',
        [[...eventIds]],
      );
      const values = await em.find(CoreValue, { id: { $in: [...new Set(rows.map((row) => row.core_value_id))] } }, { orderBy: { position: 'asc' } });
      const byId = new Map(values.map((value) => [value.id, value]));
      return groupBy(eventIds, rows, (row) => row.event_id).map((links) =>
        links.map((link) => byId.get(link.core_value_id)!).sort((a, b) => a.position - b.position),
      );
    }),

    /** Participants and regions of whole events, summed in SQL. */
    eventTotals: new DataLoader<number, EventTotals>(async (eventIds) => {
      const rows: { event_id: number; participants: string; regions: string }[] = await em.getConnection().execute(
        `SELECT s.event_id, sum(a.participants) AS participants, count(DISTINCT a.region_id) AS regions
         FROM session s JOIN attendance a ON a.session_id = s.id WHERE s.event_id IN (?)${attendanceInScope} GROUP BY s.event_id`,
        [[...eventIds], ...scopeParams],
      );
      const totals = new Map(rows.map((row) => [row.event_id, { participants: Number(row.participants), regions: Number(row.regions) }]));
      return eventIds.map((id) => totals.get(id) ?? { participants: 0, regions: 0 });
    }),

    /**
     * One page of attendance per session: all sessions asking for the same page size and cursor are
     * answered by one windowed query, so a page of events costs the same statements at any size.
     */
    attendancePage: new DataLoader<AttendancePageKey, AttendancePage, string>(
      async (keys) => {
        const pages = new Map<string, AttendancePage>();
        const groups = new Map<string, AttendancePageKey[]>();
        const pageOf = (key: AttendancePageKey) => `${key.first}:${key.after ?? ''}`;
        for (const key of keys) groups.set(pageOf(key), [...(groups.get(pageOf(key)) ?? []), key]);
        const totals = await attendanceTotals(em, [...new Set(keys.map((key) => key.sessionId))], scope);
        for (const group of groups.values()) {
          const { first, after } = group[0]!;
          // Rows after the cursor are numbered from 1 within their session, so one query serves every session.
          const rows: { session_id: number; region_id: number; participants: number }[] = await em.getConnection().execute(
            `SELECT session_id, region_id, participants FROM (
               SELECT a.session_id, a.region_id, a.participants, r.code,
                      row_number() OVER (PARTITION BY a.session_id ORDER BY r.code) AS position
               FROM attendance a JOIN region r ON r.id = a.region_id
               WHERE a.session_id IN (?) AND r.code > ?${attendanceInScope}
             ) ranked WHERE position <= ? ORDER BY session_id, code`,
            [group.map((key) => key.sessionId), after ?? '', ...scopeParams, first + 1],
          );
          for (const key of group) pages.set(cacheKey(key), { rows: [], totalCount: totals.get(key.sessionId) ?? 0 });
          for (const row of rows) {
            const page = pages.get(cacheKey({ sessionId: row.session_id, first, after }))!;
            page.rows.push(em.merge(Attendance, { session: row.session_id, region: row.region_id, participants: row.participants }));
          }
        }
        return keys.map((key) => pages.get(cacheKey(key))!);
      },
      { cacheKeyFn: cacheKey },
    ),
  };
}

async function attendanceTotals(em: EntityManager, sessionIds: number[], scope: Scope): Promise<Map<number, number>> {
  const [attendanceInScope, scopeParams] = inScope(scope, 'a.region_id');
  const rows: { session_id: number; total: string }[] = await em.getConnection().execute(
    `SELECT session_id, count(*) AS total FROM attendance a WHERE session_id IN (?)${attendanceInScope} GROUP BY session_id`,
    [sessionIds, ...scopeParams],
  );
  return new Map(rows.map((row) => [row.session_id, Number(row.total)]));
}

function cacheKey(key: AttendancePageKey): string {
  return `${key.sessionId}:${key.first}:${key.after ?? ''}`;
}
