// Which contract a `/csi` is about: the one whose channel it is typed in, else the one the person chose with
// `/csi contrat REF`, else the person's only contract, else the only contract there is; otherwise Vigie asks.
import type { Contract } from "../domain/types.js";
import type { Store } from "../store/store.js";

type ContractResolution =
  | { kind: "found"; contract: Contract; via: "only" | "channel" | "choice" | "role" }
  | { kind: "choose"; contracts: Contract[] }
  | { kind: "none" };

export async function contractOfRequest(
  store: Pick<Store, "contracts" | "roles">,
  req: { userId: string; channelId?: string | null },
): Promise<ContractResolution> {
  const all = await store.contracts.list();
  const [only] = all;
  if (!only) return { kind: "none" };
  if (all.length === 1) return { kind: "found", contract: only, via: "only" };
  // A renewed contract keeps its channels: the open contract of a channel answers there, the closed one only when
  // it is the only one there (`/csi contrat REF` chooses it).
  const inChannel = req.channelId
    ? all.filter((c) => c.channelId === req.channelId || c.digestChannelId === req.channelId)
    : [];
  const byChannel = inChannel.find((c) => !c.closedAt) ?? inChannel[0];
  if (byChannel) return { kind: "found", contract: byChannel, via: "channel" };
  const [choice, roles] = await Promise.all([
    store.contracts.choiceOf(req.userId),
    store.roles.contractsOf(req.userId),
  ]);
  const chosen = all.find((c) => c.id === choice);
  if (chosen) return { kind: "found", contract: chosen, via: "choice" };
  // Roles are copied on renewal: the closed contract counts only when the person has no open one.
  const withRole = all.filter((c) => roles.some((r) => r.contractId === c.id));
  const openWithRole = withRole.filter((c) => !c.closedAt);
  const mine = openWithRole.length ? openWithRole : withRole;
  const [single] = mine;
  if (single && mine.length === 1) return { kind: "found", contract: single, via: "role" };
  return { kind: "choose", contracts: mine.length > 1 ? mine : all };
}
