import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";

// Local mode driven through a real pseudo-terminal: tmux runs it, send-keys types, capture-pane reads.
const root = path.resolve(import.meta.dirname, "../..");
const socket = `vigie-test-${process.pid}`;
const session = "local";
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
// The whole history, without the pane's blank lines below the cursor, so it only ever grows.
const screen = () => tmux("capture-pane", "-p", "-J", "-t", session, "-S", "-").trimEnd();
const type = (text: string) => {
  if (text) tmux("send-keys", "-t", session, "-l", text);
  tmux("send-keys", "-t", session, "Enter");
};
/** Keys as tmux names them (C-u, BSpace, Home…), without Enter: editing the line offered. */
const keys = (...names: string[]) => tmux("send-keys", "-t", session, ...names);

/** Waits until the screen, after `from` characters, shows `pattern`; returns that new part. */
async function waitForScreen(pattern: RegExp, from = 0, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = screen().slice(from);
    if (pattern.test(s)) return s;
    if (Date.now() > deadline) throw new Error(`the terminal never showed ${pattern}; it shows:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The number of the button labelled `label` in `shown`. */
const buttonNumber = (shown: string, label: string) => {
  const m = new RegExp(` (\\d+) [^\\n]*?${label}`).exec(shown);
  if (!m) throw new Error(`no button « ${label} » in:\n${shown}`);
  return m[1]!;
};

/** Types a line and waits for what it prints (matching `pattern`). */
async function say(line: string, pattern: RegExp): Promise<string> {
  const from = screen().length;
  type(line);
  return waitForScreen(pattern, from);
}

// The first ten minutes of a newcomer, through a real terminal: every wait is on what the screen shows, never
// on a fixed time. Each step waits up to a minute; the test's own limit is above it, so that a stall fails
// with what the terminal shows rather than with a bare timeout.
describe("npm run local, in a terminal: the first ten minutes", { timeout: 150_000 }, () => {
  let workDir: string;
  let dataDir: string;
  const start = () =>
    tmux(
      "new-session",
      "-d",
      "-s",
      session,
      "-x",
      "160",
      "-y",
      "50",
      "-e",
      `DATA_DIR=${dataDir}`,
      "-e",
      "NO_COLOR=1",
      "-c",
      root,
      `${process.execPath} --import tsx src/local/main.ts; echo "[exit code $?]"; sleep 600`,
    );
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "vigie-local-"));
    dataDir = path.join(workDir, "db"); // files Vigie sends are written beside it, in workDir/fichiers
    start();
  });
  afterAll(async () => {
    try {
      tmux("kill-server");
    } catch {
      // already gone
    }
    await rm(workDir, { recursive: true, force: true });
  });

  it("starts on a new embedded database, says it is the first time, and shows who you are", async () => {
    const s = await waitForScreen(/@camille ›/, 0, 90_000);
    expect(s).toContain("Création de la base embarquée (première fois seulement");
    expect(s).toContain("Vigie — mode local");
    expect(s).toContain("Vous êtes @camille (Camille Roux, coordonnatrice du CLSPD).");
  });

  it("answers /csi etat privately, and a shared answer is labelled as seen by the channel", async () => {
    const s = await say("/csi etat", /Partager[\s\S]*@camille ›/);
    expect(s).toContain("── Réponse (visible par vous seul) ──");
    expect(s).toContain("Contrat de Sécurité Intégrée de Chambéry");
    expect(s).toMatch(/État — Préfet de la Savoie/);
    expect(s).not.toMatch(/:[a-z_]+:/); // emoji shown as symbols, never as codes
    const shared = await say(
      buttonNumber(s, "Partager"),
      /── Message dans #copil-csi \(visible par tous\) ──[\s\S]*@camille ›/,
    );
    expect(shared).not.toContain("visible par vous seul");
  });

  it("gives a role with /csi role @name, and the person is told by direct message", async () => {
    const s = await say("/csi role @julien membre", /est désormais[\s\S]*@camille ›/);
    expect(s).toContain("── Message direct à @julien ──");
    expect(s).toContain("@camille vous a nommé membre du comité dans Vigie");
    expect(s).toContain("✅ @julien est désormais membre du comité.");
  });

  it("fills a form with hints, gets one error, fixes only that field by editing it, nothing retyped", async () => {
    expect(await say(":as @marc", /@marc ›/)).toContain("Vous êtes maintenant @marc (Marc Lefèvre");
    let s = await say("/csi maj ETAT-03", /Statut \[1=Non démarré/);
    expect(s).toContain("▣ Mise à jour");
    expect(s).toContain("« Réalisé » demande une preuve"); // the field's hint
    await say("", /Avancement/); // keeps « En retard »
    keys("C-u"); // the value offered is in the line, to edit or replace
    await say("45", /Ce qui a été fait/);
    await say("Plan des quartiers nord arrêté avec la police municipale", /ligne vide pour terminer/);
    await say("Patrouilles du soir étendues à deux quartiers", /ligne vide pour terminer/);
    await say("", /Prochaine étape/);
    await say("Bilan avec les bailleurs", /Date de la prochaine étape/);
    await say("2020-06-30", /Difficultés/); // a day already past
    for (const next of [
      /justificatif/,
      /Preuve de réalisation/,
      /Proposer une nouvelle échéance/,
      /Motif de la nouvelle échéance/,
    ])
      await say("", next);
    s = await say("", /Le formulaire n'a pas été accepté[\s\S]*Date de la prochaine étape[^\n]*: 2020-06-30$/m);
    expect(s).toContain("• Date de la prochaine étape : Cette date est passée");
    // Only the refused field is asked again, offered with what was typed (in the line, to edit); nothing else.
    const nextYear = String(DateTime.now().year + 1);
    keys("C-u");
    s = await say(`${nextYear}-06-30`, /Formulaire envoyé[\s\S]*@marc ›/);
    expect(s).not.toMatch(/Ce qui a été fait[^\n]*:/);
    expect(s).toContain("── Message direct à @marc ──");
    expect(s).toContain("Votre mise à jour de ETAT-03 est enregistrée");
  });

  it("shows the App Home of an owner with their commitments and the next meetings", async () => {
    const home = await say(":home", /── Accueil ──[\s\S]*@marc ›/);
    expect(home).toMatch(/Mes engagements \(4\)[\s\S]*ETAT-01/);
    expect(home).toContain("GLTD des Hauts-de-Chambéry");
  });

  it("moves the clock to Monday's digest with :tick: it is sent, and it is not empty", async () => {
    await say(":as @camille", /@camille ›/);
    const now = DateTime.now().setZone("Europe/Paris");
    const monday = now.plus({ days: 8 - now.weekday }).toFormat("yyyy-LL-dd");
    const s = await say(
      `:tick ${monday}T08:35`,
      /Horloge du planificateur[\s\S]*\d+ messages? envoyés? :[\s\S]*@camille ›/,
    );
    expect(s).toMatch(/── Message direct à @camille ──[\s\S]*VILLE-03/);
    expect(s).toMatch(/── Message dans #csi-suivi ──/);
    // The sample's « Réalisé » awaiting a decision is in the digest, and on the coordinator's App Home to decide.
    expect(s).toMatch(/Demandes en attente de validation[\s\S]*PARQUET-01/);
    const home = await say(":home", /── Accueil ──[\s\S]*@camille ›/);
    expect(home).toMatch(/Demandes en attente de validation\*? \(1\)[\s\S]*PARQUET-01[\s\S]*Confirmer[\s\S]*Refuser/);
  });

  it("sends a coordinator's export as a file, written where a spreadsheet can open it", async () => {
    const s = await say("/csi export ville", /📎[^\n]*\n[\s\S]*@camille ›/);
    expect(s).toContain("── Fichier envoyé en message direct à @camille ──");
    const name = /📎 (csi-chambery-[\d-]+\.csv) — 7 lignes, enregistré dans/.exec(s)?.[1];
    expect(name).toBeDefined();
    const csv = await readFile(path.join(workDir, "fichiers", name!), "utf8");
    expect(csv.split("\r\n")[1]).toMatch(/^VILLE-01;Ville de Chambéry;/);
  });

  it("imports lines pasted from a spreadsheet at once, none of them lost or read as a command, after its preview", async () => {
    await say("/csi import", /Fichier \(facultatif\)/);
    await say("", /Ou lignes à importer \(facultatif\)/);
    const from = screen().length;
    // A real paste: tmux sends the lines as the terminal would, carriage returns included.
    tmux(
      "set-buffer",
      "--",
      "Partie\tIntitulé\tÉchéance\tPilotes\tStatut\nVILLE\tMédiation de nuit\t30/06/2027\tU0MARC\n\nÉtat\tPatrouilles pédestres\t1/3/2027\n",
    );
    tmux("paste-buffer", "-t", session);
    await waitForScreen(/ligne vide pour terminer/, from);
    const preview = await say("", /Confirmer \? \[o\/n\]/);
    expect(preview).toContain("0 modifié, 2 ajoutés, 0 supprimé");
    const s = await say("o", /importés[\s\S]*@camille ›/);
    expect(s).toContain("✅ 2 engagements importés.");
    expect(s).toMatch(/• VILLE-07 — Médiation de nuit\n• ETAT-09 — Patrouilles pédestres/);
    expect(s).toContain("Colonnes non importées : « Statut ».");
    expect(s).not.toContain("Tapez une commande /csi");
  });

  it("leaves cleanly, having kept the update in the embedded database", async () => {
    expect(await say(":quit", /Au revoir/)).toContain("Au revoir.");
    await waitForScreen(/\[exit code 0\]/); // the process closes its database after « Au revoir », then ends
    const db = await openDatabase({ dataDir });
    try {
      const update = await db.prisma.progressUpdate.findFirst({
        where: { authorId: "U0MARC", commitment: { ref: "ETAT-03" } },
        orderBy: { createdAt: "desc" },
      });
      expect([update?.status, update?.progress, update?.nextStepOn?.toISOString().slice(0, 4)]).toEqual([
        "LATE",
        45,
        String(DateTime.now().year + 1),
      ]);
      expect(update?.comment).toBe(
        "Plan des quartiers nord arrêté avec la police municipale\nPatrouilles du soir étendues à deux quartiers",
      );
    } finally {
      await db.close();
    }
  });

  it("starts again on the same database without the first-time notice", async () => {
    tmux("kill-session", "-t", session);
    start();
    const s = await waitForScreen(/@camille ›/, 0, 90_000);
    expect(s).toContain("Ouverture de la base embarquée…");
    expect(s).not.toContain("première fois");
    expect(await say(":quit", /Au revoir/)).toContain("Au revoir.");
  });
});
