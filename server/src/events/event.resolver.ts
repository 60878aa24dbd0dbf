import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, callerScope, viewerOf } from '../auth/access.js';
import { PageArgs } from '../common/connection.js';
import type { Context } from '../common/context.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Program } from '../programs/program.entity.js';
import { Region } from '../regions/region.entity.js';
import { Attendance } from './attendance.entity.js';
import { AttendanceInput, EventInput, SessionInput } from './event-reporting.types.js';
import { EventReporting } from './event-reporting.js';
import { EventsArgs } from './event.args.js';
import { Event } from './event.entity.js';
import { EventService } from './event.service.js';
import { AttendanceConnection, EventConnection } from './event.types.js';
import { Session } from './session.entity.js';
import { Speaker } from './speaker.entity.js';

const service = (context: Context) => new EventService(context.em, context.loaders, callerScope(context));
const reporting = (context: Context) => new EventReporting(context.em, context.loaders, viewerOf(context));

@Resolver(() => Event)
export class EventResolver {
  @Access('SIGNED_IN')
  @Query(() => Event, { description: 'One event by id or by code (give one of them); NOT_FOUND when none has it.' })
  event(
    @Arg('id', () => ID, { nullable: true, description: 'Event id.' }) id: string | null,
    @Arg('code', () => String, { nullable: true, description: 'Kode kegiatan, e.g. `KEG-000123`.' }) code: string | null,
    @Ctx() context: Context,
  ) {
    return service(context).byKey(id ?? null, code ?? null);
  }

  @Access('SIGNED_IN')
  @Query(() => EventConnection, { description: 'Events, latest first, filtered by program, kind, mode, status, period, text, host region and attending region (each with its regencies and cities).' })
  events(@Args() args: EventsArgs, @Ctx() context: Context) {
    return service(context).list(args);
  }

  @FieldResolver(() => Program, { description: 'The program the event rolls out.' })
  program(@Root() event: Event, @Ctx() context: Context) {
    return service(context).program(event);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The host region; null for a national event.' })
  hostRegion(@Root() event: Event, @Ctx() context: Context) {
    return service(context).hostRegion(event);
  }

  @FieldResolver(() => [CoreValue], { description: 'Core values in focus, in official order.' })
  coreValues(@Root() event: Event, @Ctx() context: Context) {
    return service(context).coreValues(event);
  }

  @FieldResolver(() => [Session], { description: 'Sessions of the event, in time order.' })
  sessions(@Root() event: Event, @Ctx() context: Context) {
    return service(context).sessions(event);
  }

  @FieldResolver(() => Int, { description: 'Participants summed over all sessions and regions (a person in two sessions counts twice).' })
  async participantCount(@Root() event: Event, @Ctx() context: Context) {
    return (await service(context).totals(event)).participants;
  }

  @FieldResolver(() => Int, { description: 'Distinct regions that took part in any session.' })
  async regionCount(@Root() event: Event, @Ctx() context: Context) {
    return (await service(context).totals(event)).regions;
  }
}

@Resolver(() => Session)
export class SessionResolver {
  @FieldResolver(() => [Speaker], { description: 'Speakers (narasumber) in order.' })
  speakers(@Root() session: Session, @Ctx() context: Context) {
    return service(context).speakers(session);
  }

  @FieldResolver(() => AttendanceConnection, { description: 'Participating regions with their participants, by region code.' })
  attendance(@Root() session: Session, @Args() args: PageArgs, @Ctx() context: Context) {
    return service(context).attendance(session, args);
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => Region, { description: 'The participating region.' })
  region(@Root() attendance: Attendance, @Ctx() context: Context) {
    return service(context).attendanceRegion(attendance);
  }
}

@Resolver(() => Event)
export class EventReportingResolver {
  @Access('REPORTER')
  @Mutation(() => Event, { description: 'Creates an event hosted in the caller’s scope (a national event: administrators only).' })
  createEvent(@Arg('input', () => EventInput, { description: 'The event.' }) input: EventInput, @Ctx() context: Context) {
    return reporting(context).create(input);
  }

  @Access('REPORTER')
  @Mutation(() => Event, { description: 'Replaces the details of an event hosted in the caller’s scope.' })
  updateEvent(@Arg('id', () => ID, { description: 'Event id.' }) id: string, @Arg('input', () => EventInput, { description: 'The new details.' }) input: EventInput, @Ctx() context: Context) {
    return reporting(context).update(id, input);
  }

  @Access('REPORTER')
  @Mutation(() => Event, { description: 'Cancels an event hosted in the caller’s scope; it then leaves the figures.' })
  cancelEvent(@Arg('id', () => ID, { description: 'Event id.' }) id: string, @Ctx() context: Context) {
    return reporting(context).cancel(id);
  }

  @Access('REPORTER')
  @Mutation(() => Session, { description: 'Adds a session, with its speakers, to an event hosted in the caller’s scope.' })
  addSession(@Arg('input', () => SessionInput, { description: 'The session.' }) input: SessionInput, @Ctx() context: Context) {
    return reporting(context).addSession(input);
  }

  @Access('REPORTER')
  @Mutation(() => Attendance, { description: 'Sets how many civil servants of a region in the caller’s scope took part in a session of any event.' })
  setAttendance(@Arg('input', () => AttendanceInput, { description: 'The attendance.' }) input: AttendanceInput, @Ctx() context: Context) {
    return reporting(context).setAttendance(input);
  }
}
