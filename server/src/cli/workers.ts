/**
 * Checking many briefs on two threads: this one and a worker thread, each
 * taking every other file. The worker runs the same bundle (`dist/cli.js`),
 * which starts it with `runCheckWorker` instead of the command line. The
 * call stays synchronous: this thread checks its share, then waits on a
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
  /** [0]: set to 1 when the results are posted; [1]: files checked so far. */
  readonly state: Int32Array;
}

/** What a check worker posts back. */
type CheckReply = { readonly files: CheckedFile[] } | { readonly error: string; readonly input: boolean };

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
    reply = {
      files: job.files.map((file) => {
        const checked = checkText(service, file, readText(file), { severity: job.severity });
        Atomics.add(job.state, 1, 1);
        return checked;
      }),
    };
  } catch (error) {
    reply = { error: (error as Error).message, input: error instanceof InputError };
  }
  job.port.postMessage(reply);
  Atomics.store(job.state, 0, 1);
  Atomics.notify(job.state, 0);
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
  const mine = files.filter((_, index) => index % 2 === 0);
  const theirs = files.filter((_, index) => index % 2 === 1);
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const job: CheckJob = { kind: 'hire-check', files: theirs, severity: options.severity, profiles: options.profiles, profileFiles: options.profileFiles, port: port2, state };
  const worker = new Worker(script, { workerData: job, transferList: [port2], argv: [], stdout: false, stderr: false });
  try {
    const checked = mine.map((file, index) => {
      const result = checkText(service, file, readText(file), { severity: options.severity });
      progress(index + 1 + Atomics.load(state, 1), files.length);
      return result;
    });
    while (Atomics.load(state, 0) === 0) {
      Atomics.wait(state, 0, 0, 200);
      progress(mine.length + Atomics.load(state, 1), files.length);
    }
    const reply = receiveMessageOnPort(port1)?.message as CheckReply | undefined;
    if (!reply) throw new Error('the check worker sent no results');
    if ('error' in reply) throw reply.input ? new InputError(reply.error) : new Error(reply.error);
    return files.map((_, index) => (index % 2 === 0 ? checked[index / 2] : reply.files[(index - 1) / 2]));
  } finally {
    port1.close();
    void worker.terminate();
  }
}
