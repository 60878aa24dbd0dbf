import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { badInput } from './errors.js';

export const LocalDate = GraphQLLocalDate;

@InputType({ description: 'A range of days, both ends included; either end may be left open.' })
export class DateRange {
  @Field(() => LocalDate, { nullable: true, description: 'First day (YYYY-MM-DD).' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day (YYYY-MM-DD).' })
  to?: string | null;
}

/** Refuses an inverted range, naming the argument that holds it. */
export function checkRange(range: DateRange | null | undefined, argument: string): void {
  if (range?.from && range.to && range.from > range.to) throw badInput(`${argument}.to`, `${range.to} is before ${argument}.from ${range.from}`);
}

/** The first instant after the range's last day, so a whole last day is included. */
export function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
