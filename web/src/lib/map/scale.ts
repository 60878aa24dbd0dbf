import { NO_DATA, readableText, SEQUENTIAL } from '$lib/charts/palette';

/** One class of a sequential scale: values from `min` up to `max` (both included for the last class). */
export interface ScaleClass {
	min: number;
	max: number;
	colour: string;
}

/**
 * Equal-interval classes between the lowest and the highest value, as many as the palette has colours
 * (fewer when all values are the same). Missing values are left out; no values give no classes.
 */
export function sequentialClasses(values: readonly (number | null | undefined)[], colours: readonly string[] = SEQUENTIAL): ScaleClass[] {
	const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
	if (present.length === 0) return [];
	const min = Math.min(...present);
	const max = Math.max(...present);
	if (min === max) return [{ min, max, colour: colours[colours.length - 1] }];
	const step = (max - min) / colours.length;
	return colours.map((colour, index) => ({
		min: min + step * index,
		max: index === colours.length - 1 ? max : min + step * (index + 1),
		colour
	}));
}

/** The colour of a value on the classes; grey when it is missing. */
export function colourOf(value: number | null | undefined, classes: readonly ScaleClass[]): string {
	if (typeof value !== 'number' || classes.length === 0) return NO_DATA;
	const found = classes.find((range) => value < range.max) ?? classes[classes.length - 1];
	return found.colour;
}

export { readableText };
