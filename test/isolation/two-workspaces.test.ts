// Isolation, proved over real HTTP (OAuth mode): two workspaces with two contracts each. For commands, buttons
// (forged ones included), the App Home, the digest, the export and reminders, nothing of one workspace's
// contracts is read, shown or sent in the other, and each workspace is written to with its own token only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedCall } from "../support/fake-slack.js";
import { insertContract, stateCommitment } from "../support/fixtures.js";
import { installWorkspace, sendTeamEvent, startOAuthTestApp } from "../support/oauth-workspaces.js";
import { buttonPayload } from "../support/progress-fixtures.js";
import type { TestApp } from "../support/test-app.js";

type Space = { team: string; coord: string; owner: string; contracts: { key: string; id: string; channel: string }[] };
const SPACES: Space[] = [
  { team: "T0NANTES", coord: "U0NANCOORD", owner: "U0NANOWNER", contracts: [] },
  { team: "T0DIJON", coord: "U0DIJCOORD", owner: "U0DIJOWNER", contracts: [] },
];
const KEYS = ["A", "B"];
/** Words that belong to one contract only: its ref, its commitment's title and ref. */
const marks = (team: string, key: string) => [`CSI-${team}-${key}`, `Titre-${team}-${key}`, `${team}-${key}-01`];
const commitmentIds = new Map<string, string>();

let t: TestApp;
const text = (c: RecordedCall) => JSON.stringify(c.params);
/** What Vigie sent after call number `from`, to Slack or to response URLs. */
const since = (from: number) => t.slack.calls.slice(from);
const foreignMarks = (team: string) =>
  SPACES.filter((s) => s.team !== team).flatMap((s) => KEYS.flatMap((k) => marks(s.team, k)));
const expectNothingOf = (calls: RecordedCall[], otherThan: string) => {
  const all = calls.map(text).join("\n");
  for (const m of [...foreignMarks(otherThan), "Chambéry"]) expect(all, m).not.toContain(m);
};
const tokenOf = (team: string) => new RegExp(`^xoxb-${team}-`);

beforeAll(async () => {
  t = await startOAuthTestApp();
  for (const s of SPACES) {
    await installWorkspace(t, s.team, s.coord);
    for (const key of KEYS) {
      const [ref, title, cref] = marks(s.team, key) as [string, string, string];
      const channel = `C0${s.team.slice(2)}${key}`;
      const c = await insertContract(t.db.prisma, {
        ref,
        teamId: s.team,
        channelId: channel,
        digestChannelId: `${channel}D`,
        roles: {
          create: [
            { userId: s.coord, role: "COORDINATOR", grantedBy: s.coord },
            { userId: s.owner, role: "MEMBER", grantedBy: s.coord },
          ],
        },
        commitments: { create: [stateCommitment(cref, title, [s.owner])] },
      });
      s.contracts.push({ key, id: c.id, channel });
      commitmentIds.set(`${s.team}-${key}`, c.commitments[0]?.id ?? "");
    }
  }
});
afterAll(() => t.stop());

