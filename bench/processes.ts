// Child processes of the bench: the app under load (Vigie's own `src/main.ts`, or the bare Bolt floor)
// runs alone in its process, so the load generator in the parent does not share its event loop.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface ServerChild {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Milliseconds from spawn to the first `GET /healthz` answered 200. */
  coldStartMs: number;
  logFile: string;
}

/** A port nobody listens on right now (loopback), for a child that must be told its port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node <entry>` (compiled JavaScript, as `npm start` runs the app) or `node --import tsx <entry>`
 * for a TypeScript entry, with `env` (and node's own `nodeArgs`, e.g. --cpu-prof); logs to `logFile` and waits
 * for /healthz 200.
 */
export async function startServerChild(
  entry: string,
  env: Record<string, string>,
  logFile: string,
  { timeoutMs = 120_000, nodeArgs = [] }: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ServerChild> {
  const port = await freePort();
  const fd = openSync(logFile, "a");
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...nodeArgs, ...(entry.endsWith(".ts") ? ["--import", "tsx", entry] : [entry])],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, PORT: String(port) },
      stdio: ["ignore", fd, fd],
    },
  );
  closeSync(fd);
  const baseUrl = `http://127.0.0.1:${port}`;
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  for (;;) {
    if (exited !== undefined)
      throw new Error(
        `${entry} exited with code ${exited} before /healthz answered; see ${logFile}:\n${tail(logFile)}`,
      );
    if (performance.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`${entry}: /healthz did not answer 200 within ${timeoutMs} ms; see ${logFile}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, port, baseUrl, coldStartMs: performance.now() - started, logFile };
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "";
  }
}

export interface Memory {
  /** Resident set size now (VmRSS), MB. */
  rssMb: number;
  /** Peak resident set size so far (VmHWM), MB. */
  peakMb: number;
}

/** Resident memory of a process, read from /proc (Linux). Null elsewhere. */
export function processMemory(pid: number | undefined): Memory | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMb: Math.round(kb("VmRSS") / 102.4) / 10, peakMb: Math.round(kb("VmHWM") / 102.4) / 10 };
  } catch {
    return null;
  }
}

/** SIGTERM (Vigie stops cleanly on it), then SIGKILL if it is still there after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}
