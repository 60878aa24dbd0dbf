import { random, type Random } from '../random.js';
import { toDate } from './calendar.js';
import type { DemoContext, DemoRegion } from './context.js';
import { newsEvents, type NewsEvent } from './news.js';
import { familyNames, givenNames, speakerRoles } from './people.js';
import { type DatasetSize, HISTORY_END, HISTORY_START } from './sizes.js';

export type EventKind = 'SOCIALISATION' | 'INTERNALISATION' | 'WORKSHOP' | 'VIDEO_CONFERENCE' | 'CHANGE_AGENT_COACHING' | 'CEREMONY' | 'EVALUATION';
export type EventMode = 'OFFLINE' | 'ONLINE' | 'HYBRID';

export interface PlannedSession {
  id: number;
  topic: string;
  mode: EventMode;
  startsAt: Date;
  endsAt: Date;
  speakers: { name: string; role: string }[];
}

export interface PlannedEvent {
  id: number;
  programId: number;
  title: string;
  kind: EventKind;
  organiser: string;
  hostRegion: DemoRegion | null;
  mode: EventMode;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  status: 'PLANNED' | 'HELD' | 'CANCELLED';
  coreValueIds: number[];
  sessions: PlannedSession[];
  /** A video conference draws attendance from many regions at once. */
  videoConference: boolean;
  news: NewsEvent | null;
}

const HOUR = 3_600_000;
const SESSION_SLOT = 2 * HOUR;

/** The rollout roadmap: which kinds of activity dominate each year. */
const kindsByYear: Record<number, EventKind[]> = {
  2021: ['SOCIALISATION', 'SOCIALISATION', 'CEREMONY', 'VIDEO_CONFERENCE'],
  2022: ['SOCIALISATION', 'INTERNALISATION', 'INTERNALISATION', 'WORKSHOP', 'VIDEO_CONFERENCE', 'CHANGE_AGENT_COACHING'],
  2023: ['INTERNALISATION', 'CHANGE_AGENT_COACHING', 'CHANGE_AGENT_COACHING', 'WORKSHOP', 'CEREMONY', 'VIDEO_CONFERENCE'],
  2024: ['WORKSHOP', 'CHANGE_AGENT_COACHING', 'EVALUATION', 'INTERNALISATION', 'CEREMONY'],
  2025: ['EVALUATION', 'WORKSHOP', 'CHANGE_AGENT_COACHING', 'INTERNALISATION', 'CEREMONY'],
  2026: ['EVALUATION', 'WORKSHOP', 'CHANGE_AGENT_COACHING', 'VIDEO_CONFERENCE'],
};
/** Events per day weighed by year: 2022 socialisation and internalisation was the busiest. */
const yearWeights: [number, number][] = [[2021, 0.6], [2022, 1.6], [2023, 1.3], [2024, 1.0], [2025, 0.8], [2026, 0.7]];

const kindTitles: Record<EventKind, string[]> = {
  SOCIALISATION: ['Sosialisasi Nilai Dasar ASN BerAKHLAK', 'Sosialisasi SE Mendagri tentang Percepatan Nilai Dasar dan Employer Branding'],
  INTERNALISATION: ['Internalisasi Nilai BerAKHLAK', 'Internalisasi Budaya Kerja BerAKHLAK di Perangkat Daerah'],
  WORKSHOP: ['Workshop Penguatan Budaya Kerja BerAKHLAK', 'Bimbingan Teknis Rencana Aksi BerAKHLAK'],
  VIDEO_CONFERENCE: ['Webinar Bangga Melayani Bangsa', 'Rapat Koordinasi Virtual Percepatan BerAKHLAK'],
  CHANGE_AGENT_COACHING: ['Coaching Agen Perubahan', 'Pelatihan Agen Perubahan BerAKHLAK'],
  CEREMONY: ['Apel Bersama Budaya Kerja BerAKHLAK', 'Apel Peringatan Hari Lahir BerAKHLAK'],
  EVALUATION: ['Evaluasi Implementasi BerAKHLAK', 'Monitoring dan Evaluasi Rencana Aksi BerAKHLAK'],
};

