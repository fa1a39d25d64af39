/**
 * `hire check`: read briefs and profiles, run the language service on each,
 * and report the findings as text, JSON, SARIF or GitHub annotations. The
 * profiles among the paths, beside the files named, and in `--profiles` are
 * loaded before any brief is checked, and reported like briefs.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BRIEF_LANGUAGE_ID } from '../protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, type SeverityName, type SeverityOverrides } from '../service/codes';
import { getLanguageService, tooLargeDiagnostics, type LanguageService, type ValidationSettings } from '../service/languageService';
import { MAX_FILE_BYTES, tooLargeMessage } from '../service/limits';
import { BRIEF_SUFFIX, findFiles, InputError } from './files';
import { SCORECARD_SUFFIX } from '../service/documents';
import { formatGithub } from './github';
import { loadProfiles, PROFILE_SUFFIX, profileFiles, siblingProfiles } from './profiles';
import { formatSarif } from './sarif';
import { checkInParallel, checkThreads } from './workers';

/** The findings of one file. */
export interface CheckedFile {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Counts by severity, as in the JSON output's `summary`. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

/** The path argument that stands for standard input. */
export const STDIN_ARGUMENT = '-';

/** The path a brief read from standard input is shown under, unless named. */
export const STDIN_PATH = '<stdin>';

/** A file (or standard input) over MAX_FILE_BYTES, refused before it is read: its size in bytes, or at least that many when not `exact`. */
export class FileTooLargeError extends InputError {
  constructor(
    readonly file: string,
    readonly size: number,
    readonly exact: boolean,
  ) {
    super(`${file}: ${tooLargeMessage(size, exact)}`);
  }
}

/**
 * Reads a file (or standard input, `-`) as UTF-8 text without a BOM; throws
 * InputError when it cannot, and FileTooLargeError for one over
 * MAX_FILE_BYTES: a file by its size before anything is read, a stream as
 * soon as it passes the bound.
 */
export function readText(file: string): string {
  const name = file === STDIN_ARGUMENT ? 'standard input' : file;
  let bytes: Buffer;
  try {
    bytes = readBounded(file === STDIN_ARGUMENT ? 0 : file, name);
  } catch (error) {
    if (error instanceof FileTooLargeError) throw error;
    throw new InputError(`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // Validated, then decoded: a few times quicker than a fatal TextDecoder, with the same result. A leading BOM
  // (also one written twice) is not text.
  if (!isUtf8(bytes)) throw new InputError(`${name}: is not UTF-8 text; save it as UTF-8`);
  return bytes.toString('utf8').replace(/^\uFEFF\uFEFF?/, '');
}

/** Where reads after a file's first one (and every read of a pipe) land before they are kept. */
const scratch = Buffer.allocUnsafe(64 * 1024);

/** The bytes of a file or a file descriptor, never more than MAX_FILE_BYTES of them (FileTooLargeError). */
function readBounded(file: string | number, name: string): Buffer {
  const fd = typeof file === 'number' ? file : openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > MAX_FILE_BYTES) throw new FileTooLargeError(name, stats.size, true);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // A file is read in one call (a byte more than its size, to see it grow); a pipe or a device in pieces.
      const first = chunks.length === 0 && stats.isFile();
      const target = first ? Buffer.allocUnsafe(stats.size + 1) : scratch;
      const read = readSync(fd, target, 0, target.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_FILE_BYTES) throw new FileTooLargeError(name, total, false);
      chunks.push(first ? target.subarray(0, read) : Buffer.from(target.subarray(0, read)));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    if (typeof file !== 'number') closeSync(fd);
  }
}

/** A reader of briefs from disk for the service's `readBrief`, each file read once. */
export function diskBriefReader(): (uri: string) => TextDocument | undefined {
  const read = new Map<string, TextDocument | undefined>();
  return (uri) => {
    if (!read.has(uri)) {
      let document: TextDocument | undefined;
      try {
        document = uri.startsWith('file:') ? TextDocument.create(uri, BRIEF_LANGUAGE_ID, 1, readText(fileURLToPath(uri))) : undefined;
      } catch {
        document = undefined;
      }
      read.set(uri, document);
    }
    return read.get(uri);
  };
}

/** Checks one file or standard input (`-`), shown as `path`: its findings, or the one finding of a file too large to read. */
export function checkFile(service: LanguageService, file: string, path: string, settings: ValidationSettings): CheckedFile {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    if (error instanceof FileTooLargeError) return { path, diagnostics: tooLargeDiagnostics(error.size, settings, error.exact) };
    throw error;
  }
  return checkText(service, path, text, settings);
}

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

/** Checks one brief's text. */
export function checkText(service: LanguageService, path: string, text: string, settings: ValidationSettings): CheckedFile {
  const document = TextDocument.create(pathToFileURL(resolve(path)).href, 'hire-yaml', 1, text);
  const diagnostics = service.validate(document, settings);
  service.close(document.uri);
  return { path, diagnostics };
}

/** A diagnostic's message as plain text. */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Counts the findings of checked files by severity. */
export function summarize(files: readonly CheckedFile[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, information: 0, hints: 0 };
  const field: Record<SeverityName, keyof Summary> = { error: 'errors', warning: 'warnings', information: 'information', hint: 'hints' };
  for (const file of files) for (const diagnostic of file.diagnostics) summary[field[severityName(diagnostic.severity)]]++;
  return summary;
}

/** The JSON report (docs/format.md, "The JSON report"). */
export function formatJson(files: readonly CheckedFile[]): string {
  const report = {
    version: 1,
    files: files.map((file) => ({
      path: file.path,
      diagnostics: file.diagnostics.map((diagnostic) => ({
        code: diagnostic.code,
        severity: severityName(diagnostic.severity),
        message: diagnostic.message,
        range: diagnostic.range,
        ...(diagnostic.data !== undefined ? { data: diagnostic.data } : {}),
      })),
    })),
    summary: summarize(files),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

const colors: Record<SeverityName, string> = { error: '31', warning: '33', information: '36', hint: '90' };

/** The human report: `path:line:col severity code message` a finding, then a summary line. */
export function formatText(files: readonly CheckedFile[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      const { line, character } = diagnostic.range.start;
      const severity = severityName(diagnostic.severity);
      lines.push(`${file.path}:${line + 1}:${character + 1} ${paint(colors[severity], severity)} ${paint('2', String(diagnostic.code))} ${diagnostic.message}`);
    }
  }
  lines.push(summaryLine(summarize(files)));
  return `${lines.join('\n')}\n`;
}

function summaryLine(summary: Summary): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return `${count(summary.files, 'file')} checked: ${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${summary.information} information, ${count(summary.hints, 'hint')}.`;
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
