import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_DATA, SEQUENTIAL } from '$lib/charts/palette';
import { GRID_COLUMNS, GRID_ROWS, regionPath, TILES } from './layout';
import { colourOf, sequentialClasses } from './scale';

// The region list the product loads (idn-area-data, through the db package): the map must place every province in it.
const provinceCodes = readFileSync(new URL('../../../../db/node_modules/idn-area-data/data/provinces.csv', import.meta.url), 'utf8')
	.trim()
	.split(/\r?\n/)
	.slice(1)
	.map((line) => line.split(',')[0]);

describe('the tile map layout', () => {
	it('has 38 tiles on 38 distinct positions', () => {
		expect(TILES).toHaveLength(38);
		expect(new Set(TILES.map((tile) => `${tile.row},${tile.col}`)).size).toBe(38);
	});

	it('places exactly the provinces of the region list', () => {
		expect(provinceCodes).toHaveLength(38);
		expect(TILES.map((tile) => tile.code).sort()).toEqual([...provinceCodes].sort());
	});

	it('gives every tile a distinct two-letter ISO 3166-2 code', () => {
		expect(new Set(TILES.map((tile) => tile.iso)).size).toBe(38);
		for (const tile of TILES) expect(tile.iso).toMatch(/^[A-Z]{2}$/);
	});

	it('runs from Aceh in the far west to Papua in the far east', () => {
		const col = (code: string) => TILES.find((tile) => tile.code === code)!.col;
		expect(col('11')).toBe(0);
		for (const papua of ['91', '92', '93', '94', '95', '96']) expect(col(papua)).toBeGreaterThan(col('81') - 1);
		expect(Math.max(...['91', '93', '95'].map(col))).toBe(GRID_COLUMNS - 1);
		// Java lies south of Kalimantan, Kalimantan west of Sulawesi.
		const row = (code: string) => TILES.find((tile) => tile.code === code)!.row;
		expect(row('32')).toBeGreaterThan(row('62'));
		expect(col('64')).toBeLessThan(col('73'));
		expect(GRID_ROWS).toBe(8);
	});

	it('links a province to its page', () => {
		expect(regionPath('75')).toBe('/wilayah/75');
	});
});

describe('sequentialClasses', () => {
	it('splits the range of the values into five equal classes, ignoring missing values', () => {
		const classes = sequentialClasses([50, null, 100, 75]);
		expect(classes.map((c) => [c.min, c.max, c.colour])).toEqual([
			[50, 60, SEQUENTIAL[0]],
			[60, 70, SEQUENTIAL[1]],
			[70, 80, SEQUENTIAL[2]],
			[80, 90, SEQUENTIAL[3]],
			[90, 100, SEQUENTIAL[4]]
		]);
	});

	it('has one class when all values are equal and none without values', () => {
		expect(sequentialClasses([3, 3])).toEqual([{ min: 3, max: 3, colour: SEQUENTIAL[4] }]);
		expect(sequentialClasses([null, undefined])).toEqual([]);
	});
});

describe('colourOf', () => {
	const classes = sequentialClasses([0, 100]);

	it('colours a value by its class, the maximum in the last one', () => {
		expect(colourOf(0, classes)).toBe(SEQUENTIAL[0]);
		expect(colourOf(39.9, classes)).toBe(SEQUENTIAL[1]);
		expect(colourOf(40, classes)).toBe(SEQUENTIAL[2]);
		expect(colourOf(100, classes)).toBe(SEQUENTIAL[4]);
	});

	it('greys out a missing value', () => {
		expect(colourOf(null, classes)).toBe(NO_DATA);
		expect(colourOf(5, [])).toBe(NO_DATA);
	});
});
