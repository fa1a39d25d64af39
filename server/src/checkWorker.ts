/**
 * A check worker of the server: a worker thread running the server's own
 * bundle, with a language service of its own, that checks the workspace files
 * the pool (checkPool.ts) sends it and posts back their findings and
 * overviews. It is told the profiles and severities to check with
 * (`configure`), and stops a batch as soon as the pool's generation moves on.
 * It keeps no parse of a file it checked.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { BRIEF_LANGUAGE_ID, PROFILE_LANGUAGE_ID } from './service/names';
import type { SeverityOverrides } from './service/codes';
import { isProfileDocument } from './service/documents';
import type { LanguageService } from './service/languageService';
import type { BriefOverview } from './service/overview';

/** The `kind` of a server check worker's `workerData`. */
const WORKER_KIND = 'hire-server-check';

/** A file's text as the index holds it. */
export interface SourceText {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

/** What a check found in a file: its findings, and for a brief its overview. */
export interface CheckedSource {
  readonly uri: string;
  readonly version: number;
  readonly diagnostics: Diagnostic[];
  readonly overview?: BriefOverview;
}

/** What a worker is sent. */
export type WorkerRequest =
  | {
      readonly type: 'configure';
      readonly generation: number;
      /** Every workspace profile (open documents over files). */
      readonly profiles: readonly SourceText[];
      readonly severity?: SeverityOverrides;
    }
  | { readonly type: 'check'; readonly generation: number; readonly files: readonly SourceText[] };

/** What a worker posts back for a `check`: the files it checked (all of them unless the generation moved on). */
export interface WorkerReply {
  readonly generation: number;
  readonly results: readonly CheckedSource[];
  /** An exception a file's check threw: logged by the pool. */
  readonly errors: readonly string[];
}

/** What a worker is started with. */
export interface WorkerStart {
  readonly kind: typeof WORKER_KIND;
  /** Slot 0: the pool's current generation. */
  readonly generation: Int32Array;
}

/** The `workerData` a worker is started with. */
export function workerStart(generation: Int32Array): WorkerStart {
  return { kind: WORKER_KIND, generation };
}

/** Whether this thread is a server check worker. */
export function isServerCheckWorker(): boolean {
  return (workerData as Partial<WorkerStart> | null)?.kind === WORKER_KIND;
}

/**
 * Lowers this thread's scheduling priority where the system allows one
 * thread's alone (Linux: a thread is a task with its own nice value), so
 * that the server's own thread, answering the editor, always comes first.
 */
function yieldToTheServer(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread !== process.pid) setPriority(thread, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Elsewhere the thread keeps the server's priority.
  }
}

/** The body of a server check worker: answers `check` requests until the server ends. */
export function runServerCheckWorker(): void {
  yieldToTheServer();
  // Loaded here, not imported: the server's main thread loads the service at its first use.
  const { getLanguageService } = require('./service/languageService') as typeof import('./service/languageService');
  const { ProfileRegistry } = require('./service/profiles') as typeof import('./service/profiles');
  const shared = (workerData as WorkerStart).generation;
  let service: LanguageService = getLanguageService();
  let severity: SeverityOverrides | undefined;
  const unreadProfiles: string[] = [];
  const documentOf = (source: SourceText) =>
    TextDocument.create(source.uri, isProfileDocument({ uri: source.uri }) ? PROFILE_LANGUAGE_ID : BRIEF_LANGUAGE_ID, source.version, source.text);
  parentPort!.on('message', (request: WorkerRequest) => {
    if (request.type === 'configure') {
      service = getLanguageService({ profiles: ProfileRegistry.withBuiltins() });
      for (const profile of request.profiles) {
        try {
          service.updateProfile(documentOf(profile));
        } catch (error) {
          // As the server's thread does: a profile that cannot be read is left out, the others load; the next reply says why.
          unreadProfiles.push(`Reading ${profile.uri} failed: ${(error as Error).stack ?? error}`);
        } finally {
          service.close(profile.uri);
        }
      }
      severity = request.severity;
      return;
    }
    const results: CheckedSource[] = [];
    const errors = unreadProfiles.splice(0);
    for (const file of request.files) {
      if (Atomics.load(shared, 0) !== request.generation) break;
      const document = documentOf(file);
      try {
        const diagnostics = service.validate(document, { severity });
        const overview = isProfileDocument(document) ? undefined : service.overview(document, { severity });
        results.push({ uri: file.uri, version: file.version, diagnostics, overview });
      } catch (error) {
        errors.push(`Checking ${file.uri} failed: ${(error as Error).stack ?? error}`);
        results.push({ uri: file.uri, version: file.version, diagnostics: [] });
      } finally {
        service.close(file.uri);
      }
    }
    parentPort!.postMessage({ generation: request.generation, results, errors } satisfies WorkerReply);
  });
}
