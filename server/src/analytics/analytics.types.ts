import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { LocalDate } from '../common/period.js';
import { EventKind, EventMode } from '../events/event.enums.js';
import { Indicator } from '../indicators/indicator.entity.js';
import { RegionStage } from '../milestones/milestone.types.js';
import { Milestone } from '../milestones/milestone.entity.js';
import { RegionLevel } from '../regions/region.entity.js';

@ObjectType({ description: 'One group of an indicator aggregate; the dimensions not grouped by are null.' })
export class IndicatorGroup {
  regionId!: number | null;
  areaId!: number | null;
  coreValueId!: number | null;

  @Field(() => RegionLevel, { nullable: true, description: 'Level, when grouped by LEVEL.' })
  level!: RegionLevel | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day of the period, when grouped by PERIOD.' })
  periodStart!: string | null;

  @Field(() => Float, { nullable: true, description: 'The aggregated value, by the indicator rules.' })
  value!: number | null;

  @Field(() => Int, { description: 'Observations read for this group.' })
  observationCount!: number;

  @Field(() => Int, { description: 'Regions that reported in this group.' })
  regionCount!: number;
}

export const IndicatorGroupConnection = ConnectionType(IndicatorGroup, 'IndicatorGroup', 'A page of aggregate groups in reading order (period, core value, region code), with the total count.');

@ObjectType({ description: 'One indicator\'s total over an area and period by its own rules: what `indicatorAggregate` without `groupBy` gives.' })
export class IndicatorTotal {
  indicatorId!: number;

  @Field(() => Float, { nullable: true, description: 'The total by the indicator rules; null when no observation was read.' })
  value!: number | null;

  @Field(() => Int, { description: 'Observations read.' })
  observations!: number;

  @Field(() => Int, { description: 'Regions that reported.' })
  regions!: number;
}

@ObjectType({ description: 'One period of an indicator time series.' })
export class SeriesPoint {
  @Field(() => LocalDate, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => Float, { nullable: true, description: 'Value of the period, by the indicator rules.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Running total up to this period, for indicators that add up over time (time aggregation SUM); null otherwise.' })
  cumulative!: number | null;

  @Field(() => Int, { description: 'Regions that reported in the period.' })
  regionCount!: number;
}

@ObjectType({ description: 'Civil servants reached up to the end of a period.' })
export class CoveragePoint {
  @Field(() => LocalDate, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => Int, { description: 'Civil servants reached from the start of the range to the end of this period (see Coverage).' })
  reached!: number;

  @Field(() => Int, { description: 'Civil servants of the area.' })
  headcount!: number;

  @Field(() => Float, { description: 'reached / headcount, from 0 to 1.' })
  coverage!: number;
}

@ObjectType({
  description:
    'Coverage of civil servants. The data holds participants per session and region, not persons, so a region counts as reached ' +
    'the participants of its sessions in the period, capped at its headcount (someone in two sessions counts twice until the cap); ' +
    'an area adds up its regions.',
})
export class Coverage {
  @Field(() => Int, { description: 'Civil servants reached, after capping each region at its headcount.' })
  reached!: number;

  @Field(() => Int, { description: 'Participants before capping.' })
  participants!: number;

  @Field(() => Int, { description: 'Civil servants of the area.' })
  headcount!: number;

  @Field(() => Float, { description: 'reached / headcount, from 0 to 1.' })
  ratio!: number;

  @Field(() => Int, { description: 'Regions of the area whose participants exceeded their headcount and were capped.' })
  cappedRegions!: number;
}

@ObjectType({ description: 'A region in the rollout table: stage, coverage, activity and an indicator against its target, ranked among its siblings.' })
export class RolloutRow {
  regionId!: number;

  @Field(() => RegionStage, { nullable: true, description: 'Stage as of the last day of the period.' })
  stage!: RegionStage | null;

  @Field(() => Coverage, { description: 'Civil servants reached in the period (by the events of `programCode`, when given), over the whole area of the region.' })
  coverage!: Coverage;

  @Field(() => Int, { description: 'Events hosted in the area in the period (of `programCode`, when given), cancelled ones excluded.' })
  events!: number;

  @Field(() => Int, { description: 'Sessions of held events in the period (of `programCode`, when given) that the area attended.' })
  sessions!: number;

  @Field(() => Int, { description: 'Participants from the area in the period (in events of `programCode`, when given).' })
  attendance!: number;

  @Field(() => Float, { nullable: true, description: 'The chosen indicator over the area and period, by its rules.' })
  indicatorValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'The target that applies: the region override, else the national default.' })
  target!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the value reaches the target (above or below it, as the indicator prefers).' })
  meetsTarget!: boolean | null;

  @Field(() => Int, { description: 'Rank among the rows (1 = best): by the indicator when one is chosen, else by stage then coverage.' })
  rank!: number;
}

export const RolloutConnection = ConnectionType(RolloutRow, 'RolloutRow', 'A page of the rollout table, by region code, with the total count.');

@ObjectType({ description: 'How many regions are at one stage.' })
export class StageCount {
  @Field(() => Milestone, { nullable: true, description: 'The stage; null for regions that have not reached the first milestone.' })
  milestone!: Milestone | null;

  @Field(() => Int, { description: 'Regions at this stage.' })
  regionCount!: number;

  @Field(() => Float, { description: 'Share of the regions counted, from 0 to 1.' })
  share!: number;
}

@ObjectType({ description: 'Reports of one region for one period.' })
export class RegionCompleteness {
  regionId!: number;

  @Field(() => Int, { description: 'Indicators expected from the region (none before it reached the first milestone).' })
  expected!: number;

  @Field(() => Int, { description: 'Expected indicators it reported.' })
  reported!: number;

  @Field(() => Int, { description: 'Reported within the grace days after the period ended.' })
  onTime!: number;
}

@ObjectType({ description: 'Reporting completeness of a period: expected reports come from regions active in it (first milestone reached by its end).' })
export class Completeness {
  @Field(() => LocalDate, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => LocalDate, { description: 'Last day of the period.' })
  periodEnd!: string;

  @Field(() => [Indicator], { description: 'Indicators expected for a period of this type.' })
  indicators!: Indicator[];

  @Field(() => Int, { description: 'Regions active in the period.' })
  activeRegions!: number;

  @Field(() => Int, { description: 'Expected reports (active region x indicator).' })
  expected!: number;

  @Field(() => Int, { description: 'Expected reports received.' })
  reported!: number;

  @Field(() => Int, { description: 'Reports received within the grace days.' })
  onTime!: number;

  @Field(() => Float, { description: 'reported / expected, never above 1 (1 when nothing was expected).' })
  completeness!: number;

  @Field(() => Float, { description: 'onTime / expected, never above 1.' })
  timeliness!: number;

  @Field(() => [RegionCompleteness], { description: 'The same per region, by region code.' })
  regions!: RegionCompleteness[];
}

@ObjectType({ description: 'Events and attendance of one period, optionally of one kind and mode.' })
export class EventTrendPoint {
  @Field(() => LocalDate, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => EventKind, { nullable: true, description: 'Kind, when grouped by KIND.' })
  kind!: EventKind | null;

  @Field(() => EventMode, { nullable: true, description: 'Mode, when grouped by MODE.' })
  mode!: EventMode | null;

  @Field(() => Int, { description: 'Events starting in the period, cancelled ones excluded.' })
  events!: number;

  @Field(() => Int, { description: 'Sessions of those events.' })
  sessions!: number;

  @Field(() => Int, { description: 'Participants of those sessions.' })
  participants!: number;
}
