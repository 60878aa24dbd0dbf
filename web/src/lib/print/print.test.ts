import { describe, expect, it } from 'vitest';
import { isPrintable, printedFilters } from './print';

describe('isPrintable', () => {
	it('offers printing on the overview, region, indicator and event pages only', () => {
		expect(['/(app)', '/(app)/wilayah/[code]', '/(app)/indikator', '/(app)/kegiatan', '/(app)/kegiatan/[code]'].every(isPrintable)).toBe(true);
		expect(['/(app)/impor', '/(app)/laporan', '/(app)/api', '/masuk'].some(isPrintable)).toBe(false);
		expect(isPrintable(null)).toBe(false);
	});
});

describe('printedFilters', () => {
	it('keeps filled fields in order with folded whitespace', () => {
		expect(
			printedFilters([
				{ label: ' Indikator ', type: 'select', shown: 'Indeks\n\t BerAKHLAK' },
				{ label: 'Tahun', type: 'select', shown: '2025' },
				{ label: 'Kode wilayah', type: 'text', shown: '75' }
			])
		).toEqual([
			{ label: 'Indikator', value: 'Indeks BerAKHLAK' },
			{ label: 'Tahun', value: '2025' },
			{ label: 'Kode wilayah', value: '75' }
		]);
	});

	it('leaves out empty, hidden and button fields', () => {
		expect(
			printedFilters([
				{ label: 'Cari', type: 'search', shown: '  ' },
				{ label: 'Dari', type: 'date', shown: '' },
				{ label: 'provinsi', type: 'hidden', shown: '75' },
				{ label: 'Tampilkan', type: 'submit', shown: 'Tampilkan' },
				{ label: '', type: 'select', shown: 'Semua' }
			])
		).toEqual([]);
	});
});
