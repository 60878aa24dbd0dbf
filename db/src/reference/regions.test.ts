import { describe, expect, it } from 'vitest';
import { provinceHeadcounts } from './headcounts.js';
import { papuaCrosswalk } from './crosswalk.js';
import { levelOfCode, regionRecords } from './regions.js';

describe('region reference data', () => {
  const records = regionRecords();

  it('reads 38 provinces, 416 regencies and 98 cities', () => {
    const count = (level: string) => records.filter((record) => record.level === level).length;
    expect([count('PROVINCE'), count('REGENCY'), count('CITY')]).toEqual([38, 416, 98]);
  });

  it.each([
    ['75', 'PROVINCE'],
    ['35.14', 'REGENCY'],
    ['13.77', 'CITY'],
    ['75.71', 'CITY'],
    ['91.29', 'REGENCY'],
  ])('derives the level of %s from its code', (code, level) => {
    expect(levelOfCode(code)).toBe(level);
  });

  it('agrees with the names: every kota code names a Kota, every kabupaten code a Kabupaten', () => {
    const mismatched = records.filter(
      (record) => (record.level === 'CITY' && !record.name.startsWith('Kota ')) || (record.level === 'REGENCY' && !record.name.startsWith('Kabupaten ')),
    );
    expect(mismatched).toEqual([]);
  });

  it('maps every pre-2022 Papua code to a regency or city of the four new provinces, and no old code is still in use', () => {
    const codes = new Set(records.map((record) => record.code));
    expect(papuaCrosswalk.size).toBe(26);
    for (const [old, current] of papuaCrosswalk) {
      expect(codes.has(old), `${old} is still a region code`).toBe(false);
      expect(codes.has(current), `${current} is not a region code`).toBe(true);
      expect(['93', '94', '95', '96']).toContain(current.slice(0, 2));
      expect(current.slice(3)).toMatch(/^\d{2}$/);
    }
  });

  it('spreads every province headcount exactly and deterministically', () => {
    for (const [code, total] of Object.entries(provinceHeadcounts)) {
      const area = records.filter((record) => record.code === code || record.parentCode === code);
      expect(area.reduce((sum, record) => sum + record.headcount, 0), `province ${code}`).toBe(total);
      expect(area.every((record) => record.headcount > 0)).toBe(true);
    }
    expect(regionRecords()).toEqual(records);
  });
});
