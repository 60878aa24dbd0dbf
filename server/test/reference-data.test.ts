import { DEFAULT_SEED, loadDemoData, loadReferenceData, loadReferenceDataOnce } from '@berakhlak/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabase } from './support/database.js';

const TABLES = ['region', 'program', 'core_value', 'behaviour', 'indicator', 'target', 'milestone', 'region_milestone', 'event', 'session', 'speaker', 'attendance', 'observation'];

describe('reference data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase('demo');
  });
  afterAll(() => db.drop());

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = Number((await db.sql.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
    return result;
  }

  it('has the 38 provinces and 514 regencies and cities of idn-area-data', async () => {
    const { rows } = await db.sql.query('SELECT level, count(*)::int AS n FROM region GROUP BY level ORDER BY level');
    expect(rows).toEqual([{ level: 'CITY', n: 98 }, { level: 'PROVINCE', n: 38 }, { level: 'REGENCY', n: 416 }]);
  });

  it('has the four provinces of the 2022 Papua split with their regencies and cities', async () => {
    const { rows } = await db.sql.query(
      `SELECT p.code, p.name, count(c.id)::int AS children FROM region p JOIN region c ON c.parent_id = p.id
       WHERE p.code IN ('93', '94', '95', '96') GROUP BY p.code, p.name ORDER BY p.code`,
    );
    expect(rows).toEqual([
      { code: '93', name: 'Papua Selatan', children: 4 },
      { code: '94', name: 'Papua Tengah', children: 8 },
      { code: '95', name: 'Papua Pegunungan', children: 8 },
      { code: '96', name: 'Papua Barat Daya', children: 6 },
    ]);
    const moved = await db.sql.query("SELECT name FROM region WHERE code IN ('93.01', '96.71') ORDER BY code");
    expect(moved.rows.map((row) => row.name)).toEqual(['Kabupaten Merauke', 'Kota Sorong']);
  });

  it('spreads each province headcount over its governments, summing to the published figures', async () => {
    const { rows } = await db.sql.query(
      `SELECT p.code, p.headcount + sum(c.headcount)::int AS total, bool_and(c.headcount > 0) AS all_staffed
       FROM region p JOIN region c ON c.parent_id = p.id WHERE p.code IN ('35', '75', '92') GROUP BY p.code, p.headcount ORDER BY p.code`,
    );
    expect(rows).toEqual([
      { code: '35', total: 363_512, all_staffed: true },
      { code: '75', total: 32_725, all_staffed: true },
      { code: '92', total: 27_529, all_staffed: true },
    ]);
    const national = await db.sql.query('SELECT sum(headcount)::int AS total FROM region');
    expect(national.rows[0].total).toBe(3_732_415);
  });

  it('has BerAKHLAK with its seven values and 21 behaviours, and Gerakan Indonesia Melayani', async () => {
    const { rows } = await db.sql.query(
      `SELECT p.code, count(DISTINCT v.id)::int AS values, count(b.id)::int AS behaviours
       FROM program p LEFT JOIN core_value v ON v.program_id = p.id LEFT JOIN behaviour b ON b.core_value_id = v.id
       GROUP BY p.code ORDER BY p.code`,
    );
    expect(rows).toEqual([{ code: 'BERAKHLAK', values: 7, behaviours: 21 }, { code: 'GIM', values: 0, behaviours: 0 }]);
  });

  it('has the starting indicators with national targets and the five milestones in order', async () => {
    const indicators = await db.sql.query('SELECT i.code, t.value FROM indicator i JOIN target t ON t.indicator_id = i.id AND t.region_id IS NULL ORDER BY i.code');
    expect(indicators.rows.map((row) => row.code)).toEqual(expect.arrayContaining([
      'INDEKS_BERAKHLAK', 'SOSIO_EMOSIONAL_DEPENDENT', 'SOSIO_EMOSIONAL_EGO_DEPENDENT', 'SOSIO_EMOSIONAL_SOCIO_DEPENDENT',
      'SOSIO_EMOSIONAL_INTRA_DEPENDENT', 'SOSIO_EMOSIONAL_INTER_DEPENDENT', 'AGEN_PERUBAHAN', 'PENGADUAN_TEPAT_WAKTU', 'LAYANAN_ELEKTRONIK',
    ]));
    const milestones = await db.sql.query('SELECT code FROM milestone ORDER BY position');
    expect(milestones.rows.map((row) => row.code)).toEqual(['SE_DISOSIALISASIKAN', 'AGEN_PERUBAHAN_DITETAPKAN', 'RENCANA_AKSI_DITETAPKAN', 'IMPLEMENTASI_BERJALAN', 'DIEVALUASI']);
  });

  it('leaves the same counts when reference and demo data are loaded again', async () => {
    const before = await counts();
    const client = await db.sql.connect();
    try {
      await loadReferenceData(client);
      const again = await loadDemoData(client, 'demo', DEFAULT_SEED);
      expect(again.loaded).toBe(false);
    } finally {
      client.release();
    }
    expect(await counts()).toEqual(before);
    expect(before.region).toBe(552);
    expect(before.attendance).toBeGreaterThan(10_000);
  });

  it('keeps an edited target when the start command runs again', async () => {
    const target = "SELECT t.value FROM target t JOIN indicator i ON i.id = t.indicator_id WHERE i.code = 'AGEN_PERUBAHAN' AND t.region_id IS NULL";
    const original = (await db.sql.query(target)).rows[0].value;
    await db.sql.query(`UPDATE target SET value = value + 1 WHERE region_id IS NULL AND indicator_id = (SELECT id FROM indicator WHERE code = 'AGEN_PERUBAHAN')`);
    const client = await db.sql.connect();
    try {
      expect(await loadReferenceDataOnce(client)).toBe(false);
    } finally {
      client.release();
    }
    expect(Number((await db.sql.query(target)).rows[0].value)).toBe(Number(original) + 1);
  });

  it('refuses to add a second generated data set on top of the first', async () => {
    const client = await db.sql.connect();
    try {
      await expect(loadDemoData(client, 'national', DEFAULT_SEED)).rejects.toThrow(/already holds the demo data set/);
    } finally {
      client.release();
    }
  });
});
