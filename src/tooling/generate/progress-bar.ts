/**
 * A progress bar on stderr: phase, bar, done/total, rows written per second and the time left.
 * On a terminal it redraws one line; elsewhere (logs, CI) it prints a line every few seconds.
 */
export class ProgressBar {
  readonly #out: NodeJS.WritableStream | null;
  readonly #tty: boolean;
  #phase = '';
  #total = 0;
  #done = 0;
  #doneAtStart = 0;
  #rows = 0;
  #started = 0;
  #lastDraw = 0;
  #drawnDone = -1;

  constructor(out: NodeJS.WritableStream | null) {
    this.#out = out;
    this.#tty = Boolean(out && (out as NodeJS.WriteStream).isTTY);
  }

  start(phase: string, total: number, alreadyDone: number): void {
    this.#phase = phase;
    this.#total = total;
    this.#done = alreadyDone;
    this.#doneAtStart = alreadyDone;
    this.#rows = 0;
    this.#started = performance.now();
    this.#lastDraw = 0;
    this.#draw(true);
  }

  tick(units: number, rows: number): void {
    this.#done += units;
    this.#rows += rows;
    this.#draw(false);
  }

  finish(): void {
    this.#draw(true);
    if (this.#tty) this.#out?.write('\n');
  }

  #draw(force: boolean): void {
    if (!this.#out) return;
    const now = performance.now();
    if (!force && now - this.#lastDraw < (this.#tty ? 200 : 5000)) return;
    // A finished phase is drawn once, not again by finish().
    if (force && this.#drawnDone === this.#done && this.#done === this.#total) return;
    this.#drawnDone = this.#done;
    this.#lastDraw = now;
    const seconds = (now - this.#started) / 1000;
    const fraction = this.#total ? this.#done / this.#total : 1;
    const width = 24;
    const filled = Math.round(fraction * width);
    const unitsPerSecond = seconds > 0 ? (this.#done - this.#doneAtStart) / seconds : 0;
    const left = unitsPerSecond > 0 ? (this.#total - this.#done) / unitsPerSecond : NaN;
    const line =
      `${this.#phase.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
      `${this.#done.toLocaleString('en-GB')}/${this.#total.toLocaleString('en-GB')} ` +
      `${Math.round(seconds > 0 ? this.#rows / seconds : 0).toLocaleString('en-GB')} rows/s ` +
      `ETA ${Number.isFinite(left) ? duration(left) : '–'}`;
    this.#out.write(this.#tty ? `\r${line}\u001b[K` : `${line}\n`);
  }
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
