// Listener runs still going — the work after ack() included — so that a stop lets them finish before
// the database closes: an answer already promised through a response_url is not lost to a SIGTERM.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

interface InFlight {
  /** Global middleware: counts each request from its arrival to the end of its listeners. */
  middleware: Middleware<AnyMiddlewareArgs>;
  count(): number;
  /** Resolves true once nothing is running, or false after `timeoutMs` with work still going. */
  drained(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let running = 0;
  let idle: (() => void)[] = [];
  return {
    middleware: async ({ next }) => {
      running++;
      try {
        await next();
      } finally {
        if (--running === 0) {
          for (const resolve of idle) resolve();
          idle = [];
        }
      }
    },
    count: () => running,
    drained(timeoutMs) {
      if (running === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