const sessionTopics = [
  'Pembukaan dan arahan', 'Nilai dasar dan panduan perilaku', 'Berbagi praktik baik', 'Diskusi rencana aksi',
  'Peran agen perubahan', 'Perilaku dalam penilaian kinerja (SKP)', 'Tanya jawab dan penutup',
];

/** Dates the synthetic events fall between, each year weighted by its activity. */
class EventCalendar {
  private readonly spans: { from: number; to: number; cumulative: number }[] = [];
  private readonly total: number;

  constructor() {
    const start = toDate(HISTORY_START).getTime();
    const end = toDate(HISTORY_END).getTime() + 90 * 24 * HOUR; // a quarter of planned events ahead
    let cumulative = 0;
    for (const [year, weight] of yearWeights) {
      const from = Math.max(start, Date.UTC(year, 0, 1));
      const to = Math.min(end, Date.UTC(year + 1, 0, 1));
      if (to <= from) continue;
      cumulative += (weight * (to - from)) / HOUR;
      this.spans.push({ from, to, cumulative });
    }
    this.total = cumulative;
  }

  /** A working morning (08:00-10:00 WIB) on a weekday. */
  draw(draw: Random): Date {
    const target = draw.next() * this.total;
    const span = this.spans.find((candidate) => candidate.cumulative >= target) ?? this.spans.at(-1)!;
    const day = new Date(span.from + Math.floor(draw.next() * ((span.to - span.from) / (24 * HOUR))) * 24 * HOUR);
    const weekday = day.getUTCDay();
    const shift = weekday === 0 ? 1 : weekday === 6 ? 2 : 0;
    return new Date(day.getTime() + shift * 24 * HOUR + draw.integer(1, 3) * HOUR);
  }
}

/**
 * Plans every event deterministically: event i depends only on the seed and i, so each table's
 * COPY can regenerate the events it needs instead of holding the whole country in memory.
 */
export class EventPlanner {
  private readonly calendar = new EventCalendar();
  private readonly hostWeights: { region: DemoRegion; cumulative: number }[] = [];
  private readonly sessionOffsets: number[] = [];
  readonly asOf = toDate(HISTORY_END);

  constructor(private readonly context: DemoContext, private readonly size: DatasetSize) {
    let cumulative = 0;
    for (const region of context.regions) {
      cumulative += Math.sqrt(region.headcount) * (0.4 + region.pace);
      this.hostWeights.push({ region, cumulative });
    }
    let offset = 0;
    for (let index = 0; index < this.count; index++) {
      this.sessionOffsets.push(offset);
      offset += this.sessionCount(index);
    }
  }

  get count(): number {
    return newsEvents.length + this.size.events;
  }

  *all(): Generator<PlannedEvent> {
    for (let index = 0; index < this.count; index++) yield this.plan(index);
  }

  plan(index: number): PlannedEvent {
    const news = newsEvents[index];
    return news ? this.planNews(index, news) : this.planSynthetic(index);
  }

  private sessionCount(index: number): number {
    const news = newsEvents[index];
    if (news) return 1;
    const { min, max } = this.size.sessionsPerEvent;
    return random(this.context.seed, `sessions:${index}`).integer(min, max);
  }

  private planNews(index: number, news: NewsEvent): PlannedEvent {
    const startsAt = new Date(news.startsAt);
    const endsAt = new Date(news.endsAt);
    const session: PlannedSession = { id: this.sessionOffsets[index]! + 1, topic: news.title, mode: news.mode, startsAt, endsAt, speakers: news.speakers };
    return {
      id: index + 1, programId: this.context.programs.get(news.programCode)!, title: news.title, kind: news.kind,
      organiser: news.organiser, hostRegion: news.hostRegionCode ? this.regionByCode(news.hostRegionCode) : null,
      mode: news.mode, startsAt, endsAt, venue: news.venue, status: 'HELD',
      coreValueIds: news.coreValues === 'all' ? this.context.coreValues.map((value) => value.id) : [],
      sessions: [session], videoConference: news.videoConference, news,
    };
  }

