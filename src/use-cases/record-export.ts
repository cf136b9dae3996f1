// A file of the contract handed to someone (the CSV export, the PDF report) is recorded in the audit trail, so
// that `/csi journal imports` says who took what out of Vigie and when.
import type { UseCaseDeps } from "./coordinators.js";

export interface ExportRecord {
  actorId: string;
  contractId: string;
  format: "csv" | "pdf";
  /** Commitments in the file. */
  count: number;
  /** The filters typed (party code, status), when there were some. */
  party?: string | null;
  status?: string | null;
}

export async function recordExport(deps: UseCaseDeps, r: ExportRecord): Promise<void> {
  await deps.store.audit.record({
    at: deps.now(),
    actorId: r.actorId,
    action: "contract.export",
    entity: "contract",
    entityId: r.contractId,
    details: { format: r.format, count: r.count, party: r.party ?? null, status: r.status ?? null },
  });
}
