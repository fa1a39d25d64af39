/**
 * The server's background checks of the workspace files that are not open:
 * what the server asks of them, and the kind that checks on the server's own
 * thread, for the browser's server (a web worker, with no worker threads of
 * its own). The Node server checks on worker threads instead (checkPool.ts).
 *
 * On the server's thread, files are checked a slice at a time (at most
 * SLICE_MS, at least one file), and the thread is given back between slices
 * so that the editor's requests and open documents' checks go first.
 * `configure` starts a generation: the queue is dropped, and a file checked
 * under an older one is not reported.
 */
import type { CheckedSource, SourceText } from './checkWorker';
import type { SeverityOverrides } from './service/codes';

/** What the background checks need from the server. */
export interface CheckPoolHost {
  /** A file's text to check now; undefined to leave it out (open, gone, too large to read). */
  source(uri: string): SourceText | undefined;
  /** Findings of the current generation. */
  checked(results: readonly CheckedSource[]): void;
  /** How far the queue is worked through since it last was empty (`done` of `total`); called with `done === total` when it empties. */
  progress(done: number, total: number): void;
  log(message: string): void;
}

/** Background checks of files, as the server drives them. */
export interface BackgroundChecks {
  /** Files waiting or being checked. */
  readonly pending: number;
  /** Starts a generation: later checks use these profiles and severities; everything queued or being checked is dropped. */
  configure(profiles: readonly SourceText[], severity: SeverityOverrides | undefined): void;
  /** Queues files (URIs) to check; `first`: ahead of the others. A file already queued keeps one place. */
  schedule(uris: Iterable<string>, first?: boolean): void;
  /** Stops: nothing more is checked. */
  dispose(): void;
}

/** The longest a slice of checks holds the thread, in milliseconds (a file that takes longer is still checked whole). */
const SLICE_MS = 15;

/**
 * Checks on the server's thread, with its own language service (`check`),
 * whose profiles and severities the server keeps current: `configure` only
 * starts a generation.
 */
export class InlineChecks implements BackgroundChecks {
  private readonly first = new Set<string>();
  private readonly rest = new Set<string>();
  private generation = 0;
  private done = 0;
  private total = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly host: CheckPoolHost,
    private readonly check: (source: SourceText) => CheckedSource,
  ) {}

  get pending(): number {
    return this.first.size + this.rest.size;
  }

  configure(): void {
    this.generation++;
    this.first.clear();
    this.rest.clear();
    this.done = 0;
    this.total = 0;
  }

  schedule(uris: Iterable<string>, first = false): void {
    if (this.disposed) return;
    for (const uri of uris) {
      if (first) {
        // A file moved up from the rest is counted once.
        if (!this.rest.delete(uri) && !this.first.has(uri)) this.total++;
        this.first.add(uri);
      } else if (!this.first.has(uri) && !this.rest.has(uri)) {
        this.rest.add(uri);
        this.total++;
      }
    }
    this.wake();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.first.clear();
    this.rest.clear();
  }

  /** Runs a slice soon, unless one is due; reports the end when nothing is queued. */
  private wake(): void {
    if (this.timer !== undefined) return;
    if (this.pending === 0) {
      if (this.total > 0) this.host.progress(this.total, this.total);
      this.done = 0;
      this.total = 0;
      return;
    }
    this.host.progress(Math.min(this.done, this.total), this.total);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.slice();
      this.wake();
    }, 0);
  }

  /** Checks queued files, the `first` ones ahead, for at most SLICE_MS. */
  private slice(): void {
    const generation = this.generation;
    const started = Date.now();
    const results: CheckedSource[] = [];
    for (const queue of [this.first, this.rest]) {
      for (const uri of queue) {
        if (this.disposed || generation !== this.generation || (results.length > 0 && Date.now() - started >= SLICE_MS)) break;
        queue.delete(uri);
        this.done++;
        const source = this.host.source(uri);
        if (!source) continue;
        try {
          results.push(this.check(source));
        } catch (error) {
          this.host.log(`${uri} was not checked: ${(error as Error).stack ?? error}`);
        }
      }
    }
    if (results.length > 0 && !this.disposed && generation === this.generation) this.host.checked(results);
  }
}
