import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import type { Locale } from "../domain/types.js";
import type { CommitmentWriteResult } from "../use-cases/create-commitment.js";
import type { ConfirmImportResult } from "../use-cases/import-commitments.js";
import { publishHome } from "./publish-home.js";
import { commitmentSaved, ownerNotice } from "./views/admin-messages.js";
import { commitmentsImported } from "./views/import-messages.js";

/** After a create/edit: confirmation to the coordinator, a word to each new owner, the coordinator's Home refreshed. */
export async function notifyCommitmentSaved(
  deps: AppDeps,
  client: WebClient,
  actorId: string,
  locale: Locale,
  result: Extract<CommitmentWriteResult, { kind: "saved" }>,
  mode: "create" | "edit",
): Promise<void> {
  const { commitment } = result;
  const sent = commitmentSaved(locale, commitment, mode, result.keptIndicators);
  const tasks: Promise<unknown>[] = [
    client.chat.postMessage({ channel: actorId, text: sent.text, blocks: sent.blocks }),
  ];
  for (const owner of result.newOwners.filter((u) => u !== actorId)) {
    const notice = ownerNotice("fr", commitment);
    tasks.push(client.chat.postMessage({ channel: owner, text: notice.text, blocks: notice.blocks }));
  }
  tasks.push(publishHome(deps, client, actorId, locale));
  await settle(deps, tasks, { commitmentId: commitment.id });
}

/**
 * After an import: the confirmation to the coordinator (refs, titles, columns left aside), a word to each newly
 * named owner about the commitment they now own, the coordinator's Home refreshed.
 */
export async function notifyCommitmentsImported(
  deps: AppDeps,
  client: WebClient,
  actorId: string,
  locale: Locale,
  result: Extract<ConfirmImportResult, { kind: "imported" }>,
): Promise<void> {
  const sent = commitmentsImported(locale, result.added, result.ignoredColumns, result.modified);
  const tasks: Promise<unknown>[] = [
    client.chat.postMessage({ channel: actorId, text: sent.text, blocks: sent.blocks }),
    publishHome(deps, client, actorId, locale),
  ];
  const byId = new Map([...result.added, ...result.modified].map((c) => [c.id, c]));
  for (const { commitmentId, userIds } of result.newOwners) {
    const commitment = byId.get(commitmentId);
    if (!commitment) continue;
    const notice = ownerNotice("fr", commitment);
    for (const owner of userIds.filter((u) => u !== actorId))
      tasks.push(client.chat.postMessage({ channel: owner, text: notice.text, blocks: notice.blocks }));
  }
  await settle(deps, tasks, { refs: [...result.added, ...result.modified].map((c) => c.ref) });
}

/** Each message is sent on its own: one that fails is logged, the others still go. */
async function settle(deps: AppDeps, tasks: Promise<unknown>[], about: Record<string, unknown>): Promise<void> {
  for (const r of await Promise.allSettled(tasks)) {
    if (r.status === "rejected")
      deps.log.warn("commitment.notify_failed", {
        ...about,
        error: r.reason instanceof Error ? r.reason.message : String(r.reason),
      });
  }
}
