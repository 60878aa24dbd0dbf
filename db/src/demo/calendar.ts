const DAY = 86_400_000;

export function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + Math.round(days) * DAY);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY);
}

/** First days of every period of the given length from start to end, both included. */
export function periodStarts(stepMonths: number, start: string, end: string): string[] {
  const result: string[] = [];
  const last = toDate(end);
  const first = toDate(start);
  const cursor = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - (first.getUTCMonth() % stepMonths), 1));
  while (cursor <= last) {
    result.push(isoDay(cursor));
    cursor.setUTCMonth(cursor.getUTCMonth() + stepMonths);
  }
  return result;
}

export function periodEnd(start: string, stepMonths: number): Date {
  const date = toDate(start);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + stepMonths, 0));
}
