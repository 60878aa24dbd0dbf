import type { SubmitFunction } from '@sveltejs/kit';

/** For `use:enhance`: the page refreshes without clearing the form, so typed values stay in view, saved or refused. */
export const keepValues: SubmitFunction = () => async ({ update }) => update({ reset: false });
