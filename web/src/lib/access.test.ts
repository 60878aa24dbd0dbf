import { describe, expect, it } from 'vitest';
import { afterLoginPath, anonymousRedirect, landingPath, loginPath, type RegionRef, type Role } from './access';

const PARIAMAN = { code: '13.77', name: 'Kota Pariaman', level: 'CITY' as const };
const as = (role: Role, scopeRegion: RegionRef | null = role === 'SECRETARY' ? PARIAMAN : null) => ({
	user: { id: '1', email: 'x@berakhlak.example', name: 'X', role },
	scopeRegion
});

describe('anonymousRedirect', () => {
	it.each([
		['http://dash.test/', '/masuk'],
		['http://dash.test/laporan?wilayah=75', '/masuk?redirectTo=%2Flaporan%3Fwilayah%3D75'],
		['http://dash.test/api', '/masuk?redirectTo=%2Fapi'],
		['http://dash.test/tidak-ada', '/masuk?redirectTo=%2Ftidak-ada']
	])('sends an anonymous visit of %s to %s', (url, expected) => {
		expect(anonymousRedirect(new URL(url))).toBe(expected);
	});

	it('lets anonymous visitors open the login page and switch the language', () => {
		expect(anonymousRedirect(new URL('http://dash.test/masuk?redirectTo=%2Fapi'))).toBeUndefined();
		expect(anonymousRedirect(new URL('http://dash.test/lang?to=en&redirect=%2Fmasuk'))).toBeUndefined();
	});
});

describe('loginPath', () => {
	it('leaves out the overview, where everybody goes anyway', () => {
		expect(loginPath(new URL('http://dash.test/'))).toBe('/masuk');
	});
});

describe('landingPath', () => {
	it.each<[Role, string]>([
		['SECRETARY', '/wilayah/13.77'],
		['ADMINISTRATOR', '/'],
		['ANALYST', '/'],
		['DATA_TEAM', '/']
	])('takes a %s to %s', (role, expected) => {
		expect(landingPath(as(role))).toBe(expected);
	});

	it("takes a secretary to their own region's page, a province's secretary too", () => {
		expect(landingPath(as('SECRETARY', { code: '75', name: 'Gorontalo', level: 'PROVINCE' }))).toBe('/wilayah/75');
	});

	it('takes a secretary without a region to the reporting page, and an analyst limited to a region to the overview', () => {
		expect(landingPath(as('SECRETARY', null))).toBe('/laporan');
		expect(landingPath(as('ANALYST', PARIAMAN))).toBe('/');
	});
});

describe('afterLoginPath', () => {
	it('goes back to the page that asked for the login', () => {
		expect(afterLoginPath(as('SECRETARY'), '/api')).toBe('/api');
		expect(afterLoginPath(as('ANALYST'), '/laporan?wilayah=75')).toBe('/laporan?wilayah=75');
	});

	it("goes to the person's landing page without a target, or with the overview or a foreign one", () => {
		expect(afterLoginPath(as('SECRETARY'), null)).toBe('/wilayah/13.77');
		expect(afterLoginPath(as('SECRETARY'), '/')).toBe('/wilayah/13.77');
		expect(afterLoginPath(as('SECRETARY'), '//evil.example/')).toBe('/wilayah/13.77');
		expect(afterLoginPath(as('ANALYST'), 'https://evil.example/')).toBe('/');
	});
});
