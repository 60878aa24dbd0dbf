export type DatasetName = 'demo' | 'national';

export interface DatasetSize {
  name: DatasetName;
  events: number;
  /** Share of events that are national (no host region), mostly video conferences. */
  nationalShare: number;
  sessionsPerEvent: { min: number; max: number };
  /** Average share of all regions dialling in to one session of a national event. */
  nationalReach: { min: number; max: number };
  /** Benchmark volume: monthly SKP behaviour-rating series, 105 per region. */
  skpBehaviourRatings: boolean;
}

export const datasetSizes: Readonly<Record<DatasetName, DatasetSize>> = {
  demo: {
    name: 'demo', events: 4_000, nationalShare: 0.02, sessionsPerEvent: { min: 1, max: 4 },
    nationalReach: { min: 0.35, max: 0.95 }, skpBehaviourRatings: false,
  },
  national: {
    name: 'national', events: 200_000, nationalShare: 0.05, sessionsPerEvent: { min: 3, max: 7 },
    nationalReach: { min: 0.4, max: 0.9 }, skpBehaviourRatings: true,
  },
};

export const DEFAULT_SEED = 20210727;

/** Data runs from the launch to the end of the last complete quarter before the fixed "as of" date. */
export const HISTORY_START = '2021-08-01';
export const HISTORY_END = '2026-09-30';
