// Anything a user can type gets a proper answer (help or an answer), never a stack trace nor a crash:
// 1,000+ generated strings through the answer function, and a sample through the real receiver.
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerCsiCommand } from "../../../src/slack/commands/answer.js";
import { parseCommandText, SUBCOMMAND_WORDS } from "../../../src/slack/commands/parse.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { generateCommitmentSpecs, insertCommitments, insertMeeting } from "../../support/fixtures.js";
import { blocksText, startTestApp, TEST_BOT_TOKEN, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await insertCommitments(t.db.prisma, generateCommitmentSpecs(40));
  await insertMeeting(t.db.prisma, {
    kind: "GLTD",
    startsAt: new Date("2026-12-07T13:30:00Z"),
    place: "<b>Mairie</b>",
    agenda: "`code` *gras*",
  });
});
afterAll(() => t.stop());

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ...SUBCOMMAND_WORDS,
  "ETAT-08",
  "etat8",
  "etat-0000",
  "VILLE_3",
  "parquet2",
  "ETAT-999",
  "----",
  "ville",
  "city",
  "en-retard",
  "point de vigilance",
  "late",
  "done",
  "30",
  "-1",
  "0",
  "99999999999999999999",
  "1e9",
  "NaN",
  "Infinity",
  "0x1F",
  "12j",
  "3.5",
  "vidéo",
  "VIDEO",
  "Œuvre",
  "ﬁche",
  "à",
  "'",
  '"',
  "`",
  "*",
  "_",
  "~",
  "&amp;",
  "<!channel>",
  "<@U0COORD01>",
  "<#C123|x>",
  "<https://evil.example|clic>",
  '\'; DROP TABLE "Commitment"; --',
  '" OR 1=1 --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt is the point of this input
  "${process.exit(1)}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "%00",
  "\\u0000",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "😀",
  "👨‍👩‍👧‍👦",
  "🇫🇷",
  "\u200b",
  "\u202e",
  "\u0301",
  "مرحبا",
  "שלום",
  "中文",
  "\ud800",
  "\udfff",
  "\u0000",
  "\u0007",
  "\t",
  "\n",
  "\r\n",
  "  ",
];

function generate(count: number): string[] {
  const rand = rng(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: string[] = [
    "",
    " ",
    "\n\n",
    "\u0000",
    "x".repeat(4000),
    `voir ${"é".repeat(25_000)}`,
    `cherche ${"<".repeat(5000)}`,
    `liste ${"ville ".repeat(900)}`,
  ];
  while (out.length < count) {
    const n = 1 + Math.floor(rand() * 6);
    const words = Array.from({ length: n }, () => {
      const r = rand();
      if (r < 0.75) return pick(PIECES);
      if (r < 0.9)
        return String.fromCodePoint(
          ...Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Math.floor(rand() * 0x2ffff)).filter(
            (c) => c < 0xd800 || c > 0xdfff,
          ),
        );
      return pick(PIECES).repeat(1 + Math.floor(rand() * 400));
    });
    out.push(words.join(rand() < 0.8 ? " " : pick(["", "\t", "  ", "\n"])));
  }
  return out;
}

const LEAKS =
  /(\bat .+\(.+:\d+:\d+\)|TypeError|RangeError|ReferenceError|SyntaxError|PrismaClient|Invalid `|\[object Object\]|\bundefined\b|\bNaN\b|stack)/g;

/** Traces of the code in a reply; words the user typed and sees echoed back do not count. */
const leaksIn = (text: string, input: string): string[] =>
  [...text.matchAll(LEAKS)].map((m) => m[0]).filter((w) => !input.includes(w));
const INPUTS = generate(1200);

function expectProperReply(input: string, reply: { text?: unknown; blocks?: unknown } | null): void {
  const parsed = parseCommandText(input);
  // `maj REF` opens a modal (no message): the only sub-command allowed to answer with nothing.
  if (reply === null)
    return void expect(
      parsed.kind === "command" && parsed.name === "update",
      `no reply to ${JSON.stringify(input.slice(0, 80))}`,
    ).toBe(true);
  const blocks = Array.isArray(reply.blocks) ? reply.blocks : [];
  expect(blocks.length, `blocks for ${JSON.stringify(input.slice(0, 80))}`).toBeGreaterThan(0);
  expect(blockLimitViolations(blocks, { text: String(reply.text) }), JSON.stringify(input.slice(0, 80))).toEqual([]);
  const text = `${blocksText({ blocks })}\n${String(reply.text)}`;
  expect(leaksIn(text, input), JSON.stringify(input.slice(0, 80))).toEqual([]);
  expect(text).not.toContain("<!channel>");
}

describe("fuzzing /csi", () => {
  it(`answers ${INPUTS.length} generated strings through the answer function`, async () => {
    const client = new WebClient(TEST_BOT_TOKEN, { slackApiUrl: t.slack.apiUrl, retryConfig: { retries: 0 } });
    let answered = 0;
    for (const [i, text] of INPUTS.entries()) {
      const reply = await answerCsiCommand({
        deps: t.vigie.deps,
        client,
        userId: i % 3 === 0 ? "U0OWNER1" : "U0MEMBER1",
        channelId: "C0COPIL",
        triggerId: "1.trigger",
        text,
        resolveUserLocale: async () => (i % 2 ? "en-US" : "fr-FR"),
        page: i % 7,
      });
      expectProperReply(text, reply);
      answered++;
    }
    expect(answered).toBe(INPUTS.length);
  }, 120_000);

  it("answers a sample of 50 through the real receiver with a proper reply, never the apology for an internal error", async () => {
    const sample = INPUTS.filter((_, i) => i % 24 === 0).slice(0, 50);
    expect(sample).toHaveLength(50);
    for (const text of sample) {
      const { status, responseId } = await t.command(text);
      expect(status).toBe(200);
      const parsed = parseCommandText(text);
      if (parsed.kind === "command" && parsed.name === "update") continue;
      const reply = await t.slack.waitForResponse(responseId);
      expect(String(reply.params.text)).not.toContain("erreur interne");
      expectProperReply(text, reply.params);
    }
  }, 120_000);
});
