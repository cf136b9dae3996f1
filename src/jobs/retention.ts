// The retention job (domain/retention.ts): finds the free text past its retention and redacts it, or with
// `dryRun` only lists it. A function of (deps, now): the scheduler runs it once a day, the DPO's command
// (`npm run retention -- --dry-run`) on demand.
import type { AppDeps } from "../app/deps.js";
import { countOf, formatDateLong } from "../domain/format.js";
import type { RedactionItem } from "../domain/retention.js";

interface RetentionReport {
  years: number;
  dryRun: boolean;
  /** What is (or would be) redacted: kinds, ids, dates and field names — never the texts. */
  items: RedactionItem[];
  /** Rows changed (0 in a dry run). */
  redacted: number;
}

export async function runRetention(
  deps: Pick<AppDeps, "store" | "config" | "log">,
  now: Date,
  options: { dryRun?: boolean } = {},
): Promise<RetentionReport> {
  const years = deps.config.retentionYears;
  const items = await deps.store.retention.expired(now, years);
  const dryRun = options.dryRun ?? false;
  const redacted = dryRun ? 0 : await deps.store.retention.redact(items, years);
  if (items.length)
    deps.log.info(dryRun ? "retention.dry_run" : "retention.redacted", { years, items: items.length, redacted });
  return { years, dryRun, items, redacted };
}

const KIND_WORDS: Record<RedactionItem["kind"], string> = {
  progress_update: "mise à jour d'avancement",
  meeting: "ordre du jour de réunion",
  decision: "décision de réunion",
  audit_entry: "trace d'audit des décisions",
};
const FIELD_WORDS: Record<string, string> = {
  comment: "ce qui a été fait",
  nextStep: "prochaine étape",
  blockers: "difficultés",
  agenda: "ordre du jour",
  text: "texte",
  "details.texts": "textes des décisions",
};

/** The report in French for the DPO: what kind, of what, written when, which fields — never the texts. */
export function retentionReportText(r: RetentionReport): string {
  const head = [
    `Conservation des textes libres : ${r.years} an${r.years > 1 ? "s" : ""} après la fin du contrat (CSI_RETENTION_YEARS).`,
    r.dryRun
      ? "Simulation (--dry-run) : rien n'est modifié."
      : `${countOf(r.redacted, "fr", "enregistrement effacé", "enregistrements effacés")}.`,
  ];
  if (r.items.length === 0) return [...head, "Aucun texte n'a dépassé la durée de conservation."].join("\n");
  const lines = r.items.map(
    (i) =>
      `• ${i.contractRef} · ${i.about} · ${KIND_WORDS[i.kind]} du ${formatDateLong(i.writtenAt.toISOString().slice(0, 10), "fr")} · ${i.fields.map((f) => FIELD_WORDS[f] ?? f).join(", ")}`,
  );
  const many = r.items.length > 1;
  const verb = r.dryRun ? (many ? "seraient effacés" : "serait effacé") : many ? "ont été effacés" : "a été effacé";
  return [...head, `${countOf(r.items.length, "fr", "texte", "textes")} ${verb} :`, ...lines].join("\n");
}
