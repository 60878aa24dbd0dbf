import type { Viewer } from '$lib/access';
import type { Lang } from '$lib/i18n';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Lets the error page tell "the API is down" apart from a bug in the app. */
			code?: 'API_UNAVAILABLE';
		}
		interface Locals {
			lang: Lang;
		}
		// The root layout always provides the language, so every page (and the error page) can rely on it.
		// Pages of the dashboard proper also know who is signed in; the login and error pages may not.
		interface PageData {
			lang: Lang;
			viewer?: Viewer;
		}
	}
}

export {};
