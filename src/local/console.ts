import { mkdir, readFile, writeFile } from "node:fs/promises";
import path, { basename } from "node:path";
import type { Interface } from "node:readline/promises";
import type { KnownBlock, View } from "@slack/types";
import { DateTime } from "luxon";
import { elementState, type FormField, fieldPrompt, formFields, stateValues } from "./modal-form.js";
import { renderBlocks, renderMrkdwn, type ShownButton } from "./render-blocks.js";
import type { SampleUser } from "./sample-workspace.js";
import type { LocalSession, Shown } from "./session.js";

interface ConsoleOptions {
  session: LocalSession;
  users: SampleUser[];
  rl: Interface;
  write: (s: string) => void;
  color: boolean;
  timezone: string;
  /** Where files Vigie sends (exports) are written, to open them in a spreadsheet. */
  filesDir: string;
  /** Moves the scheduler's clock and runs what is due at that instant; returns what was sent. */
  tick: (now: Date) => Promise<Shown[]>;
}

type Pressable = ShownButton & { where: { message?: { blocks: KnownBlock[]; channel: string }; view?: View } };

const HELP = `Commandes :
  /csi …            une commande Vigie (ex. /csi aide, /csi etat, /csi voir ETAT-08, /csi maj ETAT-08)
  <numéro>          appuie sur le bouton portant ce numéro
  :as @prénom       parler en tant qu'un autre utilisateur (:users pour la liste)
  :home             afficher l'onglet Accueil de l'utilisateur courant
  :tick AAAA-MM-JJTHH:MM   avancer l'horloge du planificateur (heure de Paris) et voir ce qui part
  :quit             quitter`;

/** The terminal front of local mode: reads a line, plays it as Slack would, prints what Vigie answers. */
export class LocalConsole {
  private user: SampleUser;
  private buttons = new Map<number, Pressable>();
  private nextButton = 1;

  constructor(private readonly o: ConsoleOptions) {
    this.user = o.users[0]!;
  }

  private bold = (s: string) => (this.o.color ? `\x1b[1m${s}\x1b[0m` : s);
  private dim = (s: string) => (this.o.color ? `\x1b[2m${s}\x1b[0m` : s);
  private red = (s: string) => (this.o.color ? `\x1b[31m${s}\x1b[0m` : s);
  private name = (id: string) => this.o.users.find((u) => u.id === id)?.handle ?? id;
  private findUser = (n: string) => {
    const h = n.replace(/^@/, "").toLowerCase();
    return this.o.users.find((u) => u.handle === h || u.id.toLowerCase() === h) ?? null;
  };

  prompt(): string {
    return `${this.bold(`@${this.user.handle}`)} ${this.dim("›")} `;
  }

  async run(): Promise<void> {
    this.o.write(`${this.bold("Vigie — mode local")} (Slack simulé, base embarquée). Tapez :help pour l'aide.\n`);
    this.o.write(`Vous êtes @${this.user.handle} (${this.user.name}, ${this.user.title}).\n`);
    for (;;) {
      let line: string;
      try {
        line = (await this.o.rl.question(this.prompt())).trim();
      } catch {
        return; // input closed
      }
      if (line === ":quit" || line === ":q") return;
      await this.handle(line).catch((e: unknown) =>
        this.o.write(this.red(`Erreur : ${e instanceof Error ? e.message : String(e)}\n`)),
      );
    }
  }

