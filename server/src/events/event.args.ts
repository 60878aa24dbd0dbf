import { ArrayMaxSize, Length } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection.js';
import { DateRange } from '../common/period.js';
import { EventKind, EventMode, EventStatus } from './event.enums.js';

@InputType({ description: 'Filters of the events list; all given filters apply together.' })
export class EventFilter {
  @Field(() => String, { nullable: true, description: 'Program code, e.g. `BERAKHLAK`.' })
  programCode?: string | null;

  @Field(() => [EventKind], { nullable: true, description: 'Any of these kinds.' })
  @ArrayMaxSize(7)
  kinds?: EventKind[] | null;

  @Field(() => [EventMode], { nullable: true, description: 'Any of these modes.' })
  @ArrayMaxSize(3)
  modes?: EventMode[] | null;

  @Field(() => [EventStatus], { nullable: true, description: 'Any of these statuses.' })
  @ArrayMaxSize(3)
  statuses?: EventStatus[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Events starting within these days (UTC).' })
  period?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive text in the title, organiser, venue or code.' })
  @Length(1, 100)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Hosted by this region or any of its regencies and cities.' })
  regionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Attended by this region or any of its regencies and cities (a session has attendance from it), wherever hosted: a national video conference, say.',
  })
  participatingRegionCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only national events (no host region); false: only regional ones.' })
  national?: boolean | null;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => EventFilter, { nullable: true, description: 'Filters; none gives every event.' })
  filter?: EventFilter | null;
}
