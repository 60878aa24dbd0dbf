/**
 * The print view for briefings: which pages offer the print button, and the filters a printed page names in
 * its header. The page's own filter forms are hidden on paper (app.css, `@media print`), so the header says
 * what they were set to.
 */

/** Routes worth a print button: the overview, the province and region pages, the indicator and event pages. */
export const PRINTABLE_ROUTES: ReadonlySet<string> = new Set([
	'/(app)',
	'/(app)/wilayah/[code]',
	'/(app)/indikator',
	'/(app)/kegiatan',
	'/(app)/kegiatan/[code]'
]);

export function isPrintable(routeId: string | null): boolean {
	return routeId !== null && PRINTABLE_ROUTES.has(routeId);
}

export interface PrintedFilter {
	label: string;
	value: string;
}

/** The label and shown value of one form field, or null for a field that says nothing (hidden, empty, a button). */
export interface FieldReading {
	label: string;
	type: string;
	/** The chosen option's text for a select, the value for an input. */
	shown: string;
}

/** The filters worth printing: filled fields in form order, labels and values trimmed, whitespace folded. */
export function printedFilters(fields: readonly FieldReading[]): PrintedFilter[] {
	const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
	return fields
		.filter((field) => !['hidden', 'submit', 'button', 'reset', 'password', 'file'].includes(field.type))
		.map((field) => ({ label: fold(field.label), value: fold(field.shown) }))
		.filter((field) => field.label !== '' && field.value !== '');
}

/**
 * Reads the filter forms of the page (GET forms in the main content) and anything else marked
 * `data-print-filter="label"` with `data-print-value`, e.g. the province selected on the overview.
 */
export function readFilters(root: ParentNode): PrintedFilter[] {
	const fields: FieldReading[] = [];
	for (const form of root.querySelectorAll<HTMLFormElement>('form')) {
		if (form.method.toLowerCase() !== 'get') continue;
		for (const label of form.querySelectorAll('label')) {
			const control = label.control;
			if (control instanceof HTMLSelectElement) {
				fields.push({ label: label.textContent ?? '', type: 'select', shown: control.selectedOptions[0]?.textContent ?? '' });
			} else if (control instanceof HTMLInputElement) {
				fields.push({ label: label.textContent ?? '', type: control.type, shown: control.type === 'checkbox' ? (control.checked ? '✓' : '') : control.value });
			}
		}
	}
	for (const marked of root.querySelectorAll<HTMLElement>('[data-print-filter]')) {
		fields.push({ label: marked.dataset.printFilter ?? '', type: 'text', shown: marked.dataset.printValue ?? marked.textContent ?? '' });
	}
	return printedFilters(fields);
}
