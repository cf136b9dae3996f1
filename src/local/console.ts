import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Interface } from "node:readline/promises";
import type { KnownBlock, View } from "@slack/types";
import { DateTime } from "luxon";
import type { Locale } from "../domain/types.js";
import { type FormContext, fillModal } from "./console-form.js";
import { type ConsoleWords, consoleWords } from "./console-words.js";
import type { Directory } from "./modal-form.js";
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
  /** What a modal is filled in with: this console's terminal, words and styles, and its current user. */
  private get form(): FormContext {
    const { session, users, channels, rl, write } = this.o;
    const { w, directory, look, bold, dim, red } = this;
    return {
      session,
      users,
      channels,
      rl,
      write,
      w,
      directory,
      look,
      bold,
      dim,
      red,
      userId: () => this.user.id,
      show: (shown) => this.show(shown),
    };
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
          await fillModal(this.form, s.view, s.viewId);
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
}
