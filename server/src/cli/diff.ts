/**
 * `hire diff`: two versions of a brief or a profile compared by meaning
 * (the service's semantic diff), with the findings that appear or disappear
 * and, for a profile, the briefs it affects. Three ways in: two files; git's
 * external diff driver (`--git`, the arguments git passes); and `--base REF`,
 * the working tree against a git ref. Text (grouped by section, coloured on a
 * terminal), JSON (docs/format.md, "Semantic diff") or Markdown for a
 * pull-request comment. Exit 0 without changes, 1 with, 2 on an error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  CHANGE_MARKS, changesBySection, diffFindings, diffTexts, isDiffable, isSideError, noFindingChanges, readDiffSide,
  type Change, type DiffDocumentKind, type DiffSideError, type FindingChange, type FindingsDelta,
} from '../service/diff';
import { BRIEF_SUFFIX } from '../service/documents';
import { getLanguageService, type LanguageService } from '../service/languageService';
import { readBrief, resolveBrief } from '../service/model';
import { BRIEF_LANGUAGE_ID, PROFILE_LANGUAGE_ID } from '../service/names';
import type { ProfileRegistry } from '../service/profiles';
import { readText } from './read';
import { findFiles, InputError, relativePath } from './files';
import { loadProfiles, profileSource, siblingProfiles } from './profiles';

/** The output formats of `hire diff`. */
export const DIFF_FORMATS = ['text', 'json', 'md'] as const;

/** An output format of `hire diff`. */
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** The options of `hire diff`. */
export interface DiffOptions {
  readonly format: DiffFormat;
  /** Run as git's external diff driver: the arguments are the ones git passes. */
  readonly git?: boolean;
  /** Compare the working tree with this git ref. */
  readonly base?: string;
  /** A folder of team profiles to load. */
  readonly profiles?: string;
  /** Where to look for the briefs a profile affects. */
  readonly briefs?: string;
}

/** A brief that follows a changed profile, and how its findings change. */
export interface AffectedBrief {
  readonly path: string;
  readonly findings: FindingsDelta;
}

/** One file compared. */
export interface FileDiff {
  readonly path: string;
  /** The old path of a renamed file. */
  readonly oldPath?: string;
  readonly status: 'modified' | 'added' | 'deleted' | 'renamed';
  readonly kind: DiffDocumentKind;
  readonly changes: readonly Change[];
  readonly findings: FindingsDelta;
  /** For a profile: the briefs that follow it. */
  readonly affects?: readonly AffectedBrief[];
}

/** One side of a comparison: its text and the name it goes by. */
interface Version {
  readonly text: string;
  /** The path shown for it and that tells a brief from a profile. */
  readonly name: string;
}

/** Why a file cannot be compared: a side's YAML error, or a brief against a profile (both exit 2). */
class DiffFailure extends Error {}

