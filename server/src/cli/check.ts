/**
 * `hire check`: read briefs and profiles, run the language service on each,
 * and report the findings as text, JSON, SARIF or GitHub annotations. The
 * profiles among the paths, beside the files named, and in `--profiles` are
 * loaded before any brief is checked, and reported like briefs.
 */
import { resolve } from 'node:path';
import type { SeverityOverrides } from '../service/codes';
import { SCORECARD_SUFFIX } from '../service/documents';
import { getLanguageService } from '../service/languageService';
import { checkFile, type CheckedFile } from './checkFile';
import { BRIEF_SUFFIX, findFiles, InputError } from './files';
import { formatGithub } from './github';
import { loadProfiles, PROFILE_SUFFIX, profileFiles, siblingProfiles } from './profiles';
import { STDIN_ARGUMENT, STDIN_PATH } from './read';
import { formatJson, formatText, summarize } from './report';
import { formatSarif } from './sarif';
import { diskBriefReader } from './scorecards';
import { checkInParallel, checkThreads } from './workers';

/**
 * The briefs and profiles the user named: files, folders (searched for both),
 * glob patterns and `-` (standard input, at most once), each file once however
 * it is spelled (`a.hire.yaml`, `./a.hire.yaml`), as first named. Throws
 * InputError for a path that names nothing.
 */
export function resolvePaths(paths: readonly string[]): string[] {
  if (paths.filter((given) => given === STDIN_ARGUMENT).length > 1) throw new InputError('standard input (-) can be read only once');
  const files = new Map<string, string>();
  for (const file of paths.flatMap((given) => (given === STDIN_ARGUMENT ? [given] : findFiles([given], [BRIEF_SUFFIX, PROFILE_SUFFIX, SCORECARD_SUFFIX])))) {
    const key = file === STDIN_ARGUMENT ? file : resolve(file);
    if (!files.has(key)) files.set(key, file);
  }
  return [...files.values()];
}

/** Whether a path names a role profile rather than a brief. */
export function isProfilePath(file: string): boolean {
  return file !== STDIN_ARGUMENT && file.endsWith(PROFILE_SUFFIX);
}




/** The output formats of `hire check`. */
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** An output format of `hire check`. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The options of `hire check`. */
export interface CheckOptions {
  readonly format: CheckFormat;
  readonly severity?: SeverityOverrides;
  /** Fail (exit 1) when there are more warnings than this. */
  readonly maxWarnings?: number;
  readonly stdinFilename?: string;
  /** A folder of team profiles to load. */
  readonly profiles?: string;
}

/** Checks with more files than this show a progress line on a terminal. */
export const PROGRESS_MIN_FILES = 300;

/** Checks with at least this many files (and no standard input) use worker threads, on a machine with more than one core. */
export const PARALLEL_MIN_FILES = 200;

/**
 * Runs `hire check`: writes the report to stdout and returns the exit code
 * (0 or 1; InputError for 2). `script` is the running bundle, for the worker.
 */
export function runCheck(paths: readonly string[], options: CheckOptions, version: string, script: string): number {
  const named = resolvePaths(paths);
  // A file named itself (not found in a folder or by a pattern) brings the profiles of its folder, as an editor's
  // workspace does; they load like those a folder search finds.
  const siblings = siblingProfiles(paths);
  const found = [...named.filter(isProfilePath), ...siblings];
  const service = getLanguageService({ profiles: loadProfiles(options.profiles, found), readBrief: diskBriefReader() });
  // The profiles of --profiles, then those beside the named files, are reported after the named files, each file once.
  const names = [...named];
  const reported = new Set(named.filter((name) => name !== STDIN_ARGUMENT).map((name) => resolve(name)));
  for (const file of [...profileFiles(options.profiles), ...siblings]) {
    if (reported.has(resolve(file))) continue;
    reported.add(resolve(file));
    names.push(file);
  }
  const terminal = process.stderr.isTTY === true;
  let shown = 0;
  const progress = (done: number, total: number) => {
    if (!terminal || total <= PROGRESS_MIN_FILES || (done - shown < 50 && done < total)) return;
    shown = done;
    process.stderr.write(done === total ? '\r\u001b[K' : `\rChecked ${done} of ${total} files`);
  };
  const settings = { severity: options.severity };
  const threads = checkThreads();
  // Scorecards are checked on this thread, where their briefs are read.
  const scorecards = names.filter((name) => name !== STDIN_ARGUMENT && name.endsWith(SCORECARD_SUFFIX));
  const others = names.filter((name) => !scorecards.includes(name));
  const checkedOthers = others.length >= PARALLEL_MIN_FILES && !others.includes(STDIN_ARGUMENT) && threads > 1
    ? checkInParallel(script, service, others, settings, (done) => progress(done, names.length), threads)
    : others.map((name, index) => {
        const checked = checkFile(service, name, name === STDIN_ARGUMENT ? (options.stdinFilename ?? STDIN_PATH) : name, settings);
        progress(index + 1, names.length);
        return checked;
      });
  const checkedScorecards = scorecards.map((name, index) => {
    const checked = checkFile(service, name, name, settings);
    progress(others.length + index + 1, names.length);
    return checked;
  });
  const byName = new Map<string, CheckedFile>([...others.map((name, index) => [name, checkedOthers[index]] as const), ...scorecards.map((name, index) => [name, checkedScorecards[index]] as const)]);
  const files = names.map((name) => byName.get(name)!);
  const color = options.format === 'text' && !!process.stdout.isTTY && !process.env.NO_COLOR;
  const reports: Record<CheckFormat, () => string> = {
    text: () => formatText(files, color),
    json: () => formatJson(files),
    sarif: () => formatSarif(files, version),
    github: () => formatGithub(files),
  };
  process.stdout.write(reports[options.format]());
  const summary = summarize(files);
  if (summary.errors > 0) return 1;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    process.stderr.write(`hire: ${summary.warnings} ${summary.warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
