/**
 * Minimal YAML text edits for code actions: add items to a list, entries to a
 * mapping, a new top-level section, or replace a scalar, leaving every byte
 * outside the inserted text as it was. Inserted YAML follows the file's
 * conventions (indentation, sequence style, line endings, flow or block
 * style); scalars are rendered by the `yaml` package so quoting is right.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { BRIEF_KEYS } from './model';
import { findPair, keyName, nodeSpan, parseOptions, parseText, toRange, type ParsedDocument, type Span } from './parse';

/** A replacement of a span of a text by new text, in UTF-16 offsets of that text. */
export interface Splice extends Span {
  readonly text: string;
}

/** A change to a document, computed on its current parse; undefined when it does not apply. */
export type Change = (parsed: ParsedDocument) => Splice[] | undefined;

/** A list rendered in flow style (`[a, b]`) inside inserted block YAML. */
export class FlowList {
  /** Wraps the items to render in flow style. */
  constructor(readonly items: readonly unknown[]) {}
}

/** The conventions of a file that inserted text follows. */
export interface Layout {
  readonly eol: '\n' | '\r\n';
  /** Spaces a nested mapping is indented by. */
  readonly indent: number;
  /** Spaces a block sequence's `- ` is indented by under its key (0: at the key's column). */
  readonly seqOffset: number;
  /** Whether top-level sections with nested content are separated by blank lines. */
  readonly blankBetweenSections: boolean;
}

/** Detects a file's layout from its text and tree; defaults follow the example of docs/format.md. */
export function detectLayout(parsed: ParsedDocument): Layout {
  const text = parsed.text;
  const newline = text.indexOf('\n');
  const eol = newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
  let indent: number | undefined;
  let seqOffset: number | undefined;
  if (parsed.yaml) {
    YAML.visit(parsed.yaml, {
      Pair(_, pair) {
        const keyStart = nodeSpan(pair.key as YAML.Node)?.start;
        const value = pair.value;
        if (keyStart === undefined || !YAML.isCollection(value) || value.flow || !value.range) return;
        const offset = column(text, value.range[0]) - column(text, keyStart);
        if (YAML.isMap(value) && indent === undefined && offset > 0) indent = offset;
        if (YAML.isSeq(value) && seqOffset === undefined) seqOffset = Math.max(0, offset);
        if (indent !== undefined && seqOffset !== undefined) return YAML.visit.BREAK;
      },
    });
  }
  indent ??= seqOffset || 2;
  return { eol, indent, seqOffset: seqOffset ?? indent, blankBetweenSections: sectionsSeparated(parsed) };
}

