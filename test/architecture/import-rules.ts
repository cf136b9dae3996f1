// The folder dependency rule, read from the README (its one written place) and checked on every import of
// `src/`. Imports are found with the TypeScript compiler's parser: static imports and re-exports (type-only
// ones too), `import("…")` calls and `import("…").T` types.
import { posix } from "node:path";
import ts from "typescript";

/** One line of the README's table: files under `folder` import nothing that `forbidden` names. */
export interface LayerRule {
  folder: string;
  /** `src/store/` (a folder of the repository) or `@slack/*` (a package scope) or `pg` (a package). */
  forbidden: string[];
}

export interface ImportSite {
  file: string;
  line: number;
  specifier: string;
  /** Repository-relative path for a relative import (`src/store/store.ts`), the specifier for a package. */
  target: string;
}

export interface Violation extends ImportSite {
  rule: LayerRule;
  /** The entry of `rule.forbidden` the import matched. */
  matched: string;
}

export const RULES_HEADING = "### Règle des dépendances";

/**
 * The rules of the README section under RULES_HEADING: a Markdown table whose first column is a folder and
 * whose second lists, in backquotes, what that folder never imports.
 */
export function parseRules(readme: string): LayerRule[] {
  const start = readme.indexOf(RULES_HEADING);
  if (start < 0) throw new Error(`README has no "${RULES_HEADING}" section`);
  const rest = readme.slice(start + RULES_HEADING.length);
  const next = rest.search(/\n#{1,3} /);
  const section = next < 0 ? rest : rest.slice(0, next);
  const rules: LayerRule[] = [];
  for (const row of section.split("\n").filter((l) => l.trim().startsWith("|"))) {
    const cells = row.split("|").slice(1, -1);
    if (cells.length < 2) continue;
    const [folder] = [...(cells[0] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const forbidden = [...(cells[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    if (folder && forbidden.length > 0) rules.push({ folder, forbidden });
  }
  return rules;
}

/** Every module specifier of `text` (the file at repository path `file`), with its line. */
export function importsOf(file: string, text: string): ImportSite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sites: ImportSite[] = [];
  const add = (literal: ts.Node) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1;
    sites.push({ file, line, specifier: literal.text, target: resolveTarget(file, literal.text) });
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0])
      add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/** `../store/store.js` seen from `src/domain/x.ts` → `src/store/store.ts`; a package specifier unchanged. */
function resolveTarget(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, ".ts");
}

function matches(site: ImportSite, entry: string): boolean {
  const relative = site.specifier.startsWith(".");
  if (entry.endsWith("/*")) return !relative && site.target.startsWith(entry.slice(0, -1));
  if (entry.endsWith("/")) return relative ? site.target.startsWith(entry) : false;
  return !relative && (site.target === entry || site.target.startsWith(`${entry}/`));
}

/** The imports of `files` that break one of `rules`. */
export function violations(files: { path: string; text: string }[], rules: LayerRule[]): Violation[] {
  const found: Violation[] = [];
  for (const { path, text } of files) {
    const applicable = rules.filter((r) => path.startsWith(r.folder));
    if (applicable.length === 0) continue;
    for (const site of importsOf(path, text))
      for (const rule of applicable) {
        const matched = rule.forbidden.find((entry) => matches(site, entry));
        if (matched) found.push({ ...site, rule, matched });
      }
  }
  return found;
}

/** `src/domain/x.ts:3 → src/store/store.ts ("../store/store.js"): src/domain/ never imports src/store/` */
export const describeViolation = (v: Violation): string =>
  `${v.file}:${v.line} → ${v.target}${v.target === v.specifier ? "" : ` ("${v.specifier}")`}: ` +
  `${v.rule.folder} never imports ${v.matched} (README, ${RULES_HEADING.replace(/^#+ /, "")})`;
