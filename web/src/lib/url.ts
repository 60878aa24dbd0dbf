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

/** A query string (`?a=1&b=2`) with one parameter set to `value`, or left out when `value` is null. */
export function withParam(query: string, name: string, value: string | null): string {
	const params = new URLSearchParams(query);
	params.delete(name);
	if (value !== null) params.set(name, value);
	const text = params.toString();
	return text ? `?${text}` : '?';
}