function sectionsSeparated(parsed: ParsedDocument): boolean {
  const root = parsed.yaml?.contents;
  if (!YAML.isMap(root)) return false;
  const text = parsed.text;
  return root.items.slice(1).some((pair) => {
    const start = nodeSpan(pair.key as YAML.Node)?.start;
    if (start === undefined || !YAML.isCollection(pair.value)) return false;
    // The lines above the key, read back past comments: is the first other one blank?
    for (let end = text.lastIndexOf('\n', start - 1); end >= 0; ) {
      const begin = end > 0 ? text.lastIndexOf('\n', end - 1) + 1 : 0;
      const line = text.slice(begin, end);
      if (!/^\s*#/.test(line)) return line.trim() === '';
      end = begin - 1;
    }
    return false;
  });
}

/**
 * The text and the edits that result from changes to a document. One change
 * gives its own splices as edits; several apply one after another, each on
 * the parse of the text before it, and the edits are the diff of the result.
 */
export function applyChanges(document: TextDocument, parsed: ParsedDocument, changes: readonly Change[]): { text: string; edits: TextEdit[] } {
  if (changes.length === 1) {
    const splices = changes[0](parsed) ?? [];
    const edits = splices.map((splice) => ({ range: toRange(document, splice), newText: splice.text }));
    return { text: applySplices(parsed.text, splices), edits };
  }
  const text = applyInTurn(parsed, changes);
  return { text, edits: textEdits(document, text) };
}

/** Applies changes one after another, each on the parse of the text before it; skips those that do not apply. */
function applyInTurn(parsed: ParsedDocument, changes: readonly Change[]): string {
  let current = parsed;
  for (const change of changes) {
    const splices = change(current);
    if (!splices?.length) continue;
    current = parseText(parsed.uri, current.version, applySplices(current.text, splices));
  }
  return current.text;
}

/** A text with non-overlapping splices applied. */
function applySplices(text: string, splices: readonly Splice[]): string {
  let result = text;
  for (const splice of [...splices].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  }
  return result;
}

/** The most cells of the line table `textEdits` compares before it settles for one edit over the changed region. */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * The edits that turn a document's text into another text: one per changed
 * run of lines (a longest-common-subsequence diff), each trimmed to the
 * characters that differ, so unchanged text is never replaced.
 */
function textEdits(document: TextDocument, newText: string): TextEdit[] {
  const oldText = document.getText();
  if (oldText === newText) return [];
  const before = splitLines(oldText);
  const after = splitLines(newText);
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const hunks: { a: [number, number]; b: [number, number] }[] =
    a.length * b.length > MAX_DIFF_CELLS ? [{ a: [0, a.length], b: [0, b.length] }] : diffLines(a, b);
  const offsets = lineOffsets(before);
  const edits: TextEdit[] = [];
  for (const hunk of hunks) {
    const start = offsets[head + hunk.a[0]];
    const end = offsets[head + hunk.a[1]];
    const oldPart = oldText.slice(start, end);
    const newPart = b.slice(hunk.b[0], hunk.b[1]).join('');
    let prefix = 0;
    while (prefix < oldPart.length && prefix < newPart.length && oldPart[prefix] === newPart[prefix]) prefix++;
    let suffix = 0;
    while (suffix < oldPart.length - prefix && suffix < newPart.length - prefix && oldPart[oldPart.length - 1 - suffix] === newPart[newPart.length - 1 - suffix]) suffix++;
    const from = start + prefix;
    const to = end - suffix;
    const replacement = newPart.slice(prefix, newPart.length - suffix);
    // Old text that comes back whole inside the new (a last line without a line break) is kept: insert around it.
    const kept = to > from ? replacement.indexOf(oldText.slice(from, to)) : -1;
    if (kept >= 0) {
      if (kept > 0) edits.push({ range: { start: document.positionAt(from), end: document.positionAt(from) }, newText: replacement.slice(0, kept) });
      const after = replacement.slice(kept + to - from);
      if (after) edits.push({ range: { start: document.positionAt(to), end: document.positionAt(to) }, newText: after });
      continue;
    }
    edits.push({ range: { start: document.positionAt(from), end: document.positionAt(to) }, newText: replacement });
  }
  return edits;
}

/** Lines with their line breaks, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function lineOffsets(lines: readonly string[]): number[] {
  const offsets = [0];
  for (const line of lines) offsets.push(offsets[offsets.length - 1] + line.length);
  return offsets;
}

/** The runs of lines that differ between two lists, as half-open index ranges of each. */
function diffLines(a: readonly string[], b: readonly string[]): { a: [number, number]; b: [number, number] }[] {
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const hunks: { a: [number, number]; b: [number, number] }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const start: [number, number] = [i, j];
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i] === b[j])) {
      if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) j++;
      else i++;
    }
    hunks.push({ a: [start[0], i], b: [start[1], j] });
  }
  return hunks;
}

/**
 * Appends items to the top-level list `key`: at the end of a block sequence
 * (after comments indented under its last item), inside a flow sequence, or
 * as a new block list under an empty key or a new section.
 */
