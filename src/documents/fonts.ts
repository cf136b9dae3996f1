// The font of every document Vigie makes (PDF text, charts, PNG images): DejaVu Sans, shipped by the npm
// package dejavu-fonts-ttf, so that any character a user typed (accents, «», œ, €, other scripts) is drawn
// the same on every machine, with nothing read from the system.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const dir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

export const FONT_FILES = {
  regular: path.join(dir, "DejaVuSans.ttf"),
  bold: path.join(dir, "DejaVuSans-Bold.ttf"),
  oblique: path.join(dir, "DejaVuSans-Oblique.ttf"),
} as const;

let cached: { regular: Buffer; bold: Buffer; oblique: Buffer } | null = null;

/** The font files' bytes, read once. */
export function fontBytes(): { regular: Buffer; bold: Buffer; oblique: Buffer } {
  cached ??= {
    regular: readFileSync(FONT_FILES.regular),
    bold: readFileSync(FONT_FILES.bold),
    oblique: readFileSync(FONT_FILES.oblique),
  };
  return cached;
}
