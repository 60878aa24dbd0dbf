/**
 * The 38 provinces as equal tiles on a grid that follows the archipelago west to east: Sumatra from Aceh
 * down to Lampung, Java–Bali–Nusa Tenggara along the bottom, Kalimantan above Java, Sulawesi and Maluku to
 * its east, the six Papua provinces at the far east. Each tile carries the ISO 3166-2 subdivision letters.
 */
export interface Tile {
	/** Kemendagri province code. */
	code: string;
	/** ISO 3166-2 code without the `ID-` prefix, e.g. `GO`. */
	iso: string;
	row: number;
	col: number;
}

export const TILES: readonly Tile[] = [
	// Sumatra and the islands around it
	{ code: '11', iso: 'AC', row: 0, col: 0 },
	{ code: '12', iso: 'SU', row: 1, col: 1 },
	{ code: '13', iso: 'SB', row: 2, col: 1 },
	{ code: '14', iso: 'RI', row: 2, col: 2 },
	{ code: '21', iso: 'KR', row: 2, col: 3 },
	{ code: '17', iso: 'BE', row: 3, col: 1 },
	{ code: '15', iso: 'JA', row: 3, col: 2 },
	{ code: '16', iso: 'SS', row: 4, col: 2 },
	{ code: '19', iso: 'BB', row: 4, col: 3 },
	{ code: '18', iso: 'LA', row: 5, col: 3 },
	// Java, Bali and Nusa Tenggara
	{ code: '31', iso: 'JK', row: 5, col: 4 },
	{ code: '36', iso: 'BT', row: 6, col: 3 },
	{ code: '32', iso: 'JB', row: 6, col: 4 },
	{ code: '33', iso: 'JT', row: 6, col: 5 },
	{ code: '35', iso: 'JI', row: 6, col: 6 },
	{ code: '51', iso: 'BA', row: 6, col: 7 },
	{ code: '52', iso: 'NB', row: 6, col: 8 },
	{ code: '53', iso: 'NT', row: 6, col: 9 },
	{ code: '34', iso: 'YO', row: 7, col: 5 },
	// Kalimantan
	{ code: '65', iso: 'KU', row: 1, col: 7 },
	{ code: '61', iso: 'KB', row: 2, col: 5 },
	{ code: '62', iso: 'KT', row: 2, col: 6 },
	{ code: '64', iso: 'KI', row: 2, col: 7 },
	{ code: '63', iso: 'KS', row: 3, col: 7 },
	// Sulawesi
	{ code: '72', iso: 'ST', row: 2, col: 9 },
	{ code: '75', iso: 'GO', row: 2, col: 10 },
	{ code: '71', iso: 'SA', row: 2, col: 11 },
	{ code: '76', iso: 'SR', row: 3, col: 8 },
	{ code: '73', iso: 'SN', row: 3, col: 9 },
	{ code: '74', iso: 'SG', row: 3, col: 10 },
	// Maluku
	{ code: '82', iso: 'MU', row: 2, col: 12 },
	{ code: '81', iso: 'MA', row: 3, col: 13 },
	// Papua
	{ code: '96', iso: 'PD', row: 2, col: 13 },
	{ code: '92', iso: 'PB', row: 2, col: 14 },
	{ code: '91', iso: 'PA', row: 2, col: 15 },
	{ code: '94', iso: 'PT', row: 3, col: 14 },
	{ code: '95', iso: 'PE', row: 3, col: 15 },
	{ code: '93', iso: 'PS', row: 4, col: 15 }
];

export const GRID_COLUMNS = Math.max(...TILES.map((tile) => tile.col)) + 1;
export const GRID_ROWS = Math.max(...TILES.map((tile) => tile.row)) + 1;

/** Where a province's own page lives: the map and the tables drill down to it. */
export function regionPath(code: string): string {
	return `/wilayah/${encodeURIComponent(code)}`;
}

/** What the map shows of one province. */
export interface MapTile {
	name: string;
	colour: string;
	/** What the tile tells on hover and focus, e.g. `Dievaluasi` or `63,9`. */
	figure: string;
}

export interface LegendEntry {
	colour: string;
	label: string;
}
