// The caller's Slack locale (users.info with include_locale), asked only when the words typed do not
// choose the language, cached, and never allowed to hold an answer up for long.
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";

const CACHE_MS = 6 * 60 * 60 * 1000;
const caches = new WeakMap<AppDeps, Map<string, { locale: string | undefined; at: number }>>();

export interface UserLocaleOptions {
  /** Past this, the answer goes out in French and the locale is cached when Slack replies. */
  timeoutMs?: number;
}

/** `en-US`, `fr-FR`…, or undefined when Slack does not say (or is too slow, or fails). */
export async function userLocaleOf(deps: AppDeps, client: WebClient, userId: string, options: UserLocaleOptions = {}): Promise<string | undefined> {
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new Map()));
  const now = deps.now().getTime();
  const hit = cache.get(userId);
  if (hit && now - hit.at < CACHE_MS) return hit.locale;

  const lookup = client.users
    .info({ user: userId, include_locale: true })
    .then((r) => {
      const locale = typeof r.user?.locale === "string" ? r.user.locale : undefined;
      cache.set(userId, { locale, at: deps.now().getTime() });
      return locale;
    })
    .catch((error: unknown) => {
      deps.log.warn("slack.user_locale_failed", { userId, error: error instanceof Error ? error.message : String(error) });
      return undefined;
    });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), options.timeoutMs ?? 800);
  });
  try {
    return await Promise.race([lookup, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
