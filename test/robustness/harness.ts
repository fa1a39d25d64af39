/**
 * The fuzz harness: runs every feature of the language service on a text and
 * returns what went wrong. A feature must not throw, must answer within a
 * bound of CPU time, must give ranges inside the document, and a code action must keep
 * the user's text: an action that adds something keeps every character of the
 * document in order, one that changes a value replaces only that value.
 * A text may come with the version before it, so the incremental parse of
 * the edit is run too and compared with a fresh parse. A process warning
 * (`process.on('warning')`, such as the YAML library's) while a case runs is
 * a failure of that case: warnings are findings or nothing, never stderr.
 */
import { isDeepStrictEqual } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { ADD_MISSING_KIND, type AddMissingScope } from '../../server/src/service/codeActions';
import { formatBrief } from '../../server/src/service/format';
import { getLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { parseText } from '../../server/src/service/parse';
import { RENDER_FORMATS, RENDER_VIEWS } from '../../server/src/service/render';

/** A case: the text to check, and optionally the version before it (its edit is parsed incrementally). */
export interface FuzzCase {
  readonly text: string;
  readonly before?: string;
  /** Whether the text is a role profile (`*.hire-profile.yaml`) rather than a brief. */
  readonly profile?: boolean;
}

/** How a profile case's fixture file name ends (`fixtures/<name>.hire-profile.json`); a brief's is `<name>.json`. */
export const PROFILE_FIXTURE = '.hire-profile.json';

/**
 * How long one call may take on an input of this length, in milliseconds of
 * CPU time (`cpuMilliseconds`): generous. The bound catches a feature that
 * hangs or grows out of hand on some input; CPU time, not the clock, so that
 * other processes on a busy machine do not count.
 */
export function callBound(length: number): number {
  return 2000 + length / 100;
}

/** The CPU time this process has used since `started` (a `process.cpuUsage()`), in milliseconds. */
export function cpuMilliseconds(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** The most diagnostics of a case whose quick fixes are computed and checked. */
const MAX_FIXED = 40;

/** The service every case runs on: one, as in the server, so its caches see many documents. */
const service = getLanguageService();
let cases = 0;

/** The process warnings emitted since the last case took them. */
const warnings: string[] = [];
process.on('warning', (warning) => warnings.push(`${warning.name}: ${warning.message}`));

/**
 * Runs every feature on a case; resolves with the failures (empty when all
 * is well), among them any process warning the case emitted (a warning is
 * emitted on the next tick, so the case waits for it).
 */
export function checkCase(fuzzCase: FuzzCase): Promise<string[]> {
  return withWarnings(() => runCase(fuzzCase));
}

/** The failures `run` returns, and a failure for each process warning emitted while it ran. */
export async function withWarnings(run: () => string[]): Promise<string[]> {
  warnings.length = 0;
  const failures = run();
  await new Promise((resolve) => setImmediate(resolve));
  for (const warning of warnings.splice(0)) failures.push(`a process warning: ${warning}`);
  return failures;
}

/** Runs every feature on a case; returns the failures. */
function runCase(fuzzCase: FuzzCase): string[] {
  const uri = fuzzCase.profile ? `file:///fuzz/case-${++cases}.hire-profile.yaml` : `file:///fuzz/case-${++cases}.hire.yaml`;
  const languageId = fuzzCase.profile ? 'hire-profile-yaml' : 'hire-yaml';
  const failures: string[] = [];
  const bound = callBound(Math.max(fuzzCase.text.length, fuzzCase.before?.length ?? 0));
  const call = <T>(name: string, run: () => T): T | undefined => {
    const started = process.cpuUsage();
    try {
      return run();
    } catch (error) {
      failures.push(`${name} threw: ${(error as Error).stack ?? error}`);
      return undefined;
    } finally {
      const took = cpuMilliseconds(started);
      if (took > bound) failures.push(`${name} took ${Math.round(took)} ms of CPU time (bound ${Math.round(bound)} ms)`);
    }
  };
  try {
    if (fuzzCase.before !== undefined) {
      const first = TextDocument.create(uri, languageId, 1, fuzzCase.before);
      if (fuzzCase.profile) call('read the profile (version before)', () => service.updateProfile(first));
      call('validate (version before)', () => service.validate(first));
    }
    const document = TextDocument.create(uri, languageId, 2, fuzzCase.text);
    // A profile is in the registry before it is validated, as the server does it.
    if (fuzzCase.profile) call('read the profile', () => service.updateProfile(document));
    const ranges = new RangeChecker(document, failures);
    const diagnostics = call('validate', () => service.validate(document)) ?? [];
    for (const diagnostic of diagnostics) ranges.check(`diagnostic ${diagnostic.code}`, diagnostic.range);
    if (fuzzCase.before !== undefined) compareWithFreshParse(document, diagnostics, failures);

    for (const position of positions(document)) {
      const where = `${position.line}:${position.character}`;
      const completions = call(`completion at ${where}`, () => service.doComplete(document, position));
      for (const item of completions?.items ?? []) {
        const edit = item.textEdit;
        if (edit && 'range' in edit) ranges.check(`completion '${item.label}' at ${where}`, edit.range);
        if (edit && 'insert' in edit) {
          ranges.check(`completion '${item.label}' (insert) at ${where}`, edit.insert);
          ranges.check(`completion '${item.label}' (replace) at ${where}`, edit.replace);
        }
        for (const extra of item.additionalTextEdits ?? []) ranges.check(`completion '${item.label}' extra edit at ${where}`, extra.range);
      }
      const hover = call(`hover at ${where}`, () => service.doHover(document, position));
      if (hover?.range) ranges.check(`hover at ${where}`, hover.range);
    }

    const symbols = call('symbols', () => service.findDocumentSymbols(document)) ?? [];
    const stack = [...symbols];
    while (stack.length) {
      const symbol = stack.pop()!;
      ranges.check(`symbol ${symbol.name}`, symbol.range);
      ranges.check(`symbol ${symbol.name} selection`, symbol.selectionRange);
      if (!contains(symbol.range, symbol.selectionRange)) failures.push(`symbol ${symbol.name}: selection range outside its range`);
      stack.push(...(symbol.children ?? []));
    }

    for (const lens of call('code lens', () => service.getCodeLenses(document, diagnostics)) ?? []) ranges.check('code lens', lens.range);

    // Quick fixes for up to MAX_FIXED diagnostics spread over the list: a user asks for those at the cursor, and a
    // fuzzed text may have thousands (each fix parses the text again).
    const step = Math.max(1, Math.ceil(diagnostics.length / MAX_FIXED));
    for (const diagnostic of diagnostics.filter((_, index) => index % step === 0)) {
      const actions = call(`code actions for ${diagnostic.code}`, () => service.getCodeActions(document, diagnostic.range, { diagnostics: [diagnostic] }, diagnostics)) ?? [];
      for (const action of actions) checkAction(document, action, diagnostic, ranges, failures);
    }
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const source = call('fix-all source action', () => service.getCodeActions(document, zero, { diagnostics: [], only: [ADD_MISSING_KIND] }, diagnostics)) ?? [];
    for (const action of source) checkAction(document, action, undefined, ranges, failures);
    for (const scope of ['questions', 'skills', 'all'] as AddMissingScope[]) {
      const edit = call(`add missing ${scope}`, () => service.getAddMissingEdit(document, scope, diagnostics));
      if (edit) checkAction(document, { title: `Add missing (${scope})`, edit }, undefined, ranges, failures);
    }

    for (const format of RENDER_FORMATS) {
      for (const view of RENDER_VIEWS) {
        const rendered = call(`render ${format} ${view}`, () => service.render(document, { format, view }));
        const markup = format === 'html' && rendered && activeMarkup(rendered.content);
        if (markup) failures.push(`render html ${view}: the fragment holds active markup: ${markup}`);
      }
    }

    const formatted = call('format', () => formatBrief(fuzzCase.text));
    if (formatted?.text !== undefined && formatted.text !== fuzzCase.text) {
      const before = parseText(uri, 1, fuzzCase.text);
      const after = parseText(uri, 1, formatted.text);
      if (!isDeepStrictEqual(before.value, after.value)) failures.push('format changed the value of the brief');
    }
  } finally {
    service.close(uri);
    if (fuzzCase.profile) service.profiles.delete(uri);
  }
  return failures;
}

/**
 * Markup in rendered HTML that could run or load something: an element other
 * than the renderer's own, an event handler attribute, a link to a script.
 * Attribute values are left out first (the renderer escapes quotes in them).
 */
function activeMarkup(html: string): string | undefined {
  const tags = html.replace(/"[^"]*"/g, '""');
  return tags.match(/<(script|iframe|img|object|embed|svg|math|form|input|base|meta|link|style|video|audio|source)\b[^>]*>|<[^>]*\son\w+\s*=[^>]*>/i)?.[0] ??
    html.match(/\b(href|src)\s*=\s*"\s*(javascript|data|vbscript):[^"]*"/i)?.[0];
}

/** The cursor positions a case is probed at: start, end, the middle, and the start, middle and end of three lines. */
function positions(document: TextDocument): Position[] {
  const text = document.getText();
  const offsets = new Set([0, text.length, text.length >> 1]);
  const lines = document.lineCount;
  for (const line of [1, lines >> 1, lines - 1]) {
    if (line < 0 || line >= lines) continue;
    const start = document.offsetAt({ line, character: 0 });
    const end = document.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    offsets.add(start).add(end).add((start + end) >> 1);
  }
  return [...offsets].map((offset) => document.positionAt(offset));
}

/** Checks that ranges lie inside a document: line < lineCount, character <= the line's length, start before end. */
class RangeChecker {
  private readonly lengths: number[];

  constructor(private readonly document: TextDocument, private readonly failures: string[]) {
    this.lengths = document.getText().split(/\r\n|\r|\n/).map((line) => line.length);
  }

  check(what: string, range: Range | undefined): void {
    if (!range) {
      this.failures.push(`${what}: no range`);
      return;
    }
    for (const position of [range.start, range.end]) {
      const inside =
        Number.isInteger(position.line) && Number.isInteger(position.character) &&
        position.line >= 0 && position.line < this.document.lineCount &&
        position.character >= 0 && position.character <= this.lengths[position.line];
      if (!inside) this.failures.push(`${what}: position ${position.line}:${position.character} is outside the document`);
    }
    if (before(range.end, range.start)) this.failures.push(`${what}: range ends before it starts`);
  }
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function contains(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

/** The actions that only add text: every character of the document stays, in order, and edits replace only whitespace. */
const ADDING = /^(Add|Waive) /;

/** What an adding action may replace: whitespace around an empty collection or empty value. */
const EMPTY_VALUE = /^\s*(\{\s*\}|\[\s*\]|~|null)?\s*$/;

/** The actions that change one value or key: each edit replaces exactly that token (quoted or not). */
const CHANGING = /^(Change to|Rename to) '/;

/** The action that removes a waiver of nothing: whole lines, those of that `waive` entry (and the `waive:` line when it was the only one). */
const REMOVING = /^Remove the waiver of '(.+)'$/s;

/** Checks an action's edits: inside the document, not overlapping, and keeping the user's text. */
function checkAction(document: TextDocument, action: CodeAction, diagnostic: Diagnostic | undefined, ranges: RangeChecker, failures: string[]): void {
  const name = `action '${action.title}'`;
  const changes = action.edit?.changes ?? {};
  for (const uri of Object.keys(changes)) if (uri !== document.uri) failures.push(`${name}: edits another document (${uri})`);
  const edits: TextEdit[] = changes[document.uri] ?? [];
  if (action.edit?.documentChanges) failures.push(`${name}: uses documentChanges`);
  for (const edit of edits) ranges.check(name, edit.range);
  const text = document.getText();
  const spans = edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText })).sort((a, b) => a.start - b.start);
  for (let index = 1; index < spans.length; index++) if (spans[index].start < spans[index - 1].end) failures.push(`${name}: edits overlap`);
  const result = TextDocument.applyEdits(document, edits);

  if (ADDING.test(action.title)) {
    // An empty collection (`{}`, `[]`) or an empty value (`~`, `null`) may give way to the items added. An edit
    // of several changes is a line diff, which may replace text it writes again, in order, with the additions.
    let kept = '';
    let from = 0;
    for (const span of spans) {
      const replaced = text.slice(span.start, span.end);
      if (!EMPTY_VALUE.test(replaced) && firstLost(replaced, span.newText) >= 0) failures.push(`${name}: replaces ${JSON.stringify(replaced.slice(0, 80))}`);
      kept += text.slice(from, span.start);
      from = span.end;
    }
    kept += text.slice(from);
    const lost = firstLost(kept, result);
    if (lost >= 0) failures.push(`${name}: loses the character at offset ${lost} (${JSON.stringify(kept.slice(Math.max(0, lost - 20), lost + 20))})`);
  } else if (CHANGING.test(action.title)) {
    const data = diagnostic?.data as { value?: unknown; key?: unknown } | undefined;
    const expected = String(data?.key ?? data?.value ?? '');
    for (const span of spans) {
      const replaced = text.slice(span.start, span.end).replace(/^(['"])(.*)\1$/s, '$2');
      if (replaced !== expected) failures.push(`${name}: replaces ${JSON.stringify(replaced.slice(0, 80))}, not the value ${JSON.stringify(expected)}`);
    }
    if (spans.length !== 1) failures.push(`${name}: ${spans.length} edits for one value`);
  } else if (REMOVING.test(action.title)) {
    const id = REMOVING.exec(action.title)![1];
    for (const span of spans) {
      const removed = text.slice(span.start, span.end);
      const wholeLines = (span.start === 0 || text[span.start - 1] === '\n') && (removed.endsWith('\n') || span.end === text.length);
      if (span.newText !== '' || !wholeLines) failures.push(`${name}: removes ${JSON.stringify(removed.slice(0, 80))}, not whole lines`);
      const first = removed.trimStart();
      if (![`${id}:`, `"${id}"`, `'${id}'`].some((key) => first.startsWith(key)) && !/^waive[ \t]*:/.test(first)) failures.push(`${name}: removes ${JSON.stringify(removed.slice(0, 80))}`);
    }
  } else if (edits.length === 0 && action.command) {
    // A command (select the placeholder): the text stays as it is.
  } else {
    failures.push(`${name}: an action the harness does not know; say what its edits may replace`);
  }
}

/** The offset of the first character of `original` missing from `result` in order; -1 when it is a subsequence. */
function firstLost(original: string, result: string): number {
  let next = 0;
  for (let index = 0; index < original.length; index++) {
    next = result.indexOf(original[index], next);
    if (next < 0) return index;
    next++;
  }
  return -1;
}

/** The findings of the incrementally parsed version must be those of a fresh parse of the same text. */
function compareWithFreshParse(document: TextDocument, diagnostics: readonly Diagnostic[], failures: string[]): void {
  const other = freshService();
  // Another name of the same kind (`*.fresh.hire.yaml`, `*.fresh.hire-profile.yaml`); a profile is in that service's registry while it is checked.
  const uri = document.uri.replace(/(\.hire(?:-profile)?\.yaml)$/, '.fresh$1');
  const copy = TextDocument.create(uri, document.languageId, 1, document.getText());
  const profile = document.languageId === 'hire-profile-yaml';
  if (profile) other.updateProfile(copy);
  const fresh = other.validate(copy);
  other.close(uri);
  if (profile) other.profiles.delete(uri);
  const show = (list: readonly Diagnostic[]) => JSON.stringify(list.map((d) => [d.code, d.range, d.message]));
  if (show(fresh) !== show(diagnostics)) failures.push(`the incremental parse's findings differ from a fresh parse's:\n  incremental ${show(diagnostics).slice(0, 400)}\n  fresh       ${show(fresh).slice(0, 400)}`);
}

let fresh: LanguageService | undefined;
function freshService(): LanguageService {
  return (fresh ??= getLanguageService());
}