export function appendToList(parsed: ParsedDocument, key: string, items: readonly unknown[]): Splice[] | undefined {
  const root = parsed.yaml?.contents;
  if (!YAML.isMap(root) || items.length === 0) return undefined;
  const layout = detectLayout(parsed);
  const pair = findPair(root, key);
  if (!pair) return addSection(parsed, key, [...items]);
  const list = pair.value;
  const text = parsed.text;
  if (YAML.isSeq(list) && !list.flow && list.range) {
    const last = list.items.at(-1) as YAML.Node | undefined;
    const dash = column(text, list.range[0]);
    const end = nodeSpan(last)?.end;
    if (!last || end === undefined) return undefined;
    // Keep the gap between `-` and the item that the file uses.
    const gap = Math.max(2, column(text, nodeSpan(last)!.start) - dash);
    const at = skipOwnedComments(text, lineStartAfter(text, end), dash);
    const lines = items.flatMap((item) => sequenceItemLines(item, layout, gap));
    return [insertLines(text, at, indentLines(lines, dash), layout)];
  }
  if (isNullNode(list) || (YAML.isSeq(list) && list.items.length === 0)) {
    const keyColumn = column(text, nodeSpan(pair.key)!.start);
    const lines = items.flatMap((item) => sequenceItemLines(item, layout, 2));
    const splices = replaceEmptyValue(parsed, pair, indentLines(lines, keyColumn + layout.seqOffset), layout);
    if (splices) return splices;
  }
  return YAML.isSeq(list) && list.flow ? appendToFlow(text, list, items.map(renderFlow)) : undefined;
}

/**
 * Adds entries to the top-level mapping `key`: after its last pair (and the
 * comments indented under it), inside a flow mapping, or as a new block
 * mapping under an empty key or a new section.
 */
export function addToMap(parsed: ParsedDocument, key: string, entries: Readonly<Record<string, unknown>>): Splice[] | undefined {
  const root = parsed.yaml?.contents;
  if (!YAML.isMap(root) || Object.keys(entries).length === 0) return undefined;
  const layout = detectLayout(parsed);
  const pair = findPair(root, key);
  if (!pair) return addSection(parsed, key, { ...entries });
  const map = pair.value;
  const text = parsed.text;
  if (YAML.isMap(map) && !map.flow && map.items.length > 0) {
    const last = map.items.at(-1)!;
    const keyColumn = column(text, nodeSpan(map.items[0].key as YAML.Node)!.start);
    const end = nodeSpan(last)?.end;
    if (end === undefined) return undefined;
    const at = skipOwnedComments(text, lineStartAfter(text, end), keyColumn);
    return [insertLines(text, at, indentLines(blockLines(entries, layout), keyColumn), layout)];
  }
  if (isNullNode(map) || (YAML.isMap(map) && map.items.length === 0)) {
    const keyColumn = column(text, nodeSpan(pair.key)!.start);
    const splices = replaceEmptyValue(parsed, pair, indentLines(blockLines(entries, layout), keyColumn + layout.indent), layout);
    if (splices) return splices;
  }
  if (!YAML.isMap(map) || !map.flow) return undefined;
  // A flow mapping's entries: each rendered as `{k: v}` without its braces.
  return appendToFlow(text, map, Object.entries(entries).map(([name, value]) => renderFlow({ [name]: value }).slice(1, -1)));
}

/**
 * Adds entries to the item of the top-level block list `key` whose `id` (or,
 * for a shorthand item, whose scalar) is `id`: after the last pair of a block
 * mapping (and the comments indented under the item), inside a flow mapping,
 * or, for a plain or quoted scalar, by inserting `id: ` before it and the
 * entries on new lines aligned under `id`. Undefined when not exactly one
 * item has the id, the item already has one of the keys, or it is written in
 * a way these insertions would not keep (in a flow list, an alias, an anchor
 * or tag on the scalar, an explicit key).
 */
