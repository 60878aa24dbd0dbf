import { GraphQLError, GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { PeriodType } from '../indicators/indicator.enums.js';
import { badInput } from './errors.js';

/**
 * The days the API takes, far around the rollout: date arithmetic (a period's end, the day after
 * a range) and PostgreSQL then never meet a year 0 or a year 10000.
 */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2199-12-31';

function inRange(day: unknown): unknown {
  if (typeof day === 'string' && (day < FIRST_DAY || day > LAST_DAY)) throw new GraphQLError(`Value is not a valid LocalDate: ${day} is not from ${FIRST_DAY} to ${LAST_DAY}`);
  return day;
}

/** `YYYY-MM-DD` (graphql-scalars' LocalDate), from FIRST_DAY to LAST_DAY. */
export const LocalDate = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  parseValue: (value) => inRange(GraphQLLocalDate.parseValue(value)),
  parseLiteral: (ast, variables) => inRange(GraphQLLocalDate.parseLiteral(ast, variables)),
});

@InputType({ description: 'A range of days, both ends included; either end may be left open.' })
export class DateRange {
  @Field(() => LocalDate, { nullable: true, description: 'First day (YYYY-MM-DD).' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day (YYYY-MM-DD).' })
  to?: string | null;
}

/** The most periods a series generates, one per period of the range whether or not anything happened in it (`coverageSeries`). */
export const MAX_SERIES_PERIODS = 120;

/** Periods of a type from the one holding `from` to the one holding `to`, both included. */
export function periodsBetween(type: PeriodType, from: string, to: string): number {
  const months = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const size = { MONTH: 1, QUARTER: 3, YEAR: 12 }[type];
  return Math.floor(months(to) / size) - Math.floor(months(from) / size) + 1;
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

export function isPeriodStart(type: PeriodType, day: string): boolean {
  const [, month, date] = day.split('-').map(Number);
  if (date !== 1) return false;
  return type === PeriodType.MONTH || (type === PeriodType.QUARTER && [1, 4, 7, 10].includes(month!)) || (type === PeriodType.YEAR && month === 1);
}

/** Last day of the period that starts on the given day. */
export function periodEnd(type: PeriodType, start: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + { MONTH: 1, QUARTER: 3, YEAR: 12 }[type]);
  date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** First day of the period of the given type that holds the day. */
export function periodStartOf(type: PeriodType, day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const first = type === PeriodType.MONTH ? month : type === PeriodType.QUARTER ? month - ((month - 1) % 3) : 1;
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
