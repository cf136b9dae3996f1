import type { Logger as BoltLogger, LogLevel as BoltLogLevel } from "@slack/bolt";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

// Tokens and secrets never reach a log line, whatever field they hide in.
const TOKEN = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)\b/g;

export function createLogger(options: {
  level: Level;
  json: boolean;
  secrets?: string[];
  write?: (line: string) => void;
}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const redact = (s: string) =>
    secrets.reduce((acc, secret) => acc.split(secret).join("[redacted]"), s.replace(TOKEN, "[redacted]"));
  const emit = (level: Level, event: string, fields: Record<string, unknown> = {}) => {
    if (order[level] < order[options.level]) return;
    const clean = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { name: v.name, message: v.message } : v]),
    );
    if (options.json) {
      write(redact(JSON.stringify({ time: new Date().toISOString(), level, event, ...clean })));
    } else {
      const rest = Object.entries(clean)
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" ");
      write(
        redact(
          `${new Date().toISOString().slice(11, 23)} ${level.toUpperCase().padEnd(5)} ${event}${rest ? ` ${rest}` : ""}`,
        ),
      );
    }
  };
  return {
    debug: (e, f) => emit("debug", e, f),
    info: (e, f) => emit("info", e, f),
    warn: (e, f) => emit("warn", e, f),
    error: (e, f) => emit("error", e, f),
  };
}

/** Bolt and the Web API client log through ours, so their lines are redacted and one per event too. */
export function toBoltLogger(log: Logger, level: Level): BoltLogger {
  let current = level;
  const text = (msg: unknown[]) =>
    msg.map((m) => (typeof m === "string" ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(" ");
  return {
    debug: (...m) => log.debug("bolt", { message: text(m) }),
    info: (...m) => log.info("bolt", { message: text(m) }),
    warn: (...m) => log.warn("bolt", { message: text(m) }),
    error: (...m) => log.error("bolt", { message: text(m) }),
    setLevel: (l) => {
      current = l as Level;
    },
    getLevel: () => current as BoltLogLevel,
    setName: () => undefined,
  };
}
