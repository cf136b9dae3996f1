// `npm run bench:tenancy`: Vigie hosting several cities in OAuth mode — 10 installed workspaces, 50 contracts,
// 3,000 commitments (50,000 updates) on the embedded database. Measures the resident memory of the app
// (`node dist/src/main.js`, as `npm start` runs it) after start, and the scheduler's passes in-process: the
// catch-up pass, then the steady pass (nothing new due), which must stay under 1 s.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startVigie } from "../src/app/start-vigie.js";
import { loadConfig } from "../src/config.js";
import { type PlanTimings, planDeliveries } from "../src/jobs/plan-deliveries.js";
import { FakeSlack } from "../src/local/slack-stand-in.js";
import { createLogger } from "../src/logger.js";
import { openDatabase } from "../src/store/database.js";
import { readContractSeed, seedContract } from "../src/store/seed.js";
import { createStore } from "../src/store/store.js";
import { processMemory, ROOT, startServerChild, stopChild } from "./processes.js";

const WORKSPACES = 10;
const CONTRACTS = 50;
const COMMITMENTS = 3_000;
const UPDATES = 50_000;
const TOKEN_KEY = Buffer.alloc(32, 9).toString("base64");
const team = (w: number) => `T0CITY${String(w).padStart(2, "0")}`;
const env = (dataDir: string, apiUrl: string) => ({
  SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99aabbcc85a5",
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "0123456789abcdef0123456789abcdef",
  SLACK_STATE_SECRET: "un-secret-d-etat-assez-long",
  VIGIE_TOKEN_KEY: TOKEN_KEY,
  // Chambéry, seeded without a workspace, is the first workspace's.
  SLACK_TEAM_ID: team(1),
  SLACK_API_URL: apiUrl,
  DATA_DIR: dataDir,
  CSI_SCHEDULER: "off",
  LOG_LEVEL: "error",
  NODE_ENV: "production",
});

execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: ROOT, stdio: "inherit" });
const dir = await mkdtemp(path.join(tmpdir(), "vigie-tenancy-"));
const dataDir = path.join(dir, "data");
const slack = await new FakeSlack().start();
try {
  // 1. Data, written straight into a fresh embedded database.
  let t = performance.now();
  const db = await openDatabase({ dataDir });
  await db.migrate();
  await seedContract(db.prisma, await readContractSeed());
  const store = createStore(db.prisma, { tokenKey: Buffer.from(TOKEN_KEY, "base64") });
  for (let w = 1; w <= WORKSPACES; w++) {
    const installation = {
      team: { id: team(w) },
      enterprise: undefined,
      user: { id: `U0INST${w}`, token: undefined, scopes: undefined },
      bot: { token: `xoxb-${team(w)}-bench`, scopes: ["chat:write"], id: "B0VIGIE", userId: "U0VIGIE" },
      appId: "A0VIGIE",
      isEnterpriseInstall: false,
      authVersion: "v2",
    };
    await store.installations.save(
      {
        teamId: team(w),
        enterpriseId: null,
        enterpriseInstall: false,
        appId: "A0VIGIE",
        botUserId: "U0VIGIE",
        installedBy: `U0INST${w}`,
        tokenExpiresAt: null,
      },
      JSON.stringify(installation),
      new Date(),
    );
  }
  const seededCount = await db.prisma.commitment.count();
  const perContract = Math.floor((COMMITMENTS - seededCount) / (CONTRACTS - 1));
  for (let c = 2; c <= CONTRACTS; c++) {
    const w = ((c - 1) % WORKSPACES) + 1;
    const ref = `CSI-${String(c).padStart(2, "0")}`;
    const contract = await db.prisma.contract.create({
      data: {
        ref,
        title: `Contrat de sécurité intégrée n° ${c}`,
        teamId: team(w),
        signedOn: new Date("2025-01-01T00:00:00Z"),
        endsOn: new Date("2027-12-31T00:00:00Z"),
        timezone: c % 7 === 0 ? "America/Cayenne" : "Europe/Paris",
        channelId: `C0CH${c}`,
        digestChannelId: `C0DG${c}`,
        parties: { create: [{ code: "ETAT", label: "État", signatory: "Préfet", position: 0 }] },
        roles: { create: [{ userId: `U0CO${c}`, role: "COORDINATOR", grantedBy: `U0CO${c}` }] },
      },
    });
    const count = c === CONTRACTS ? COMMITMENTS - seededCount - perContract * (CONTRACTS - 2) : perContract;
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Commitment" (id, "contractId", ref, "partyCode", title, "dueOn", status, progress, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, $2 || '-' || lpad(n::text, 3, '0'), 'ETAT', 'Engagement ' || n,
         current_date + ((n * 7) % 400 - 100), 'ON_TRACK', (n * 13) % 100, now() - interval '300 days', now()
       FROM generate_series(1, $3::int) AS n`,
      contract.id,
      ref,
      count,
    );
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "CommitmentOwner" ("commitmentId", "userId")
       SELECT id, 'U0OW' || $2 || '-' || (abs(hashtext(ref)) % 20) FROM "Commitment" WHERE "contractId" = $1::uuid`,
      contract.id,
      String(c),
    );
  }
  const total = await db.prisma.commitment.count();
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "ProgressUpdate" (id, "commitmentId", version, "authorId", "createdAt", status, progress, comment)
     SELECT gen_random_uuid(), c.id, 1, 'U0AUTHOR', now() - make_interval(days => k * 7), 'ON_TRACK', k,
       'Point d''étape : réunion partenariale tenue.'
     FROM "Commitment" c, generate_series(1, $1::int) AS k`,
    Math.ceil(UPDATES / total),
  );
  const counts = {
    workspaces: await db.prisma.installation.count(),
    contracts: await db.prisma.contract.count(),
    commitments: total,
    updates: await db.prisma.progressUpdate.count(),
  };
  await db.prisma.$executeRawUnsafe("ANALYZE");
  await db.close();
  console.log(`data: ${JSON.stringify(counts)} in ${Math.round(performance.now() - t)} ms`);

  // 2. Resident memory of the app after start, as `npm start` runs it (its own process).
  const child = await startServerChild("dist/src/main.js", env(dataDir, slack.apiUrl), path.join(dir, "app.log"));
  await new Promise((r) => setTimeout(r, 2_000)); // settled after start
  const memory = processMemory(child.child.pid);
  await stopChild(child.child);
  console.log(
    `cold start ${Math.round(child.coldStartMs)} ms; memory after start: RSS ${memory?.rssMb} MB (peak ${memory?.peakMb} MB), target < 250 MB`,
  );

  // 3. Scheduler passes in-process: each workspace with its own token, each contract with its own settings.
  const config = loadConfig(env(dataDir, slack.apiUrl));
  const vigie = await startVigie(config, { log: createLogger({ level: "warn", json: false }), scheduler: "manual" });
  try {
    for (const label of ["catch-up pass (sends what is due)", "steady pass (nothing new due)", "steady pass, again"]) {
      const before = slack.calls.length;
      t = performance.now();
      const report = await vigie.scheduler.runPass(new Date());
      const ms = Math.round(performance.now() - t);
      const tokens = new Set(slack.calls.slice(before).map((c) => c.token)).size;
      console.log(
        `${label}: ${ms} ms — planned ${report.planned}, sent ${report.sent}, messages ${report.messages}, tokens used ${tokens}`,
      );
    }
    // Where a pass over every contract spends its time (one plan, unscoped).
    const timings: PlanTimings = {};
    t = performance.now();
    await planDeliveries(vigie.deps, new Date(), timings);
    console.log(
      `plan over all contracts: ${Math.round(performance.now() - t)} ms`,
      Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
    );
  } finally {
    await vigie.stop();
  }
} finally {
  await slack.stop();
  await rm(dir, { recursive: true, force: true });
}