describe.each(SPACES)("workspace $team", (s) => {
  it("/csi contrat lists its own two contracts only", async () => {
    const reply = await t.commandReply("contrat", { teamId: s.team, userId: s.coord });
    for (const key of KEYS) expect(text(reply)).toContain(`CSI-${s.team}-${key}`);
    expectNothingOf([reply], s.team);
  });

  it("/csi liste, /csi etat, /csi retards in a contract's channel: that contract only", async () => {
    for (const c of s.contracts) {
      for (const cmd of ["liste", "etat", "echeances 60"]) {
        const reply = await t.commandReply(cmd, { teamId: s.team, userId: s.coord, channelId: c.channel });
        expectNothingOf([reply], s.team);
        const other = marks(s.team, c.key === "A" ? "B" : "A")[1] as string;
        expect(text(reply), `${cmd} in ${c.key}`).not.toContain(other);
      }
      const list = await t.commandReply("liste", { teamId: s.team, userId: s.coord, channelId: c.channel });
      expect(text(list)).toContain(marks(s.team, c.key)[1]);
    }
  });

  it("/csi voir with another workspace's ref finds nothing of it", async () => {
    const other = SPACES.find((x) => x.team !== s.team) as Space;
    const reply = await t.commandReply(`voir ${other.team}-A-01`, {
      teamId: s.team,
      userId: s.coord,
      channelId: s.contracts[0]?.channel,
    });
    // The ref typed is echoed back (« introuvable »); nothing recorded about it is.
    const said = text(reply);
    for (const key of KEYS) {
      expect(said).not.toContain(`Titre-${other.team}-${key}`);
      expect(said).not.toContain(`CSI-${other.team}-${key}`);
    }
    expect(said).toMatch(/introuvable|Aucun engagement|aucun engagement/);
  });

  it("/csi export: the file holds the contract's own commitments only, sent with the workspace's token", async () => {
    const from = t.slack.calls.length;
    await t.command("export", { teamId: s.team, userId: s.coord, channelId: s.contracts[0]?.channel });
    const upload = await t.slack.waitFor((c) => c.method === "file_upload" && t.slack.calls.indexOf(c) >= from);
    await t.settled();
    expect(String(upload.params.content)).toContain(`${s.team}-A-01`);
    expect(String(upload.params.content)).not.toContain(`${s.team}-B-01`);
    expectNothingOf(since(from), s.team);
    for (const c of since(from).filter((x) => x.method.startsWith("files."))) expect(c.token).toMatch(tokenOf(s.team));
  });

  it("forged buttons carrying another workspace's commitment show and open nothing of it", async () => {
    const other = SPACES.find((x) => x.team !== s.team) as Space;
    const forged = commitmentIds.get(`${other.team}-A`) ?? "";
    const from = t.slack.calls.length;
    for (const actionId of ["csi_show_commitment", "csi_open_update", "csi_show_history", "csi_follow"]) {
      const click = buttonPayload({ actionId, value: forged, userId: s.coord });
      await t.interact({
        ...click,
        team: { id: s.team, domain: "x" },
        user: { ...(click.user as object), team_id: s.team },
      });
    }
    await t.settled();
    expectNothingOf(since(from), s.team);
    expect(await t.db.prisma.follower.count({ where: { commitmentId: forged } })).toBe(0);
  });

  it("App Home: a person in both contracts sees one with a button for the other, never the other workspace's", async () => {
    const from = t.slack.calls.length;
    await sendTeamEvent(t, s.team, {
      type: "app_home_opened",
      user: s.owner,
      tab: "home",
      channel: "D0X",
      event_ts: "1.1",
    });
    const home = await t.slack.waitFor((c) => c.method === "views.publish" && t.slack.calls.indexOf(c) >= from);
    expect(home.token).toMatch(tokenOf(s.team));
    expect(text(home)).toContain(marks(s.team, "A")[1]);
    expect(text(home)).toContain(`CSI-${s.team}-B`);
    expectNothingOf([home], s.team);
    // Its button shows the other contract.
    const [, second] = s.contracts;
    const click = buttonPayload({
      actionId: `csi_home_contract_${second?.id}`,
      value: second?.id ?? "",
      userId: s.owner,
    });
    const before = t.slack.calls.length;
    await t.interact({ ...click, team: { id: s.team, domain: "x" } });
    const again = await t.slack.waitFor((c) => c.method === "views.publish" && t.slack.calls.indexOf(c) >= before);
    expect(text(again)).toContain(marks(s.team, "B")[1]);
    expectNothingOf([again], s.team);
  });
});

describe("scheduled work, per workspace and contract", () => {
  it("reminders and digests reach each workspace with its own token and tell only its own contract", async () => {
    const from = t.slack.calls.length;
    // Monday 7 December 2026, 09:00 Paris: each contract's digest (08:30) and each owner's J-7… not yet: J-7 is Tuesday.
    await t.vigie.scheduler.runPass(new Date("2026-12-07T08:00:00Z"));
    await t.vigie.scheduler.runPass(new Date("2026-12-08T08:00:00Z"));
    const posts = since(from).filter((c) => c.method === "chat.postMessage");
    for (const s of SPACES) {
      const people = [s.coord, s.owner, ...s.contracts.map((c) => `${c.channel}D`)];
      const mine = posts.filter((p) => people.includes(String(p.params.channel)));
      // Two digests to the coordinator (one per contract), one per digest channel, a deadline reminder to the owner.
      expect(mine.length).toBeGreaterThanOrEqual(5);
      for (const p of mine) expect(p.token).toMatch(tokenOf(s.team));
      expectNothingOf(mine, s.team);
      for (const c of s.contracts) {
        const digest = mine.filter((p) => p.params.channel === `${c.channel}D`);
        expect(digest).toHaveLength(1);
        const other = marks(s.team, c.key === "A" ? "B" : "A")[1] as string;
        expect(text(digest[0] as RecordedCall)).not.toContain(other);
      }
    }
    // Chambéry's contract belongs to no installed workspace here: nothing is sent about it.
    expect(posts.map(text).join("\n")).not.toContain("Chambéry");
  });

  it("an uninstalled workspace gets nothing more; the other still does", async () => {
    const [nantes, dijon] = SPACES as [Space, Space];
    await sendTeamEvent(t, nantes.team, { type: "app_uninstalled", event_ts: "1.2" });
    await t.settled();
    const from = t.slack.calls.length;
    // The next Monday: both digests are due again.
    await t.vigie.scheduler.runPass(new Date("2026-12-14T08:00:00Z"));
    const posts = since(from).filter((c) => c.method === "chat.postMessage");
    expect(posts.some((p) => p.params.channel === dijon.coord)).toBe(true);
    expect(posts.filter((p) => [nantes.coord, nantes.owner].includes(String(p.params.channel)))).toEqual([]);
    expect(posts.filter((p) => String(p.token).includes(nantes.team))).toEqual([]);
  });
});
