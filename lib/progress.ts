/**
 * Progress lines on stderr: phase, done/total and elapsed time. On a TTY the current line is
 * redrawn in place; with --quiet only warnings and the final summary print; a non-TTY stderr
 * gets plain lines (one per phase change, and at most one count line every few seconds).
 */
export interface ProgressOptions {
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  now?: () => number;
}

export class Progress {
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;
  private readonly started: number;
  private readonly now: () => number;
  private phase = "";
  private lastPlain = 0;
  private lastLine = "";
  private drawn = false;

  constructor(private readonly options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.tty = Boolean(this.stream.isTTY) && !options.quiet;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  elapsed(): string {
    const s = Math.round((this.now() - this.started) / 1000);
    return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  }

  /** A new phase: "discovery", "services", … */
  start(phase: string, detail = ""): void {
    this.phase = phase;
    this.write(`${phase}${detail ? ` ${detail}` : ""}`, true);
  }

  /** hosts done / total within the current phase. */
  update(done: number, total: number, detail = ""): void {
    const line = `${this.phase}: ${done}/${total}${detail ? ` ${detail}` : ""}`;
    if (this.tty) {
      this.write(line, false);
      return;
    }
    if (line === this.lastLine) return;
    if (done === total || this.now() - this.lastPlain > 5000) {
      this.lastLine = line;
      this.write(line, true);
    }
  }

  /** Always shown, even with --quiet. */
  warn(message: string): void {
    this.clear();
    this.stream.write(`! ${message}\n`);
  }

  /** A line for the user (not shown with --quiet). */
  info(message: string): void {
    if (this.options.quiet) return;
    this.clear();
    this.stream.write(`${message}\n`);
  }

  /** A result line, shown even with --quiet (a summary without the elapsed time). */
  result(message: string): void {
    this.clear();
    this.stream.write(`${message}\n`);
  }

  done(summary: string): void {
    this.clear();
    this.stream.write(`${summary} (${this.elapsed()})\n`);
  }

  private write(line: string, plain: boolean): void {
    if (this.options.quiet) return;
    const text = `[${this.elapsed().padStart(5)}] ${line}`;
    if (this.tty) {
      this.stream.write(`\r\x1b[2K${text}`);
      this.drawn = true;
      if (plain) {
        this.stream.write("\n");
        this.drawn = false;
      }
    } else {
      this.stream.write(`${text}\n`);
      this.lastPlain = this.now();
    }
  }

  private clear(): void {
    if (this.tty && this.drawn) {
      this.stream.write("\r\x1b[2K");
      this.drawn = false;
    }
  }
}
