import { mkdir, readFile, writeFile } from "node:fs/promises";
import path, { basename } from "node:path";
import type { Interface } from "node:readline/promises";
import type { KnownBlock, View } from "@slack/types";
import { DateTime } from "luxon";
import type { Locale } from "../domain/types.js";
import { type ConsoleWords, consoleWords } from "./console-words.js";
import {
  type Directory,
  elementState,
  type FormField,
  fieldPrompt,
  formFields,
  stateValues,
  typedForm,
} from "./modal-form.js";
import { renderBlocks, renderMrkdwn, type ShownButton } from "./render-blocks.js";
import type { SampleChannel, SampleUser } from "./sample-workspace.js";
import { COMMAND_CHANNEL, type LocalSession, type Shown } from "./session.js";
import { escapeLikeSlack } from "./slack-escape.js";

interface ConsoleOptions {
  session: LocalSession;
  users: SampleUser[];
  channels: SampleChannel[];
  /** The console's own language (LOCAL_LOCALE). */
  locale: Locale;
  rl: Interface;
  write: (s: string) => void;
  color: boolean;
  timezone: string;
  /** Where files Vigie sends (exports) are written, to open them in a spreadsheet. */
  filesDir: string;
  /**
   * Moves the scheduler's clock and runs what is due at that instant; returns what was sent.
   * `progress` is called now and then with the number of messages sent so far.
   */
  tick: (now: Date, progress: (sent: number) => void) => Promise<Shown[]>;
}

type Pressable = ShownButton & { where: { message?: { blocks: KnownBlock[]; channel: string }; view?: View } };

/** The terminal front of local mode: reads a line, plays it as Slack would, prints what Vigie answers. */
export class LocalConsole {
  private user: SampleUser;
  private buttons = new Map<number, Pressable>();
  private nextButton = 1;
  private readonly w: ConsoleWords;
  private readonly directory: Directory;

  constructor(private readonly o: ConsoleOptions) {
    this.user = o.users[0]!;
    this.w = consoleWords(o.locale);
    this.directory = {
      user: (n) => this.findUser(n)?.id ?? (/^U[A-Z0-9]+$/.test(n.trim()) ? n.trim() : null),
      channel: (n) => this.findChannel(n)?.id ?? null,
      userName: this.name,
      channelName: this.channelName,
    };
  }

