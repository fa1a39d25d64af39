/**
 * Scorecards on the command line: the brief a scorecard names, read from
 * disk for `hire check`; `hire new --scorecard` (a new scorecard for a
 * brief); and `hire compare` (the candidates of a brief side by side, from
 * the scorecards that name it).
 */
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BRIEF_LANGUAGE_ID, SCORECARD_LANGUAGE_ID } from '../service/names';
import { SCORECARD_SUFFIX } from '../service/documents';
import type { LanguageService } from '../service/languageService';
import { readScorecard, resolveBriefUri } from '../service/model/scorecard';
import { compareScorecards, comparisonHtml, comparisonJson, comparisonMarkdown, comparisonText, type ScorecardInput } from '../service/scorecard/compare';
import { readText } from './read';
import { findFiles, InputError } from './files';
import { writeOutput } from './output';

/** The URI of a file, as the service names documents. */
export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
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

/** The options of `hire new --scorecard`. */
export interface NewScorecardOptions {
  readonly scorecard: string;
  readonly candidate?: string;
  readonly interviewer?: string;
  readonly stage?: string;
  readonly out?: string;
  readonly force?: boolean;
}

/** The form of ids, stages included. */
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Writes a new scorecard for a brief to stdout or `--out`: its `brief` is the
 * brief's path relative to the file written (to the working folder for
 * stdout). Throws InputError for a missing option or a brief that cannot be read.
 */
export function runNewScorecard(service: LanguageService, options: NewScorecardOptions): number {
  const missing = (['candidate', 'interviewer'] as const).filter((key) => !options[key]?.trim());
  if (missing.length) throw new InputError(`--scorecard needs ${missing.map((key) => `--${key} NAME`).join(' and ')}`);
  if (options.stage !== undefined && !ID.test(options.stage)) throw new InputError(`--stage '${options.stage}': a stage is a kebab-case id, such as interview or phone-screen`);
  const brief = TextDocument.create(fileUri(options.scorecard), BRIEF_LANGUAGE_ID, 1, readText(options.scorecard));
  const folder = options.out === undefined ? process.cwd() : path.dirname(path.resolve(options.out));
  const relative = path.relative(folder, path.resolve(options.scorecard)).split(path.sep).join('/');
  const text = service.newScorecard(brief, { brief: relative, candidate: options.candidate!.trim(), interviewer: options.interviewer!.trim(), stage: options.stage });
  if (text === undefined) throw new InputError(`${options.scorecard}: is not a brief (its root is not a mapping)`);
  writeOutput(text, { out: options.out, force: options.force, inputs: [options.scorecard] });
  if (options.out !== undefined) process.stderr.write(`Created ${options.out} for ${options.candidate!.trim()}: rate each question, then choose a recommendation.\n`);
  return 0;
}

/** The output formats of `hire compare`. */
export const COMPARE_FORMATS = ['text', 'json', 'md', 'html'] as const;

/** The options of `hire compare`. */
export interface CompareOptions {
  readonly format: (typeof COMPARE_FORMATS)[number];
  /** Folders searched for scorecards; the brief's folder (and those below it) by default. */
  readonly scores?: readonly string[];
  readonly out?: string;
  readonly force?: boolean;
}

/**
 * Runs `hire compare`: reads every scorecard under the folders that names the
 * brief, and prints the candidates side by side. Throws InputError (exit 2)
 * for a brief that cannot be read or is no brief, and for a folder that
 * cannot be searched.
 */
export function runCompare(service: LanguageService, briefFile: string, options: CompareOptions): number {
  const brief = TextDocument.create(fileUri(briefFile), BRIEF_LANGUAGE_ID, 1, readText(briefFile));
  const facts = service.briefForScoring(brief);
  if (!facts) throw new InputError(`${briefFile}: is not a brief (its root is not a mapping)`);
  const target = canonical(path.resolve(briefFile));
  const folders = options.scores?.length ? options.scores : [path.dirname(briefFile)];
  const inputs: ScorecardInput[] = [];
  for (const file of findFiles(folders, [SCORECARD_SUFFIX])) {
    if (!file.endsWith(SCORECARD_SUFFIX)) continue;
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      process.stderr.write(`hire: ${(error as Error).message}; left out\n`);
      continue;
    }
    const document = TextDocument.create(fileUri(file), SCORECARD_LANGUAGE_ID, 1, text);
    const card = readScorecard(service.parse(document));
    service.close(document.uri);
    const uri = card?.brief && resolveBriefUri(document.uri, card.brief.path);
    if (!card || !uri || !uri.startsWith('file:') || canonical(fileURLToPath(uri)) !== target) continue;
    inputs.push({ path: file.split(path.sep).join('/'), card });
  }
  const comparison = compareScorecards(briefFile.split(path.sep).join('/'), facts, inputs);
  const formats = {
    text: () => comparisonText(comparison, facts),
    json: () => comparisonJson(comparison),
    md: () => comparisonMarkdown(comparison, facts),
    html: () => comparisonHtml(comparison, facts),
  };
  writeOutput(formats[options.format](), { out: options.out, force: options.force, inputs: [briefFile, ...inputs.map((input) => input.path)] });
  return 0;
}

/** A path with its links resolved, where it exists. */
function canonical(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
