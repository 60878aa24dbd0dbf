import { regionPath } from '$lib/map/layout';
import { localPath } from '$lib/url';

export type Role = 'ADMINISTRATOR' | 'ANALYST' | 'SECRETARY' | 'DATA_TEAM';

export interface RegionRef {
	code: string;
	name: string;
	level: 'PROVINCE' | 'REGENCY' | 'CITY';
}

/** The signed-in person as the API sees them (`Query.me`). */
export interface Viewer {
	user: { id: string; email: string; name: string; role: Role };
	/** The region the person may see and report for; null for the whole country. */
	scopeRegion: RegionRef | null;
	canReport: boolean;
	isAdministrator: boolean;
}

export const LOGIN_PATH = '/masuk';
export const REPORTING_PATH = '/laporan';
export const IMPORT_PATH = '/impor';

/** Pages an anonymous visitor may open: the login page and the language switch it links to. */
const PUBLIC_PATHS = new Set([LOGIN_PATH, '/lang']);

export function isPublicPath(pathname: string): boolean {
	return PUBLIC_PATHS.has(pathname);
}

/** Where a request without a session goes instead: the login page, unless the page is public. */
export function anonymousRedirect(url: URL): string | undefined {
	return isPublicPath(url.pathname) ? undefined : loginPath(url);
}

/** The login page, remembering where to go back to; the overview is the default, so it is not spelled out. */
export function loginPath(from: URL): string {
	const back = from.pathname + from.search;
	return back === '/' ? LOGIN_PATH : `${LOGIN_PATH}?${new URLSearchParams({ redirectTo: back })}`;
}

/**
 * Where a person starts: a regional secretary on their own region's page (the reporting page stays in the
 * navigation; it is the fallback for a secretary without a region), everyone else on the overview.
 */
export function landingPath(viewer: Pick<Viewer, 'user' | 'scopeRegion'>): string {
	if (viewer.user.role !== 'SECRETARY') return '/';
	return viewer.scopeRegion ? regionPath(viewer.scopeRegion.code) : REPORTING_PATH;
}

/** After signing in: back to the page that asked for it, if it is one of ours, else the person's landing page. */
export function afterLoginPath(viewer: Pick<Viewer, 'user' | 'scopeRegion'>, redirectTo: string | null): string {
	const target = localPath(redirectTo);
	return target === '/' ? landingPath(viewer) : target;
}
