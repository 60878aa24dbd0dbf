import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/export/csv';
import {
	eventCsvRows,
	eventHref,
	eventsVariables,
	EVENTS_CSV_HEADER,
	hasErrors,
	isFiltered,
	pageLinks,
	parseEventsQuery,
	participatingRegions,
	regionCsvRows,
	type EventListItem
} from './events';

const parse = (search: string) => parseEventsQuery(new URLSearchParams(search));

describe('parseEventsQuery', () => {
	it('reads every filter of the URL into the API’s filter', () => {
		const query = parse('program=BERAKHLAK&jenis=WORKSHOP&moda=ONLINE&status=HELD&dari=2024-01-01&sampai=2024-03-31&wilayah=13.77&cari=%20aula%20');
		expect(query.errors).toEqual({});
		expect(query.filter).toEqual({
			programCode: 'BERAKHLAK',
			kinds: ['WORKSHOP'],
			modes: ['ONLINE'],
			statuses: ['HELD'],
			period: { from: '2024-01-01', to: '2024-03-31' },
			regionCode: '13.77',
			search: 'aula'
		});
		expect(query.values.cari).toBe('aula');
		expect(isFiltered(query)).toBe(true);
	});

	it('treats empty fields (a submitted form left blank) as no filter', () => {
		const query = parse('program=&jenis=&moda=&status=&dari=&sampai=&wilayah=&cari=');
		expect(query.filter).toEqual({});
		expect(hasErrors(query)).toBe(false);
		expect(isFiltered(query)).toBe(false);
	});

	it('takes repeated choices as any of them, once each', () => {
		expect(parse('jenis=WORKSHOP&jenis=CEREMONY&jenis=WORKSHOP').filter.kinds).toEqual(['WORKSHOP', 'CEREMONY']);
	});

	it.each([
		['jenis=PICNIC', 'jenis', 'events.invalidChoice'],
		['moda=SOMETIMES', 'moda', 'events.invalidChoice'],
		['status=DONE', 'status', 'events.invalidChoice'],
		['dari=2024-02-30', 'dari', 'form.invalidDate'],
		['sampai=kemarin', 'sampai', 'form.invalidDate'],
		['dari=2024-05-01&sampai=2024-04-01', 'sampai', 'events.toBeforeFrom'],
		['wilayah=Gorontalo', 'wilayah', 'events.invalidRegion']
	])('names the field of a value that cannot be right: %s', (search, field, key) => {
		const query = parse(search);
		expect(query.errors).toEqual({ [field]: key });
		expect(hasErrors(query)).toBe(true);
	});

	it('keeps the page cursor and the trail of earlier pages, dropping what is not a cursor', () => {
		expect(parse('setelah=abc_1-2&jejak=p2.p3')).toMatchObject({ after: 'abc_1-2', trail: ['p2', 'p3'] });
		expect(parse('setelah=a%20b&jejak=p2')).toMatchObject({ after: null, trail: [] });
		expect(parse('jejak=p2')).toMatchObject({ after: null, trail: [] });
	});
});

describe('eventsVariables', () => {
	it('builds the variables of the events query from the URL', () => {
		expect(eventsVariables(parse('jenis=WORKSHOP&wilayah=75&setelah=c2'))).toEqual({
			first: 50,
			after: 'c2',
			filter: { kinds: ['WORKSHOP'], regionCode: '75' }
		});
		expect(eventsVariables(parse(''), 10)).toEqual({ first: 10, after: null, filter: {} });
	});
});

