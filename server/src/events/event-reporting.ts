import { GENERATED_EVENT_CODE_PREFIX, generatedEventCode } from '@berakhlak/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import { forbidden } from '../auth/scope.js';
import type { Viewer } from '../auth/viewer.js';
import { invalidInput, notFound, type Problem } from '../common/errors.js';
import type { Loaders } from '../common/loaders.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Program } from '../programs/program.entity.js';
import type { Region } from '../regions/region.entity.js';
import { RegionService } from '../regions/region.service.js';
import { Attendance } from './attendance.entity.js';
import { EventStatus } from './event.enums.js';
import { Event } from './event.entity.js';
import type { AttendanceInput, EventInput, SessionInput } from './event-reporting.types.js';
import { Session } from './session.entity.js';
import { Speaker } from './speaker.entity.js';
import { findByIntegerId } from '../common/ids.js';

/** What the audit log keeps of an event. */
const eventView = (event: Event) => ({
  code: event.code, title: event.title, kind: event.kind, mode: event.mode, status: event.status, organiser: event.organiser, hostRegionId: event.hostRegion?.id ?? null,
  startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString(), venue: event.venue, sourceUrl: event.sourceUrl,
});

/**
 * Events, sessions and attendance written by administrators (anywhere) and regional secretaries
 * (events hosted in their scope; attendance of their regions, at any event).
 */
