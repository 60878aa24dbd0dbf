import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection.js';
import { DateRange } from '../common/period.js';

@ArgsType()
export class IndicatorsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only indicators of this program, e.g. `GIM`.' })
  programCode?: string | null;
}

@InputType({ description: 'Filters of the observations list; all given filters apply together.' })
export class ObservationFilter {
  @Field(() => String, { nullable: true, description: 'Indicator code.' })
  indicatorCode?: string | null;

  @Field(() => String, { nullable: true, description: 'This region and its regencies and cities.' })
  regionCode?: string | null;

  @Field(() => DateRange, { nullable: true, description: 'Periods starting within these days.' })
  period?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Core value code, e.g. `ADAPTIF`.' })
  coreValueCode?: string | null;
}

@ArgsType()
export class ObservationsArgs extends PageArgs {
  @Field(() => ObservationFilter, { nullable: true, description: 'Filters; none gives every observation.' })
  filter?: ObservationFilter | null;
}

@ArgsType()
export class TargetForArgs {
  @Field(() => String, { description: 'Region code.' })
  regionCode!: string;
}