describe('pageLinks', () => {
	const more = { hasNextPage: true, endCursor: 'c2' };
	const last = { hasNextPage: false, endCursor: 'c9' };

	it('links the first page to the second only, keeping the filters', () => {
		const params = new URLSearchParams('jenis=WORKSHOP');
		expect(pageLinks(params, parse(params.toString()), more)).toEqual({
			number: 1,
			previous: null,
			next: '/kegiatan?jenis=WORKSHOP&setelah=c2'
		});
	});

	it('walks forward and back through the trail of cursors', () => {
		const second = new URLSearchParams('jenis=WORKSHOP&setelah=c1');
		const onSecond = pageLinks(second, parse(second.toString()), more);
		expect(onSecond).toEqual({ number: 2, previous: '/kegiatan?jenis=WORKSHOP', next: '/kegiatan?jenis=WORKSHOP&setelah=c2&jejak=c1' });

		const third = new URL(onSecond.next!, 'http://x').searchParams;
		const onThird = pageLinks(third, parse(third.toString()), { hasNextPage: true, endCursor: 'c3' });
		expect(onThird).toEqual({ number: 3, previous: '/kegiatan?jenis=WORKSHOP&setelah=c1', next: '/kegiatan?jenis=WORKSHOP&setelah=c3&jejak=c1.c2' });
	});

	it('has no next link on the last page, and plain /kegiatan back to an unfiltered first page', () => {
		const params = new URLSearchParams('setelah=c1');
		expect(pageLinks(params, parse(params.toString()), last)).toEqual({ number: 2, previous: '/kegiatan', next: null });
	});
});

describe('event codes', () => {
	it('links an event by its code, as one path segment', () => {
		expect(eventHref('KEG-000123')).toBe('/kegiatan/KEG-000123');
		expect(eventHref('SOS/2024/01')).toBe('/kegiatan/SOS%2F2024%2F01');
	});
});

const event = (over: Partial<EventListItem> = {}): EventListItem => ({
	id: '7',
	code: 'KEG-000007',
	title: 'Sosialisasi BerAKHLAK, Angkatan 1',
	kind: 'SOCIALISATION',
	mode: 'HYBRID',
	status: 'HELD',
	startsAt: '2024-03-05T01:00:00.000Z',
	endsAt: '2024-03-05T05:00:00.000Z',
	organiser: 'BKPSDM Kota Pariaman',
	program: { code: 'BERAKHLAK', name: 'BerAKHLAK' },
	hostRegion: { code: '13.77', name: 'Kota Pariaman' },
	regionCount: 1,
	participantCount: 120,
	...over
});

describe('CSV rows', () => {
	it('writes one row per event with the API’s values, a national event without host', () => {
		const rows = eventCsvRows([event(), event({ id: '8', code: 'KEG-000008', hostRegion: null, regionCount: 300, participantCount: 12345 })]);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toEqual([
			'KEG-000007',
			'Sosialisasi BerAKHLAK, Angkatan 1',
			'BERAKHLAK',
			'SOCIALISATION',
			'HYBRID',
			'HELD',
			'2024-03-05T01:00:00.000Z',
			'2024-03-05T05:00:00.000Z',
			'BKPSDM Kota Pariaman',
			'13.77',
			'Kota Pariaman',
			1,
			120
		]);
		expect(rows[1].slice(9)).toEqual([null, null, 300, 12345]);
		expect(rows[0]).toHaveLength(EVENTS_CSV_HEADER.length);
		expect(toCsv(EVENTS_CSV_HEADER, rows).split('\r\n')[1]).toContain('"Sosialisasi BerAKHLAK, Angkatan 1"');
	});
});

describe('participatingRegions', () => {
	const row = (code: string, name: string, participants: number, level: 'PROVINCE' | 'REGENCY' | 'CITY' = 'CITY') => ({
		node: { participants, region: { code, name, level } }
	});

	it('adds up each region’s participants over the sessions, by region code', () => {
		const regions = participatingRegions([
			{ attendance: { edges: [row('75', 'Gorontalo', 10, 'PROVINCE'), row('13.77', 'Kota Pariaman', 40)] } },
			{ attendance: { edges: [row('13.77', 'Kota Pariaman', 25)] } },
			{ attendance: { edges: [] } }
		]);
		expect(regions).toEqual([
			{ code: '13.77', name: 'Kota Pariaman', level: 'CITY', sessions: 2, participants: 65 },
			{ code: '75', name: 'Gorontalo', level: 'PROVINCE', sessions: 1, participants: 10 }
		]);
		expect(regionCsvRows(regions)).toEqual([
			['13.77', 'Kota Pariaman', 'CITY', 2, 65],
			['75', 'Gorontalo', 'PROVINCE', 1, 10]
		]);
	});
});
