// What Vigie asks Slack about a person (users.info): their locale, to answer in their language, their name,
// for files read outside Slack, and their e-mail address when Slack gives it (users:read.email), for the
// ATTENDEE line of their own meeting invitation (.ics); never logged. One cache serves all, kept six hours;
// a failed call is not kept.
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import type { Locale } from "../domain/types.js";

const CACHE_MS = 6 * 60 * 60 * 1000;

interface SlackUser {
  locale: string | undefined;
  name: string | undefined;
  email: string | undefined;
}

// The lookup itself is kept, not only its result: requests that arrive while Slack has not answered yet
// share that one users.info call.
const caches = new WeakMap<AppDeps, Map<string, { user: Promise<SlackUser | undefined>; at: number }>>();

function cacheOf(deps: AppDeps) {
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new Map()));
  return cache;
}

/** The person as Slack describes them, from the cache or from users.info; undefined when Slack fails. */
function slackUser(deps: AppDeps, client: WebClient, userId: string): Promise<SlackUser | undefined> {
  const cache = cacheOf(deps);
  const hit = cache.get(userId);
  if (hit && deps.now().getTime() - hit.at < CACHE_MS) return hit.user;
  const entry = { user: askSlack(deps, client, userId), at: deps.now().getTime() };
  cache.set(userId, entry);
  void entry.user.then((found) => {
    if (!found && cache.get(userId) === entry) cache.delete(userId); // a failure is asked again next time
  });
  return entry.user;
}

async function askSlack(deps: AppDeps, client: WebClient, userId: string): Promise<SlackUser | undefined> {
  try {
    const { user } = await client.users.info({ user: userId, include_locale: true });
    return {
      locale: typeof user?.locale === "string" ? user.locale : undefined,
      name: user?.profile?.real_name || user?.real_name || user?.profile?.display_name || user?.name || undefined,
      email: typeof user?.profile?.email === "string" && user.profile.email ? user.profile.email : undefined,
    };
  } catch (error) {
    deps.log.warn("slack.user_info_failed", { userId, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

interface UserLocaleOptions {
  /** Past this, the answer goes out in French and the locale is cached when Slack replies. */
  timeoutMs?: number;
}

/** `en-US`, `fr-FR`…, or undefined when Slack does not say (or is too slow, or fails). */
export async function userLocaleOf(
  deps: AppDeps,
  client: WebClient,
  userId: string,
  options: UserLocaleOptions = {},
): Promise<string | undefined> {
  const lookup = slackUser(deps, client, userId).then((u) => u?.locale);
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

/** A person's name and e-mail address as Slack gives them (either may be missing); undefined when Slack fails. */
export async function userContactOf(
  deps: AppDeps,
  client: WebClient,
  userId: string,
): Promise<{ name?: string; email?: string } | undefined> {
  const u = await slackUser(deps, client, userId);
  return u ? { ...(u.name ? { name: u.name } : {}), ...(u.email ? { email: u.email } : {}) } : undefined;
}

/** The app's language for a Slack locale: English for `en…`, French otherwise (and when unknown). */
export const appLocaleOf = (slackLocale: string | undefined): Locale =>
  slackLocale?.toLowerCase().startsWith("en") ? "en" : "fr";

const AT_ONCE = 5;

/** Names for Slack user ids, asked a few at a time; an id Slack will not name is left out of the map. */
export async function userNamesOf(
  deps: AppDeps,
  client: WebClient,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += AT_ONCE) {
    await Promise.all(
      ids.slice(i, i + AT_ONCE).map(async (id) => {
        const name = (await slackUser(deps, client, id))?.name;
        if (name) names.set(id, name);
      }),
    );
  }
  return names;
}
