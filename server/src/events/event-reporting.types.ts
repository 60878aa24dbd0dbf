import { ArrayMaxSize, IsOptional, IsUrl, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EventKind, EventMode, EventStatus } from './event.enums.js';

/** What an event code may hold: safe in a URL, a file name and a spreadsheet cell. */
export const EVENT_CODE_PATTERN = /^[A-Za-z0-9._/-]{1,40}$/;

@InputType({ description: 'An event to create, or the new state of one to update.' })
export class EventInput {
  @Field(() => String, { nullable: true, description: 'Kode kegiatan (1-40 letters, digits, `.`, `_`, `/` or `-`), unique; when left out a new event gets `KEG-` and its id, and an edited one keeps its code. Codes starting with `KEG-` are the product’s own.' })
  @IsOptional()
  @Matches(EVENT_CODE_PATTERN)
  code?: string | null;

  @Field({ description: 'Program the event rolls out, e.g. `BERAKHLAK`.' })
  programCode!: string;

  @Field({ description: 'Title (1-300 characters).' })
  @Length(1, 300)
  title!: string;

  @Field(() => EventKind, { description: 'Kind of event.' })
  kind!: EventKind;

  @Field(() => EventMode, { description: 'Offline, online or hybrid.' })
  mode!: EventMode;

  @Field({ description: 'Who organises it (1-200 characters).' })
  @Length(1, 200)
  organiser!: string;

  @Field(() => String, { nullable: true, description: 'Host region, inside the caller’s scope; none for a national event (administrators only).' })
  hostRegionCode?: string | null;

  @Field({ description: 'Start (ISO 8601 instant).' })
  startsAt!: Date;

  @Field({ description: 'End (ISO 8601 instant), not before the start.' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Venue, for an offline or hybrid event.' })
  @IsOptional()
  @Length(1, 300)
  venue?: string | null;

  @Field(() => EventStatus, { defaultValue: EventStatus.PLANNED, description: 'PLANNED or HELD; cancel with cancelEvent.' })
  status: EventStatus = EventStatus.PLANNED;

  @Field(() => [String], { defaultValue: [], description: 'Codes of the core values in focus, of the event’s program.' })
  @ArrayMaxSize(20)
  coreValueCodes!: string[];

  @Field(() => String, { nullable: true, description: 'Link to a report of the event (http or https).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  sourceUrl?: string | null;
}

@InputType({ description: 'A speaker (narasumber) of a session.' })
export class SpeakerInput {
  @Field({ description: 'Name (1-200 characters).' })
  @Length(1, 200)
  name!: string;

  @Field({ description: 'Role or office (1-300 characters).' })
  @Length(1, 300)
  role!: string;
}

@InputType({ description: 'A session to add to an event.' })
export class SessionInput {
  @Field(() => ID, { description: 'The event.' })
  eventId!: string;

  @Field({ description: 'Topic (1-300 characters).' })
  @Length(1, 300)
  topic!: string;

  @Field(() => EventMode, { description: 'Offline, online or hybrid.' })
  mode!: EventMode;

  @Field({ description: 'Start, inside the event.' })
  startsAt!: Date;

  @Field({ description: 'End, inside the event and not before the start.' })
  endsAt!: Date;

  @Field(() => [SpeakerInput], { defaultValue: [], description: 'Speakers in order.' })
  @ArrayMaxSize(50)
  speakers!: SpeakerInput[];
}

@InputType({ description: 'How many civil servants of a region took part in a session.' })
export class AttendanceInput {
  @Field(() => ID, { description: 'The session.' })
  sessionId!: string;

  @Field({ description: 'The region, inside the caller’s scope.' })
  regionCode!: string;

  @Field(() => Int, { description: 'Participants: from 0 up to the region’s own civil-servant headcount.' })
  @Min(0)
  participants!: number;
}
