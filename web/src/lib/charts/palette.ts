/**
 * Colours of charts and maps. Series and categories take the Okabe–Ito palette (the same tokens as
 * app.css), which stays distinguishable under the common colour-vision deficiencies; ordered values take
 * a single-hue sequential scale (ColorBrewer Blues), light for low and dark for high.
 */
export const OKABE_ITO = [
	'#0072b2', // blue
	'#e69f00', // orange
	'#009e73', // bluish green
	'#cc79a7', // reddish purple
	'#56b4e9', // sky blue
	'#d55e00', // vermillion
	'#f0e442', // yellow
	'#000000'
] as const;

/** Five classes, lightest first. */
export const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

/** For a missing value: a neutral grey, told apart from the scale by its legend entry and its text. */
export const NO_DATA = '#d9d9d9';

/** The n-th series colour, cycling through the palette. */
export function seriesColour(index: number): string {
	return OKABE_ITO[index % OKABE_ITO.length];
}

function luminance(hex: string): number {
	const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
	const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the background (`#rrggbb`). */
export function readableText(background: string): '#000000' | '#ffffff' {
	const l = luminance(background);
	return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/**
 * Rollout stages by milestone position (0: not started), in Okabe–Ito colours. The stages are ordered, but
 * each also needs to be told apart on a map, so they take distinct hues rather than shades.
 */
export const STAGE_COLOURS = ['#d9d9d9', '#f0e442', '#e69f00', '#56b4e9', '#0072b2', '#009e73'] as const;

export function stageColour(position: number | null | undefined): string {
	return STAGE_COLOURS[position ?? 0] ?? STAGE_COLOURS[0];
}
