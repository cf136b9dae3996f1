/**
 * Runs `count` jobs with at most `concurrency` in flight (each "client" takes the next job as soon as its
 * previous one is done), and returns their results in job order.
 */
export async function runPool<T>(count: number, concurrency: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const client = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await job(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, client));
  return results;
}
