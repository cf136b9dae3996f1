// poppler-utils (Debian, installed by .ci/run): the report's text as a reader's tool extracts it, its page
// count, and page 1 rendered to an image.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ExtractedPdf {
  /** pdftotext -layout, pages separated by form feeds. */
  text: string;
  pages: string[];
  pageCount: number;
  file: string;
}

export async function extractPdf(bytes: Buffer): Promise<ExtractedPdf> {
  const dir = await mkdtemp(path.join(tmpdir(), "vigie-pdf-"));
  const file = path.join(dir, "rapport.pdf");
  await writeFile(file, bytes);
  const { stdout: text } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 64 << 20 });
  const { stdout: info } = await run("pdfinfo", [file]);
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  return { text, pages: text.split("\f").slice(0, pageCount), pageCount, file };
}

/** Page 1 as a PNG (pdftoppm), with its size read from the PNG header. */
export async function renderFirstPage(
  pdfFile: string,
  dpi = 60,
): Promise<{ png: Buffer; width: number; height: number }> {
  const out = path.join(path.dirname(pdfFile), "page");
  await run("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", pdfFile, out]);
  const png = await readFile(`${out}.png`);
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Text with runs of blanks made single spaces (pdftotext -layout pads columns). */
export const squeeze = (s: string): string => s.replace(/[ \t\u00a0\u202f]+/g, " ");
