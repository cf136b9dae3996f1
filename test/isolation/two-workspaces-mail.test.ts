// Isolation of e-mail (OAuth mode): two installed workspaces with a contract each, an e-mail recipient on each
// contract and one on Chambéry's (a contract of no installed workspace). The scheduler's mail pass runs per
// workspace like its Slack pass: a digest e-mail of workspace A never lists B's commitments nor goes to B's
// recipients; a contract no installed workspace holds gets no e-mail; an uninstalled workspace's recipients get
// nothing more. Real SMTP server on 127.0.0.1, messages read back with mailparser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertContract, stateCommitment } from "../support/fixtures.js";
import { installWorkspace, sendTeamEvent, startOAuthTestApp } from "../support/oauth-workspaces.js";
import { type SmtpTestServer, startSmtpTestServer } from "../support/smtp-test-server.js";
import type { TestApp } from "../support/test-app.js";

type Space = { team: string; coord: string; address: string; contractId: string };
const SPACES: Space[] = [
  { team: "T0NANTES", coord: "U0NANCOORD", address: "agent@nantes.gouv.example", contractId: "" },
  { team: "T0DIJON", coord: "U0DIJCOORD", address: "agent@dijon.gouv.example", contractId: "" },
];
const CHAMBERY_ADDRESS = "agent@chambery.gouv.example";
/** Words that belong to one workspace's contract only: its ref, its commitment's title and ref. */
const marks = (team: string) => [`CSI-${team}`, `Titre-${team}`, `${team}-01`];

let t: TestApp;
let smtp: SmtpTestServer;
const logLines: string[] = [];

async function addRecipient(contractId: string, address: string, name: string): Promise<void> {
  const added = await t.vigie.deps.store.mailRecipients.add(
    contractId,
    {
      name,
      address,
      organisation: "Préfecture",
      partyCode: "ETAT",
      receives: { digest: true, report: true, meetings: true },
    },
    "U0COORD01",
    new Date("2026-11-20T09:00:00Z"),
  );
  expect(added.ok).toBe(true);
}

/** The e-mails received since `from`, parsed, with who they went to (SMTP envelope). */
async function receivedSince(from: number) {
  const parsed = await smtp.parsed();
  return parsed.slice(from).map((m, i) => ({
    to: smtp.received[from + i]?.to ?? [],
    subject: m.subject ?? "",
    body: `${m.subject ?? ""}\n${m.text ?? ""}\n${typeof m.html === "string" ? m.html : ""}`,
  }));
}

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await startOAuthTestApp({
    logLines,
    env: { SMTP_URL: smtp.url, SMTP_FROM: "Vigie <vigie@csi.example>" },
  });
  for (const s of SPACES) {
    await installWorkspace(t, s.team, s.coord);
    const [ref, title, cref] = marks(s.team) as [string, string, string];
    const c = await insertContract(t.db.prisma, {
      ref,
      teamId: s.team,
      channelId: `C0${s.team.slice(2)}`,
      roles: { create: [{ userId: s.coord, role: "COORDINATOR", grantedBy: s.coord }] },
      commitments: { create: [stateCommitment(cref, title, [], { progress: 40 })] },
    });
    s.contractId = c.id;
    await addRecipient(c.id, s.address, `Agent ${s.team}`);
  }
  const chambery = await t.db.prisma.contract.findFirstOrThrow({ where: { teamId: null } });
  await addRecipient(chambery.id, CHAMBERY_ADDRESS, "Agent Chambéry");
});
afterAll(async () => {
  await t.stop();
  await smtp.close();
  expect(logLines.filter((l) => /@(nantes|dijon|chambery)\.gouv\.example/.test(l))).toEqual([]);
});

describe("e-mail per workspace (OAuth mode)", () => {
  it("each workspace's recipients get their own contract's digest only; a contract of no workspace gets none", async () => {
    const from = smtp.received.length;
    // Monday 7 December 2026, 09:00 Paris: the weekly digest (08:30) is due for every contract.
    const report = await t.vigie.scheduler.runPass(new Date("2026-12-07T08:00:00Z"));
    expect(report.mail).toMatchObject({ sent: 2, failed: 0, undeliverable: 0 });
    const mails = await receivedSince(from);
    expect(mails).toHaveLength(2);
    for (const s of SPACES) {
      const mine = mails.filter((m) => m.to.includes(s.address));
      expect(mine).toHaveLength(1);
      const [mail] = mine;
      expect(mail?.subject).toContain("Point hebdomadaire");
      expect(mail?.body).toContain(`Contrat CSI-${s.team}`);
      for (const other of SPACES.filter((x) => x.team !== s.team)) {
        for (const m of marks(other.team)) expect(mail?.body, m).not.toContain(m);
        expect(mail?.to).not.toContain(other.address);
      }
      expect(mail?.body).not.toContain("Chambéry");
    }
    expect(mails.flatMap((m) => m.to)).not.toContain(CHAMBERY_ADDRESS);
    // Each delivery is recorded under its recipient's own contract.
    const rows = await t.db.prisma.delivery.findMany({ where: { key: { startsWith: "mail-digest:" } } });
    expect(rows.map((r) => r.contractId).sort()).toEqual(SPACES.map((s) => s.contractId).sort());
  });

  it("a meeting of one workspace invites that workspace's recipient only", async () => {
    const [nantes, dijon] = SPACES as [Space, Space];
    await t.db.prisma.meeting.create({
      data: {
        contractId: nantes.contractId,
        kind: "COPIL",
        startsAt: new Date("2026-12-21T09:00:00Z"),
        createdAt: new Date("2026-12-07T09:00:00Z"),
        createdBy: nantes.coord,
      },
    });
    const from = smtp.received.length;
    await t.vigie.scheduler.runPass(new Date("2026-12-07T09:30:00Z"));
    const mails = await receivedSince(from);
    expect(mails.length).toBeGreaterThanOrEqual(1);
    for (const m of mails) {
      expect(m.to).toEqual([nantes.address]);
      expect(m.body).not.toContain(`CSI-${dijon.team}`);
    }
  });

  it("an uninstalled workspace's recipients get nothing more; the other's still do", async () => {
    const [nantes, dijon] = SPACES as [Space, Space];
    await sendTeamEvent(t, nantes.team, { type: "app_uninstalled", event_ts: "1.2" });
    await t.settled();
    const from = smtp.received.length;
    // The next Monday: every digest is due again.
    await t.vigie.scheduler.runPass(new Date("2026-12-14T08:00:00Z"));
    const mails = await receivedSince(from);
    expect(mails.filter((m) => m.to.includes(dijon.address))).toHaveLength(1);
    expect(mails.flatMap((m) => m.to)).not.toContain(nantes.address);
    expect(mails.flatMap((m) => m.to)).not.toContain(CHAMBERY_ADDRESS);
  });
});
