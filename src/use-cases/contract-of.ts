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
  const byChannel = req.channelId
    ? all.find((c) => c.channelId === req.channelId || c.digestChannelId === req.channelId)
    : undefined;
  if (byChannel) return { kind: "found", contract: byChannel, via: "channel" };
  const [choice, roles] = await Promise.all([
    store.contracts.choiceOf(req.userId),
    store.roles.contractsOf(req.userId),
  ]);
  const chosen = all.find((c) => c.id === choice);
  if (chosen) return { kind: "found", contract: chosen, via: "choice" };
  const mine = all.filter((c) => roles.some((r) => r.contractId === c.id));
  const [single] = mine;
  if (single && mine.length === 1) return { kind: "found", contract: single, via: "role" };
  return { kind: "choose", contracts: mine.length > 1 ? mine : all };
}
