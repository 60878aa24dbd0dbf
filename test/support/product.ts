import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningProduct {
  apiUrl: string;
  webUrl: string;
  output: () => string;
  /** Sends Ctrl-C's signal and waits for the whole product to exit. */
  stop(): Promise<number | null>;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs the built start command exactly as the README's one does, on a throw-away data folder. */
export async function startProduct(env: Record<string, string> = {}): Promise<RunningProduct> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'berakhlak-e2e-'));
  const [apiPort, webPort, pgPort] = await Promise.all([freePort(), freePort(), freePort()]);
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'server/dist/main.js')], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, API_PORT: String(apiPort), WEB_PORT: String(webPort), PG_PORT: String(pgPort), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/press Ctrl-C/i.test(output) && (env.SERVE_WEB === 'false' || output.includes('Listening on'))) finish(resolve);
    }, 100);
    const finish = (action: () => void) => {
      clearInterval(timer);
      action();
    };
    child.once('exit', (code) => finish(() => reject(new Error(`the product exited with ${code} before it was ready:\n${output}`))));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    output: () => output,
    stop: async () => {
      child.kill('SIGINT');
      const code = await exited;
      await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
