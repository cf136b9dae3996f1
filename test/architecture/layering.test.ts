// The folder dependency rule is written once, in the README ("Règle des dépendances", Architecture section);
// this test reads it there and checks every import of `src/` against it, printing each one that breaks it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { describeViolation, importsOf, parseRules, violations } from "./import-rules.js";

const root = join(import.meta.dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");

const sourceFiles = (dir: string): { path: string; text: string }[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)).split("\\").join("/"))
    .map((path) => ({ path, text: readFileSync(join(root, path), "utf8") }));

describe("layering", () => {
  const rules = parseRules(readme);

  it("reads the README's rules: one per folder it constrains", () => {
    expect(rules.map((r) => r.folder)).toEqual([
      "src/domain/",
      "src/store/",
      "src/slack/",
      "src/use-cases/",
      "src/documents/",
      "src/",
    ]);
    expect(rules.find((r) => r.folder === "src/domain/")?.forbidden).toEqual([
      "src/slack/",
      "src/store/",
      "src/jobs/",
      "src/use-cases/",
      "@slack/*",
      "@prisma/*",
      "prisma/generated/",
    ]);
    expect(rules.find((r) => r.folder === "src/store/")?.forbidden).toEqual(["src/slack/", "@slack/*"]);
    expect(rules.find((r) => r.folder === "src/slack/")?.forbidden).toEqual(["src/jobs/"]);
    expect(rules.find((r) => r.folder === "src/use-cases/")?.forbidden).toEqual(["src/slack/"]);
    // Documents are made from domain objects only: no Slack, no database, no job.
    expect(rules.find((r) => r.folder === "src/documents/")?.forbidden).toEqual(
      rules.find((r) => r.folder === "src/domain/")?.forbidden,
    );
    // Nothing Vigie runs may need Node 22: `prisma dev`'s packages stay out of src/.
    expect(rules.find((r) => r.folder === "src/")?.forbidden).toEqual(["@prisma/dev", "@prisma/streams-local"]);
  });

  it("every import of src/ keeps the rule", () => {
    const files = sourceFiles("src");
    expect(files.length).toBeGreaterThan(100);
    expect(violations(files, rules).map(describeViolation)).toEqual([]);
  });

  it("finds and names each import that breaks it (static, type-only, re-export, dynamic, import type)", () => {
    const bad = [
      'import { z } from "zod";',
      'import type { Store } from "../store/store.js";',
      "",
      'export { buildDigest } from "../use-cases/build-digest.js";',
      'type App = import("@slack/bolt").App;',
      'const load = () => import("../../prisma/generated/client/client.js");',
    ].join("\n");
    const found = violations([{ path: "src/domain/bad.ts", text: bad }], rules).map(describeViolation);
    expect(found).toEqual([
      'src/domain/bad.ts:2 → src/store/store.ts ("../store/store.js"): src/domain/ never imports src/store/ (README, Règle des dépendances)',
      'src/domain/bad.ts:4 → src/use-cases/build-digest.ts ("../use-cases/build-digest.js"): src/domain/ never imports src/use-cases/ (README, Règle des dépendances)',
      "src/domain/bad.ts:5 → @slack/bolt: src/domain/ never imports @slack/* (README, Règle des dépendances)",
      'src/domain/bad.ts:6 → prisma/generated/client/client.ts ("../../prisma/generated/client/client.js"): src/domain/ never imports prisma/generated/ (README, Règle des dépendances)',
    ]);
  });

  it("applies each folder's own rule, and lets jobs/ render with slack/views", () => {
    const files = [
      {
        path: "src/slack/commands/handlers/digest.ts",
        text: 'import { buildDigest } from "../../../jobs/weekly-digest.js";',
      },
      { path: "src/store/x-repo.ts", text: 'import type { WebClient } from "@slack/web-api";' },
      { path: "src/use-cases/x.ts", text: '\nimport { esc } from "../slack/views/blocks.js";' },
      { path: "src/jobs/render-delivery.ts", text: 'import { digestMessage } from "../slack/views/digest-blocks.js";' },
      { path: "src/store/ok-repo.ts", text: 'import { Prisma } from "../../prisma/generated/client/client.js";' },
    ];
    expect(violations(files, rules).map((v) => `${v.file}:${v.line} ${v.matched}`)).toEqual([
      "src/slack/commands/handlers/digest.ts:1 src/jobs/",
      "src/store/x-repo.ts:1 @slack/*",
      "src/use-cases/x.ts:2 src/slack/",
    ]);
  });

  it("keeps documents/ on domain objects and prisma dev's packages out of src/", () => {
    const files = [
      { path: "src/documents/report-pdf.ts", text: 'import type { Store } from "../store/store.js";' },
      { path: "src/documents/charts.ts", text: 'import { formatNumber } from "../domain/format.js";' },
      { path: "src/main.ts", text: 'const dev = () => import("@prisma/streams-local");' },
    ];
    expect(violations(files, rules).map((v) => `${v.file}:${v.line} ${v.matched}`)).toEqual([
      "src/documents/report-pdf.ts:1 src/store/",
      "src/main.ts:1 @prisma/streams-local",
    ]);
  });

  it("does not take a folder for a prefix of another (src/slack-x/ is not src/slack/)", () => {
    const sites = importsOf("src/domain/a.ts", 'import "../slack-like/x.js";\nimport "@slackware/y";');
    expect(sites.map((s) => s.target)).toEqual(["src/slack-like/x.ts", "@slackware/y"]);
    expect(
      violations([{ path: "src/domain/a.ts", text: sites.map((s) => `import "${s.specifier}";`).join("\n") }], rules),
    ).toEqual([]);
  });
});
