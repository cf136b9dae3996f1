// Reads a process keeps for a few seconds, per key: what nearly every request reads first (its workspace's
// installation, its workspace's contracts) and what changes rarely. Exact within the process: every write made
// through the store forgets everything kept (`forget`), and a read already under way when a write forgets is not
// kept. The short keeping time is for the writes of other processes sharing the database: they are seen at the
// latest `forMs` later.

/** How long a read is kept (other processes' writes are seen at the latest this much later). */
export const KEEP_READS_MS = 5_000;

/** A monotonic clock in milliseconds (performance.now by default): only durations are measured with it. */
export type Clock = () => number;

export interface KeptReads<V> {
  /** The value kept for `key` if it is fresh, else `read()` (kept when `keep` says so; a failure is never kept). */
  get(key: string, read: () => Promise<V>, keep?: (value: V) => boolean): Promise<V>;
  /** Forgets everything kept, and what reads under way will return (a write happened). */
  forget(): void;
}

export function keptReads<V>(forMs: number, clock: Clock): KeptReads<V> {
  const kept = new Map<string, { at: number; value: Promise<V> }>();
  let generation = 0;
  const drop = (key: string, value: Promise<V>) => {
    if (kept.get(key)?.value === value) kept.delete(key);
  };
  return {
    get(key, read, keep = () => true) {
      const now = clock();
      const hit = kept.get(key);
      if (hit && now - hit.at < forMs) return hit.value;
      const started = generation;
      const value = read();
      // Requests arriving while it is read share it; it is kept only if no write forgot in between.
      if (forMs > 0) kept.set(key, { at: now, value });
      value.then(
        (v) => {
          if (started !== generation || !keep(v)) drop(key, value);
        },
        () => drop(key, value),
      );
      return value;
    },
    forget() {
      generation++;
      kept.clear();
    },
  };
}
