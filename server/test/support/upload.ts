import type { ImportResult } from '../../src/ingest/import-result.js';

export interface UploadAnswer {
  status: number;
  result?: ImportResult;
  error?: { code: string; message: string };
}

export interface UploadOptions {
  dryRun?: boolean;
  format?: 'csv' | 'json';
  fileName?: string;
  /** A cookie or an Authorization header. */
  headers?: Record<string, string>;
}

/** Posts a file to the import endpoint the way a data team's script would. */
export async function upload(apiUrl: string, kind: string, body: string | Buffer, { dryRun = false, format = 'csv', fileName, headers = {} }: UploadOptions = {}): Promise<UploadAnswer> {
  const query = new URLSearchParams({ ...(dryRun ? { dryRun: 'true' } : {}), ...(fileName ? { fileName } : {}) });
  const response = await fetch(`${apiUrl}/import/${kind}?${query}`, {
    method: 'POST',
    headers: { 'content-type': format === 'csv' ? 'text/csv' : 'application/json', ...headers },
    body,
  });
  const answer = (await response.json()) as { error?: UploadAnswer['error'] } & Partial<ImportResult>;
  return answer.error ? { status: response.status, error: answer.error } : { status: response.status, result: answer as ImportResult };
}

export const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
