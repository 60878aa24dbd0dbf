import { fail, redirect } from '@sveltejs/kit';
import { afterLoginPath, landingPath } from '$lib/access';
import { t, type Lang } from '$lib/i18n';
import { ApiRefusal, SESSION_COOKIE } from '$lib/server/graphql';
import { fetchViewer, keepSession, login } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies }) => {
	const session = cookies.get(SESSION_COOKIE);
	const viewer = session ? await fetchViewer(session) : null;
	if (viewer) redirect(303, landingPath(viewer));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		// The password never goes back to the page.
		if (!email || !password) {
			const required = t(locals.lang, 'form.required');
			return fail(400, { email, errors: { email: email ? undefined : required, password: password ? undefined : required } });
		}

		let signedIn: Awaited<ReturnType<typeof login>>;
		try {
			signedIn = await login(email, password, getClientAddress());
		} catch (cause) {
			return refused(cause, locals.lang, email);
		}
		keepSession(cookies, signedIn.session, url);
		redirect(303, afterLoginPath(signedIn.viewer, url.searchParams.get('redirectTo')));
	}
};

/** Wrong credentials get one message whatever was wrong, so the page does not tell which emails exist. */
function refused(cause: unknown, lang: Lang, email: string) {
	if (cause instanceof ApiRefusal && cause.code === 'TOO_MANY_REQUESTS') {
		const minutes = Math.max(1, Math.ceil((cause.details[0].retryAfterSeconds ?? 60) / 60));
		return fail(429, { email, message: t(lang, 'login.tooManyAttempts', { minutes }) });
	}
	if (cause instanceof ApiRefusal && cause.code === 'UNAUTHENTICATED') {
		return fail(400, { email, message: t(lang, 'login.failed') });
	}
	throw cause;
}
