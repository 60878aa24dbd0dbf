import pg from 'pg';

/** Sent at commit by statement triggers: `data_changed` by every data table, `caller_changed` by users, sessions, tokens and regions. */
export type ChangeChannel = 'data_changed' | 'caller_changed';

/**
 * One listening connection per server for PostgreSQL's change notices, shared by its caches. Whenever
 * notices may have been missed (before the first LISTEN, after a lost connection) every subscriber
 * hears a change, and `active` is false until listening again: a cache serves nothing meanwhile.
 */
export class ChangeNotices {
  private listener: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private readonly subscribers = new Map<ChangeChannel, (() => void)[]>();

  constructor(private readonly connectionString: string) {}

  /** Resolves once listening, or once the first attempt failed (it retries every half second). */
  async start(): Promise<void> {
    await this.listen().catch(() => this.reconnectLater());
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    await this.listener?.end().catch(() => {});
  }

  get active(): boolean {
    return this.listening;
  }

  on(channel: ChangeChannel, changed: () => void): void {
    this.subscribers.set(channel, [...(this.subscribers.get(channel) ?? []), changed]);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'berakhlak-change-listener' });
    client.on('notification', (notice) => this.tell(notice.channel as ChangeChannel));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.subscribers.keys()) await client.query(`LISTEN ${channel}`);
    this.listener = client;
    // Anything written while nobody listened is unknown: every cache starts from nothing.
    this.tellAll();
    this.listening = true;
  }

  private lost(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.listening = false;
    this.tellAll();
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed) return;
    setTimeout(() => void this.listen().catch(() => this.reconnectLater()), 500).unref();
  }

  private tell(channel: ChangeChannel): void {
    for (const changed of this.subscribers.get(channel) ?? []) changed();
  }

  private tellAll(): void {
    for (const channel of this.subscribers.keys()) this.tell(channel);
  }
}
