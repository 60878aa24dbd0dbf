import { describe, expect, it } from 'vitest';
import { filterQuery } from './filters';
import { parseSelection, SELECTION_PARAM, withSelection } from './selection';

describe('parseSelection', () => {
	it('reads a province code from `provinsi`', () => {
		expect(SELECTION_PARAM).toBe('provinsi');
		expect(parseSelection(new URLSearchParams('tahun=2025&provinsi=75'))).toBe('75');
		expect(parseSelection(new URLSearchParams('provinsi=%2011%20'))).toBe('11');
		expect(parseSelection(new URLSearchParams('provinsi=96'))).toBe('96');
	});

	it('selects nothing for a missing, empty or unknown code, or a code that is not a province', () => {
		for (const query of ['', 'provinsi=', 'provinsi=99', 'provinsi=75.71', 'provinsi=Gorontalo', 'provinsi=7', 'wilayah=75']) {
			expect(parseSelection(new URLSearchParams(query)), query).toBeNull();
		}
	});

	it('takes the first of repeated codes', () => {
		expect(parseSelection(new URLSearchParams('provinsi=75&provinsi=11'))).toBe('75');
	});
});

describe('withSelection', () => {
	const filters = { program: '', indicator: 'INDEKS_BERAKHLAK', year: 2025, colour: 'tahap' as const };

	it('adds the selection to the filters, replacing any earlier one', () => {
		expect(withSelection(filterQuery(filters), '75')).toBe('?indikator=INDEKS_BERAKHLAK&tahun=2025&provinsi=75');
		expect(withSelection('?indikator=X&provinsi=11&tahun=2024', '75')).toBe('?indikator=X&tahun=2024&provinsi=75');
	});

	it('clears it, keeping the filters', () => {
		expect(withSelection('?indikator=X&provinsi=11&tahun=2024', null)).toBe('?indikator=X&tahun=2024');
		expect(withSelection('?provinsi=11', null)).toBe('?');
	});

	it('round-trips through parseSelection', () => {
		const query = withSelection(filterQuery({ ...filters, program: 'GIM', colour: 'indikator' }), '31');
		expect(parseSelection(new URLSearchParams(query))).toBe('31');
	});
});
