/**
 * The server's background checks: the files of the workspace that are not
 * open, checked on worker threads (checkWorker.ts) so that the server's own
 * thread stays free to answer the editor. Files wait in a queue (those
 * scheduled `first` ahead of the others) and go out in small batches, at
 * most two a worker. `configure` starts a generation (new profiles or
 * severities): the queue is dropped, every worker stops the batch it is
 * checking at the next file, and results of an older generation are thrown
 * away, so the last configuration always wins.
 */
import { Worker } from 'node:worker_threads';
import type { BackgroundChecks, CheckPoolHost } from './backgroundChecks';
import type { SeverityOverrides } from './service/codes';
import { checkThreads } from './threads';
import { workerStart, type SourceText, type WorkerReply, type WorkerRequest } from './checkWorker';

/** Files a batch holds at most. */
const BATCH_FILES = 16;

/** UTF-16 code units of text a batch holds at most (a batch has at least one file). */
const BATCH_TEXT = 256 * 1024;

/** Batches a worker is given before it answers one: the next waits in its queue, so it never idles between them. */
const BATCHES_A_WORKER = 2;

/** How often a file is sent again after the worker checking it ended. */
const MAX_ATTEMPTS = 2;

/** The most workers: each holds a language service of its own (tens of MB), so a machine with many cores does not get as many. */
const MAX_WORKERS = 4;

/** Workers that may end in a row without answering before the pool gives up. */
const MAX_FAILED_STARTS = 3;

interface PoolWorker {
  readonly worker: Worker;
  /** The batches sent and not answered, oldest first: their generation and files (URIs). */
  readonly batches: { readonly generation: number; readonly uris: readonly string[] }[];
  /** The generation this worker was configured with. */
  configured: number;
}

/** Worker threads checking files in the background. */
export class CheckPool implements BackgroundChecks {
  private readonly shared = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  private generation = 0;
  private configuration: Extract<WorkerRequest, { type: 'configure' }> = { type: 'configure', generation: 0, profiles: [] };
  private readonly workers: PoolWorker[] = [];
  private readonly first = new Set<string>();
  private readonly rest = new Set<string>();
  private readonly attempts = new Map<string, number>();
  /** The version of each file being checked under the current generation. */
  private readonly checking = new Map<string, number>();
  private done = 0;
  private total = 0;
  /** Whether the host heard of work not done yet. */
  private busy = false;
  private disposed = false;
  /** Workers that ended in a row without answering a batch. */
  private failedStarts = 0;

  constructor(
    private readonly host: CheckPoolHost,
    /** The bundle the workers run: this one. */
    private readonly script: string = __filename,
    private readonly threads: number = Math.min(MAX_WORKERS, checkThreads()),
  ) {}

  /** Files waiting or being checked. */
  get pending(): number {
    return this.first.size + this.rest.size + this.workers.reduce((sum, { batches }) => sum + batches.reduce((files, batch) => files + batch.uris.length, 0), 0);
  }

  /** Starts a generation: later checks use these profiles and severities; everything queued or being checked is dropped. */
  configure(profiles: readonly SourceText[], severity: SeverityOverrides | undefined): void {
    this.generation++;
    Atomics.store(this.shared, 0, this.generation);
    this.configuration = { type: 'configure', generation: this.generation, profiles, severity };
    this.first.clear();
    this.rest.clear();
    this.attempts.clear();
    this.checking.clear();
    this.done = 0;
    this.total = 0;
    // Workers get the configuration before their next batch, in dispatch.
  }

  /** Queues files (URIs) to check; `first`: ahead of the others. A file already queued keeps one place. */
  schedule(uris: Iterable<string>, first = false): void {
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
    this.dispatch();
  }

  /** Ends the workers; nothing more is checked. */
  dispose(): void {
    this.disposed = true;
    this.first.clear();
    this.rest.clear();
    for (const { worker } of this.workers.splice(0)) void worker.terminate();
    this.reportProgress();
  }

