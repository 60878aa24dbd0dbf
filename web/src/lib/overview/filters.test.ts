import { describe, expect, it } from 'vitest';
import { completenessQuarter, dueYear, filterQuery, parseFilters, stageDay, yearPeriod, yearsUntil } from './filters';

const options = { programs: ['BERAKHLAK', 'GIM'], indicators: ['AGEN_PERUBAHAN', 'INDEKS_BERAKHLAK'], today: '2026-11-23' };

describe('parseFilters', () => {
	it('reads the filters of the query string', () => {
		const params = new URLSearchParams('program=GIM&indikator=AGEN_PERUBAHAN&tahun=2024&warna=indikator');
		expect(parseFilters(params, options)).toEqual({ program: 'GIM', indicator: 'AGEN_PERUBAHAN', year: 2024, colour: 'indikator' });
	});

	it('falls back to the defaults for missing or unknown values', () => {
		expect(parseFilters(new URLSearchParams(), options)).toEqual({ program: '', indicator: 'INDEKS_BERAKHLAK', year: 2026, colour: 'tahap' });
		const odd = new URLSearchParams('program=X&indikator=NOPE&tahun=1999&warna=pink');
		expect(parseFilters(odd, options)).toEqual({ program: '', indicator: 'INDEKS_BERAKHLAK', year: 2026, colour: 'tahap' });
		expect(parseFilters(new URLSearchParams(), { ...options, indicators: ['LAYANAN_ELEKTRONIK'] }).indicator).toBe('LAYANAN_ELEKTRONIK');
	});

	it('opens on the last year the chosen indicator can have a figure for', () => {
		const periodTypes = { INDEKS_BERAKHLAK: 'YEAR', AGEN_PERUBAHAN: 'QUARTER' } as const;
		expect(parseFilters(new URLSearchParams(), { ...options, periodTypes }).year).toBe(2025);
		expect(parseFilters(new URLSearchParams('indikator=AGEN_PERUBAHAN'), { ...options, periodTypes }).year).toBe(2026);
		expect(parseFilters(new URLSearchParams('tahun=2026'), { ...options, periodTypes }).year).toBe(2026);
		expect(parseFilters(new URLSearchParams(), { ...options, periodTypes, today: '2021-09-01' }).year).toBe(2021);
	});

	it('finds the year of the last period that has ended', () => {
		expect([dueYear('YEAR', '2026-11-23'), dueYear('QUARTER', '2026-02-10'), dueYear('QUARTER', '2026-04-01'), dueYear('MONTH', '2026-01-31'), dueYear('MONTH', '2026-02-01')]).toEqual([
			2025, 2025, 2026, 2025, 2026
		]);
	});

	it('round-trips through filterQuery', () => {
		const filters = { program: 'GIM', indicator: 'AGEN_PERUBAHAN', year: 2025, colour: 'indikator' as const };
		expect(filterQuery(filters)).toBe('?program=GIM&indikator=AGEN_PERUBAHAN&tahun=2025&warna=indikator');
		expect(parseFilters(new URLSearchParams(filterQuery(filters)), options)).toEqual(filters);
		expect(filterQuery({ ...filters, program: '', colour: 'tahap' }, { year: 2023 })).toBe('?indikator=AGEN_PERUBAHAN&tahun=2023');
	});
});

describe('periods', () => {
	it('lists the years from the launch, latest first', () => {
		expect(yearsUntil('2023-05-01')).toEqual([2023, 2022, 2021]);
		expect(yearPeriod(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
	});

	it('counts stages at the end of a past year, or today', () => {
		expect(stageDay(2024, '2026-11-23')).toBe('2024-12-31');
		expect(stageDay(2026, '2026-11-23')).toBe('2026-11-23');
	});

	it('checks completeness for the last quarter that has ended', () => {
		expect(completenessQuarter(2026, '2026-11-23')).toEqual({ start: '2026-07-01', type: 'QUARTER' });
		expect(completenessQuarter(2026, '2026-04-01')).toEqual({ start: '2026-01-01', type: 'QUARTER' });
		expect(completenessQuarter(2026, '2026-02-10')).toEqual({ start: '2025-10-01', type: 'QUARTER' });
		expect(completenessQuarter(2024, '2026-11-23')).toEqual({ start: '2024-10-01', type: 'QUARTER' });
	});
});
