import { Length, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection.js';
import { RegionLevel } from './region.entity.js';

@ArgsType()
export class RegionsArgs extends PageArgs {
  @Field(() => RegionLevel, { nullable: true, description: 'Only regions of this level.' })
  level?: RegionLevel | null;

  @Field(() => String, { nullable: true, description: 'Only the regencies and cities of this province code, e.g. `75`.' })
  @Matches(/^[0-9]{2}$/, { message: 'parentCode must be a two-digit province code' })
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name, e.g. `pariaman`.' })
  @Length(1, 100)
  search?: string | null;
}

@ArgsType()
export class DescendantCountArgs {
  @Field(() => RegionLevel, { nullable: true, description: 'Only descendants of this level.' })
  level?: RegionLevel | null;
}

@ArgsType()
export class ChildrenArgs extends PageArgs {
  @Field(() => RegionLevel, { nullable: true, description: 'Only children of this level (REGENCY or CITY).' })
  level?: RegionLevel | null;
}