  /** Sends batches to the workers that have room for one, starting workers as needed. */
  private dispatch(): void {
    if (this.disposed) return;
    while (this.workers.length < this.threads && this.workers.length < this.first.size + this.rest.size) this.workers.push(this.start());
    for (const entry of this.workers) {
      while (entry.batches.length < BATCHES_A_WORKER) {
        const batch = this.nextBatch();
        if (!batch) break;
        if (entry.configured !== this.generation) {
          entry.worker.postMessage(this.configuration);
          entry.configured = this.generation;
        }
        entry.batches.push({ generation: this.generation, uris: batch.map((source) => source.uri) });
        entry.worker.postMessage({ type: 'check', generation: this.generation, files: batch } satisfies WorkerRequest);
      }
    }
    this.reportProgress();
  }

  /** The texts of the next queued files, or undefined when none is left to check. */
  private nextBatch(): SourceText[] | undefined {
    const batch: SourceText[] = [];
    let size = 0;
    for (const queue of [this.first, this.rest]) {
      for (const uri of queue) {
        if (batch.length >= BATCH_FILES || (batch.length > 0 && size >= BATCH_TEXT)) return batch;
        queue.delete(uri);
        const source = this.host.source(uri);
        // Gone, open, or this very version already being checked.
        if (!source || this.checking.get(uri) === source.version) {
          this.done++;
          continue;
        }
        batch.push(source);
        this.checking.set(uri, source.version);
        size += source.text.length;
      }
    }
    return batch.length > 0 ? batch : undefined;
  }

  private start(): PoolWorker {
    // Its output goes to stderr: stdout may carry the protocol.
    const worker = new Worker(this.script, { workerData: workerStart(this.shared), argv: [], stdout: true, stderr: true });
    worker.stdout.pipe(process.stderr);
    worker.stderr.pipe(process.stderr);
    worker.unref();
    const entry: PoolWorker = { worker, batches: [], configured: -1 };
    let answered = false;
    worker.on('message', (reply: WorkerReply) => {
      answered = true;
      this.failedStarts = 0;
      const batch = entry.batches.shift();
      for (const error of reply.errors) this.host.log(error);
      if (reply.generation !== this.generation) return this.dispatch();
      for (const uri of batch?.uris ?? []) {
        this.attempts.delete(uri);
        this.checking.delete(uri);
      }
      // A batch cut short by a new generation is answered under the old one, so every file of it was checked.
      this.done += reply.results.length;
      this.host.checked(reply.results);
      this.dispatch();
    });
    const ended = (why: string) => {
      const index = this.workers.indexOf(entry);
      if (index < 0) return;
      this.workers.splice(index, 1);
      if (this.disposed) return;
      this.host.log(`A check worker ended: ${why}`);
      if (!answered && ++this.failedStarts >= MAX_FAILED_STARTS) {
        this.host.log(`${MAX_FAILED_STARTS} check workers in a row ended before checking a file: the files that are not open are no longer checked.`);
        this.dispose();
        return;
      }
      // Its files of this generation go back to the front of the queue, each at most MAX_ATTEMPTS times.
      for (const uri of entry.batches.flatMap((batch) => (batch.generation === this.generation ? batch.uris : []))) {
        this.checking.delete(uri);
        const attempts = (this.attempts.get(uri) ?? 0) + 1;
        this.attempts.set(uri, attempts);
        if (attempts < MAX_ATTEMPTS) this.first.add(uri);
        else {
          this.done++;
          this.host.log(`${uri} was not checked: the worker checking it ended ${attempts} times.`);
        }
      }
      this.dispatch();
    };
    worker.on('error', (error) => ended((error as Error).stack ?? String(error)));
    worker.on('exit', (code) => ended(`exit code ${code}`));
    return entry;
  }

  /** Tells the host how far the queue is, and once when it empties. */
  private reportProgress(): void {
    if (this.pending > 0) {
      if (this.total > 0) {
        this.busy = true;
        this.host.progress(Math.min(this.done, this.total), this.total);
      }
      return;
    }
    if (this.busy || this.total > 0) this.host.progress(this.total, this.total);
    this.busy = false;
    this.done = 0;
    this.total = 0;
  }
}
