// Answers kept once computed, for the pure time functions a scheduler pass asks again and again.

// Answers already computed. A scheduler pass asks the same questions minute after minute — the reminder
// instants of every contract's due dates and meetings — and each answer costs luxon tens of microseconds:
// with 3,000 commitments a pass spent most of its second here. Every function below is a pure function of
// its arguments and settings, so its answer is kept under a key naming all of them (an invalid argument
// throws before anything is kept). Bounded: emptied when full, then filled again by the next questions.
export const MEMO_LIMIT = 20_000;
const memo = new Map<string, unknown>();

export function remembered<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}
