// `npm run build`: transpiles src/ and the generated Prisma client to dist/ (no bundling, same layout),
// so that `npm start` runs plain JavaScript: no TypeScript loader in the server's memory.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const dirs = ["src", "prisma/generated"];

const entryPoints: string[] = [];
for (const dir of dirs) {
  for (const file of await readdir(path.join(root, dir), { recursive: true })) {
    if (file.endsWith(".ts") && !file.endsWith(".d.ts")) entryPoints.push(path.join(root, dir, file));
  }
}
await rm(path.join(root, "dist"), { recursive: true, force: true });
const started = performance.now();
await build({
  entryPoints,
  outdir: path.join(root, "dist"),
  outbase: root,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});
console.log(`dist/ : ${entryPoints.length} fichiers compilés en ${Math.round(performance.now() - started)} ms`);
