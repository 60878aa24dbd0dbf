import { describe, expect, it } from 'vitest';
import { faded, fileName, hasValues, selectable, tableCsv, toChartConfig, toTableData, type ChartData } from './chart-data';
import { OKABE_ITO, readableText, SEQUENTIAL } from './palette';

const provinces: ChartData = {
	categoryLabel: 'Provinsi',
	categories: ['Aceh', 'Gorontalo', 'Papua'],
	codes: ['11', '75', '91'],
	codeLabel: 'Kode',
	series: [{ label: 'Indeks', values: [64.5, null, 58.25] }]
};

describe('toChartConfig', () => {
	it('turns categories into labels and each series into a dataset in palette order', () => {
		const config = toChartConfig('line', {
			categoryLabel: 'Periode',
			categories: ['T1', 'T2'],
			series: [
				{ label: 'Kegiatan', values: [3, 4] },
				{ label: 'Sesi', values: [7, null] }
			]
		});
		expect(config.type).toBe('line');
		expect(config.data.labels).toEqual(['T1', 'T2']);
		expect(config.data.datasets.map((d) => [d.label, d.data, d.borderColor])).toEqual([
			['Kegiatan', [3, 4], OKABE_ITO[0]],
			['Sesi', [7, null], OKABE_ITO[1]]
		]);
		expect(config.options?.plugins?.legend?.display).toBe(true);
		expect(config.options?.animation).toBe(false);
	});

	it('lays bars out horizontally, keeps per-bar colours and adds a dashed target line', () => {
		const colours = ['#111111', '#222222', '#333333'];
		const config = toChartConfig(
			'bar',
			{ ...provinces, series: [{ ...provinces.series[0], colours }] },
			{ horizontal: true, reference: { label: 'Target', value: 75 } }
		);
		expect(config.options?.indexAxis).toBe('y');
		expect(config.data.datasets[0].backgroundColor).toEqual(colours);
		const target = config.data.datasets[1];
		expect(target).toMatchObject({ type: 'line', label: 'Target', data: [75, 75, 75] });
		expect(config.options?.plugins?.legend?.display).toBe(true);
	});

	it('formats the value axis and tooltips with the given function', () => {
		const config = toChartConfig('bar', provinces, { format: (value) => `${value} %` });
		const scales = config.options?.scales as Record<string, { ticks: { callback: (v: number | string) => string } }>;
		expect(scales.y.ticks.callback(50)).toBe('50 %');
		expect(config.options?.plugins?.legend?.display).toBe(false);
	});
});

describe('toTableData', () => {
	it('lists a row per category with its code first and raw values, null where missing', () => {
		expect(toTableData(provinces)).toEqual({
			header: ['Kode', 'Provinsi', 'Indeks'],
			rows: [
				['11', 'Aceh', 64.5],
				['75', 'Gorontalo', null],
				['91', 'Papua', 58.25]
			],
			numeric: [false, false, true],
			labelColumn: 1
		});
	});

	it('adds the reference as its own column', () => {
		const table = toTableData({ categoryLabel: 'Tahun', categories: ['2024'], series: [{ label: 'Nilai', values: [61] }] }, { label: 'Target', value: 75 });
		expect(table.header).toEqual(['Tahun', 'Nilai', 'Target']);
		expect(table.rows).toEqual([['2024', 61, 75]]);
		expect(table.labelColumn).toBe(0);
	});

	it('gives a CSV with unformatted numbers', () => {
		expect(tableCsv(toTableData(provinces))).toBe('\uFEFFKode,Provinsi,Indeks\r\n11,Aceh,64.5\r\n75,Gorontalo,\r\n91,Papua,58.25\r\n');
	});
});

describe('hasValues', () => {
	it('is false when every value is missing', () => {
		expect(hasValues(provinces)).toBe(true);
		expect(hasValues({ ...provinces, series: [{ label: 'x', values: [null, null, null] }] })).toBe(false);
		expect(hasValues({ ...provinces, series: [] })).toBe(false);
	});
});

describe('fileName', () => {
	it('makes a plain file name of a title', () => {
		expect(fileName('Peringkat provinsi: Indeks BerAKHLAK 2025', 'csv')).toBe('peringkat-provinsi-indeks-berakhlak-2025.csv');
		expect(fileName('Tahap peluncuran (%)', 'png')).toBe('tahap-peluncuran.png');
		expect(fileName('—', 'png')).toBe('grafik.png');
	});
});

describe('readableText', () => {
	it('picks black on light and white on dark backgrounds', () => {
		expect(readableText(SEQUENTIAL[0])).toBe('#000000');
		expect(readableText(SEQUENTIAL[4])).toBe('#ffffff');
		expect(readableText('#f0e442')).toBe('#000000');
	});
});

describe('selectable', () => {
	const href = (code: string) => `?provinsi=${code}`;

	it('gives every category a link by its code and marks the selected one', () => {
		expect(selectable(provinces, href, '75')).toMatchObject({ links: ['?provinsi=11', '?provinsi=75', '?provinsi=91'], selected: 1 });
		expect(selectable(provinces, href, null).selected).toBe(-1);
		expect(selectable(provinces, href, '99').selected).toBe(-1);
	});

	it('leaves a chart without codes alone', () => {
		const years: ChartData = { categoryLabel: 'Tahun', categories: ['2024'], series: [] };
		expect(selectable(years, href, '75')).toBe(years);
	});

	it('carries the links and the selection into the table behind the chart', () => {
		const table = toTableData(selectable(provinces, href, '91'));
		expect(table.links).toEqual(['?provinsi=11', '?provinsi=75', '?provinsi=91']);
		expect(table.selected).toBe(2);
		expect(toTableData(provinces)).not.toHaveProperty('links');
	});
});

describe('picking a bar', () => {
	it('draws the selected bar in full colour with an outline and fades the others', () => {
		const config = toChartConfig('bar', { ...provinces, selected: 1 });
		const [bars] = config.data.datasets;
		expect(bars.backgroundColor).toEqual([faded(OKABE_ITO[0]), OKABE_ITO[0], faded(OKABE_ITO[0])]);
		expect(bars.borderWidth).toEqual([0, 2, 0]);
		// No selection (-1) draws as before.
		expect(toChartConfig('bar', { ...provinces, selected: -1 }).data.datasets[0].backgroundColor).toBe(OKABE_ITO[0]);
	});

	it('fades a colour towards white', () => {
		expect(faded('#000000')).toBe('#a6a6a6');
		expect(faded('#ffffff')).toBe('#ffffff');
		expect(faded('#0072b2', 1)).toBe('#0072b2');
	});

	it('reports the clicked category, and nothing for a click beside the bars', () => {
		const picked: number[] = [];
		const config = toChartConfig('bar', provinces, { onPick: (index) => picked.push(index) });
		const onClick = config.options?.onClick as unknown as (event: unknown, elements: { index: number }[]) => void;
		onClick({}, [{ index: 2 }]);
		onClick({}, []);
		expect(picked).toEqual([2]);
		expect(toChartConfig('bar', provinces).options).not.toHaveProperty('onClick');
	});
});

