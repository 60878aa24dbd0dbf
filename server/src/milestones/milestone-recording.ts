import { Field, InputType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Viewer } from '../auth/viewer.js';
import { invalidInput } from '../common/errors.js';
import type { Loaders } from '../common/loaders.js';
import { LocalDate, today } from '../common/period.js';
import { RegionService } from '../regions/region.service.js';
import { Milestone } from './milestone.entity.js';
import { RegionMilestone } from './region-milestone.entity.js';

@InputType({ description: 'A milestone a region reached, and the day; recording it again corrects the day.' })
export class MilestoneInput {
  @Field({ description: 'Region that reached it, inside the caller’s scope.' })
  regionCode!: string;

  @Field({ description: 'Milestone code, e.g. `AGEN_PERUBAHAN_DITETAPKAN`.' })
  milestoneCode!: string;

  @Field(() => LocalDate, { description: 'Day it was reached: not in the future, not before the previous milestone, not after the next one reached.' })
  reachedOn!: string;
}

/** Records a milestone in the official order: each step on or after the one before it. */
export async function recordMilestone(em: EntityManager, loaders: Loaders, viewer: Viewer, input: MilestoneInput): Promise<RegionMilestone> {
  const region = await new RegionService(em, loaders, viewer.scope).byCodeAs(input.regionCode, 'input.regionCode');
  const milestone = await em.findOne(Milestone, { code: input.milestoneCode });
  if (!milestone) throw invalidInput([{ argument: 'input.milestoneCode', reason: `no milestone has code ${input.milestoneCode}` }]);
  if (input.reachedOn > today()) throw invalidInput([{ argument: 'input.reachedOn', reason: `${input.reachedOn} is in the future` }]);
  return em.transactional(async (tx) => {
    // Two writers of one region's milestones wait for each other, so the order check sees the other's step.
    await tx.execute("SELECT pg_advisory_xact_lock(hashtext('region_milestone'), ?)", [region.id]);
    const steps: { position: number; code: string; reached_on: string | null }[] = await tx.execute(
      `SELECT m.position, m.code, to_char(rm.reached_on, 'YYYY-MM-DD') AS reached_on
       FROM milestone m LEFT JOIN region_milestone rm ON rm.milestone_id = m.id AND rm.region_id = ?
       ORDER BY m.position`,
      [region.id],
    );
    const previous = steps.find((step) => step.position === milestone.position - 1);
    if (previous && (previous.reached_on === null || previous.reached_on > input.reachedOn)) {
      const reason = previous.reached_on === null ? `${previous.code} must be recorded first` : `${previous.code}, the step before, was reached later, on ${previous.reached_on}`;
      throw invalidInput([{ argument: 'input.reachedOn', reason: `milestones go in order: ${reason}` }]);
    }
    const later = steps.find((step) => step.position > milestone.position && step.reached_on !== null && step.reached_on < input.reachedOn);
    if (later) throw invalidInput([{ argument: 'input.reachedOn', reason: `milestones go in order: ${later.code}, a later step, was reached earlier, on ${later.reached_on}` }]);
    const before = steps.find((step) => step.position === milestone.position)!.reached_on;
    await tx.execute(
      `INSERT INTO region_milestone (region_id, milestone_id, reached_on, reported_by, reported_at) VALUES (?, ?, ?, ?, now())
       ON CONFLICT (region_id, milestone_id) DO UPDATE SET reached_on = excluded.reached_on, reported_by = excluded.reported_by, reported_at = now()`,
      [region.id, milestone.id, input.reachedOn, viewer.email],
    );
    await audit(tx, viewer, [{
      action: 'milestone.record', entity: 'region_milestone', entityKey: `${region.code}/${milestone.code}`, regionId: region.id,
      before: before === null ? null : { reachedOn: before }, after: { reachedOn: input.reachedOn },
    }]);
    return tx.findOneOrFail(RegionMilestone, { region: region.id, milestone: milestone.id });
  });
}
