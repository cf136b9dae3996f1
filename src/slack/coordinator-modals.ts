// Opens the coordinators' modals (from /csi, the App Home or a button): permission first, then the form.
// The reads are a few indexed queries, well within Slack's 3-second trigger window.
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import { addDays, nextWorkingDay } from "../domain/calendar.js";
import { indicatorLines, nextFreeRef } from "../domain/commitment-input.js";
import { editFingerprint } from "../domain/commitment-snapshot.js";
import { localDateOf } from "../domain/due-instants.js";
import type { Contract, Locale } from "../domain/types.js";
import { zoneOfContract } from "../use-cases/contract-zone.js";
import { contractFor, coordinatorGate } from "../use-cases/coordinators.js";
import { writeMetadata } from "./view-state.js";
import { coordinatorsOnly, meetingGoneReply, noContractYetReply } from "./views/admin-messages.js";
import { commitmentModal } from "./views/commitment-modal.js";
import { decisionsModal } from "./views/decisions-modal.js";
import { importModal } from "./views/import-modal.js";
import { meetingModal } from "./views/meeting-modal.js";
import { commitmentGoneReply } from "./views/progress-messages.js";
import type { Reply } from "./views/reply.js";

interface OpenRequest {
  deps: AppDeps;
  client: WebClient;
  triggerId: string;
  userId: string;
  locale: Locale;
  /** The contract the command is about (a commitment's own contract when editing one); else the default one. */
  contract?: Contract | null;
}

/** null when the modal opened; otherwise the message to show the user instead. */
type OpenOutcome = Reply | null;

/** The ref each party's next commitment gets when its ref is left empty. */
async function nextRefsOf(deps: AppDeps, contract: Contract): Promise<Record<string, string>> {
  const refs = await deps.store.commitments.listRefs(contract.id);
  return Object.fromEntries(contract.parties.map((p) => [p.code, nextFreeRef(p.code, refs)]));
}

/** Create (no commitmentId) or edit a commitment; `party` preselects the party of a new one. */
export async function openCommitmentModal(
  req: OpenRequest & { commitmentId?: string; party?: string },
): Promise<OpenOutcome> {
  const { deps, locale } = req;
  const existing = req.commitmentId ? await deps.store.commitments.findById(req.commitmentId) : null;
  const gate = await coordinatorGate(deps, req.userId, existing?.contractId ?? req.contract?.id);
  if (!gate.allowed) return coordinatorsOnly(locale, gate.coordinators, gate.closed);
  if (req.commitmentId && !existing) return commitmentGoneReply(locale);
  const contract = existing
    ? (await deps.store.contracts.list()).find((c) => c.id === existing.contractId)
    : (req.contract ?? (await contractFor(deps)));
  if (!contract) return noContractYetReply(locale);
  const nextRefs = await nextRefsOf(deps, contract);
  const party = contract.parties.find((p) => p.code === req.party?.toUpperCase())?.code;
  const view = existing
    ? commitmentModal({
        mode: "edit",
        locale,
        parties: contract.parties,
        nextRefs,
        values: {
          ref: existing.ref,
          party: existing.party,
          title: existing.title,
          description: existing.description,
          leadService: existing.leadService,
          owners: existing.owners,
          dueOn: existing.dueOn,
          indicators: indicatorLines(existing.indicators),
        },
        privateMetadata: writeMetadata({
          locale,
          contract: contract.ref,
          id: existing.id,
          fingerprint: editFingerprint(existing),
        }),
      })
    : commitmentModal({
        mode: "create",
        locale,
        parties: contract.parties,
        nextRefs,
        values: party ? { party, ref: nextRefs[party] ?? null } : {},
        privateMetadata: writeMetadata({ locale, contract: contract.ref }),
      });
  await req.client.views.open({ trigger_id: req.triggerId, view });
  return null;
}

/** `/csi import`: the modal where a coordinator pastes spreadsheet lines, one commitment per line. */
export async function openImportModal(req: OpenRequest): Promise<OpenOutcome> {
  const { deps, locale } = req;
  const contract = req.contract ?? (await contractFor(deps));
  const gate = await coordinatorGate(deps, req.userId, contract?.id);
  if (!gate.allowed) return coordinatorsOnly(locale, gate.coordinators, gate.closed);
  if (!contract) return noContractYetReply(locale);
  const view = importModal({
    locale,
    parties: contract.parties,
    nextRefs: await nextRefsOf(deps, contract),
    privateMetadata: writeMetadata({ locale, contract: contract.ref }),
  });
  await req.client.views.open({ trigger_id: req.triggerId, view });
  return null;
}

export async function openMeetingModal(req: OpenRequest): Promise<OpenOutcome> {
  const { deps, locale } = req;
  const contract = req.contract ?? (await contractFor(deps));
  const gate = await coordinatorGate(deps, req.userId, contract?.id);
  if (!gate.allowed) return coordinatorsOnly(locale, gate.coordinators, gate.closed);
  const timezone = await zoneOfContract(deps, contract?.id);
  const tomorrow = addDays(localDateOf(deps.now(), timezone), 1);
  const view = meetingModal({
    locale,
    timezone,
    initialDate: nextWorkingDay(tomorrow),
    privateMetadata: writeMetadata({ locale, ...(contract ? { contract: contract.ref } : {}) }),
  });
  await req.client.views.open({ trigger_id: req.triggerId, view });
  return null;
}

export async function openDecisionsModal(req: OpenRequest & { meetingId: string }): Promise<OpenOutcome> {
  const { deps, locale } = req;
  const meeting = await deps.store.meetings.findById(req.meetingId);
  const gate = await coordinatorGate(deps, req.userId, meeting?.contractId);
  if (!gate.allowed) return coordinatorsOnly(locale, gate.coordinators, gate.closed);
  if (!meeting) return meetingGoneReply(locale);
  const view = decisionsModal({
    locale,
    timezone: await zoneOfContract(deps, meeting.contractId),
    meeting,
    privateMetadata: writeMetadata({ locale, id: meeting.id }),
  });
  await req.client.views.open({ trigger_id: req.triggerId, view });
  return null;
}