  async handle(line: string): Promise<void> {
    if (!line) return;
    if (line === ":help" || line === "?") return this.o.write(`${HELP}\n`);
    if (line === ":users") {
      for (const u of this.o.users)
        this.o.write(
          `  @${u.handle.padEnd(8)} ${u.name}, ${u.title}${u.role ? ` — ${u.role === "COORDINATOR" ? "coordonnateur" : "membre du COPIL"}` : ""}\n`,
        );
      return;
    }
    if (line.startsWith(":as")) {
      const u = this.findUser(line.slice(3).trim());
      if (!u) return this.o.write(this.red("Utilisateur inconnu. :users donne la liste.\n"));
      this.user = u;
      return this.o.write(`Vous êtes maintenant @${u.handle} (${u.name}, ${u.title}).\n`);
    }
    if (line === ":home") return this.show(await this.o.session.openHome(this.user.id));
    if (line.startsWith(":tick")) {
      const when = DateTime.fromISO(line.slice(5).trim(), { zone: this.o.timezone });
      if (!when.isValid) return this.o.write(this.red("Date attendue : :tick 2026-12-07T08:30 (heure de Paris).\n"));
      this.o.write(
        this.dim(`Horloge du planificateur : ${when.setLocale("fr").toFormat("cccc d LLLL yyyy 'à' HH:mm")}\n`),
      );
      const sent = await this.o.tick(when.toJSDate());
      if (sent.length === 0) this.o.write("Rien à envoyer à cet instant.\n");
      return this.show(sent);
    }
    if (/^\d+$/.test(line)) {
      const b = this.buttons.get(Number(line));
      if (!b) return this.o.write(this.red(`Pas de bouton n° ${line} à l'écran.\n`));
      if (b.url) return this.o.write(`Lien : ${b.url}\n`);
      return this.show(await this.o.session.press(this.user.id, b, b.where));
    }
    if (line.startsWith("/csi")) return this.show(await this.o.session.command(this.user.id, line.slice(4).trim()));
    this.o.write("Tapez une commande /csi, un numéro de bouton, ou :help.\n");
  }

  private async show(shown: Shown[]): Promise<void> {
    for (const s of shown) {
      switch (s.kind) {
        case "http-error":
          this.o.write(this.red(`Slack aurait reçu une erreur HTTP ${s.status} : ${s.body}\n`));
          break;
        case "reply":
          this.printMessage(
            s.replaceOriginal ? "Réponse mise à jour (visible par vous seul)" : "Réponse (visible par vous seul)",
            s.blocks,
            s.text,
            "C0LOCAL",
          );
          break;
        case "message":
          this.printMessage(
            s.channel.startsWith("U") || s.channel.startsWith("D")
              ? `Message direct à @${this.name(s.channel.replace(/^D/, ""))}`
              : `Message dans #${s.channel}`,
            s.blocks,
            s.text,
            s.channel,
          );
          break;
        case "home":
          this.printView("Accueil", s.view);
          break;
        case "modal":
          await this.fillModal(s.view, s.viewId);
          break;
        case "file":
          await this.saveFile(s);
          break;
      }
    }
  }

  private async saveFile(file: Extract<Shown, { kind: "file" }>) {
    await mkdir(this.o.filesDir, { recursive: true });
    const where = path.join(this.o.filesDir, path.basename(file.filename));
    await writeFile(where, file.bytes);
    const size = file.filename.endsWith(".csv")
      ? `${file.content.split(/\r?\n/).filter(Boolean).length} ligne(s)`
      : `${Math.max(1, Math.round(file.bytes.length / 1024))} Ko`;
    this.o.write(
      `\n${this.dim(`── Fichier envoyé en message direct à @${this.name(file.channel.replace(/^D/, ""))} ──`)}\n`,
    );
    this.o.write(`${renderMrkdwn(file.comment, { color: this.o.color, userName: this.name })}\n`);
    this.o.write(`📎 ${this.bold(file.filename)} — ${size}, enregistré dans ${where}\n`);
  }

  private printMessage(title: string, blocks: KnownBlock[], text: string, channel: string) {
    this.o.write(`\n${this.dim(`── ${title} ──`)}\n`);
    const r = renderBlocks(blocks, { color: this.o.color, userName: this.name, firstButton: this.nextButton });
    this.o.write(`${blocks.length ? r.text : renderMrkdwn(text, { color: this.o.color, userName: this.name })}\n`);
    this.remember(r.buttons, { message: { blocks, channel } });
  }

  private printView(title: string, view: View) {
    this.o.write(`\n${this.dim(`── ${title} ──`)}\n`);
    const r = renderBlocks((view.blocks ?? []) as KnownBlock[], {
      color: this.o.color,
      userName: this.name,
      firstButton: this.nextButton,
    });
    this.o.write(`${r.text}\n`);
    this.remember(r.buttons, { view });
  }

  private remember(buttons: ShownButton[], where: Pressable["where"]) {
    for (const b of buttons) this.buttons.set(b.n, { ...b, where });
    if (buttons.length) this.nextButton = Math.max(...buttons.map((b) => b.n)) + 1;
  }

