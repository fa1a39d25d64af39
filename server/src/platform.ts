/**
 * What the language server needs from where it runs: how it finds and reads
 * the workspace's files, and how it checks those that are not open in the
 * background. The Node server (main.ts) reads the disk and checks on worker
 * threads; the browser's (browserMain.ts) asks the editor for the files and
 * checks on its own thread.
 */
import type { BackgroundChecks, CheckPoolHost } from './backgroundChecks';
import type { ReadNow } from './briefReader';
import type { CheckedSource, SourceText } from './checkWorker';
import type { WorkspaceFiles } from './workspace';

/** The server's ties to its platform. */
export interface ServerPlatform {
  /** The workspace's files. */
  readonly files: WorkspaceFiles;
  /** Background checks for a host; `check` checks a file on the server's thread, with the server's language service. */
  backgroundChecks(host: CheckPoolHost, check: (source: SourceText) => CheckedSource): BackgroundChecks;
  /** Reads a file at once, for a scorecard's brief that is neither open nor in the workspace; absent where files are only read asynchronously (the browser). */
  readonly readNow?: ReadNow;
}
