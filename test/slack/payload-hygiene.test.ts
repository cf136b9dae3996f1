import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkViewState, formLocale, stripControls } from "../../src/slack/payload-hygiene.js";
import { staleFormText } from "../../src/slack/views/stale-form.js";
import { frenchIssue } from "../../src/zod-french.js";

describe("stripControls", () => {
  it("removes NUL and the other control characters from every string, in place, keeping tabs and new lines", () => {
    const body = {
      text: "a\u0000b",
      view: { state: { values: { c: { value: { value: "x\u0007y\tz\n\u007f\u0085" } } } } },
    };
    const list = ["\u001b[31mrouge"];
    expect(stripControls({ body, list })).toBe(3);
    expect(body.text).toBe("ab");
    expect(body.view.state.values.c.value.value).toBe("xy\tz\n");
    expect(list[0]).toBe("[31mrouge");
    expect(stripControls({ clean: "Bilan du trimestre : 12 caméras" })).toBe(0);
  });
});

describe("checkViewState", () => {
  it("a missing or null state, or null values, is a stale form", () => {
    for (const view of [
      undefined,
      {},
      { state: null },
      { state: {} },
      { state: { values: null } },
      { state: { values: 3 } },
    ])
      expect(checkViewState(view)).toEqual({ kind: "stale" });
  });
  it("names each block whose element is not shaped as Slack sends it", () => {
    const view = {
      state: {
        values: {
          ok: { value: { type: "plain_text_input", value: "texte" } },
          number: { value: { type: "plain_text_input", value: 42 } },
          date: { value: { type: "datepicker", selected_date: "demain" } },
          option: { value: { type: "static_select", selected_option: { value: 7 } } },
          users: { value: { type: "multi_users_select", selected_users: [1] } },
          element: { value: "texte" },
          block: null,
          empty: { value: { type: "plain_text_input", value: null } },
        },
      },
    };
    expect(checkViewState(view)).toEqual({
      kind: "invalid",
      blocks: ["number", "date", "option", "users", "element", "block"],
    });
  });
  it("reads the form's language from its metadata", () => {
    expect(formLocale({ private_metadata: '{"locale":"en"}' })).toBe("en");
    expect(formLocale({ private_metadata: '{"l":"en","c":"x"}' })).toBe("en");
    expect(formLocale({ private_metadata: "pas du JSON" })).toBe("fr");
    expect(staleFormText("fr")).toContain("Le formulaire a expiré, rouvrez-le.");
  });
});

describe("zod's messages in French", () => {
  it("a schema without its own message answers in French", () => {
    const messages = [
      z.string().safeParse(5),
      z.string().regex(/^U/).safeParse("x"),
      z.number().max(3).safeParse(9),
      z.string().max(2).safeParse("abc"),
      z.enum(["a"]).safeParse("b"),
      z.array(z.string()).max(1).safeParse(["a", "b"]),
    ].map((r) => r.error?.issues[0]?.message ?? "");
    for (const m of messages) expect(m).not.toMatch(/Invalid|expected|received|Too (big|small)/);
    expect(messages).toEqual([
      "Valeur illisible : saisissez-la de nouveau dans ce champ.",
      "Format non reconnu : vérifiez ce champ.",
      "Valeur trop grande : 3 au plus.",
      "Texte trop long : 2 caractères au plus.",
      "Choisissez une valeur proposée dans la liste.",
      "1 élément au plus.",
    ]);
    expect(frenchIssue({ code: "too_small", origin: "string", minimum: 1, input: "" } as never)).toBe(
      "Ce champ est obligatoire.",
    );
  });
});
