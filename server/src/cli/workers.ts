/**
 * Checking many briefs on several threads: this one and worker threads (one
 * fewer than the machine's cores, at most seven), each taking the next
 * unchecked file from a shared counter until none is left, so none waits for
 * another (workers start later, and briefs differ in size). A worker runs the
 * same bundle (`dist/cli.js`), which starts it with `runCheckWorker` instead
 * of the command line. The call stays synchronous: this thread checks files
 * while there are any, then waits on shared counters for the results of the
 * workers that took some.
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { getLanguageService, type LanguageService, type ValidationSettings } from '../service/languageService';
import { ProfileRegistry, type DeclaredProfile } from '../service/profiles';
import { checkThreads } from '../threads';
import { checkFile, type CheckedFile } from './checkFile';
import { InputError } from './files';

export { checkThreads, MAX_THREADS } from '../threads';

/** What a check worker is given. */
interface CheckJob {
  readonly kind: 'hire-check';
  readonly files: readonly string[];
  readonly settings: ValidationSettings;
  /** Brings the profiles to check against (the main thread's, as data: a worker reads no profile file), then takes the reply. */
  readonly port: MessagePort;
  /** Shared by every thread of the check: the slots below. */
  readonly state: Int32Array;
}

/** The slots of `CheckJob.state`. */
const NEXT = 0; // the index of the next file to take
const CHECKED = 1; // files checked so far, by every thread
const STARTED = 2; // workers that began taking files
const POSTED = 3; // workers that started and posted their results
const PROFILES = 4; // 1 once the profiles are on every worker's port
const SLOTS = 5;

/** What a check worker posts back: its files' findings, by index in the job's files. */
type CheckReply = { readonly files: ReadonlyArray<readonly [number, CheckedFile]> } | { readonly error: string; readonly input: boolean };

/** Checks the job's files that this thread takes from the shared counter, until none is left. */
function takeAndCheck(
  service: LanguageService,
  job: Pick<CheckJob, 'files' | 'settings' | 'state'>,
  onChecked: (index: number, checked: CheckedFile) => void,
): void {
  for (let index = Atomics.add(job.state, NEXT, 1); index < job.files.length; index = Atomics.add(job.state, NEXT, 1)) {
    const file = job.files[index];
    onChecked(index, checkFile(service, file, file, job.settings));
    Atomics.add(job.state, CHECKED, 1);
  }
}

/** Whether this thread was started as a check worker. */
export function isCheckWorker(): boolean {
  return (workerData as Partial<CheckJob> | null)?.kind === 'hire-check';
}

/** The body of a check worker: check files while there are any, and post the findings. */
export function runCheckWorker(): void {
  const job = workerData as CheckJob;
  let started = false;
  let reply: CheckReply;
  try {
    // The main thread reads the profiles while this thread loads.
    Atomics.wait(job.state, PROFILES, 0);
    const profiles = receiveMessageOnPort(job.port)?.message as readonly DeclaredProfile[];
    const service = getLanguageService({ profiles: ProfileRegistry.of(profiles) });
    const files: Array<readonly [number, CheckedFile]> = [];
    // Counted before the first take: a thread that finds no file left knows of every worker that took one.
    Atomics.add(job.state, STARTED, 1);
    started = true;
    takeAndCheck(service, job, (index, checked) => files.push([index, checked]));
    reply = { files };
  } catch (error) {
    reply = { error: (error as Error).message, input: error instanceof InputError };
  }
  job.port.postMessage(reply);
  // A worker that failed before it started took no file: the check does not wait for it.
  if (!started) return;
  Atomics.add(job.state, POSTED, 1);
  Atomics.notify(job.state, POSTED);
}

/**
 * Checks files on this thread and `threads - 1` workers (`script`: the
 * running bundle), keeping their order. The workers check against the
 * service's profiles. Throws InputError for unreadable input on any.
 */
export function checkInParallel(
  script: string,
  service: LanguageService,
  files: readonly string[],
  settings: ValidationSettings,
  progress: (done: number, total: number) => void,
  threads = checkThreads(),
): CheckedFile[] {
  const state = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
  const workers = Array.from({ length: Math.max(1, threads - 1) }, () => {
    const { port1, port2 } = new MessageChannel();
    const job: CheckJob = { kind: 'hire-check', files, settings, port: port2, state };
    const worker = new Worker(script, { workerData: job, transferList: [port2], argv: [], stdout: false, stderr: false });
    return { worker, port: port1 };
  });
  try {
    const profiles = service.profiles.declared();
    for (const { port } of workers) port.postMessage(profiles);
    Atomics.store(state, PROFILES, 1);
    Atomics.notify(state, PROFILES);
    const checked = new Array<CheckedFile>(files.length);
    takeAndCheck(service, { files, settings, state }, (index, result) => {
      checked[index] = result;
      progress(Atomics.load(state, CHECKED) + 1, files.length);
    });
    // No file is left: only the workers that started may hold results (one that starts now takes none).
    for (let posted = Atomics.load(state, POSTED); posted < Atomics.load(state, STARTED); posted = Atomics.load(state, POSTED)) {
      Atomics.wait(state, POSTED, posted, 200);
      progress(Atomics.load(state, CHECKED), files.length);
    }
    for (const { port } of workers) {
      const reply = receiveMessageOnPort(port)?.message as CheckReply | undefined;
      if (!reply) continue;
      if ('error' in reply) throw reply.input ? new InputError(reply.error) : new Error(reply.error);
      for (const [index, result] of reply.files) checked[index] = result;
    }
    const missing = checked.findIndex((result) => result === undefined);
    if (missing >= 0) throw new Error(`a check worker sent no results for ${files[missing]}`);
    return checked;
  } finally {
    for (const { worker, port } of workers) {
      port.close();
      void worker.terminate();
    }
  }
}
