// OAuth mode: a pass reads what is due and the rows to retry once for every installed workspace, then each
// workspace sends its own share with its own token. A failed reminder is retried with its workspace's token only,
// each key goes out once, and a workspace uninstalled between two passes gets nothing more.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertContract, stateCommitment } from "../support/fixtures.js";
import { installWorkspace, sendTeamEvent, startOAuthTestApp } from "../support/oauth-workspaces.js";
import type { TestApp } from "../support/test-app.js";
import { keysOf, postsOf } from "./fixtures.js";

const SPACES = [
  { team: "T0LYON", owner: "U0LYONOWN" },
  { team: "T0BREST", owner: "U0BRESTOWN" },
];
const commitmentOf = new Map<string, string>();
let t: TestApp;
const pass = (iso: string) => t.vigie.scheduler.runPass(new Date(iso));
const tokenOfCall = (team: string) => new RegExp(`^xoxb-${team}-`);

beforeAll(async () => {
  t = await startOAuthTestApp();
  for (const s of SPACES) {
    await installWorkspace(t, s.team, `U0${s.team.slice(2)}COORD`);
    const c = await insertContract(t.db.prisma, {
      ref: `CSI-${s.team}`,
      title: `Contrat ${s.team}`,
      teamId: s.team,
      commitments: {
        create: [
          stateCommitment(`${s.team}-01`, `Engagement de ${s.team}`, [s.owner], {
            createdAt: new Date("2026-11-20T10:00:00Z"),
          }),
        ],
      },
    });
    commitmentOf.set(s.team, c.commitments[0]?.id ?? "");
  }
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

describe("one pass over several workspaces", () => {
  it("reminders that failed are retried each with its own workspace's token; each key goes out once", async () => {
    t.slack.on("chat.postMessage", () => ({ status: 500, text: "boom" }));
    // Tuesday 8 December 2026, 09:00 in Paris: both J-7 reminders are due, and Slack fails both.
    const first = await pass("2026-12-08T08:00:00Z");
    expect([first.sent, first.failed]).toEqual([0, 2]);
    t.slack.reset();
    const second = await pass("2026-12-08T08:01:00Z");
    expect([second.retried, second.sent, second.planned]).toEqual([2, 2, 0]);
    for (const s of SPACES) {
      const key = `deadline-j7:${commitmentOf.get(s.team)}:${s.owner}:2026-12-15`;
      const posts = postsOf(t.slack.calls, "deadline-j7").filter((c) => keysOf(c).includes(key));
      expect(posts.map((c) => c.params.channel)).toEqual([s.owner]);
      expect(posts[0]?.token, s.team).toMatch(tokenOfCall(s.team));
    }
    const rows = await t.db.prisma.delivery.findMany({ where: { kind: "deadline-j7" } });
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ["SENT", 2],
      ["SENT", 2],
    ]);
    // Nothing new at the next minute.
    expect((await pass("2026-12-08T08:02:00Z")).sent).toBe(0);
  });

  it("a workspace uninstalled between two passes gets nothing more, the other still gets its own", async () => {
    const [lyon, brest] = SPACES as [(typeof SPACES)[number], (typeof SPACES)[number]];
    expect((await sendTeamEvent(t, lyon.team, { type: "app_uninstalled" })).status).toBe(200);
    await t.settled(); // the event is handled after Bolt's ack
    // Tuesday 14 December, 09:00 in Paris: both J-1 reminders are due; only Brest is still installed.
    await pass("2026-12-14T08:00:00Z");
    const posts = postsOf(t.slack.calls, "deadline-j1");
    expect(posts.map((c) => c.params.channel)).toEqual([brest.owner]);
    expect(posts[0]?.token).toMatch(tokenOfCall(brest.team));
  });
});
