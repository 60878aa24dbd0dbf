import http from 'node:http';
import net from 'node:net';

/** Closed-loop clients: each sends its next request as soon as the last is answered, for a fixed time. */
export interface LoadFigures {
  clients: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

/** `send` resolves true for a good answer; a rejection or false counts as an error. It is told which client sends. */
export async function drive(clients: number, seconds: number, send: (client: number) => Promise<boolean>): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async (_: unknown, index: number) => {
    while (performance.now() < until) {
      const sent = performance.now();
      const good = await send(index).catch(() => false);
      latencies.push(performance.now() - sent);
      if (!good) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients, requests: latencies.length, errors,
    p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99),
    perSecond: latencies.length / elapsed,
  };
}

export function percentile(sorted: number[], share: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** Resident memory of a process, from /proc, in MB. */
export async function residentMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * A JSON POST over kept-alive connections. The load generator shares the API's two cores, and
 * `fetch` costs it about three times the CPU per request of `node:http`: with it, the generator
 * itself would set the API's ceiling.
 */
export function postJson(url: string, body: string, headers: Record<string, string> = {}, timeoutMs = 60_000): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * One kept-alive HTTP/1.1 connection that sends prepared request bytes and reads answers framed by
 * Content-Length (every answer of the API has one). A closed-loop client of the benchmark owns one:
 * `node:http`'s client spends more CPU per request than the API spends sending a kept answer, and the
 * generator shares the API's two cores, so with it the benchmark would measure itself.
 */
export class KeptConnection {
  private socket: net.Socket | null = null;
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: { status: number; body: Buffer }) => void; reject: (error: Error) => void } | null = null;

  constructor(private readonly url: URL) {}

  /** The bytes of a POST of `body` to `path`, built once and sent many times. */
  static post(url: URL, path: string, body: string, headers: Record<string, string>): Buffer {
    const lines = [`POST ${path} HTTP/1.1`, `host: ${url.host}`, 'content-type: application/json', `content-length: ${Buffer.byteLength(body)}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
    return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
  }

  send(request: Buffer): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.connection().write(request);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private connection(): net.Socket {
    if (this.socket) return this.socket;
    const socket = net.connect(Number(this.url.port), this.url.hostname);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    const lost = (error?: Error) => {
      if (this.socket === socket) this.socket = null;
      this.received = Buffer.alloc(0);
      this.waiting?.reject(error ?? new Error('connection closed'));
      this.waiting = null;
    };
    socket.on('error', lost);
    socket.on('close', () => lost());
    this.socket = socket;
    return socket;
  }

  private read(chunk: Buffer): void {
    this.received = this.received.length ? Buffer.concat([this.received, chunk]) : chunk;
    const headEnd = this.received.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.received.toString('latin1', 0, headEnd);
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
    if (!Number.isFinite(length)) {
      this.socket?.destroy(new Error('an answer without Content-Length'));
      return;
    }
    if (this.received.length < headEnd + 4 + length) return;
    const body = this.received.subarray(headEnd + 4, headEnd + 4 + length);
    this.received = this.received.subarray(headEnd + 4 + length);
    const waiting = this.waiting;
    this.waiting = null;
    if (/\r\nconnection:\s*close/i.test(head)) this.close();
    waiting?.resolve({ status: Number(head.slice(9, 12)), body });
  }
}
