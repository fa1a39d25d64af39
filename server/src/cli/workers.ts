/**
 * Checking many briefs on two threads: this one and a worker thread, each
 * taking the next unchecked file from a shared counter until none is left,
 * so neither waits for the other (the worker starts later, and briefs differ
 * in size). The worker runs the same bundle (`dist/cli.js`), which starts it
 * with `runCheckWorker` instead of the command line. The call stays
 * synchronous: this thread checks files while there are any, then waits on a
 * shared flag for the worker's results.
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { SeverityOverrides } from '../service/codes';
import { getLanguageService, type LanguageService } from '../service/languageService';
import { checkText, readText, type CheckedFile } from './check';
import { InputError } from './files';
import { loadProfiles } from './profiles';

/** What a check worker is given. */
interface CheckJob {
  readonly kind: 'hire-check';
  readonly files: readonly string[];
  readonly severity?: SeverityOverrides;
  readonly profiles?: string;
  /** Profile files among the paths, loaded beside those of `profiles`. */
  readonly profileFiles: readonly string[];
  readonly port: MessagePort;
  readonly state: Int32Array;
}

/** The slots of `CheckJob.state`. */
const POSTED = 0; // set to 1 when the worker's results are posted
const CHECKED = 1; // files checked so far, by both threads
const NEXT = 2; // the index of the next file to take

/** What a check worker posts back: its files' findings, by index in the job's files. */
type CheckReply = { readonly files: ReadonlyArray<readonly [number, CheckedFile]> } | { readonly error: string; readonly input: boolean };

/** Checks the job's files that this thread takes from the shared counter, until none is left. */
function takeAndCheck(
  service: LanguageService,
  job: Pick<CheckJob, 'files' | 'severity' | 'state'>,
  onChecked: (index: number, checked: CheckedFile) => void,
): void {
  for (let index = Atomics.add(job.state, NEXT, 1); index < job.files.length; index = Atomics.add(job.state, NEXT, 1)) {
    const file = job.files[index];
    onChecked(index, checkText(service, file, readText(file), { severity: job.severity }));
    Atomics.add(job.state, CHECKED, 1);
  }
}

/** Whether this thread was started as a check worker. */
export function isCheckWorker(): boolean {
  return (workerData as Partial<CheckJob> | null)?.kind === 'hire-check';
}

/** The body of a check worker: check the job's files and post the findings. */
export function runCheckWorker(): void {
  const job = workerData as CheckJob;
  let reply: CheckReply;
  try {
    const service = getLanguageService({ profiles: loadProfiles(job.profiles, job.profileFiles) });
    const files: Array<readonly [number, CheckedFile]> = [];
    takeAndCheck(service, job, (index, checked) => files.push([index, checked]));
    reply = { files };
  } catch (error) {
    reply = { error: (error as Error).message, input: error instanceof InputError };
  }
  job.port.postMessage(reply);
  Atomics.store(job.state, POSTED, 1);
  Atomics.notify(job.state, POSTED);
}

/**
 * Checks files on this thread and one worker (`script`: the running bundle),
 * keeping their order. Throws InputError for unreadable input on either.
 */
export function checkOnTwoThreads(
  script: string,
  service: LanguageService,
  files: readonly string[],
  options: { readonly severity?: SeverityOverrides; readonly profiles?: string; readonly profileFiles: readonly string[] },
  progress: (done: number, total: number) => void,
): CheckedFile[] {
  const state = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const job: CheckJob = { kind: 'hire-check', files, severity: options.severity, profiles: options.profiles, profileFiles: options.profileFiles, port: port2, state };
  const worker = new Worker(script, { workerData: job, transferList: [port2], argv: [], stdout: false, stderr: false });
  try {
    const checked = new Array<CheckedFile>(files.length);
    let mine = 0;
    takeAndCheck(service, job, (index, result) => {
      checked[index] = result;
      mine++;
      progress(Atomics.load(state, CHECKED) + 1, files.length);
    });
    if (mine === files.length) return checked; // the worker took none: no need to wait for it to start
    while (Atomics.load(state, POSTED) === 0) {
      Atomics.wait(state, POSTED, 0, 200);
      progress(Atomics.load(state, CHECKED), files.length);
    }
    const reply = receiveMessageOnPort(port1)?.message as CheckReply | undefined;
    if (!reply) throw new Error('the check worker sent no results');
    if ('error' in reply) throw reply.input ? new InputError(reply.error) : new Error(reply.error);
    for (const [index, result] of reply.files) checked[index] = result;
    return checked;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
