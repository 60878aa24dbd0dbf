import { random } from '../random.js';
import { addDays, isoDay, toDate } from './calendar.js';
import type { DemoContext, DemoRegion } from './context.js';
import { HISTORY_END } from './sizes.js';

/** Dates each region reached its milestones, in order; regions move at their own pace and laggards stall. */
export function milestoneDates(context: DemoContext, region: DemoRegion): Date[] {
  const draw = random(context.seed, `milestones:${region.code}`);
  const end = toDate(HISTORY_END);
  const stallAfter = region.laggard ? draw.integer(1, 2) : context.milestones.length;
  const dates: Date[] = [];
  let date = addDays(toDate('2021-08-16'), (1 - region.pace) * 280 + draw.between(0, 60));
  for (let step = 0; step < stallAfter && date <= end; step++) {
    dates.push(date);
    date = addDays(date, draw.between(90, 360) * (2.2 - 1.5 * region.pace));
  }
  return dates;
}

export function* regionMilestoneRows(context: DemoContext): Generator<(string | number)[]> {
  for (const region of context.regions) {
    for (const [index, date] of milestoneDates(context, region).entries()) {
      yield [region.id, context.milestones[index]!.id, isoDay(date), 'demo', addDays(date, 3).toISOString()];
    }
  }
}
