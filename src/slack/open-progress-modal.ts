import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import { canReportProgress } from "../domain/permissions.js";
import { decidersFor } from "../domain/requests.js";
import type { Locale } from "../domain/types.js";
import { standingInFor } from "../use-cases/absence.js";
import { zoneOfContract } from "../use-cases/contract-zone.js";
import { coordinatorsOf, roleOf } from "../use-cases/role-of.js";
import { commitmentGoneReply, nothingToCorrectText, progressRefusal } from "./views/progress-messages.js";
import { progressLoadingModal, progressNoticeModal, progressUpdateModal } from "./views/progress-update-modal.js";
import { contractClosedReply } from "./views/renewal-blocks.js";
import type { Reply } from "./views/reply.js";

interface OpenProgressRequest {
  deps: AppDeps;
  client: WebClient;
  triggerId: string;
  userId: string;
  commitmentId: string;
  locale: Locale;
  /** « Corriger ma mise à jour »: the form is filled from the user's last update and replaces it. */
  correct?: boolean;
}

/** Opened, or a reply to show the user instead (refusal, unknown commitment). */
type OpenProgressOutcome = { kind: "opened"; viewId: string } | { kind: "refused"; reply: Reply };

/**
 * Opens the progress-update modal within Slack's 3-second trigger window: the permission check (one
 * indexed read) first, then `views.open` with a loading view, then `views.update` with the form.
 */
export async function openProgressModal(req: OpenProgressRequest): Promise<OpenProgressOutcome> {
  const { deps, client, locale } = req;
  const commitment = await deps.store.commitments.findById(req.commitmentId);
  if (!commitment) {
    return { kind: "refused", reply: commitmentGoneReply(locale) };
  }
  // A contract closed by its renewal takes no update (read beside the role: no extra wait before views.open).
  const [role, closed] = await Promise.all([
    roleOf(deps.store, req.userId, commitment.contractId),
    deps.store.renewal.closure(commitment.contractId),
  ]);
  if (closed) return { kind: "refused", reply: contractClosedReply(closed, locale) };
  if (!canReportProgress(commitment, req.userId, role, await standingInFor(deps, req.userId))) {
    return {
      kind: "refused",
      reply: progressRefusal(commitment, await coordinatorsOf(deps.store, commitment.contractId), locale),
    };
  }

  const opened = await client.views.open({
    trigger_id: req.triggerId,
    view: progressLoadingModal(commitment.ref, locale),
  });
  const viewId = opened.view?.id ?? "";
  const [latest] = await deps.store.updates.listLatest(commitment.id, 1);
  const correcting = req.correct ? await deps.store.updates.findLastByAuthor(commitment.id, req.userId) : null;
  const view =
    req.correct && !correcting
      ? progressNoticeModal(nothingToCorrectText(commitment.ref, locale), locale)
      : progressUpdateModal({
          commitment,
          locale,
          timezone: await zoneOfContract(deps, commitment.contractId),
          latest: latest ?? null,
          correcting,
          deciders: decidersFor(await coordinatorsOf(deps.store, commitment.contractId), req.userId),
        });
  await client.views.update({ view_id: viewId, ...(opened.view?.hash ? { hash: opened.view.hash } : {}), view });
  return { kind: "opened", viewId };
}
