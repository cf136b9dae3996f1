// Which font draws a piece of text in the report. pdfkit's built-in Helvetica (no file embedded, fast to
// measure) covers Windows-1252 — French with « » œ € — and nothing else; any other character (an emoji, a
// non-Latin name, a math sign typed by a user) sends the whole piece to DejaVu Sans, embedded as a subset.

/** The 27 characters Windows-1252 adds to Latin-1 in 0x80–0x9F. */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Narrow and thin spaces (French typography, ICU number formats) are printed as no-break spaces. */
export const forPdf = (s: string): string => s.replace(/[\u202f\u2009\u2007]/g, "\u00a0");

function isWinAnsi(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x0a || c === 0x0d || c === 0x09) continue;
    if ((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff)) continue;
    if (!WIN_ANSI_EXTRA.has(ch)) return false;
  }
  return true;
}

export type Weight = "regular" | "bold" | "italic";

const STANDARD: Record<Weight, string> = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" };
const EMBEDDED: Record<Weight, string> = { regular: "body", bold: "bold", italic: "italic" };

/** The registered font name for `text` in `weight`. */
export const fontFor = (text: string, weight: Weight): string =>
  isWinAnsi(text) ? STANDARD[weight] : EMBEDDED[weight];