export class EventReporting {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders, private readonly viewer: Viewer) {}

  async create(input: EventInput): Promise<Event> {
    const fields = await this.checkEvent(input, null);
    return this.em.transactional(async (tx) => {
      // The id is drawn first so an event without a code of its own gets one made of it.
      const [{ id }] = await tx.execute<{ id: string }[]>("SELECT nextval(pg_get_serial_sequence('event', 'id')) AS id");
      const event = tx.create(Event, { ...fields.values, id: Number(id), code: input.code ?? generatedEventCode(Number(id)), status: input.status });
      event.coreValues.set(fields.coreValues);
      await tx.flush();
      await audit(tx, this.viewer, [{ action: 'event.create', entity: 'event', entityKey: String(event.id), regionId: fields.host?.id ?? null, before: null, after: eventView(event) }]);
      return event;
    });
  }

  async update(id: string, input: EventInput): Promise<Event> {
    const event = await this.editable(id, 'id');
    const fields = await this.checkEvent(input, event);
    if (input.status === EventStatus.CANCELLED) throw invalidInput([{ argument: 'input.status', reason: 'cancel an event with cancelEvent' }]);
    const before = eventView(event);
    return this.em.transactional(async (tx) => {
      // Locked, so no session is added meanwhile outside the new dates.
      await tx.execute('SELECT 1 FROM event WHERE id = ? FOR UPDATE', [event.id]);
      await this.checkKeepsSessions(tx, event, input);
      tx.assign(event, { ...fields.values, code: input.code ?? event.code, status: input.status });
      await tx.populate(event, ['coreValues']);
      event.coreValues.set(fields.coreValues);
      await tx.flush();
      await audit(tx, this.viewer, [{ action: 'event.update', entity: 'event', entityKey: String(event.id), regionId: fields.host?.id ?? null, before, after: eventView(event) }]);
      return event;
    });
  }

  async cancel(id: string): Promise<Event> {
    const event = await this.editable(id, 'id');
    const before = eventView(event);
    return this.em.transactional(async (tx) => {
      event.status = EventStatus.CANCELLED;
      await tx.flush();
      await audit(tx, this.viewer, [{ action: 'event.cancel', entity: 'event', entityKey: String(event.id), regionId: event.hostRegion?.id ?? null, before, after: eventView(event) }]);
      return event;
    });
  }

  async addSession(input: SessionInput): Promise<Session> {
    const event = await this.editable(input.eventId, 'input.eventId');
    return this.em.transactional(async (tx) => {
      // The event's dates and status as they stand now, held until the session is in.
      const [current] = await tx.execute<{ starts_at: Date; ends_at: Date; status: EventStatus }[]>('SELECT starts_at, ends_at, status FROM event WHERE id = ? FOR UPDATE', [event.id]);
      this.checkSession(input, new Date(current!.starts_at), new Date(current!.ends_at), current!.status);
      const [{ next }] = await tx.execute<{ next: number }[]>('SELECT coalesce(max(number), 0) + 1 AS next FROM session WHERE event_id = ?', [event.id]);
      const session = tx.create(Session, { event: event.id, number: next, topic: input.topic, mode: input.mode, startsAt: input.startsAt, endsAt: input.endsAt });
      input.speakers.forEach((speaker, index) => tx.create(Speaker, { session, position: index + 1, name: speaker.name, role: speaker.role }));
      await tx.flush();
      await audit(tx, this.viewer, [{
        action: 'session.add', entity: 'session', entityKey: `${event.id}/${session.id}`, regionId: event.hostRegion?.id ?? null, before: null,
        after: { topic: input.topic, mode: input.mode, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString(), speakers: input.speakers.map((s) => s.name) },
      }]);
      return session;
    });
  }

  private checkSession(input: SessionInput, startsAt: Date, endsAt: Date, status: EventStatus): void {
    const problems: Problem[] = [];
    const outside = `lies outside the event (${startsAt.toISOString()} to ${endsAt.toISOString()})`;
    if (input.endsAt < input.startsAt) problems.push({ argument: 'input.endsAt', reason: 'is before input.startsAt' });
    if (input.startsAt < startsAt || input.startsAt > endsAt) problems.push({ argument: 'input.startsAt', reason: outside });
    if (input.endsAt > endsAt || input.endsAt < startsAt) problems.push({ argument: 'input.endsAt', reason: outside });
    if (status === EventStatus.CANCELLED) problems.push({ argument: 'input.eventId', reason: `event ${input.eventId} is cancelled` });
    if (problems.length > 0) throw invalidInput(problems);
  }

  /** Sets (or corrects) a region's participants in a session of any event its region took part in. */
  async setAttendance(input: AttendanceInput): Promise<Attendance> {
    const region = await this.regions().byCodeAs(input.regionCode, 'input.regionCode');
    const session = await findByIntegerId(this.em, Session, input.sessionId, { populate: ['event'] });
    if (!session) throw notFound('session', input.sessionId);
    const problems: Problem[] = [];
    if (input.participants > region.headcount) problems.push({ argument: 'input.participants', reason: `${input.participants} is more than the ${region.headcount} civil servants of ${region.code} ${region.name}` });
    if (session.event.getEntity().status === EventStatus.CANCELLED) problems.push({ argument: 'input.sessionId', reason: `the event of session ${session.id} is cancelled` });
    if (session.startsAt > new Date()) problems.push({ argument: 'input.sessionId', reason: `session ${session.id} has not begun yet` });
    if (problems.length > 0) throw invalidInput(problems);
    return this.em.transactional(async (tx) => {
      const [before] = await tx.execute<{ participants: number }[]>('SELECT participants FROM attendance WHERE session_id = ? AND region_id = ? FOR UPDATE', [session.id, region.id]);
      await tx.execute(
        `INSERT INTO attendance (session_id, region_id, participants) VALUES (?, ?, ?)
         ON CONFLICT (session_id, region_id) DO UPDATE SET participants = excluded.participants`,
        [session.id, region.id, input.participants],
      );
      await audit(tx, this.viewer, [{
        action: 'attendance.set', entity: 'attendance', entityKey: `${session.id}/${region.code}`, regionId: region.id,
        before: before ? { participants: before.participants } : null, after: { participants: input.participants },
      }]);
      return tx.findOneOrFail(Attendance, { session: session.id, region: region.id });
    });
  }

  /** New dates must still hold every session the event has. */
  private async checkKeepsSessions(tx: EntityManager, event: Event, input: EventInput): Promise<void> {
    const [span] = await tx.execute<{ first: Date | null; last: Date | null }[]>('SELECT min(starts_at) AS first, max(ends_at) AS last FROM session WHERE event_id = ?', [event.id]);
    const problems: Problem[] = [];
    if (span?.first && input.startsAt > new Date(span.first)) problems.push({ argument: 'input.startsAt', reason: `a session starts earlier, at ${new Date(span.first).toISOString()}` });
    if (span?.last && input.endsAt < new Date(span.last)) problems.push({ argument: 'input.endsAt', reason: `a session ends later, at ${new Date(span.last).toISOString()}` });
    if (problems.length > 0) throw invalidInput(problems);
  }

  /** An event the caller may change: hosted inside the scope; a national event only with national scope. */
  private async editable(id: string, argument: string): Promise<Event> {
    const event = await findByIntegerId(this.em, Event, id);
    if (!event) throw notFound('event', id);
    if (event.hostRegion === null) this.viewer.scope.checkNational(argument);
    else if (!this.viewer.scope.includes(event.hostRegion.id)) throw forbidden(`${argument}: event ${id} is hosted outside your scope (${this.viewer.scope.describe()})`, argument);
    return event;
  }

  private async checkEvent(input: EventInput, edited: Event | null) {
    const problems: Problem[] = [];
    if (input.code && input.code !== edited?.code) {
      const holder = await this.em.findOne(Event, { code: input.code }, { fields: ['id'] });
      if (holder) problems.push({ argument: 'input.code', reason: `event ${holder.id} already has code ${input.code}` });
      else if (input.code.startsWith(GENERATED_EVENT_CODE_PREFIX)) problems.push({ argument: 'input.code', reason: `codes starting with ${GENERATED_EVENT_CODE_PREFIX} are given by the product; leave the code out or choose another` });
    }
    const program = await this.em.findOne(Program, { code: input.programCode });
    if (!program) problems.push({ argument: 'input.programCode', reason: `no program has code ${input.programCode}` });
    let host: Region | null = null;
    if (input.hostRegionCode) host = await this.regions().byCodeAs(input.hostRegionCode, 'input.hostRegionCode');
    else this.viewer.scope.checkNational('input.hostRegionCode');
    if (input.endsAt < input.startsAt) problems.push({ argument: 'input.endsAt', reason: 'is before input.startsAt' });
    const coreValues = program ? await this.em.find(CoreValue, { program: program.id, code: { $in: input.coreValueCodes } }) : [];
    for (const code of input.coreValueCodes) {
      if (program && !coreValues.some((value) => value.code === code)) problems.push({ argument: 'input.coreValueCodes', reason: `no core value ${code} in program ${program.code}` });
    }
    if (problems.length > 0) throw invalidInput(problems);
    return {
      host,
      coreValues,
      values: {
        program: program!.id, title: input.title, kind: input.kind, mode: input.mode, organiser: input.organiser, hostRegion: host?.id ?? null,
        startsAt: input.startsAt, endsAt: input.endsAt, venue: input.venue ?? null, sourceUrl: input.sourceUrl ?? null,
      },
    };
  }

  private regions(): RegionService {
    return new RegionService(this.em, this.loaders, this.viewer.scope);
  }
}
