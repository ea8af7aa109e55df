// The progress bar of slow builds: drawn on a terminal's stderr once a build has run for a second,
// never in CI logs or when stderr is piped (a bar there is noise, and \r garbles log viewers).

export interface ProgressOptions {
  write: (text: string) => void;
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds; injectable so tests need no clock. */
  now?: () => number;
  /** How long a build runs before the bar appears (ms). */
  delay?: number;
  /** Terminal width in columns (defaults to 80). */
  columns?: number;
}

export interface Progress {
  /** Announces the number of steps (sources to read plus formats to render). */
  total(steps: number): void;
  /** Starts the next step; `label` says what it is (a source path, a format). */
  step(label: string): void;
  /** Clears the bar; call once, whatever the build's outcome. */
  done(): void;
}

/**
 * Whether a bar may be drawn at all: only on a terminal, and never in CI (the `CI` variable, set by
 * GitHub Actions, GitLab, CircleCI, Travis, Buildkite and others) or on a dumb terminal.
 */
export function progressAllowed(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!isTTY) return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0') return false;
  if (env.GITHUB_ACTIONS === 'true') return false;
  return env.TERM !== 'dumb';
}

/** One line, `[#####-----] 3/10 label`, cut to fit `columns` (pure, so tests can pin it). */
export function renderBar(done: number, total: number, label: string, columns = 80): string {
  const width = 20;
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * width);
  const head = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} `;
  const room = Math.max(0, columns - 1 - head.length);
  const shown = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
  return `${head}${room > 0 ? shown : ''}`;
}

const CLEAR_LINE = '\r\x1b[K';

/** A bar that stays silent when not allowed, and until `delay` ms have passed. */
export function createProgress(options: ProgressOptions): Progress {
  const allowed = progressAllowed(options.isTTY, options.env);
  const now = options.now ?? (() => Date.now());
  const delay = options.delay ?? 1000;
  // Pseudo-terminals without a size report 0 columns: assume the classic 80.
  const columns = options.columns !== undefined && options.columns >= 20 ? options.columns : 80;
  const started = now();
  let steps = 0;
  let current = 0;
  let label = '';
  let drawn = false;
  let finished = false;

  const draw = (): void => {
    if (!allowed || finished || now() - started < delay) return;
    options.write(`${CLEAR_LINE}${renderBar(Math.max(0, current - 1), steps, label, columns)}`);
    drawn = true;
  };
  // Steps are mostly synchronous work, so the bar is redrawn at each step; the timer covers the
  // asynchronous waits in between (unref'd: it never keeps the process alive).
  const timer = allowed ? setInterval(draw, 250) : undefined;
  timer?.unref();

  return {
    total(n) {
      steps = n;
    },
    step(next) {
      current += 1;
      label = next;
      draw();
    },
    done() {
      if (finished) return;
      finished = true;
      if (timer) clearInterval(timer);
      if (drawn) options.write(CLEAR_LINE);
    },
  };
}