  private planSynthetic(index: number): PlannedEvent {
    const draw = random(this.context.seed, `event:${index}`);
    const national = draw.chance(this.size.nationalShare);
    const host = national ? null : this.pickHost(draw);
    const startsAt = this.calendar.draw(draw);
    const kinds = kindsByYear[startsAt.getUTCFullYear()]!;
    const kind: EventKind = national && draw.chance(0.7) ? 'VIDEO_CONFERENCE' : draw.pick(kinds);
    const mode: EventMode = kind === 'VIDEO_CONFERENCE' ? 'ONLINE' : draw.pick(['OFFLINE', 'OFFLINE', 'HYBRID', 'ONLINE'] as const);
    const sessionCount = this.sessionCount(index);
    const endsAt = new Date(startsAt.getTime() + sessionCount * SESSION_SLOT);
    const sessions = Array.from({ length: sessionCount }, (_, position): PlannedSession => ({
      id: this.sessionOffsets[index]! + position + 1,
      topic: sessionTopics[(position + draw.integer(0, 2)) % sessionTopics.length]!,
      mode,
      startsAt: new Date(startsAt.getTime() + position * SESSION_SLOT),
      endsAt: new Date(startsAt.getTime() + position * SESSION_SLOT + 1.5 * HOUR),
      speakers: Array.from({ length: draw.integer(1, 2) }, () => ({
        name: `${draw.pick(givenNames)} ${draw.pick(familyNames)}`,
        role: draw.pick(speakerRoles),
      })),
    }));
    const values = this.context.coreValues.filter(() => draw.chance(0.35));
    return {
      id: index + 1,
      programId: this.context.programs.get('BERAKHLAK')!,
      title: draw.pick(kindTitles[kind]),
      kind,
      organiser: host ? `Pemerintah ${host.level === 'PROVINCE' ? `Provinsi ${host.name}` : host.name}` : 'Kementerian Dalam Negeri',
      hostRegion: host,
      mode,
      startsAt,
      endsAt,
      venue: mode === 'ONLINE' ? 'Daring (virtual)' : host ? `Aula ${host.name}` : 'Kementerian Dalam Negeri, Jakarta',
      status: startsAt > this.asOf ? 'PLANNED' : draw.chance(0.03) ? 'CANCELLED' : 'HELD',
      coreValueIds: (values.length ? values : this.context.coreValues).map((value) => value.id),
      sessions,
      videoConference: national && kind === 'VIDEO_CONFERENCE',
      news: null,
    };
  }

  private pickHost(draw: Random): DemoRegion {
    const target = draw.next() * this.hostWeights.at(-1)!.cumulative;
    let low = 0;
    let high = this.hostWeights.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.hostWeights[middle]!.cumulative < target) low = middle + 1;
      else high = middle;
    }
    return this.hostWeights[low]!.region;
  }

  private regionByCode(code: string): DemoRegion {
    const region = this.context.regions.find((candidate) => candidate.code === code);
    if (!region) throw new Error(`news event refers to unknown region ${code}`);
    return region;
  }

  /** Attendance rows (session, region, participants); only held events have any. */
  *attendance(event: PlannedEvent): Generator<[number, number, number]> {
    if (event.status !== 'HELD') return;
    for (const session of event.sessions) {
      const draw = random(this.context.seed, `attendance:${session.id}`);
      for (const [region, participants] of this.attendees(event, draw)) {
        yield [session.id, region.id, Math.min(region.headcount, participants)];
      }
    }
  }

  private *attendees(event: PlannedEvent, draw: Random): Generator<[DemoRegion, number]> {
    const reported = new Set(event.news?.attendingRegionCodes ?? []);
    if (event.videoConference) {
      const reach = draw.between(this.size.nationalReach.min, this.size.nationalReach.max);
      for (const region of this.context.regions) {
        if (reported.has(region.code) || draw.chance(reach * (0.5 + region.pace / 2))) {
          yield [region, Math.max(1, Math.round(draw.between(3, 40) * Math.sqrt(region.headcount / 4000)))];
        }
      }
      return;
    }
    for (const code of reported) yield [this.regionByCode(code), draw.integer(15, 120)];
    const host = event.hostRegion;
    if (!host || reported.size) return;
    yield [host, Math.max(5, Math.round(host.headcount * draw.between(0.01, 0.08)))];
    for (const child of this.context.childrenOf.get(host.id) ?? []) {
      if (draw.chance(0.45)) yield [child, draw.integer(5, 60)];
    }
  }
}
