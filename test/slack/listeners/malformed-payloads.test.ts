// The malformed payloads of issue 11, one by one over signed HTTP: each gets a French answer next to its
// field (or the stale-form notice), and what is stored is clean.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import { commitmentFields, formMetadata, submitView, viewSubmission } from "../../support/coordinator-payloads.js";
import { commitmentByRef, progressMetadata, submissionPayload } from "../../support/progress-fixtures.js";
import { COORDINATOR, startTestApp, type TestApp, warmUp } from "../../support/test-app.js";

type Json = Record<string, unknown>;
let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ logLines });
  await warmUp(t);
});
afterAll(() => t.stop());

const progress = async (over: (p: Json) => Json, form = {}) => {
  const c = await commitmentByRef(t, "ETAT-08");
  const payload = submissionPayload({
    userId: COORDINATOR,
    privateMetadata: progressMetadata(c.id),
    form: { status: "ON_TRACK", progress: "40", ...form },
  });
  return submitView(t, over(payload));
};
const withView = (p: Json, view: Json) => ({ ...p, view: { ...(p.view as Json), ...view } });

describe("malformed payloads", () => {
  it("a NUL byte in a comment is removed, the rest stored", async () => {
    expect(await progress((p) => p, { comment: "Bilan\u0000 du trimestre\u0007" })).toBeNull();
    await t.settled();
    const c = await commitmentByRef(t, "ETAT-08");
    const last = await t.db.prisma.progressUpdate.findFirstOrThrow({
      where: { commitmentId: c.id },
      orderBy: { createdAt: "desc" },
    });
    expect(last.comment).toBe("Bilan du trimestre");
  });

  it.each([
    ["without state", { state: undefined }],
    ["with a null state", { state: null }],
    ["with null values", { state: { values: null } }],
  ])("a view %s is a stale form: « Le formulaire a expiré, rouvrez-le. »", async (_what, view) => {
    const answer = (await progress((p) => withView(p, view))) as unknown as {
      response_action: string;
      view: { blocks: { text: { text: string } }[] };
    };
    expect(answer.response_action).toBe("update");
    expect(answer.view.blocks[0]?.text.text).toContain("Le formulaire a expiré, rouvrez-le.");
  });

  it("a number where a string is expected is an invalid field, in French", async () => {
    const answer = await progress((p) => {
      const view = p.view as { state: { values: Record<string, Record<string, Json>> } };
      view.state.values[BLOCKS.comment] = { value: { type: "plain_text_input", value: 42 } };
      return p;
    });
    expect(answer?.response_action).toBe("errors");
    expect(answer?.errors[BLOCKS.comment]).toBe("Valeur illisible : saisissez-la de nouveau dans ce champ.");
  });

  it("a 20-digit indicator value is refused next to its field, the bound said", async () => {
    const c = await commitmentByRef(t, "ETAT-08");
    const id = c.indicators[0]?.id ?? "";
    const answer = await progress((p) => p, { indicators: { [id]: "99999999999999999999" } });
    expect(answer?.errors[`indicator_${id}`]).toBe("Nombre hors limites : entre −1 000 milliards et 1 000 milliards.");
  });

  it("a next step in 2999 is refused: the contract's years, give or take five", async () => {
    const answer = await progress((p) => p, { nextStep: "Bilan", nextStepOn: "2999-01-04" });
    expect(answer?.errors[BLOCKS.nextStepOn]).toMatch(/^Choisissez une date entre \d{4} et \d{4}/);
  });

  it("a unit of 60 characters and a due date in 1899 are refused inline, not cut", async () => {
    const answer = await submitView(
      t,
      viewSubmission({
        userId: COORDINATOR,
        callbackId: CALLBACKS.createCommitment,
        privateMetadata: formMetadata({ contract: "CSI-CHAMBERY" }),
        fields: commitmentFields({
          [BLOCKS.indicators]: { text: `Caméras installées ; ${"c".repeat(60)} ; 0 ; 10` },
          [BLOCKS.dueOn]: { date: "1899-12-31" },
        }),
      }),
    );
    expect(answer?.errors[BLOCKS.indicators]).toContain("l'unité dépasse 40 caractères");
    expect(answer?.errors[BLOCKS.dueOn]).toMatch(/^Choisissez une date entre/);
  });

  it("none of it left « incident technique » or a stack in the log", () => {
    expect(logLines.filter((l) => /listener\.failed|store_failed|\bat \S+ \(/.test(l))).toEqual([]);
  });
});
