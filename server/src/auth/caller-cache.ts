import type { ChangeNotices } from '../database/change-notices.js';
import type { Viewer } from './viewer.js';

/** Enough for every session and token in use at once; past it the least recently used are looked up again. */
const MAX_CALLERS = 10_000;

/**
 * Callers already resolved from a credential, so that a request needs no statement to know who asks.
 * Forgotten all at once on `caller_changed` (any replica, or SQL typed by hand, ends a session or
 * disables a user within milliseconds everywhere), on a local mutation, and at the next whole minute,
 * when a token's `last_used_at` is due; nothing is kept or served while notices may be missed.
 */
export class CallerCache {
  private generation = 0;
  private readonly callers = new Map<string, { viewer: Viewer; until: number }>();

  constructor(private readonly notices: ChangeNotices) {
    notices.on('caller_changed', () => this.clear());
  }

  clear(): void {
    this.generation += 1;
    this.callers.clear();
  }

  find(credential: string): Viewer | null {
    if (!this.notices.active) return null;
    const kept = this.callers.get(credential);
    if (!kept || kept.until <= Date.now()) return null;
    this.callers.delete(credential);
    this.callers.set(credential, kept);
    return kept.viewer;
  }

  /** Call before looking the credential up: the returned function keeps the result unless a change came in between. */
  begin(credential: string): (viewer: Viewer, expiresAt: Date) => void {
    const generation = this.generation;
    return (viewer, expiresAt) => {
      if (generation !== this.generation || !this.notices.active) return;
      const nextMinute = Math.ceil((Date.now() + 1) / 60_000) * 60_000;
      this.callers.set(credential, { viewer, until: Math.min(expiresAt.getTime(), nextMinute) });
      if (this.callers.size > MAX_CALLERS) this.callers.delete(this.callers.keys().next().value!);
    };
  }
}
