import { describe, expect, it } from 'vitest';
import type { DemoContext, DemoRegion } from './context.js';
import { EventPlanner } from './events.js';
import { datasetSizes } from './sizes.js';

function context(seed: number): DemoContext {
  const regions: DemoRegion[] = [
    { id: 1, code: '75', name: 'Gorontalo', level: 'PROVINCE', parentId: null, headcount: 4000, pace: 0.6, laggard: false },
    { id: 2, code: '75.71', name: 'Kota Gorontalo', level: 'CITY', parentId: 1, headcount: 5000, pace: 0.4, laggard: false },
    { id: 3, code: '13', name: 'Sumatera Barat', level: 'PROVINCE', parentId: null, headcount: 9000, pace: 0.3, laggard: true },
    { id: 4, code: '13.77', name: 'Kota Pariaman', level: 'CITY', parentId: 3, headcount: 3000, pace: 0.8, laggard: false },
    // The Gorontalo workshop of the news names every regency of the province.
    ...[1, 2, 3, 4, 5].map((n): DemoRegion => ({ id: 10 + n, code: `75.0${n}`, name: `Kabupaten ${n}`, level: 'REGENCY', parentId: 1, headcount: 50, pace: 0.5, laggard: false })),
  ];
  return {
    seed,
    regions,
    childrenOf: new Map([[1, regions.filter((region) => region.parentId === 1)], [3, [regions[3]!]]]),
    programs: new Map([['BERAKHLAK', 1], ['GIM', 2]]),
    coreValues: [{ id: 1, code: 'ADAPTIF' }, { id: 2, code: 'AKUNTABEL' }],
    indicators: new Map(),
    milestones: [{ id: 1, position: 1 }],
  };
}

const size = { ...datasetSizes.demo, events: 300 };

describe('event planner', () => {
  const planner = new EventPlanner(context(7), size);
  const events = [...planner.all()];

  it('plans the same events for the same seed, other events for another', () => {
    expect([...new EventPlanner(context(7), size).all()]).toEqual(events);
    expect([...new EventPlanner(context(8), size).all()].map((event) => event.startsAt)).not.toEqual(events.map((event) => event.startsAt));
  });

  it('numbers events and sessions without gaps or repeats', () => {
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    const sessionIds = events.flatMap((event) => event.sessions.map((session) => session.id));
    expect(sessionIds).toEqual(sessionIds.map((_, index) => index + 1));
  });

  it('keeps every session inside its event and only held events attended', () => {
    for (const event of events) {
      for (const session of event.sessions) {
        expect(session.startsAt >= event.startsAt && session.endsAt <= event.endsAt, `event ${event.id}`).toBe(true);
      }
      const attendance = [...planner.attendance(event)];
      if (event.status !== 'HELD') expect(attendance).toEqual([]);
      const keys = attendance.map(([session, region]) => `${session}:${region}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('puts the news events first with their reported dates and never attendance above headcount', () => {
    expect(events[1]!.title).toBe('BerAKHLAK: Transformasi Budaya Kerja di Era 4.0');
    expect(events[1]!.startsAt.toISOString()).toBe('2022-02-23T02:00:00.000Z');
    const pariaman = [...planner.attendance(events[1]!)].filter(([, region]) => region === 4);
    expect(pariaman).toHaveLength(1);
    const headcounts = new Map(context(7).regions.map((region) => [region.id, region.headcount]));
    for (const event of events) for (const [, region, participants] of planner.attendance(event)) expect(participants).toBeLessThanOrEqual(headcounts.get(region)!);
  });
});