  private bold = (s: string) => (this.o.color ? `\x1b[1m${s}\x1b[0m` : s);
  private dim = (s: string) => (this.o.color ? `\x1b[2m${s}\x1b[0m` : s);
  private red = (s: string) => (this.o.color ? `\x1b[31m${s}\x1b[0m` : s);
  private name = (id: string) => this.o.users.find((u) => u.id === id)?.handle ?? id;
  private channelName = (id: string) => this.o.channels.find((c) => c.id === id)?.name ?? id;
  private findUser = (n: string) => {
    const h = n.trim().replace(/^@/, "").toLowerCase();
    return this.o.users.find((u) => u.handle === h || u.id.toLowerCase() === h) ?? null;
  };
  private findChannel = (n: string) => {
    const h = n.trim().replace(/^#/, "").toLowerCase();
    return this.o.channels.find((c) => c.name === h || c.id.toLowerCase() === h) ?? null;
  };
  private get look() {
    return { color: this.o.color, userName: this.name, channelName: this.channelName };
  }
  private who = (u: SampleUser) => `@${u.handle} (${u.name}, ${u.title})`;

  prompt(): string {
    return `${this.bold(`@${this.user.handle}`)} ${this.dim("›")} `;
  }

  async run(): Promise<void> {
    this.o.write(`${this.bold(this.w.title)} ${this.w.banner}\n`);
    this.o.write(`${this.w.youAre(this.who(this.user))}\n`);
    this.o.write(`${this.dim(this.w.firstSteps)}\n`);
    for (;;) {
      let line: string;
      try {
        line = (await this.o.rl.question(this.prompt())).trim();
      } catch {
        return; // input closed
      }
      if (line === ":quit" || line === ":q") return;
      await this.handle(line).catch((e: unknown) =>
        this.o.write(this.red(`${this.w.error} : ${e instanceof Error ? e.message : String(e)}\n`)),
      );
    }
  }

  async handle(line: string): Promise<void> {
    if (!line) return;
    if (line === ":help" || line === "?") return this.o.write(`${this.w.help}\n`);
    if (line === ":users") {
      for (const u of this.o.users)
        this.o.write(
          `  @${u.handle.padEnd(8)} ${u.name}, ${u.title}${u.role ? ` — ${u.role === "COORDINATOR" ? this.w.roleCoordinator : this.w.roleMember}` : ""}\n`,
        );
      return;
    }
    if (line.startsWith(":as")) {
      const u = this.findUser(line.slice(3).trim());
      if (!u) return this.o.write(this.red(`${this.w.unknownUser}\n`));
      this.user = u;
      return this.o.write(`${this.w.youAreNow(this.who(u))}\n`);
    }
    if (line === ":home") return this.show(await this.o.session.openHome(this.user.id));
    if (line.startsWith(":tick")) return this.tick(line.slice(5).trim());
    if (/^\d+$/.test(line)) {
      const b = this.buttons.get(Number(line));
      if (!b) return this.o.write(this.red(`${this.w.noButton(line)}\n`));
      if (b.url) return this.o.write(`${this.w.link} : ${b.url}\n`);
      return this.show(await this.o.session.press(this.user.id, b, b.where));
    }
    if (line.startsWith("/csi")) {
      const people = this.o.users.map((u) => ({ id: u.id, name: u.handle }));
      const text = escapeLikeSlack(line.slice(4).trim(), people, this.o.channels);
      return this.show(await this.o.session.command(this.user.id, text));
    }
    this.o.write(`${this.w.typeSomething}\n`);
  }

  /** `:tick`: the scheduler's pass at that instant, its progress shown while it sends. */
  private async tick(at: string): Promise<void> {
    const when = DateTime.fromISO(at, { zone: this.o.timezone });
    if (!when.isValid) return this.o.write(this.red(`${this.w.tickUsage}\n`));
    const clock = when.setLocale(this.o.locale === "en" ? "en-GB" : "fr").toFormat(this.w.tickDateFormat);
    this.o.write(this.dim(`${this.w.tickClock(clock)}\n`));
    let shownProgress = false;
    const sent = await this.o.tick(when.toJSDate(), (n) => {
      if (n === 0) return;
      shownProgress = true;
      this.o.write(this.dim(`${this.w.tickProgress(n)}\n`));
    });
    if (sent.length === 0) return this.o.write(`${this.w.nothingToSend}\n`);
    if (shownProgress || sent.length > 1) this.o.write(`${this.w.tickSent(sent.length)}\n`);
    return this.show(sent);
  }

  private async show(shown: Shown[]): Promise<void> {
    for (const s of shown) {
      switch (s.kind) {
        case "http-error":
          this.o.write(this.red(`${this.w.httpError(s.status, s.body)}\n`));
          break;
        case "reply": {
          const channel = COMMAND_CHANNEL.name;
          const title = s.shared
            ? s.replaceOriginal
              ? this.w.replySharedUpdated(channel)
              : this.w.replyShared(channel)
            : s.replaceOriginal
              ? this.w.replyPrivateUpdated
              : this.w.replyPrivate;
          this.printMessage(title, s.blocks, s.text, COMMAND_CHANNEL.id);
          break;
        }
        case "message":
          this.printMessage(
            s.channel.startsWith("U") || s.channel.startsWith("D")
              ? this.w.directMessage(this.name(s.channel.replace(/^D/, "")))
              : this.w.channelMessage(this.channelName(s.channel)),
            s.blocks,
            s.text,
            s.channel,
          );
          break;
        case "home":
          this.printView(this.w.home, s.view);
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
      ? this.w.lines(file.content.split(/\r?\n/).filter(Boolean).length)
      : this.w.kilobytes(Math.max(1, Math.round(file.bytes.length / 1024)));
    this.o.write(`\n${this.dim(`── ${this.w.fileSent(this.name(file.channel.replace(/^D/, "")))} ──`)}\n`);
    this.o.write(`${renderMrkdwn(file.comment, this.look)}\n`);
    this.o.write(`📎 ${this.w.fileSaved(this.bold(file.filename), size, where)}\n`);
  }

  private printMessage(title: string, blocks: KnownBlock[], text: string, channel: string) {
    this.o.write(`\n${this.dim(`── ${title} ──`)}\n`);
    const r = renderBlocks(blocks, { ...this.look, firstButton: this.nextButton });
    this.o.write(`${blocks.length ? r.text : renderMrkdwn(text, this.look)}\n`);
    this.remember(r.buttons, { message: { blocks, channel } });
  }

  private printView(title: string, view: View) {
    this.o.write(`\n${this.dim(`── ${title} ──`)}\n`);
    const r = renderBlocks((view.blocks ?? []) as KnownBlock[], { ...this.look, firstButton: this.nextButton });
    this.o.write(`${r.text}\n`);
    this.remember(r.buttons, { view });
  }

  private remember(buttons: ShownButton[], where: Pressable["where"]) {
    for (const b of buttons) this.buttons.set(b.n, { ...b, where });
    if (buttons.length) this.nextButton = Math.max(...buttons.map((b) => b.n)) + 1;
  }

  /**
   * A modal as a form: each input asked in turn, with its hint and example. Slack shows every error of a
   * submission at once beside its field and keeps what was typed: here the fields in error are asked again,
   * each offered with what was typed, the rest kept.
   */
  private async fillModal(view: View, viewId: string): Promise<void> {
    const title = view.type === "modal" ? view.title.text : this.w.form;
    this.o.write(`\n${this.bold(`▣ ${title}`)} ${this.dim(this.w.formHowTo)}\n`);
    const info = renderBlocks(
      ((view.blocks ?? []) as KnownBlock[]).filter((b) => b.type !== "input" && b.type !== "actions"),
      this.look,
    );
    if (info.text.trim()) this.o.write(`${info.text}\n`);
    const fields = formFields(view);
    if (fields.length === 0) {
      // A message-only modal: nothing to fill in; one with a submit button (an import's preview) asks to confirm.
      if (view.type !== "modal" || !view.submit) return;
      const yes = await this.o.rl.question(this.w.confirm(view.submit.text));
      if (!this.w.yes.test(yes.trim())) return void this.o.write(`${this.w.formClosed}\n`);
      const result = await this.o.session.submit(this.user.id, view, viewId, {});
      if (result.next) return this.fillModal(result.next, viewId);
      this.o.write(this.dim(`${this.w.formSent}\n`));
      return this.show(result.shown);
    }
    const states = new Map<string, Record<string, unknown>>();
    // What each field holds, as typed (or as Slack prefilled it): offered again when a field is asked again.
    const typed = new Map<string, string | null>(
      fields.map((f) => [f.blockId, f.initial ? typedForm(f, f.initial, this.directory) : null]),
    );
    let toAsk: FormField[] = fields;
    let errors: Record<string, string> = {};
    for (;;) {
      for (const f of toAsk) {
        // Several fields asked again: each one's error is repeated beside it, as Slack shows it.
        const error = toAsk.length > 1 ? errors[f.blockId] : undefined;
        const answer = await this.askField(f, typed.get(f.blockId) ?? null, error);
        if (answer === null) return void this.o.write(`${this.w.formClosed}\n`);
        typed.set(f.blockId, answer.typed);
        states.set(f.blockId, answer.state);
      }
      const result = await this.o.session.submit(this.user.id, view, viewId, stateValues(fields, states));
      if (result.errors) {
        errors = result.errors;
        this.o.write(this.red(`${this.w.formRefused}\n`));
        for (const [blockId, message] of Object.entries(result.errors)) {
          const f = fields.find((x) => x.blockId === blockId);
          this.o.write(this.red(`  • ${f?.label ?? blockId} : ${message}\n`));
        }
        toAsk = fields.filter((f) => f.blockId in errors);
        if (toAsk.length === 0) return void this.o.write(`${this.w.formReopen}\n`);
        continue;
      }
      if (result.next) return this.fillModal(result.next, viewId);
      this.o.write(this.dim(`${this.w.formSent}\n`));
      return this.show(result.shown);
    }
  }

  /**
   * One field: its hint, its example, then the question. The current value (prefilled by Slack, or typed
   * before an error) is put in the line to edit when the terminal allows it, and kept with Enter otherwise;
   * `:vide` empties the field. Returns null when the form is cancelled.
   */
  private async askField(
    f: FormField,
    current: string | null,
    error: string | undefined,
  ): Promise<{ typed: string | null; state: Record<string, unknown> } | null> {
    if (f.hint) this.o.write(this.dim(`  ${f.hint}\n`));
    if (f.type.includes("users_select"))
      this.o.write(this.dim(`${this.w.peopleAre(this.o.users.map((u) => `@${u.handle}`).join(", "))}\n`));
    if (f.type === "conversations_select" || f.type === "channels_select")
      this.o.write(this.dim(`${this.w.channelsAre(this.o.channels.map((c) => `#${c.name}`).join(", "))}\n`));
    if (error) this.o.write(this.red(`    ${error}\n`));
    for (;;) {
      const multilineValue = f.multiline === true && current !== null && current.includes("\n");
      // Options are chosen by number; a text several lines long cannot be edited in one line: both are shown.
      const editable = current !== null && !f.options && !multilineValue && this.o.rl.terminal;
      const example = !current && f.placeholder && !f.options ? this.dim(` (${f.placeholder})`) : "";
      const shown = current !== null && !editable && !multilineValue ? this.dim(` (${current})`) : "";
      if (multilineValue) this.o.write(`${this.dim(this.w.keptText)}\n${indent(current ?? "")}\n`);
      const prompt = `  ${fieldPrompt(f, this.w)}${example}${shown} : `;
      const prefill = editable ? (current ?? "") : "";
      const answer = f.multiline ? await this.askLines(prompt, prefill) : await this.question(prompt, prefill);
      const word = answer.trim().toLowerCase();
      if (this.w.cancelWords.includes(word)) return null;
      if (f.type === "file_input" && word !== "" && !this.w.clearWords.includes(word)) {
        const file = answer.trim();
        const bytes = await readFile(file).catch(() => null);
        if (bytes)
          return {
            typed: null,
            state: { type: "file_input", files: [this.o.session.attachFile(basename(file), bytes)] },
          };
        this.o.write(this.red(`    ${this.w.fileNotFound(file)}\n`));
        continue;
      }
      let text: string | null;
      if (this.w.clearWords.includes(word)) text = null;
      else if (word === "" && !editable) text = current;
      else text = answer;
      const r = elementState(f, text === null ? "" : this.forElement(f, text), this.directory, this.w);
      if (r.state) return { typed: text, state: r.state };
      this.o.write(this.red(`    ${r.error}\n`));
      current = text; // offered again, to correct rather than retype
    }
  }

  /** An option's label becomes its number, as the element expects it. */
  private forElement(f: FormField, text: string): string {
    if (!f.options) return text;
    const i = f.options.findIndex((o) => o.label === text);
    return i >= 0 ? String(i + 1) : text;
  }

  /** A question whose answer starts as `prefill`, editable (a terminal only). */
  private question(prompt: string, prefill: string): Promise<string> {
    const asked = this.o.rl.question(prompt);
    if (prefill) this.o.rl.write(prefill);
    return asked;
  }

  /**
   * A multiline input: once its first line is not empty, more lines, pasted at once or typed one by one,
   * until an empty line. Lines pasted together reach readline while no question is pending: they are
   * caught as they come, so none is lost or read as a command.
   */
  private async askLines(prompt: string, prefill: string): Promise<string> {
    const pasted: string[] = [];
    const collect = (line: string) => void pasted.push(line);
    this.o.rl.on("line", collect);
    try {
      const first = await this.question(prompt, prefill);
      const word = first.trim().toLowerCase();
      if (word === "" || word.startsWith(":")) return first;
      const lines = [first];
      for (;;) {
        const next = pasted.shift() ?? (await this.o.rl.question(this.dim(this.w.moreLines)));
        if (this.w.cancelWords.includes(next.trim().toLowerCase())) return next;
        if (next.trim() === "" && pasted.length === 0) return lines.join("\n");
        lines.push(next);
      }
    } finally {
      this.o.rl.off("line", collect);
    }
  }
}

const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `    │ ${l}`)
    .join("\n");
