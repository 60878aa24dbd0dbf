import { LOGIN_PATH } from '$lib/access';
import { readImportAnswer, uploadUrl, type ImportAnswer, type UploadOptions } from './imports';

export interface UploadHandlers {
	/** Bytes of the file sent so far. */
	onprogress(loaded: number, total: number): void;
	/** The whole file is sent; the API is checking it. */
	onsent(): void;
}

export interface RunningUpload {
	/** Always settles: with the endpoint's answer, or with a NETWORK or CANCELLED failure. */
	answer: Promise<ImportAnswer>;
	cancel(): void;
}

/**
 * Uploads a file to the dashboard's upload endpoint with XMLHttpRequest, the one browser API that reports how
 * much of a request body has been sent (fetch does not).
 */
export function startUpload(
	{ file, contentType, ...options }: UploadOptions & { file: File; contentType: string },
	handlers: UploadHandlers
): RunningUpload {
	const xhr = new XMLHttpRequest();
	const settle = (answer: ImportAnswer): ImportAnswer => ({ ...answer, fileName: file.name });
	const answer = new Promise<ImportAnswer>((resolve) => {
		xhr.upload.addEventListener('progress', (event) => handlers.onprogress(event.loaded, event.lengthComputable ? event.total : file.size));
		xhr.upload.addEventListener('load', () => handlers.onsent());
		xhr.addEventListener('load', () => resolve(settle(answerOf(xhr))));
		xhr.addEventListener('error', () => resolve(settle({ status: 0, error: { code: 'NETWORK', message: 'the upload failed' } })));
		xhr.addEventListener('abort', () => resolve(settle({ status: 0, error: { code: 'CANCELLED', message: 'the upload was cancelled' } })));
	});
	xhr.open('POST', uploadUrl(options));
	xhr.setRequestHeader('content-type', contentType);
	xhr.send(file);
	return { answer, cancel: () => xhr.abort() };
}

function answerOf(xhr: Pick<XMLHttpRequest, 'status' | 'responseText' | 'responseURL'>): ImportAnswer {
	// Without a session cookie the dashboard sends every request to the login page, and XHR follows redirects.
	if (xhr.responseURL && new URL(xhr.responseURL).pathname === LOGIN_PATH) {
		return { status: 401, error: { code: 'UNAUTHENTICATED', message: 'sign in again' } };
	}
	return readImportAnswer(xhr.status, xhr.responseText);
}
