import type { ChartConfiguration, ChartType } from 'chart.js';
import { toCsv, type CsvCell } from '$lib/export/csv';
import { seriesColour } from './palette';

/** One line or set of bars: a value per category, null where there is none. */
export interface Series {
	label: string;
	values: readonly (number | null)[];
	/** A colour per bar (e.g. by stage); the series colour otherwise. */
	colours?: readonly string[];
}

/** What a chart shows and its table lists: categories (x axis, table rows) and series (table columns). */
export interface ChartData {
	/** Heading of the category column, e.g. `Provinsi`. */
	categoryLabel: string;
	categories: readonly string[];
	/** Codes of the categories (e.g. province codes), listed in a first column of the table and CSV. */
	codes?: readonly string[];
	codeLabel?: string;
	series: readonly Series[];
	/** Where picking a category leads (a bar, or the row of the table), e.g. the same page with it selected. */
	links?: readonly string[];
	/** The category picked on the page, drawn and listed as such; none when absent or -1. */
	selected?: number;
}

export interface ChartOptions {
	/** Horizontal bars (one row per category), for long names such as provinces. */
	horizontal?: boolean;
	/** Stack the series (bars only). */
	stacked?: boolean;
	/** A horizontal or vertical reference line, e.g. a target, drawn as its own dashed series. */
	reference?: { label: string; value: number };
	/** How a value reads in tooltips and on the value axis. */
	format?: (value: number) => string;
	/** The value axis starts at 0 (default) or fits the data. */
	beginAtZero?: boolean;
	/** Called with the category's index when a bar or point is clicked. */
	onPick?: (index: number) => void;
}

/** The bars of categories other than the picked one: the series colour, faded towards white. */
export function faded(hex: string, keep = 0.35): string {
	const channel = (start: number) => Math.round(parseInt(hex.slice(start, start + 2), 16) * keep + 255 * (1 - keep));
	return `#${[1, 3, 5].map((start) => channel(start).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Categories (by their codes) made pickable: each leads to `href(code)`, and `selected` (a code) is the one
 * picked. Nothing changes for a chart without codes.
 */
export function selectable(data: ChartData, href: (code: string) => string, selected: string | null): ChartData {
	if (!data.codes) return data;
	return { ...data, links: data.codes.map(href), selected: selected === null ? -1 : data.codes.indexOf(selected) };
}

export function hasValues(data: ChartData): boolean {
	return data.series.some((series) => series.values.some((value) => value !== null));
}

/** A Chart.js configuration for bars or lines; colours from the colour-blind-safe palette. */
export function toChartConfig(
	type: Extract<ChartType, 'bar' | 'line'>,
	data: ChartData,
	options: ChartOptions = {}
): ChartConfiguration<'bar' | 'line', (number | null)[], string> {
	const { horizontal = false, stacked = false, reference, format, beginAtZero = true, onPick } = options;
	const picked = type === 'bar' && data.selected !== undefined && data.selected >= 0 ? data.selected : null;
	const datasets: ChartConfiguration<'bar' | 'line', (number | null)[], string>['data']['datasets'] = data.series.map(
		(series, index) => {
			const colour = seriesColour(index);
			if (picked !== null && !series.colours) {
				// The picked bar keeps the full colour with a black outline; the others fade behind it.
				const isPicked = (bar: number) => bar === picked;
				return {
					type,
					label: series.label,
					data: [...series.values],
					backgroundColor: series.values.map((_, bar) => (isPicked(bar) ? colour : faded(colour))),
					borderColor: series.values.map((_, bar) => (isPicked(bar) ? '#000000' : faded(colour))),
					borderWidth: series.values.map((_, bar) => (isPicked(bar) ? 2 : 0))
				};
			}
			return {
				type,
				label: series.label,
				data: [...series.values],
				backgroundColor: series.colours ? [...series.colours] : colour,
				borderColor: type === 'line' ? colour : series.colours ? '#1a1a1a' : colour,
				borderWidth: type === 'line' ? 2 : series.colours ? 1 : 0,
				pointRadius: type === 'line' ? 3 : undefined,
				spanGaps: false
			};
		}
	);
	if (reference) {
		datasets.push({
			type: 'line',
			label: reference.label,
			data: data.categories.map(() => reference.value),
			borderColor: '#000000',
			backgroundColor: '#000000',
			borderDash: [6, 4],
			borderWidth: 1.5,
			pointRadius: 0
		});
	}
	const tick = format ? (value: number | string) => (typeof value === 'number' ? format(value) : value) : undefined;
	const valueAxis = { beginAtZero, stacked, ticks: tick ? { callback: tick } : {} };
	const categoryAxis = { stacked, ticks: { autoSkip: !horizontal } };
	return {
		type,
		data: { labels: [...data.categories], datasets },
		options: {
			indexAxis: horizontal ? 'y' : 'x',
			responsive: true,
			maintainAspectRatio: false,
			// Figures for a briefing, not a show: no animation, and the PNG is the chart as it stands.
			animation: false,
			scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
			...(onPick
				? {
						onClick: (_event: unknown, elements: readonly { index: number }[]) => {
							if (elements.length > 0) onPick(elements[0].index);
						},
						onHover: (_event: unknown, elements: readonly unknown[], chart: { canvas: HTMLCanvasElement }) => {
							chart.canvas.style.cursor = elements.length > 0 ? 'pointer' : '';
						}
					}
				: {}),
			plugins: {
				legend: { display: datasets.length > 1, position: 'bottom' },
				tooltip: format
					? {
							callbacks: {
								label: (item) => {
									const value = item.parsed[horizontal ? 'x' : 'y'];
									return `${item.dataset.label}: ${value === null || value === undefined ? '–' : format(value)}`;
								}
							}
						}
					: {}
			}
		}
	};
}

export interface TableData {
	header: string[];
	/** Raw cells: numbers stay numbers, for the CSV. */
	rows: CsvCell[][];
	/** Which columns hold numbers (right-aligned, formatted for display). */
	numeric: boolean[];
	/** The column naming each row (its row header). */
	labelColumn: number;
	/** Where each row's name leads, if anywhere. */
	links?: readonly string[];
	/** The row picked on the page; none when absent or -1. */
	selected?: number;
}

/** The table behind a chart: a row per category, a column per series (and the codes first, if given). */
export function toTableData(data: ChartData, reference?: ChartOptions['reference']): TableData {
	const withCodes = data.codes !== undefined;
	const header = [
		...(withCodes ? [data.codeLabel ?? ''] : []),
		data.categoryLabel,
		...data.series.map((series) => series.label),
		...(reference ? [reference.label] : [])
	];
	const rows = data.categories.map((category, index) => [
		...(withCodes ? [data.codes![index]] : []),
		category,
		...data.series.map((series) => series.values[index] ?? null),
		...(reference ? [reference.value] : [])
	]);
	const labelColumn = withCodes ? 1 : 0;
	const numeric = header.map((_, column) => column > labelColumn);
	const table: TableData = { header, rows, numeric, labelColumn };
	if (data.links) table.links = data.links;
	if (data.selected !== undefined) table.selected = data.selected;
	return table;
}

export function tableCsv(table: TableData): string {
	return toCsv(table.header, table.rows);
}

/** A file name from a title: lower case, letters and digits joined by dashes. */
export function fileName(title: string, extension: string): string {
	const stem = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `${stem || 'grafik'}.${extension}`;
}