export function addToListItem(parsed: ParsedDocument, key: string, id: string, entries: Readonly<Record<string, unknown>>): Splice[] | undefined {
  const root = parsed.yaml?.contents;
  const list = YAML.isMap(root) ? findPair(root, key)?.value : undefined;
  const names = Object.keys(entries);
  if (!YAML.isSeq(list) || list.flow || !list.range || names.length === 0) return undefined;
  const matches = list.items.filter((item) => itemId(item) === id);
  const item = matches.length === 1 ? matches[0] : undefined;
  const text = parsed.text;
  const layout = detectLayout(parsed);
  const dash = column(text, list.range[0]);
  if (YAML.isMap(item)) {
    if (names.some((name) => findPair(item, name))) return undefined;
    if (item.flow) return appendToFlow(text, item, names.map((name) => renderFlow({ [name]: entries[name] }).slice(1, -1)));
    const first = nodeSpan(item.items[0]?.key as YAML.Node | undefined)?.start;
    const end = nodeSpan(item.items.at(-1))?.end;
    if (first === undefined || end === undefined || !startsItem(text, first)) return undefined;
    const at = skipOwnedComments(text, lineStartAfter(text, end), dash);
    return [insertLines(text, at, indentLines(blockLines(entries, layout), column(text, first)), layout)];
  }
  if (!YAML.isScalar(item) || names.includes('id') || item.anchor || item.tag) return undefined;
  const span = nodeSpan(item);
  const style = item.type;
  if (!span || (style !== 'PLAIN' && style !== 'QUOTE_DOUBLE' && style !== 'QUOTE_SINGLE')) return undefined;
  if (/[\r\n]/.test(text.slice(span.start, span.end)) || !startsItem(text, span.start)) return undefined;
  const at = skipOwnedComments(text, lineStartAfter(text, span.end), dash);
  return [
    { start: span.start, end: span.start, text: 'id: ' },
    insertLines(text, at, indentLines(blockLines(entries, layout), column(text, span.start)), layout),
  ];
}

/**
 * Adds a top-level section after the last section that comes before it in
 * docs/format.md's order (or after `after`, when given), separated by a blank line
 * if the file separates its sections so.
 */
export function addSection(parsed: ParsedDocument, key: string, value: unknown, after?: string): Splice[] | undefined {
  const root = parsed.yaml?.contents;
  if (!YAML.isMap(root) || findPair(root, key)) return undefined;
  const text = parsed.text;
  const layout = detectLayout(parsed);
  const anchor = (after !== undefined ? findPair(root, after) : undefined) ?? precedingSection(root, key);
  const first = root.items[0];
  const rootColumn = first ? column(text, nodeSpan(first.key as YAML.Node)!.start) : 0;
  const lines = indentLines(blockLines({ [key]: value }, layout), rootColumn);
  if (!anchor) {
    const at = first ? lineStart(text, nodeSpan(first.key as YAML.Node)!.start) : text.length;
    return [insertLines(text, at, lines, layout)];
  }
  const at = skipOwnedComments(text, lineStartAfter(text, nodeSpan(anchor)!.end), rootColumn);
  const separate = layout.blankBetweenSections && lines.length > 1;
  const nextLineBlank = at < text.length && /^[ \t]*\r?\n/.test(text.slice(at));
  const before = separate ? [''] : [];
  const afterLines = separate && at < text.length && !nextLineBlank ? [''] : [];
  return [insertLines(text, at, [...before, ...lines, ...afterLines], layout)];
}

/**
 * Removes the pair `key` from the top-level block mapping `section`: the
 * lines it is written on, or, when it is the mapping's only pair, those and
 * the section's key line. Comment lines are kept. Undefined for a flow
 * mapping, or a pair or key that shares a line with other text.
 */
