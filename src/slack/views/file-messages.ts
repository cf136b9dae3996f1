import type { Locale } from "../../domain/types.js";
import { plain } from "./blocks.js";
import { tr } from "./locale.js";

/** Why a file (an export, a report) could not be sent, from Slack's error code: what to do about it. */
export function fileRefusalText(reason: string, locale: Locale): string {
  return reason === "missing_scope"
    ? tr(
        locale,
        "il manque à Vigie la permission d'envoyer des fichiers (portée `files:write`) : réinstallez l'app depuis `manifest.yml`.",
        "Vigie lacks the permission to send files (`files:write` scope): reinstall the app from `manifest.yml`.",
      )
    : tr(
        locale,
        `Slack a répondu « ${plain(reason, 80)} ». Réessayez dans un instant.`,
        `Slack answered "${plain(reason, 80)}". Try again in a moment.`,
      );
}
