import { t, type Lang, type MessageKey } from '$lib/i18n';
import type { RefusalDetail } from './graphql';

/** An API argument path: `input[2].value` is `{ index: 2, name: 'value' }`, `input.reachedOn` is `{ name: 'reachedOn' }`. */
export interface ArgumentPath {
	index?: number;
	name: string;
}

export function parseArgument(argument: string): ArgumentPath {
	const index = /\[(\d+)\]/.exec(argument)?.[1];
	const name = argument.replace(/\[\d+\]/g, '').split('.').pop() ?? argument;
	return index === undefined ? { name } : { index: Number(index), name };
}

export interface InputErrors {
	/** Reasons by form field. */
	errors: Record<string, string>;
	/** Reasons that belong to no field of the form. */
	message?: string;
}

/**
 * Puts the API's BAD_USER_INPUT reasons next to the fields they concern. `field` names the form field of an
 * argument, or nothing when the form has none for it.
 */
export function inputErrors(details: readonly RefusalDetail[], field: (path: ArgumentPath) => string | undefined): InputErrors {
	const errors: Record<string, string> = {};
	const rest: string[] = [];
	for (const detail of details) {
		const name = detail.argument === undefined ? undefined : field(parseArgument(detail.argument));
		if (name === undefined) rest.push(detail.message);
		else errors[name] = errors[name] ? `${errors[name]} ${reasonOf(detail)}` : reasonOf(detail);
	}
	return rest.length ? { errors, message: rest.join(' ') } : { errors };
}

/** The API starts its messages with the argument ("input[2].value: above the maximum 100"); next to the field that is noise. */
function reasonOf({ message, argument }: RefusalDetail): string {
	const prefix = `${argument}: `;
	return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** The form's own checks name their reasons by message key; the page shows them in the reader's language. */
export function localErrors(lang: Lang, errors: Partial<Record<string, MessageKey>>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).flatMap(([field, key]) => (key ? [[field, t(lang, key)]] : [])));
}