  /** A modal as a form: each input asked in turn; on errors, the wrong ones asked again, the rest kept. */
  private async fillModal(view: View, viewId: string): Promise<void> {
    const title = view.type === "modal" ? view.title.text : "Formulaire";
    this.o.write(
      `\n${this.bold(`▣ ${title}`)} ${this.dim("(Entrée garde la valeur proposée ; tapez :annuler pour fermer)")}\n`,
    );
    const info = renderBlocks(
      ((view.blocks ?? []) as KnownBlock[]).filter((b) => b.type !== "input" && b.type !== "actions"),
      { color: this.o.color, userName: this.name },
    );
    if (info.text.trim()) this.o.write(`${info.text}\n`);
    const fields = formFields(view);
    if (fields.length === 0) {
      // A message-only modal: nothing to fill in; one with a submit button (an import's preview) asks to confirm.
      if (view.type !== "modal" || !view.submit) return;
      const yes = await this.o.rl.question(`  ${view.submit.text} ? [o/n] : `);
      if (!/^o(ui)?$/i.test(yes.trim())) return void this.o.write("Formulaire fermé, rien n'a été envoyé.\n");
      const result = await this.o.session.submit(this.user.id, view, viewId, {});
      if (result.next) return this.fillModal(result.next, viewId);
      this.o.write(this.dim("Formulaire envoyé.\n"));
      return this.show(result.shown);
    }
    const states = new Map<string, Record<string, unknown>>();
    let toAsk: FormField[] = fields;
    for (;;) {
      for (const f of toAsk) {
        const state = await this.askField(f);
        if (state === null) return void this.o.write("Formulaire fermé, rien n'a été envoyé.\n");
        states.set(f.blockId, state);
      }
      const result = await this.o.session.submit(this.user.id, view, viewId, stateValues(fields, states));
      if (result.errors) {
        this.o.write(this.red("Le formulaire n'a pas été accepté :\n"));
        for (const [blockId, message] of Object.entries(result.errors)) {
          const f = fields.find((x) => x.blockId === blockId);
          this.o.write(this.red(`  • ${f?.label ?? blockId} : ${message}\n`));
        }
        toAsk = fields.filter((f) => result.errors && f.blockId in result.errors);
        if (toAsk.length === 0) return void this.o.write("Formulaire fermé : rouvrez-le pour recommencer.\n");
        continue;
      }
      if (result.next) return this.fillModal(result.next, viewId);
      this.o.write(this.dim("Formulaire envoyé.\n"));
      return this.show(result.shown);
    }
  }

  private async askField(f: FormField): Promise<Record<string, unknown> | null> {
    for (;;) {
      const def = f.initial ? this.dim(` (${f.options?.find((o) => o.value === f.initial)?.label ?? f.initial})`) : "";
      const prompt = `  ${fieldPrompt(f)}${def} : `;
      const answer = f.multiline ? await this.askLines(prompt) : await this.o.rl.question(prompt);
      if (answer.trim() === ":annuler") return null;
      if (f.type === "file_input" && answer.trim() !== "") {
        const path = answer.trim();
        const bytes = await readFile(path).catch(() => null);
        if (bytes) return { type: "file_input", files: [this.o.session.attachFile(basename(path), bytes)] };
        this.o.write(this.red(`    Fichier introuvable : ${path}\n`));
        continue;
      }
      const typed =
        answer.trim() === "" && f.initial
          ? f.options
            ? String((f.options.findIndex((o) => o.value === f.initial) ?? 0) + 1)
            : f.initial
          : answer;
      const r = elementState(f, typed, (n) => this.findUser(n)?.id ?? (/^U[A-Z0-9]+$/.test(n) ? n : null));
      if (r.state) return r.state;
      this.o.write(this.red(`    ${r.error}\n`));
    }
  }

  /**
   * A multiline input: once its first line is not empty, more lines, pasted at once or typed one by one,
   * until an empty line. Lines pasted together reach readline while no question is pending: they are
   * caught as they come, so none is lost or read as a command.
   */
  private async askLines(prompt: string): Promise<string> {
    const pasted: string[] = [];
    const collect = (line: string) => void pasted.push(line);
    this.o.rl.on("line", collect);
    try {
      const first = await this.o.rl.question(prompt);
      if (first.trim() === "" || first.trim() === ":annuler") return first;
      const lines = [first];
      for (;;) {
        const next = pasted.shift() ?? (await this.o.rl.question(this.dim("  … (ligne vide pour terminer) ")));
        if (next.trim() === ":annuler") return next;
        if (next.trim() === "" && pasted.length === 0) return lines.join("\n");
        lines.push(next);
      }
    } finally {
      this.o.rl.off("line", collect);
    }
  }
}
