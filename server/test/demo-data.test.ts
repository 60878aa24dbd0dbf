import { loadDemoData } from '@berakhlak/db';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabase } from './support/database.js';

/** A digest of every generated table, so two loads can be compared row for row. */
async function fingerprint(sql: pg.Pool): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    event: 'SELECT id, program_id, title, kind, organiser, host_region_id, mode, starts_at, ends_at, venue, status FROM event',
    event_core_value: 'SELECT event_id, core_value_id FROM event_core_value',
    session: 'SELECT id, event_id, topic, mode, starts_at, ends_at FROM session',
    speaker: 'SELECT session_id, position, name, role FROM speaker',
    attendance: 'SELECT session_id, region_id, participants FROM attendance',
    observation: 'SELECT indicator_id, region_id, period_start, core_value_id, value, reported_at FROM observation',
    region_milestone: 'SELECT region_id, milestone_id, reached_on FROM region_milestone',
  };
  const result: Record<string, string> = {};
  for (const [table, query] of Object.entries(tables)) {
    const { rows } = await sql.query(`SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM (${query}) t`);
    result[table] = rows[0].digest;
  }
  return result;
}

describe('demo data generator', () => {
  let demo: TestDatabase;
  let again: TestDatabase;
  let otherSeed: TestDatabase;

  beforeAll(async () => {
    demo = await testDatabase('demo');
    [again, otherSeed] = await Promise.all([testDatabase('empty'), testDatabase('empty')]);
    for (const [db, seed] of [[again, 20210727], [otherSeed, 7]] as const) {
      const { migrate } = await import('../src/database/orm.js');
      await migrate(await db.orm());
      const { loadReferenceData } = await import('@berakhlak/db');
      const client = await db.sql.connect();
      await loadReferenceData(client);
      await loadDemoData(client, 'demo', seed);
      client.release();
    }
  });
  afterAll(async () => {
    await Promise.all([demo.drop(), again.drop(), otherSeed.drop()]);
  });

  it('gives the same data for the same seed and other data for another seed', async () => {
    const [first, second, other] = await Promise.all([fingerprint(demo.sql), fingerprint(again.sql), fingerprint(otherSeed.sql)]);
    expect(second).toEqual(first);
    expect(other.attendance).not.toEqual(first.attendance);
    expect(other.observation).not.toEqual(first.observation);
  });

  it('holds the events reported in the news, with their dates, speakers and participants', async () => {
    const { rows } = await demo.sql.query(
      `SELECT e.title, to_char(e.starts_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS day, e.mode, h.code AS host, p.code AS program
       FROM event e JOIN program p ON p.id = e.program_id LEFT JOIN region h ON h.id = e.host_region_id
       WHERE e.title IN ('BerAKHLAK: Transformasi Budaya Kerja di Era 4.0', 'Workshop Penguatan Budaya Kerja BerAKHLAK', 'OBSSESIF Eps. II', 'Kuliah Umum Gerakan Indonesia Melayani')
         AND e.starts_at < '2022-08-01' AND (e.id <= 4)
       ORDER BY e.starts_at`,
    );
    expect(rows).toEqual([
      { title: 'Kuliah Umum Gerakan Indonesia Melayani', day: '2020-09-03', mode: 'ONLINE', host: null, program: 'GIM' },
      { title: 'BerAKHLAK: Transformasi Budaya Kerja di Era 4.0', day: '2022-02-23', mode: 'HYBRID', host: null, program: 'BERAKHLAK' },
      { title: 'Workshop Penguatan Budaya Kerja BerAKHLAK', day: '2022-03-17', mode: 'ONLINE', host: '75', program: 'BERAKHLAK' },
      { title: 'OBSSESIF Eps. II', day: '2022-07-28', mode: 'OFFLINE', host: null, program: 'BERAKHLAK' },
    ]);
    const pariaman = await demo.sql.query(
      `SELECT count(*)::int AS n FROM attendance a JOIN session s ON s.id = a.session_id JOIN event e ON e.id = s.event_id JOIN region r ON r.id = a.region_id
       WHERE e.title = 'BerAKHLAK: Transformasi Budaya Kerja di Era 4.0' AND e.id <= 4 AND r.code = '13.77'`,
    );
    expect(pariaman.rows[0].n).toBe(1);
    const speakers = await demo.sql.query(
      `SELECT sp.role FROM speaker sp JOIN session s ON s.id = sp.session_id JOIN event e ON e.id = s.event_id
       WHERE e.title = 'Workshop Penguatan Budaya Kerja BerAKHLAK' AND e.id <= 4 ORDER BY sp.position`,
    );
    expect(speakers.rows.map((row) => row.role)).toEqual(['Sekretaris Jenderal Kemendagri', 'Founder ESQ Leadership Center']);
  });

  it('tells the roadmap: Adaptif scores lowest, national scores near the published 2022 figure', async () => {
    const { rows } = await demo.sql.query(
      `SELECT v.code, round((sum(o.value * r.headcount) / sum(r.headcount))::numeric, 1)::float AS score
       FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN core_value v ON v.id = o.core_value_id JOIN region r ON r.id = o.region_id
       WHERE i.code = 'INDEKS_BERAKHLAK' AND o.period_start = '2022-01-01' GROUP BY v.code ORDER BY score`,
    );
    expect(rows[0].code).toBe('ADAPTIF');
    const mean = rows.reduce((sum, row) => sum + row.score, 0) / rows.length;
    expect(mean).toBeGreaterThan(57);
    expect(mean).toBeLessThan(65);
  });

  it('moves regions through the milestones at different paces, with some lagging', async () => {
    const { rows } = await demo.sql.query(
      `SELECT coalesce(max(m.position), 0) AS stage, count(*)::int AS regions
       FROM region r LEFT JOIN region_milestone rm ON rm.region_id = r.id LEFT JOIN milestone m ON m.id = rm.milestone_id
       GROUP BY r.id`,
    );
    const stages = new Set(rows.map((row) => Number(row.stage)));
    expect(stages.size).toBeGreaterThanOrEqual(4);
    const order = await demo.sql.query(
      `SELECT count(*)::int AS out_of_order FROM region_milestone a JOIN milestone ma ON ma.id = a.milestone_id
       JOIN region_milestone b ON b.region_id = a.region_id JOIN milestone mb ON mb.id = b.milestone_id
       WHERE ma.position < mb.position AND a.reached_on > b.reached_on`,
    );
    expect(order.rows[0].out_of_order).toBe(0);
  });

  it('draws national video conferences from hundreds of regions, never above a region headcount', async () => {
    const { rows } = await demo.sql.query(
      `SELECT max(regions)::int AS widest FROM (SELECT count(*) AS regions FROM attendance GROUP BY session_id) t`,
    );
    expect(rows[0].widest).toBeGreaterThan(200);
    const over = await demo.sql.query('SELECT count(*)::int AS n FROM attendance a JOIN region r ON r.id = a.region_id WHERE a.participants > r.headcount');
    expect(over.rows[0].n).toBe(0);
  });

  it('leaves some reports missing, as real regions do', async () => {
    const { rows } = await demo.sql.query(
      `SELECT count(DISTINCT region_id)::int AS reported FROM observation o JOIN indicator i ON i.id = o.indicator_id
       WHERE i.code = 'PENGADUAN_TEPAT_WAKTU' AND o.period_start = '2025-06-01'`,
    );
    expect(rows[0].reported).toBeGreaterThan(480);
    expect(rows[0].reported).toBeLessThan(552);
  });
});
