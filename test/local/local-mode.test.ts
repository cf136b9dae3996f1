import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
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
  tmux("send-keys", "-t", session, "-l", text);
  tmux("send-keys", "-t", session, "Enter");
};

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

/** Types a line and waits for what it prints (matching `pattern`). */
async function say(line: string, pattern: RegExp): Promise<string> {
  const from = screen().length;
  type(line);
  return waitForScreen(pattern, from);
}

// Each step waits up to a minute for the screen; the test's own limit is above it, so that a stall fails
// with what the terminal shows rather than with a bare timeout.
describe("npm run local, in a terminal", { timeout: 150_000 }, () => {
  let workDir: string;
  let dataDir: string;
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "vigie-local-"));
    dataDir = path.join(workDir, "db"); // files Vigie sends are written beside it, in workDir/fichiers
    tmux(
      "new-session",
      "-d",
      "-s",
      session,
      "-x",
      "140",
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
  });
  afterAll(async () => {
    try {
      tmux("kill-server");
    } catch {
      // already gone
    }
    await rm(workDir, { recursive: true, force: true });
  });

  it("starts on the embedded database and shows who you are", async () => {
    const s = await waitForScreen(/@camille ›/, 0, 90_000);
    expect(s).toContain("Vigie — mode local");
    expect(s).toContain("Vous êtes @camille (Camille Roux, coordonnatrice du CLSPD).");
  });

  it("answers /csi etat with the contract rendered as text and a numbered Share button", async () => {
    const s = await say("/csi etat", /Partager[\s\S]*@camille ›/);
    expect(s).toContain("── Réponse (visible par vous seul) ──");
    expect(s).toContain("Contrat de Sécurité Intégrée de Chambéry");
    expect(s).toMatch(/État — Préfet de la Savoie/);
    expect(s).toMatch(/\d+ 📣 Partager|\d+ Partager/);
  });

  it("switches user, fills the progress modal as a form, shows its errors, asks again and submits", async () => {
    expect(await say(":as @marc", /@marc ›/)).toContain("Vous êtes maintenant @marc (Marc Lefèvre");
    let s = await say("/csi maj ETAT-08", /Statut \[1=Non démarré/);
    expect(s).toContain("▣ Mise à jour");
    await say("4", /Avancement/); // En retard…
    await say("30", /Policiers présents sur le terrain/);
    // Indicators keep their values (Enter), then the free-text fields.
    for (const next of [
      /Rapports d'incidents/,
      /Temps moyen/,
      /Satisfaction/,
      /Opérations communes/,
      /Financement spécifique/,
      /Ce qui a été fait/,
    ])
      await say("", next);
    // …without saying what was done: refused, and only that field is asked again.
    for (const next of [
      /Prochaine étape/,
      /Date de la prochaine étape/,
      /Difficultés/,
      /justificatif/,
      /Preuve de réalisation/,
      /Proposer une nouvelle échéance/,
      /Motif de la nouvelle échéance/,
    ])
      await say("", next);
    s = await say("", /Le formulaire n'a pas été accepté[\s\S]*• Ce qui a été fait[^\n]*\n\s+Ce qui a été fait/);
    expect(s).not.toMatch(/Formulaire envoyé/);
    // A multiline field takes more lines until an empty one.
    await say(
      "Recrutements retardés : 6 postes pourvus sur 10, le reste attendu au printemps",
      /ligne vide pour terminer/,
    );
    s = await say("", /Formulaire envoyé[\s\S]*@marc ›/);
    expect(s).toContain("── Message direct à @marc ──");
    expect(s).toContain("Votre mise à jour de ETAT-08 est enregistrée");
    expect(s).toMatch(/En retard/);
  });

  it("moves the scheduler's clock with :tick and shows the reminders it sends", async () => {
    // Every seeded commitment is due on 31 December 2026: the J-30 reminders fall on Tuesday 1 December.
    const s = await say(":tick 2026-12-01T09:05", /Horloge du planificateur[\s\S]*@marc ›/);
    expect(s).toContain("mardi 1 décembre 2026 à 09:05");
    expect(s).toMatch(/── Message direct à @sophie ──[\s\S]*VILLE-0[24]/);
    expect(s).toMatch(/Mettre à jour/);
  });

  it("sends a coordinator's export as a file, written where a spreadsheet can open it", async () => {
    await say(":as @camille", /@camille ›/);
    const s = await say("/csi export ville", /📎[^\n]*\n[\s\S]*@camille ›/);
    expect(s).toContain("── Fichier envoyé en message direct à @camille ──");
    expect(s).toContain("Export de 6 engagement(s) au 2026-12-01");
    expect(s).toContain("📎 csi-chambery-2026-12-01.csv — 7 ligne(s), enregistré dans");
    const csv = await readFile(path.join(workDir, "fichiers", "csi-chambery-2026-12-01.csv"), "utf8");
    expect(csv.split("\r\n")[1]).toMatch(/^VILLE-01;Ville de Chambéry;/);
  });

  it("imports lines pasted from a spreadsheet at once, none of them lost or read as a command, after its preview", async () => {
    await say("/csi import", /Fichier \(facultatif\)/);
    await say("", /Ou lignes à importer \(facultatif\) :/);
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
    await say(":as @marc", /@marc ›/);
  });

  it("shows the App Home and leaves cleanly", async () => {
    const home = await say(":home", /── Accueil ──[\s\S]*@marc ›/);
    expect(home).toContain("ETAT-08");
    expect(await say(":quit", /Au revoir/)).toContain("Au revoir.");
  });

  it("kept the update in the embedded database", async () => {
    await waitForScreen(/\[exit code 0\]/); // the process closes its database after « Au revoir », then ends
    const db = await openDatabase({ dataDir });
    try {
      const updates = await db.prisma.progressUpdate.findMany({ include: { commitment: true } });
      expect(updates.map((u) => [u.commitment.ref, u.status, u.progress, u.authorId])).toEqual([
        ["ETAT-08", "LATE", 30, "U0MARC"],
      ]);
      expect(updates[0]?.comment).toContain("6 postes pourvus sur 10");
    } finally {
      await db.close();
    }
  });
});
