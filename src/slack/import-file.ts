// The spreadsheet a coordinator attached to `/csi import`: asked of Slack by its id (files.info, never the URL the
// payload carries), downloaded with the bot token from Slack's own file host only, and read as CSV text (UTF-8,
// with or without BOM, or Windows-1252) or as an .xlsx workbook's first sheet (read-excel-file).
import type { WebClient } from "@slack/web-api";
import { decodeSpreadsheetBytes } from "../domain/csv-read.js";
import type { ImportSource } from "../domain/import-csv.js";

/** 2 MB: a contract of a thousand commitments with their indicators is a few hundred kilobytes. */
const MAX_IMPORT_FILE_BYTES = 2 * 1024 * 1024;

type ImportFileRead = { source: ImportSource } | { problem: "too_big" | "unreadable" | "not_found" };

const SLACK_FILE_HOSTS = ["https://files.slack.com"];

/** The cell as the import reads text: a date as yyyy-mm-dd, a number as written by JavaScript. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v);
}

/** `apiUrl`: the Web API's base (the stand-in in tests and local mode), whose origin also serves files. */
export async function readImportFile(client: WebClient, fileId: string, apiUrl?: string): Promise<ImportFileRead> {
  const info = await client.files.info({ file: fileId }).catch(() => null);
  const file = info?.file;
  const url = file?.url_private_download ?? file?.url_private;
  if (!file || !url) return { problem: "not_found" };
  if ((file.size ?? 0) > MAX_IMPORT_FILE_BYTES) return { problem: "too_big" };
  const allowed = [...SLACK_FILE_HOSTS, ...(apiUrl ? [new URL(apiUrl).origin] : [])];
  if (!allowed.includes(new URL(url).origin)) return { problem: "not_found" };
  const response = await fetch(url, { headers: { Authorization: `Bearer ${client.token ?? ""}` }, redirect: "error" });
  if (!response.ok) return { problem: "not_found" };
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) return { problem: "too_big" };
  const isXlsx = /\.xlsx$/i.test(file.name ?? "") || file.filetype === "xlsx";
  if (!isXlsx) return { source: { file: decodeSpreadsheetBytes(bytes).text } };
  try {
    // The .xlsx reader is loaded with the first spreadsheet imported, not at start.
    const { readSheet } = await import("read-excel-file/node");
    const rows = await readSheet(Buffer.from(bytes));
    return { source: { cells: rows.map((row) => row.map(cellText)) } };
  } catch {
    return { problem: "unreadable" };
  }
}
