// People's names for a file read outside Slack (an export), where a mention <@U…> means nothing.
// Asked with users.info a few at a time, kept for six hours; an id Slack will not name stays an id.
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";

const CACHE_MS = 6 * 60 * 60 * 1000;
const AT_ONCE = 5;
const caches = new WeakMap<AppDeps, Map<string, { name: string; at: number }>>();

export async function userNamesOf(deps: AppDeps, client: WebClient, userIds: readonly string[]): Promise<Map<string, string>> {
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new Map()));
  const now = deps.now().getTime();
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const id of new Set(userIds)) {
    const hit = cache.get(id);
    if (hit && now - hit.at < CACHE_MS) names.set(id, hit.name);
    else missing.push(id);
  }
  for (let i = 0; i < missing.length; i += AT_ONCE) {
    await Promise.all(
      missing.slice(i, i + AT_ONCE).map(async (id) => {
        try {
          const { user } = await client.users.info({ user: id });
          const name = user?.profile?.real_name || user?.real_name || user?.profile?.display_name || user?.name;
          if (name) {
            names.set(id, name);
            cache.set(id, { name, at: now });
          }
        } catch (error) {
          deps.log.warn("slack.user_name_failed", { userId: id, error: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  }
  return names;
}
