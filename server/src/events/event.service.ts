import { type EntityManager, type FilterQuery, raw } from '@mikro-orm/postgresql';
import { type Connection, decodeCursor, decodeKeyCursor, type PageArgs, toConnection } from '../common/connection.js';
import { badInput, notFound } from '../common/errors.js';
import type { Loaders } from '../common/loaders.js';
import { forbidden, type Scope } from '../auth/scope.js';
import { checkRange, dayAfter } from '../common/period.js';
import { Program } from '../programs/program.entity.js';
import type { Region } from '../regions/region.entity.js';
import { RegionService } from '../regions/region.service.js';
import type { Attendance } from './attendance.entity.js';
import type { EventFilter, EventsArgs } from './event.args.js';
import { Event } from './event.entity.js';
import type { EventTotals } from './event.loaders.js';
import type { Session } from './session.entity.js';
import type { Speaker } from './speaker.entity.js';
import { findByIntegerId } from '../common/ids.js';

export class EventService {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders, private readonly scope: Scope) {}

  /** An event by its id or its code, whichever the caller gives. */
  async byKey(id: string | null, code: string | null): Promise<Event> {
    if ((id === null) === (code === null)) throw badInput(id === null ? 'id' : 'code', 'give either id or code, not both and not neither');
    const argument = id === null ? 'code' : 'id';
    const key = (id ?? code)!;
    const event = id === null ? await this.em.findOne(Event, { code: key }) : await findByIntegerId(this.em, Event, key);
    if (!event) throw notFound('event', key);
    if (!this.scope.isNational && (await this.em.count(Event, { $and: [{ id: event.id }, this.visible()] })) === 0) {
      throw forbidden(`${argument}: event ${key} neither took place in nor was attended from your scope (${this.scope.describe()})`, argument);
    }
    return event;
  }

  async list(args: EventsArgs): Promise<Connection<Event>> {
    const { filtered, attendedBy } = await this.where(args.filter ?? {});
    // A raw fragment serves one query only, so each query gets its own copy of the attendance and scope conditions.
    const where = (): FilterQuery<Event> => {
      const conditions = [...(attendedBy ? [attendedFrom(attendedBy)] : []), ...(this.scope.isNational ? [] : [this.visible()])];
      return conditions.length ? { $and: [filtered, ...conditions] } : filtered;
    };
    const after = decodeKeyCursor(args.after, ['timestamp', 'int']);
    const page: FilterQuery<Event> = after === null ? where() : {
      $and: [where(), { $or: [{ startsAt: { $lt: new Date(after[0]) } }, { startsAt: new Date(after[0]), id: { $lt: after[1] } }] }],
    };
    const [rows, totalCount] = await Promise.all([
      this.em.find(Event, page, { orderBy: { startsAt: 'desc', id: 'desc' }, limit: args.first + 1 }),
      this.em.count(Event, where()),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => JSON.stringify([row.startsAt.toISOString(), row.id]));
  }

  /** The filter's conditions; `attendedBy`, the area whose attendance an event must have, goes in per query as raw SQL. */
  private async where(filter: EventFilter): Promise<{ filtered: FilterQuery<Event>; attendedBy: number[] | null }> {
    checkRange(filter.period, 'filter.period');
    const where: FilterQuery<Event> & Record<string, unknown> = {};
    if (filter.programCode) {
      const program = await this.em.findOne(Program, { code: filter.programCode });
      if (!program) throw badInput('filter.programCode', `no program has code ${filter.programCode}`);
      where.program = program.id;
    }
    if (filter.kinds?.length) where.kind = { $in: filter.kinds };
    if (filter.modes?.length) where.mode = { $in: filter.modes };
    if (filter.statuses?.length) where.status = { $in: filter.statuses };
    if (filter.period?.from || filter.period?.to) {
      where.startsAt = {
        ...(filter.period.from ? { $gte: new Date(`${filter.period.from}T00:00:00Z`) } : {}),
        ...(filter.period.to ? { $lt: new Date(`${dayAfter(filter.period.to)}T00:00:00Z`) } : {}),
      };
    }
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
      where.$or = [{ title: { $ilike: pattern } }, { organiser: { $ilike: pattern } }, { venue: { $ilike: pattern } }, { code: { $ilike: pattern } }];
    }
    if (filter.regionCode) where.hostRegion = { $in: await new RegionService(this.em, this.loaders, this.scope).areaIds(filter.regionCode, 'filter.regionCode') };
    const attendedBy = filter.participatingRegionCode
      ? await new RegionService(this.em, this.loaders, this.scope).areaIds(filter.participatingRegionCode, 'filter.participatingRegionCode')
      : null;
    if (filter.national === true) where.hostRegion = null;
    if (filter.national === false && !filter.regionCode) where.hostRegion = { $ne: null };
    return { filtered: where, attendedBy };
  }

  /**
   * What a caller limited to one region sees of the events: those its regions hosted, and those
   * they attended (a national video conference), whose attendance the loaders narrow to the scope.
   */
  private visible(): FilterQuery<Event> {
    return { $or: [{ hostRegion: { $in: this.scope.areaIds! } }, attendedFrom(this.scope.areaIds!)] };
  }

  program(event: Event): Promise<Program> {
    return event.program.load() as Promise<Program>;
  }

  hostRegion(event: Event): Promise<Region | null> {
    return event.hostRegion ? (event.hostRegion.load() as Promise<Region>) : Promise.resolve(null);
  }

  sessions(event: Event): Promise<Session[]> {
    return this.loaders.sessionsByEvent.load(event.id);
  }

  coreValues(event: Event) {
    return this.loaders.coreValuesByEvent.load(event.id);
  }

  totals(event: Event): Promise<EventTotals> {
    return this.loaders.eventTotals.load(event.id);
  }

  speakers(session: Session): Promise<Speaker[]> {
    return this.loaders.speakersBySession.load(session.id);
  }

  async attendance(session: Session, args: PageArgs): Promise<Connection<Attendance>> {
    const after = decodeCursor(args.after);
    const page = await this.loaders.attendancePage.load({ sessionId: session.id, first: args.first, after });
    const codes = await Promise.all(page.rows.map((row) => this.attendanceRegion(row).then((region) => region.code)));
    const byRow = new Map(page.rows.map((row, index) => [row, codes[index]!]));
    return toConnection(page.rows, args.first, page.totalCount, (row) => byRow.get(row)!);
  }

  attendanceRegion(attendance: Attendance): Promise<Region> {
    return attendance.region.load() as Promise<Region>;
  }
}

/** Events with attendance from any of these regions in any session, as an SQL `exists` (one query's worth: build it per query). */
function attendedFrom(regionIds: readonly number[]): FilterQuery<Event> {
  // Ids come from the database, never from the request, so they can stand in the SQL text.
  const ids = regionIds.join(', ') || '0';
  const attended = raw((alias: string) =>
    `exists (select 1 from session s join attendance a on a.session_id = s.id where s.event_id = ${alias}.id and a.region_id in (${ids}))`);
  return { [attended]: true } as FilterQuery<Event>;
}
