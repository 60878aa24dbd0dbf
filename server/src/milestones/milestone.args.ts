import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection.js';

@ArgsType()
export class RegionMilestonesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this region and its regencies and cities.' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this milestone, e.g. `RENCANA_AKSI_DITETAPKAN`.' })
  milestoneCode?: string | null;
}