/** Runs `hire diff`; returns the exit code. Throws InputError for a usage error or an unreadable file. */
export function runDiff(args: readonly string[], options: DiffOptions): number {
  if (options.git) return runGitDriver(args, options);
  if (options.base !== undefined) return runBase(options.base, args, options);
  if (args.length !== 2) throw new InputError(`diff: expected two files, OLD and NEW (got ${args.length}); or --base REF [paths], or --git with git's arguments`);
  const [oldFile, newFile] = args;
  const old = { text: readText(oldFile), name: oldFile };
  const current = { text: readText(newFile), name: newFile };
  let diff: FileDiff;
  try {
    diff = compare(old, current, newFile, undefined, options, briefsFolder(options, path.dirname(newFile)));
  } catch (error) {
    if (error instanceof DiffFailure) {
      process.stderr.write(`hire: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  process.stdout.write(format([diff], options.format, { single: true }));
  return diff.changes.length > 0 ? 1 : 0;
}

/**
 * Git's external diff driver: `path old-file old-hex old-mode new-file
 * new-hex new-mode`, two more (`new-path`, the rename's message) for a
 * rename, and the path alone for an unmerged file. Git reads an exit code
 * other than 0 as the driver failing and stops, so this exits 0 with or
 * without changes, and prints a side that does not parse as part of the diff.
 */
function runGitDriver(args: readonly string[], options: DiffOptions): number {
  if (args.length === 1) {
    process.stdout.write(`* Unmerged path ${args[0]}\n`);
    return 0;
  }
  if (args.length !== 7 && args.length !== 9) {
    throw new InputError(`diff --git: expected the 7 arguments git passes to an external diff (9 for a rename), got ${args.length}; set it up with git config diff.hire.command "hire diff --git"`);
  }
  const [oldPath, oldFile, , , newFile] = args;
  const newPath = args.length === 9 ? args[7] : oldPath;
  const old = { text: oldFile === '/dev/null' ? '' : readText(oldFile), name: oldPath };
  const current = { text: newFile === '/dev/null' ? '' : readText(newFile), name: newPath };
  const status = oldFile === '/dev/null' ? 'added' : newFile === '/dev/null' ? 'deleted' : newPath !== oldPath ? 'renamed' : 'modified';
  let output: string;
  try {
    const diff = compare(old, current, newPath, newPath !== oldPath ? oldPath : undefined, options, briefsFolder(options, '.'), status);
    output = format([diff], options.format, { single: true, color: gitColor(options) });
  } catch (error) {
    if (!(error instanceof DiffFailure)) throw error;
    output = `${header(newPath, newPath !== oldPath ? oldPath : undefined, status, gitColor(options))}\n  ${error.message}\n`;
  }
  // A blank line after each file: git writes one file's diff after another's.
  process.stdout.write(`${output}\n`);
  return 0;
}

/** `--base REF [paths]`: every brief and profile that differs between the ref and the working tree. */
function runBase(ref: string, paths: readonly string[], options: DiffOptions): number {
  const top = git(['rev-parse', '--show-toplevel'], process.cwd(), 'not in a git repository: --base compares the working tree with a git ref').trim();
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], process.cwd(), `${ref}: no such git ref (a branch, tag or commit)`);
  const spec = ['--', ...(paths.length > 0 ? paths : ['.'])];
  const listed = git(['diff', '--name-status', '-z', '-M', '--no-ext-diff', ref, ...spec], process.cwd(), `cannot list the files changed since ${ref}`).split('\0');
  const entries: { status: FileDiff['status']; oldPath?: string; path: string }[] = [];
  for (let index = 0; index < listed.length - 1; ) {
    const letter = listed[index++];
    if (letter.startsWith('R')) {
      const from = listed[index++];
      const to = listed[index++];
      entries.push({ status: 'renamed', oldPath: from, path: to });
    } else {
      const file = listed[index++];
      entries.push({ status: letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified', path: file });
    }
  }
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name', ...spec], process.cwd(), 'cannot list the new files').split('\0').filter(Boolean);
  for (const file of untracked) entries.push({ status: 'added', path: file });

  const diffs: FileDiff[] = [];
  const failures: string[] = [];
  const briefs = briefsFolder(options, top);
  for (const entry of entries.filter((candidate) => isDiffable(candidate.path) || (candidate.oldPath !== undefined && isDiffable(candidate.oldPath)))) {
    const before = entry.status === 'added' ? '' : git(['show', `${ref}:${entry.oldPath ?? entry.path}`], top, `${entry.oldPath ?? entry.path}: cannot be read at ${ref}`);
    const after = entry.status === 'deleted' ? '' : readText(path.join(top, entry.path));
    try {
      diffs.push(compare({ text: before, name: entry.oldPath ?? entry.path }, { text: after, name: entry.path }, entry.path, entry.oldPath, options, briefs, entry.status, top));
    } catch (error) {
      if (!(error instanceof DiffFailure)) throw error;
      failures.push(error.message);
    }
  }
  process.stdout.write(format(diffs, options.format, { single: false, base: ref }));
  for (const failure of failures) process.stderr.write(`hire: ${failure}\n`);
  if (failures.length > 0) return 2;
  return diffs.some((diff) => diff.changes.length > 0) ? 1 : 0;
}

/** Runs git; throws InputError with `what` (and git's own message) when it fails. */
function git(args: readonly string[], cwd: string, what: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new InputError(stderr ? `${what} (${stderr})` : what);
  }
}

/** The folder searched for the briefs a profile affects: --briefs, else the given default. */
function briefsFolder(options: DiffOptions, fallback: string): string {
  return options.briefs ?? fallback;
}

/**
 * Compares two versions of the file at `file` (its path now; relative to
 * `root` when given). Throws DiffFailure when a side cannot be read as a
 * brief or profile, or when one is a brief and the other a profile.
 */
function compare(
  old: Version,
  current: Version,
  file: string,
  oldPath: string | undefined,
  options: DiffOptions,
  briefs: string,
  status: FileDiff['status'] = 'modified',
  root = '.',
): FileDiff {
  const onDisk = path.join(root, file);
  const siblings = existsSync(onDisk) ? siblingProfiles([onDisk]) : [];
  const { before, after } = registries(options, siblings, onDisk, old.text, current.text);
  const outcome = diffTexts(old.text, old.name, current.text, current.name, after);
  if ('usage' in outcome) throw new DiffFailure(outcome.usage);
  if ('error' in outcome) throw new DiffFailure(sideMessage(outcome.side === 'old' ? old.name : current.name, outcome.side, outcome.error));
  const languageId = outcome.kind === 'profile' ? PROFILE_LANGUAGE_ID : BRIEF_LANGUAGE_ID;
  const uri = `file://${path.resolve(onDisk).split(path.sep).join('/')}`;
  const findingsWith = (profiles: ProfileRegistry, text: string): Diagnostic[] => {
    if (text.trim() === '') return [];
    const service = getLanguageService({ profiles });
    const document = TextDocument.create(uri, languageId, 1, text);
    const diagnostics = service.validate(document);
    service.close(uri);
    return diagnostics;
  };
  const findings = diffFindings(findingsWith(before, old.text), findingsWith(after, current.text));
  const result: FileDiff = { path: file, ...(oldPath !== undefined ? { oldPath } : {}), status, kind: outcome.kind, changes: outcome.changes, findings };
  if (outcome.kind !== 'profile') return result;
  const ids = [outcome.old.value.id, outcome.new.value.id].filter((id): id is string => typeof id === 'string');
  return { ...result, affects: affectedBriefs(ids, briefs, before, after, root) };
}

/**
 * The profiles each version is checked against: the built-in ones, those of
 * --profiles and those beside the file; a profile file's own version in
 * each (none for an empty side).
 */
function registries(options: DiffOptions, siblings: readonly string[], file: string, oldText: string, newText: string): { before: ProfileRegistry; after: ProfileRegistry } {
  const before = loadProfiles(options.profiles, siblings);
  const after = loadProfiles(options.profiles, siblings);
  const source = profileSource(file);
  const isProfile = (text: string) => {
    const side = readDiffSide(text, file);
    return !isSideError(side) && side.kind === 'profile';
  };
  if (isProfile(oldText) || isProfile(newText)) {
    // Read as the server reads a profile document; an empty side (a new or deleted file) is no profile.
    for (const [registry, text] of [[before, oldText], [after, newText]] as const) {
      registry.delete(source);
      if (text.trim() === '') continue;
      const service = getLanguageService({ profiles: registry });
      service.updateProfile(TextDocument.create(source, PROFILE_LANGUAGE_ID, 1, text));
      service.close(source);
    }
  }
  return { before, after };
}

/**
 * The briefs under a folder that follow a profile of `ids` (their profile is
 * one of them or extends one, as the model's chain says) in either version,
 * with how their findings change.
 */
function affectedBriefs(ids: readonly string[], folder: string, before: ProfileRegistry, after: ProfileRegistry, root: string): AffectedBrief[] {
  if (ids.length === 0 || !existsSync(folder)) return [];
  const affected: AffectedBrief[] = [];
  const oldService = getLanguageService({ profiles: before });
  const newService = getLanguageService({ profiles: after });
  const follows = (service: LanguageService, document: TextDocument) => {
    const model = readBrief(service.parse(document));
    return !!model && resolveBrief(model, service.profiles).chain.some((profile) => ids.includes(profile.id));
  };
  for (const file of findFiles([folder], [BRIEF_SUFFIX])) {
    let text: string;
    try {
      text = readText(file);
    } catch {
      continue; // one that cannot be read is `hire check`'s to report
    }
    const uri = `file://${path.resolve(file).split(path.sep).join('/')}`;
    const document = TextDocument.create(uri, BRIEF_LANGUAGE_ID, 1, text);
    if (follows(oldService, document) || follows(newService, document)) {
      affected.push({ path: relativePath(file, root) ?? file, findings: diffFindings(oldService.validate(document), newService.validate(document)) });
    }
    oldService.close(uri);
    newService.close(uri);
  }
  return affected;
}

function sideMessage(name: string, side: 'old' | 'new', error: DiffSideError): string {
  const where = error.line === undefined ? '' : `:${error.line}:${error.column}`;
  return `${name}${where}: the ${side} version ${error.line === undefined ? error.error : `does not parse: ${error.error}`}`;
}

/* ---------- output ---------- */

interface FormatOptions {
  /** One file compared (OLD NEW, or git's driver): JSON as the contract's single object. */
  readonly single: boolean;
  readonly color?: boolean;
  /** The ref of `--base`. */
  readonly base?: string;
}

function format(diffs: readonly FileDiff[], kind: DiffFormat, options: FormatOptions): string {
  if (kind === 'json') return formatJson(diffs, options.single);
  if (kind === 'md') return formatMarkdown(diffs, options.base);
  return formatTextOutput(diffs, options.color ?? (!!process.stdout.isTTY && !process.env.NO_COLOR), options.base);
}

/** Colour for the git driver: when git pages the output (the pager shows colour) or writes to a terminal, unless NO_COLOR. */
function gitColor(options: DiffOptions): boolean {
  return options.format === 'text' && !process.env.NO_COLOR && (!!process.stdout.isTTY || !!process.env.GIT_PAGER_IN_USE);
}

/** JSON: `{"version":1,"changes":[…],…}` for one file, `{"version":1,"files":[…]}` for --base. */
export function formatJson(diffs: readonly FileDiff[], single: boolean): string {
  const fileJson = (diff: FileDiff) => ({
    path: diff.path,
    ...(diff.oldPath !== undefined ? { old_path: diff.oldPath } : {}),
    status: diff.status,
    kind: diff.kind,
    changes: diff.changes,
    findings: diff.findings,
    ...(diff.affects ? { affects: diff.affects } : {}),
  });
  if (single && diffs.length === 1) {
    const { changes, ...rest } = fileJson(diffs[0]);
    return `${JSON.stringify({ version: 1, changes, ...rest }, null, 2)}\n`;
  }
  return `${JSON.stringify({ version: 1, files: diffs.map(fileJson) }, null, 2)}\n`;
}

const COLORS: Record<Change['kind'], string> = { added: '32', removed: '31', changed: '33', moved: '36', waived: '35', unwaived: '35' };

function header(file: string, oldPath: string | undefined, status: FileDiff['status'], color: boolean): string {
  const what = status === 'added' ? ' (new file)' : status === 'deleted' ? ' (deleted)' : oldPath !== undefined ? ` (renamed from ${oldPath})` : '';
  const line = `${file}${what}`;
  return color ? `\u001b[1m${line}\u001b[0m` : line;
}

/** Text: each file, its changes by section, one sentence a line, then the findings and the briefs a profile affects. */
export function formatTextOutput(diffs: readonly FileDiff[], color: boolean, base?: string): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  if (diffs.length === 0) return base !== undefined ? `No briefs or profiles differ from ${base}.\n` : 'No changes by meaning.\n';
  const lines: string[] = [];
  for (const diff of diffs) {
    if (lines.length > 0) lines.push('');
    lines.push(header(diff.path, diff.oldPath, diff.status, color));
    if (diff.changes.length === 0) lines.push('  No changes by meaning (comments or layout only).');
    for (const [section, changes] of changesBySection(diff.changes)) {
      lines.push(`  ${paint('1', section)}`);
      for (const change of changes) lines.push(`    ${paint(COLORS[change.kind], CHANGE_MARKS[change.kind])} ${change.summary}`);
    }
    const findingLines = (delta: FindingsDelta, indent: string) => [
      ...delta.appeared.map((finding) => `${indent}${paint(finding.severity === 'error' ? '31' : '33', '+')} ${finding.summary}`),
      ...delta.disappeared.map((finding) => `${indent}${paint('32', '-')} ${finding.summary}`),
    ];
    if (!noFindingChanges(diff.findings)) {
      lines.push(`  ${paint('1', 'findings')}`);
      for (const line of findingLines(diff.findings, '    ')) lines.push(line);
    }
    if (diff.affects) {
      lines.push(`  ${paint('1', 'briefs that follow this profile')}${diff.affects.length === 0 ? ': none found' : ''}`);
      for (const brief of diff.affects) {
        lines.push(`    ${brief.path}${noFindingChanges(brief.findings) ? ': findings unchanged' : ''}`);
        for (const line of findingLines(brief.findings, '      ')) lines.push(line);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown for a pull-request comment: a heading a bot can find its comment by, then each file. */
export function formatMarkdown(diffs: readonly FileDiff[], base?: string): string {
  const lines = ['<!-- hire-diff -->', `### Hiring briefs: changes by meaning${base !== undefined ? ` since \`${escapeCode(base)}\`` : ''}`, ''];
  if (diffs.length === 0) lines.push('No briefs or profiles changed.', '');
  for (const diff of diffs) {
    const what = diff.status === 'added' ? ' (new)' : diff.status === 'deleted' ? ' (deleted)' : diff.oldPath !== undefined ? ` (renamed from \`${escapeCode(diff.oldPath)}\`)` : '';
    lines.push(`#### \`${escapeCode(diff.path)}\`${what}`, '');
    if (diff.changes.length === 0) lines.push('No changes by meaning (comments or layout only).', '');
    for (const [section, changes] of changesBySection(diff.changes)) {
      lines.push(`**${escapeMarkdown(section)}**`, '');
      for (const change of changes) lines.push(`- ${escapeMarkdown(change.summary)}`);
      lines.push('');
    }
    const findingItems = (delta: FindingsDelta, indent = '') => [
      ...delta.appeared.map((finding: FindingChange) => `${indent}- ${finding.severity === 'error' ? '❌' : '⚠️'} ${escapeMarkdown(finding.summary)}`),
      ...delta.disappeared.map((finding: FindingChange) => `${indent}- ✅ ${escapeMarkdown(finding.summary)}`),
    ];
    if (!noFindingChanges(diff.findings)) {
      lines.push('**Findings**', '');
      for (const line of findingItems(diff.findings)) lines.push(line);
      lines.push('');
    }
    if (diff.affects) {
      lines.push(`**Briefs that follow this profile**${diff.affects.length === 0 ? ': none found' : ''}`, '');
      for (const brief of diff.affects) {
        lines.push(`- \`${escapeCode(brief.path)}\`${noFindingChanges(brief.findings) ? ': findings unchanged' : ''}`);
        for (const line of findingItems(brief.findings, '  ')) lines.push(line);
      }
      if (diff.affects.length > 0) lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** User text in Markdown: no markup, no HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|]/g, '\\$&').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A path in a code span: backticks cannot be escaped there, so they are replaced. */
function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}
