import { relayUpload } from '$lib/server/imports';
import type { RequestHandler } from './$types';

/** Where the import page's script uploads a file: streamed on to the API, its answer streamed back. */
export const POST: RequestHandler = (event) => relayUpload(event);
