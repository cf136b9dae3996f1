import type { Permission } from "../../domain/permissions.js";
import type { SubcommandName } from "./parse.js";

const READERS: Permission = { who: "readers" };

/**
 * Who may run each sub-command of `/csi`, and what a refusal says: the one table the router checks before
 * calling a handler (and what a view may read to show only the buttons a person can use).
 */
/**
 * The sub-commands that change a contract: refused on a contract closed by its renewal (read-only), whoever asks.
 * `/csi contrat renouveler` itself says the contract was renewed already.
 */
export const CHANGES_CONTRACT: ReadonlySet<SubcommandName> = new Set<SubcommandName>([
  "update",
  "new",
  "meeting",
  "role",
  "import",
]);

export const PERMISSIONS: Record<SubcommandName, Permission> = {
  help: { who: "everyone" },
  status: READERS,
  list: READERS,
  show: READERS,
  mine: READERS,
  overdue: READERS,
  due: READERS,
  meetings: READERS,
  search: READERS,
  history: READERS,
  report: { who: "members" },
  update: { who: "owners-and-coordinators" },
  digest: { who: "coordinators", refusal: "coordinators-read" },
  export: { who: "coordinators", refusal: "coordinators-read" },
  new: { who: "coordinators", refusal: "changes-contract" },
  meeting: { who: "coordinators", refusal: "changes-contract" },
  role: { who: "coordinators", refusal: "changes-contract" },
  import: { who: "coordinators", refusal: "changes-contract" },
  // Who did what and when: names people and quotes decisions, so kept for coordinators.
  journal: { who: "coordinators", refusal: "coordinators-read" },
  // E-mail recipients: their addresses are shown to coordinators only, who alone change the list.
  recipients: { who: "coordinators", refusal: "changes-contract" },
  // Listing the contracts and choosing one's own current contract: anyone (the role is read in each contract).
  contract: { who: "everyone" },
  // Each person declares, shows and ends their own absence.
  absence: { who: "everyone" },
};
