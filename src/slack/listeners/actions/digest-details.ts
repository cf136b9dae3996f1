import type { AppDeps } from "../../../app/deps.js";
import { canRead } from "../../../domain/permissions.js";
import { contractDigest } from "../../../use-cases/build-digest.js";
import { roleOf } from "../../../use-cases/role-of.js";
import { replyPrivately } from "../../reply-privately.js";
import { digestDetailsModal, isDigestSection } from "../../views/digest-blocks.js";
import { detailUnavailableText } from "../../views/refusal-blocks.js";
import { buttonListener } from "./button-listener.js";

/** « Détails : … » under the weekly digest: the full list of that section, as it stands now, in a modal. */
export function digestDetails(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, body, action, client, target, locale: localeOf }) => {
    // The clicker's language (users.info, cached), asked while the role is read.
    const [locale, role] = await Promise.all([localeOf(), roleOf(deps.store, userId)]);
    if (!isDigestSection(action.value) || !canRead(role, deps.config.readAccess)) {
      await replyPrivately(target, { text: detailUnavailableText(locale) });
      return;
    }
    // The workspace's contract (the request sees only its own: workspace-scope.ts).
    const built = await contractDigest(deps, await deps.store.contracts.findDefault());
    if (!built) return;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: digestDetailsModal(built.digest, action.value, built.timezone, locale),
    });
  });
}
