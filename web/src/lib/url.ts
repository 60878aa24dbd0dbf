const BASE = 'http://local.invalid';

/**
 * Reduces a user-supplied redirect target to a path on this site, so `/lang?redirect=`
 * cannot send people to another site (`//evil.example`, `/\evil.example`, ...).
 */
export function localPath(target: string | null | undefined): string {
	if (!target?.startsWith('/') || !URL.canParse(target, BASE)) return '/';
	const url = new URL(target, BASE);
	return url.origin === BASE ? url.pathname + url.search + url.hash : '/';
}
