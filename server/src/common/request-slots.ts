/**
 * At most SLOTS statements of one request run at once: a query that repeats an aggregate under many
 * aliases waits for its own turns instead of taking every connection of the pool from other callers.
 */
const SLOTS = 3;

interface Slots {
  running: number;
  waiting: (() => void)[];
}

const byRequest = new WeakMap<object, Slots>();

/** Runs `task` in one of the slots of the request that `owner` (its entity manager) belongs to. */
export async function inRequestSlot<T>(owner: object, task: () => Promise<T>): Promise<T> {
  let slots = byRequest.get(owner);
  if (!slots) byRequest.set(owner, (slots = { running: 0, waiting: [] }));
  if (slots.running >= SLOTS) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.running += 1;
  try {
    return await task();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.running -= 1;
  }
}
