import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { random } from '../random.js';
import { provinceHeadcounts } from './headcounts.js';

export type RegionLevel = 'PROVINCE' | 'REGENCY' | 'CITY';

export interface RegionRecord {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Civil servants of this regional government itself (a province's own staff, not its regencies'). */
  headcount: number;
}

const require = createRequire(import.meta.url);

function readCsv(file: string): string[][] {
  const text = readFileSync(require.resolve(`idn-area-data/data/${file}`), 'utf8');
  // The package's files are plain comma-separated values without quoting.
  return text.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
}

/** Kemendagri codes 71-79 after the dot are cities (kota); 01-29 are regencies (kabupaten). */
export function levelOfCode(code: string): RegionLevel {
  if (!code.includes('.')) return 'PROVINCE';
  return Number(code.split('.')[1]) >= 71 ? 'CITY' : 'REGENCY';
}

/**
 * Spreads each province's headcount over the provincial government and its regencies and cities,
 * deterministically and summing exactly to the province figure.
 */
function spreadHeadcount(provinceCode: string, childCodes: string[]): Map<string, number> {
  const total = provinceHeadcounts[provinceCode];
  if (total === undefined) throw new Error(`no headcount for province ${provinceCode}`);
  const draw = random(2023, `headcount:${provinceCode}`);
  const weights = new Map<string, number>([[provinceCode, childCodes.length * draw.between(0.12, 0.2)]]);
  for (const code of childCodes) weights.set(code, (levelOfCode(code) === 'CITY' ? 0.7 : 1) * draw.between(0.55, 1.6));
  const sum = [...weights.values()].reduce((a, b) => a + b, 0);
  const shares = [...weights].map(([code, weight]) => ({ code, exact: (total * weight) / sum }));
  const result = new Map(shares.map(({ code, exact }) => [code, Math.floor(exact)]));
  let remainder = total - [...result.values()].reduce((a, b) => a + b, 0);
  for (const { code } of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (remainder-- <= 0) break;
    result.set(code, result.get(code)! + 1);
  }
  return result;
}

export function regionRecords(): RegionRecord[] {
  const provinces = readCsv('provinces.csv').map(([code, name]) => ({ code: code!, name: name! }));
  const children = readCsv('regencies.csv').map(([code, parentCode, name]) => ({ code: code!, parentCode: parentCode!, name: name! }));
  const records: RegionRecord[] = [];
  for (const province of provinces) {
    const own = children.filter((child) => child.parentCode === province.code);
    const headcounts = spreadHeadcount(province.code, own.map((child) => child.code));
    records.push({ ...province, level: 'PROVINCE', parentCode: null, headcount: headcounts.get(province.code)! });
    for (const child of own) records.push({ ...child, level: levelOfCode(child.code), headcount: headcounts.get(child.code)! });
  }
  return records;
}
