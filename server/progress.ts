/**
 * The progress of a long import, for a person watching a terminal: rows done, the rate and the
 * time left. On a terminal one line is redrawn in place (at most every `interval`); in a log
 * (stderr not a TTY) a line is written every `interval`; a last line always says how it ended.
 */
import type { ImportProgress } from './store/index.js';

export interface ProgressOutput {
  write(text: string): unknown;
  /** A terminal: one line redrawn in place. */
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** What is being done: `importing demo.json`. */
  label: string;
  output: ProgressOutput;
  /** Milliseconds now (tests give a fake one). Default `performance.now`. */
  now?: () => number;
  /** The shortest time between two lines, in ms. Default 1,000 on a terminal, 10,000 in a log. */
  interval?: number;
  /** Number formatting. Default `en-US` (thousands with commas). */
  locale?: string;
}

/** Reports `ImportProgress` as it comes (`update`), and the end (`finish`). */
export function progressReporter(options: ProgressOptions): { update(progress: ImportProgress): void; finish(progress?: ImportProgress): void } {
  const now = options.now ?? (() => performance.now());
  const tty = options.output.isTTY === true;
  const interval = options.interval ?? (tty ? 1000 : 10_000);
  const number = new Intl.NumberFormat(options.locale ?? 'en-US');
  const started = now();
  let lastShown = -Infinity;
  let last: ImportProgress = { done: 0, total: 0 };
  // One reading of the clock per call.
  const line = ({ done, total }: ImportProgress, at: number, final: boolean): string => {
    const elapsed = Math.max(at - started, 1);
    const rate = (done / elapsed) * 1000;
    const percent = total ? Math.floor((done / total) * 100) : 100;
    const head = `Relais: ${options.label}: ${number.format(done)} / ${number.format(total)} rows (${percent} %)`;
    if (final) return `${head} in ${duration(elapsed)}, ${number.format(Math.round(rate))} rows/s`;
    const left = rate > 0 ? duration(((total - done) / rate) * 1000) : 'unknown';
    return `${head}, ${number.format(Math.round(rate))} rows/s, about ${left} left`;
  };
  return {
    update(progress) {
      last = progress;
      const at = now();
      if (at - lastShown < interval || progress.done === 0) return;
      lastShown = at;
      options.output.write(tty ? `\r\u001b[2K${line(progress, at, false)}` : `${line(progress, at, false)}\n`);
    },
    finish(progress = last) {
      options.output.write(`${tty && lastShown > -Infinity ? '\r\u001b[2K' : ''}${line(progress, now(), true)}\n`);
    },
  };
}

/** `1 h 2 min`, `3 min 5 s`, `42 s`, `0.4 s`. */
export function duration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`;
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours) return `${hours} h ${minutes} min`;
  if (minutes) return `${minutes} min ${rest} s`;
  return `${rest} s`;
}
