export type CsvCell = string | number | null | undefined;

/**
 * A table as CSV that spreadsheets open as they are: a byte-order mark so Excel reads UTF-8,
 * CRLF line ends, and numbers written plainly (a dot for decimals, no grouping), so the export
 * holds the API's figures rather than their localised display.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const lines = [header, ...rows].map((row) => row.map(cell).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
	// A leading = + - @ would be read as a formula by spreadsheets: quote it as text.
	const guarded = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
	return /[",\r\n]/.test(guarded) || guarded !== text ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A link target that downloads the CSV without any script: the table's bytes in a data URL. */
export function csvDataUrl(csv: string): string {
	return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
