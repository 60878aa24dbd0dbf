import { random, type Random } from '../random.js';
import { socioEmotionalLevels } from '../reference/indicators.js';
import { addDays, periodEnd, periodStarts, toDate } from './calendar.js';
import type { DemoContext, DemoRegion } from './context.js';
import { milestoneDates } from './milestones.js';
import { HISTORY_END, HISTORY_START } from './sizes.js';

export type ObservationRow = [indicatorId: number, regionId: number, periodType: string, periodStart: string, coreValueId: number | null, value: number, reportedBy: string, reportedAt: string];

/** Published national Indeks BerAKHLAK 2022 per value (KemenPANRB): Adaptif lowest, Akuntabel highest. */
const index2022: Record<string, number> = {
  BERORIENTASI_PELAYANAN: 57.9, AKUNTABEL: 74.1, KOMPETEN: 56.7, HARMONIS: 63.8, LOYAL: 65.8, ADAPTIF: 38.9, KOLABORATIF: 69.4,
};
/** National drift after 2022: 61.1 in 2023, then strengthening. */
const indexDrift: Record<number, number> = { 2022: 0, 2023: 0.2, 2024: 1.6, 2025: 2.9 };
const socioEmotional2022 = [12, 22, 35, 21, 10];
const months = { MONTH: 1, QUARTER: 3, YEAR: 12 } as const;

const round1 = (value: number): number => Math.round(value * 10) / 10;
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

interface SeriesWriter {
  region: DemoRegion;
  draw: Random;
  /** Whether the region sent this period's report: laggards miss many, others a few. */
  reports(): boolean;
  row(code: string, periodStart: string, value: number, coreValueId?: number | null): ObservationRow;
}

function writer(context: DemoContext, region: DemoRegion, stream: string): SeriesWriter {
  const draw = random(context.seed, `${stream}:${region.code}`);
  return {
    region,
    draw,
    reports: () => !draw.chance(region.laggard ? 0.4 : 0.04),
    row: (code, periodStart, value, coreValueId = null) => {
      const indicator = context.indicators.get(code);
      if (!indicator) throw new Error(`indicator ${code} is missing from the reference data`);
      const step = months[indicator.periodType as keyof typeof months];
      const reportedAt = addDays(periodEnd(periodStart, step), draw.integer(3, 40)).toISOString();
      return [indicator.id, region.id, indicator.periodType, periodStart, coreValueId, value, 'demo', reportedAt];
    },
  };
}

function* berakhlakIndex(context: DemoContext, out: SeriesWriter, firstStep: Date): Generator<ObservationRow> {
  const regionOffset = out.draw.normal(0, 4.5) + (out.region.pace - 0.55) * 6;
  for (const year of [2022, 2023, 2024, 2025]) {
    if (firstStep > toDate(`${year}-12-31`) || !out.reports()) continue;
    const growth = indexDrift[year]! + (year - 2022) * (out.region.pace - 0.5) * 1.5;
    for (const value of context.coreValues) {
      const score = clamp(index2022[value.code]! + regionOffset + growth + out.draw.normal(0, 2.2), 0, 100);
      yield out.row('INDEKS_BERAKHLAK', `${year}-01-01`, round1(score), value.id);
    }
  }
}

function* socioEmotional(out: SeriesWriter): Generator<ObservationRow> {
  for (const [offset, year] of [2022, 2023, 2024, 2025].entries()) {
    if (!out.reports()) continue;
    // Each year a share of the workforce moves from the dependent levels towards the higher ones.
    const shift = offset * (1.2 + out.region.pace * 1.6);
    const raw = socioEmotional2022.map((share, level) => Math.max(0.5, share + [-0.4, -0.6, 0, 0.6, 0.4][level]! * shift + out.draw.normal(0, 1.5)));
    const total = raw.reduce((a, b) => a + b, 0);
    const shares = raw.map((share) => round1((share * 100) / total));
    shares[4] = round1(100 - shares.slice(0, 4).reduce((a, b) => a + b, 0));
    for (const [level, { code }] of socioEmotionalLevels.entries()) {
      yield out.row(`SOSIO_EMOSIONAL_${code}`, `${year}-01-01`, shares[level]!);
    }
  }
}

function* changeAgents(out: SeriesWriter, appointedOn: Date | undefined): Generator<ObservationRow> {
  if (!appointedOn) return;
  const full = clamp(Math.round((out.region.headcount / 180) * (0.6 + out.region.pace)), 5, 150);
  for (const [quarter, start] of periodStarts(3, appointedOn.toISOString().slice(0, 10), HISTORY_END).entries()) {
    if (!out.reports()) continue;
    yield out.row('AGEN_PERUBAHAN', start, Math.round(full * Math.min(1, (quarter + 1) / 6)));
  }
}

function* services(out: SeriesWriter): Generator<ObservationRow> {
  let eServices = out.draw.integer(2, 12);
  for (const start of periodStarts(3, HISTORY_START, HISTORY_END)) {
    eServices += out.draw.integer(0, 2 + Math.round(out.region.pace * 2));
    if (out.reports()) yield out.row('LAYANAN_ELEKTRONIK', start, eServices);
  }
  const onTime = out.draw.between(62, 80);
  const days = out.draw.between(8, 16);
  for (const [month, start] of periodStarts(1, HISTORY_START, HISTORY_END).entries()) {
    if (!out.reports()) continue;
    const progress = month * (0.2 + out.region.pace * 0.35);
    yield out.row('PENGADUAN_TEPAT_WAKTU', start, round1(clamp(onTime + progress + out.draw.normal(0, 3), 0, 100)));
    yield out.row('WAKTU_PENYELESAIAN_PENGADUAN', start, round1(clamp(days - progress / 6 + out.draw.normal(0, 1), 0.5, 365)));
  }
}

export function* observationRows(context: DemoContext): Generator<ObservationRow> {
  for (const region of context.regions) {
    const milestones = milestoneDates(context, region);
    if (milestones[0]) yield* berakhlakIndex(context, writer(context, region, 'index'), milestones[0]);
    yield* socioEmotional(writer(context, region, 'socio-emotional'));
    yield* changeAgents(writer(context, region, 'change-agents'), milestones[1]);
    yield* services(writer(context, region, 'services'));
  }
}

/** SKP behaviour ratings (PermenPANRB 6/2022): the five predicates per behaviour, used for benchmark volume. */
export const skpRatings = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

export function skpIndicatorCode(behaviour: number, rating: string): string {
  return `SKP_PERILAKU_${String(behaviour).padStart(2, '0')}_${rating}`;
}

export function* skpRows(context: DemoContext): Generator<ObservationRow> {
  for (const region of context.regions) {
    const out = writer(context, region, 'skp');
    for (const start of periodStarts(1, '2022-01-01', HISTORY_END)) {
      if (!out.reports()) continue;
      for (let behaviour = 1; behaviour <= 21; behaviour++) {
        const good = clamp(out.draw.normal(55 + region.pace * 20, 6), 5, 90);
        const shares = [good * 0.3, good * 0.7, (100 - good) * 0.6, (100 - good) * 0.3, (100 - good) * 0.1].map(round1);
        for (const [rating, share] of shares.entries()) yield out.row(skpIndicatorCode(behaviour, skpRatings[rating]!), start, share);
      }
    }
  }
}