export function removeFromMap(parsed: ParsedDocument, section: string, key: string): Splice[] | undefined {
  const sectionPair = findPair(parsed.yaml?.contents, section);
  const map = sectionPair?.value;
  const pair = findPair(map, key);
  if (!sectionPair || !YAML.isMap(map) || map.flow || !pair) return undefined;
  const text = parsed.text;
  const ownLines = (node: YAML.Node | YAML.Pair): Splice | undefined => {
    const span = nodeSpan(node);
    const keySpan = nodeSpan((YAML.isPair(node) ? node.key : node) as YAML.Node);
    if (!span || !keySpan || !/^[ \t]*$/.test(text.slice(lineStart(text, keySpan.start), keySpan.start))) return undefined;
    const end = lineStartAfter(text, span.end);
    // What follows on the pair's last line must be a comment at most.
    if (!/^[ \t]*(#[^\n]*)?\r?\n?$/.test(text.slice(span.end, end))) return undefined;
    return { start: lineStart(text, keySpan.start), end, text: '' };
  };
  const pairLines = ownLines(pair);
  if (!pairLines) return undefined;
  if (map.items.length > 1) return [pairLines];
  const keySpan = nodeSpan(sectionPair.key as YAML.Node);
  if (!keySpan || !/^[ \t]*:[ \t]*(#[^\n]*)?\r?\n/.test(text.slice(keySpan.end, lineStartAfter(text, keySpan.end)))) return undefined;
  return [{ start: lineStart(text, keySpan.start), end: lineStartAfter(text, keySpan.end), text: '' }, pairLines];
}

/**
 * Replaces a scalar that the diagnostic at `span` reported, when the text
 * there still holds `expected`, keeping its quoting style.
 */
export function replaceScalar(parsed: ParsedDocument, span: Span, expected: unknown, value: string): Splice[] | undefined {
  const raw = parsed.text.slice(span.start, span.end);
  let current: unknown;
  try {
    current = YAML.parse(raw, parseOptions);
  } catch {
    return undefined;
  }
  if (current !== expected) return undefined;
  const quote = raw[0];
  const rendered = quote === '"' ? JSON.stringify(value) : quote === "'" ? `'${value.replace(/'/g, "''")}'` : renderScalar(value);
  return [{ start: span.start, end: span.end, text: rendered }];
}

/** The last section before `key` in docs/format.md's order; the last section for a key outside it. */
function precedingSection(root: YAML.YAMLMap, key: string): YAML.Pair | undefined {
  const order = BRIEF_KEYS as readonly string[];
  const rank = order.indexOf(key);
  if (rank < 0) return root.items.at(-1);
  let anchor: YAML.Pair | undefined;
  for (const pair of root.items) {
    const other = order.indexOf(keyName(pair));
    if (other >= 0 && other < rank) anchor = pair;
  }
  return anchor;
}

/** Splices that turn an empty value (`key:`, `key: ~`, `key: []`, `key: {}`) into block lines under the key. */
function replaceEmptyValue(parsed: ParsedDocument, pair: YAML.Pair, lines: string[], layout: Layout): Splice[] | undefined {
  const text = parsed.text;
  const keySpan = nodeSpan(pair.key as YAML.Node)!;
  const valueSpan = nodeSpan(pair.value as YAML.Node);
  const splices: Splice[] = [];
  let end = keySpan.end;
  if (valueSpan && valueSpan.end > valueSpan.start) {
    const token = text.slice(valueSpan.start, valueSpan.end);
    // Only a one-line empty value is replaced: a comment inside `[ ]` must stay.
    if (/[\n#]/.test(token)) return undefined;
    let start = valueSpan.start;
    while (start > keySpan.end && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    if (text[start - 1] !== ':') start = valueSpan.start;
    splices.push({ start, end: valueSpan.end, text: '' });
    end = valueSpan.end;
  }
  const keyColumn = column(text, keySpan.start);
  const at = skipOwnedComments(text, lineStartAfter(text, end), keyColumn);
  splices.push(insertLines(text, at, lines, layout));
  return splices;
}

/** The id of a list item: a scalar's value, or the value of a mapping's `id` scalar. */
function itemId(item: unknown): unknown {
  if (YAML.isScalar(item)) return item.value;
  const value = YAML.isMap(item) ? findPair(item, 'id')?.value : undefined;
  return YAML.isScalar(value) ? value.value : undefined;
}

/** Whether only a sequence item's `- ` (or indentation) comes before `offset` on its line. */
function startsItem(text: string, offset: number): boolean {
  return /^ *(- +)?$/.test(text.slice(lineStart(text, offset), offset));
}

/** Inserts flow-rendered items before a flow collection's closing bracket. */
function appendToFlow(text: string, collection: YAML.YAMLSeq | YAML.YAMLMap, rendered: string[]): Splice[] | undefined {
  if (!collection.range) return undefined;
  const last = collection.items.at(-1) as YAML.Node | YAML.Pair | undefined;
  if (last) {
    const end = nodeSpan(last)?.end;
    return end === undefined ? undefined : [{ start: end, end, text: rendered.map((item) => `, ${item}`).join('') }];
  }
  const close = collection.range[1] - 1;
  if (text[close] !== ']' && text[close] !== '}') return undefined;
  return [{ start: close, end: close, text: rendered.join(', ') }];
}

/** A splice inserting whole lines at the start of a line, or after the last line when the text has no final line break. */
function insertLines(text: string, at: number, lines: readonly string[], layout: Layout): Splice {
  const body = lines.join(layout.eol);
  if (at === text.length && text.length > 0 && !text.endsWith('\n')) return { start: at, end: at, text: layout.eol + body };
  return { start: at, end: at, text: body + layout.eol };
}

/** The lines of a sequence item: `- ` then the item, its further lines aligned under its first. */
function sequenceItemLines(item: unknown, layout: Layout, gap: number): string[] {
  const lines = isBlock(item) ? blockLines(item, layout) : [renderInline(item)];
  return lines.map((line, index) => (index === 0 ? `-${' '.repeat(gap - 1)}${line}` : line && ' '.repeat(gap) + line));
}

/** Block YAML for a value, at column 0: a mapping's pairs or a sequence's items. */
function blockLines(value: unknown, layout: Layout): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => sequenceItemLines(item, layout, 2));
  const lines: string[] = [];
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    if (!isBlock(child)) {
      lines.push(`${renderScalar(name)}: ${renderInline(child)}`);
      continue;
    }
    lines.push(`${renderScalar(name)}:`);
    for (const line of indentLines(blockLines(child, layout), Array.isArray(child) ? layout.seqOffset : layout.indent)) lines.push(line);
  }
  return lines;
}

/** Whether a value is rendered as block lines: a non-empty list or mapping. */
function isBlock(value: unknown): value is unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'object' && value !== null && !(value instanceof FlowList) && Object.keys(value).length > 0;
}

/** A scalar, flow list or empty collection on one line. */
function renderInline(value: unknown): string {
  if (value instanceof FlowList) return renderFlow([...value.items]);
  if (typeof value === 'object' && value !== null) return renderFlow(value);
  return renderScalar(value);
}

/** A scalar as block YAML writes it, quoted where needed, always on one line. */
function renderScalar(value: unknown): string {
  const rendered = YAML.stringify(value, { lineWidth: 0 }).trimEnd();
  return rendered.includes('\n') ? JSON.stringify(value) : rendered;
}

/** A value in flow style on one line: `[a, b]`, `{id: a, ask: "…"}`. */
function renderFlow(value: unknown): string {
  const document = new YAML.Document(withoutFlowLists(value));
  if (YAML.isCollection(document.contents)) document.contents.flow = true;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/** A value with its FlowLists as plain arrays: inside flow style, every list is flow already. */
function withoutFlowLists(value: unknown): unknown {
  if (value instanceof FlowList) return value.items.map(withoutFlowLists);
  if (Array.isArray(value)) return value.map(withoutFlowLists);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutFlowLists(item)]));
  return value;
}

function indentLines(lines: readonly string[], spaces: number): string[] {
  const pad = ' '.repeat(spaces);
  return lines.map((line) => (line ? pad + line : line));
}

/** Whether a node is an empty or explicit null value (`key:`, `key: ~`, `key: null`). */
function isNullNode(node: unknown): boolean {
  return node === null || (YAML.isScalar(node) && node.value === null);
}

/** The offset of the start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The column of an offset, in UTF-16 code units. */
function column(text: string, offset: number): number {
  const start = lineStart(text, offset);
  // A byte order mark before the first line takes no column: YAML ignores it.
  return start === 0 && text.charCodeAt(0) === 0xfeff ? Math.max(0, offset - 1) : offset - start;
}

/** The start of the line after the one holding the end `offset` (itself, when a node's span ends with its line break). */
function lineStartAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Moves past the comment-only lines indented deeper than `ownerColumn`: they belong to what precedes them. */
function skipOwnedComments(text: string, at: number, ownerColumn: number): number {
  let position = at;
  for (;;) {
    const match = /^( *)#[^\n]*(\n|$)/.exec(text.slice(position, text.indexOf('\n', position) + 1 || text.length));
    if (!match || match[1].length <= ownerColumn || match[0].length === 0) return position;
    position += match[0].length;
    if (position >= text.length) return text.length;
  }
}
