import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { repoRoot } from './national-data.js';

export interface Started {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The built API (no dashboard) on a free port, on the given database; resolves once it says it is ready. */
export function startApi(databaseUrl: string, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'server', 'dist', 'main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SERVE_WEB: 'false', API_PORT: '0', DEMO_DATA: 'national', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`the API exited with code ${code} before it was ready:\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = /GraphQL API: (http:\/\/[^\s/]+)\/graphql/.exec(output)?.[1];
      if (address) {
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        child.removeAllListeners('exit');
        resolve({ url: address, pid: child.pid!, stop: () => stopChild(child) });
      }
    });
  });
}

/** The built dashboard, talking to the API at `apiUrl`. */
export async function startWeb(apiUrl: string, port: number): Promise<Started> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'web', 'build', 'index.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', API_URL: `${apiUrl}/graphql`, ORIGIN: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await fetch(`${url}/masuk`).then(() => true, () => false)) return { url, pid: child.pid!, stop: () => stopChild(child) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopChild(child);
  throw new Error('the dashboard did not answer within 10 s');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}
