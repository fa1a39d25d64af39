/**
 * Incremental parsing: the parse of a new version from the previous one,
 * re-parsing only the part the edit touched.
 *
 * The edited region is the difference between the two texts (common prefix
 * and suffix). A brief's root is a block mapping whose keys start at column 0;
 * each top-level pair, and each item of a top-level block list, is a unit
 * that YAML reads the same alone as in the document. When the edit lies
 * inside one unit's content, only that unit's new text is parsed; its nodes
 * replace the old ones, every later node's range shifts by the length change,
 * and the plain value is updated at that unit only (unchanged parts keep their
 * value objects, so validation results cached per value stay valid).
 *
 * Anything the units cannot be sure of falls back to a full parse: syntax
 * errors or warnings before or after, anchors or aliases, several documents,
 * flow or non-block roots, edits touching a unit's first character, its
 * trailing lines or another unit, comments after a unit's content, lines
 * that would end the unit early (column 0, document markers).
 *
 * The previous version's tree is reused and updated in place: once a newer
 * version is parsed, the older ParsedDocument must not be read again.
 */
import * as YAML from 'yaml';
import { parseOptions, type ParsedDocument } from './parse';
import { MAX_ALIAS_COUNT, parseWithinLimits } from './limits';

/** Parses of documents known to hold no anchors or aliases. */
const withoutAnchors = new WeakSet<ParsedDocument>();

/** A unit of the document: a top-level pair or an item of a top-level list. */
interface Unit {
  /** The unit's first character (its key, or its `-`). */
  readonly start: number;
  /** Where the next unit's line starts (or the end of the text). */
  readonly next: number;
  /** The column of the unit's first character. */
  readonly column: number;
}

/**
 * The parse of `text` made by updating the previous version's parse, or
 * undefined when only a full parse is sound.
 */
export function reparse(previous: ParsedDocument, version: number, text: string): ParsedDocument | undefined {
  const old = previous.text;
  const document = previous.yaml;
  const root = document?.contents;
  if (!document || !YAML.isMap(root) || root.flow || previous.problems.length || previous.extraDocuments.length) return undefined;
  if (document.errors.length || document.warnings.length || !isPlainObject(previous.value) || !hasNoAnchors(previous)) return undefined;

  if (text === old) return result(previous, version, text, previous.value);

  // The edited region: old [from, oldTo) became new [from, oldTo + delta).
  const from = commonPrefix(old, text);
  const tail = commonSuffix(old, text, Math.min(old.length, text.length) - from);
  const oldTo = old.length - tail;
  const delta = text.length - old.length;

  const pairIndex = unitIndex(root.items.map((pair) => (pair.key as YAML.Node | null)?.range?.[0] ?? -1), from);
  if (pairIndex < 0) return undefined;
  const pair = root.items[pairIndex];
  const key = pair.key;
  if (!YAML.isScalar(key) || typeof key.value !== 'string' || key.value === '__proto__') return undefined;
  const pairUnit: Unit = { start: key.range![0], next: root.items[pairIndex + 1]?.key ? (root.items[pairIndex + 1].key as YAML.Node).range![0] : old.length, column: 0 };
  if (pairUnit.start === 0 || old.charCodeAt(pairUnit.start - 1) !== 10) return undefined;

  // An item of a top-level block list, when the edit lies inside one.
  const list = pair.value;
  if (YAML.isSeq(list) && !list.flow && list.items.length > 0) {
    const dashes = list.items.map((item) => dashOf(old, item as YAML.Node | null));
    const itemIndex = dashes.every((dash) => dash >= 0) ? unitIndex(dashes, from) : -1;
    if (itemIndex >= 0) {
      const column = dashes[itemIndex] - lineStart(old, dashes[itemIndex]);
      const nextDash = dashes[itemIndex + 1];
      const unit: Unit = { start: dashes[itemIndex], next: nextDash === undefined ? pairUnit.next : nextDash - column, column };
      if (dashes.every((dash) => dash - lineStart(old, dash) === column)) {
        const slice = sliceOf(old, text, unit, from, oldTo, delta);
        if (slice) {
          const parsed = parseUnit(slice.text, column);
          if (!parsed || !YAML.isSeq(parsed.contents) || parsed.contents.items.length !== 1) return undefined;
          const item = parsed.contents.items[0] as YAML.Node;
          if (!YAML.isNode(item) || !item.range || item.range[0] !== column + 2) return undefined;
          const oldItem = list.items[itemIndex] as YAML.Node;
          shiftTree(item, unit.start - column);
          copyLeading(oldItem, item);
          shiftAfter(document, oldTo, delta);
          list.items[itemIndex] = item as YAML.ParsedNode;
          const value = { ...previous.value };
          if (!Array.isArray(value[key.value])) return undefined;
          const items = [...(value[key.value] as unknown[])];
          items[itemIndex] = (parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown[])[0];
          value[key.value] = items;
          return result(previous, version, text, value);
        }
      }
    }
  }

  const slice = sliceOf(old, text, pairUnit, from, oldTo, delta);
  if (!slice) return undefined;
  const parsed = parseUnit(slice.text, 0);
  if (!parsed || !YAML.isMap(parsed.contents) || parsed.contents.items.length !== 1) return undefined;
  const newPair = parsed.contents.items[0];
  const newKey = newPair.key;
  if (!YAML.isScalar(newKey) || newKey.value !== key.value || newKey.range?.[0] !== 0) return undefined;
  shiftTree(newKey, pairUnit.start);
  if (YAML.isNode(newPair.value)) shiftTree(newPair.value, pairUnit.start);
  copyLeading(key, newKey);
  shiftAfter(document, oldTo, delta);
  root.items[pairIndex] = newPair;
  const value = { ...previous.value, [key.value]: (parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>)[key.value] };
  return result(previous, version, text, value);
}

/** Characters compared at once: string equality runs natively, far faster than a loop over characters. */
const CHUNK = 2048;

/** The length of the longest common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  let from = 0;
  while (from + CHUNK <= shortest && a.slice(from, from + CHUNK) === b.slice(from, from + CHUNK)) from += CHUNK;
  while (from < shortest && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  return from;
}

/** The length of the longest common suffix of two strings, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let tail = 0;
  while (tail + CHUNK <= limit && a.slice(a.length - tail - CHUNK, a.length - tail) === b.slice(b.length - tail - CHUNK, b.length - tail)) tail += CHUNK;
  while (tail < limit && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return tail;
}

function result(previous: ParsedDocument, version: number, text: string, value: Record<string, unknown>): ParsedDocument {
  const parsed: ParsedDocument = { uri: previous.uri, version, text, yaml: previous.yaml, extraDocuments: [], problems: [], value };
  withoutAnchors.add(parsed);
  return parsed;
}

/** The index of the unit (by sorted start offsets) whose content may hold an edit starting at `from`. */
function unitIndex(starts: readonly number[], from: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle] < from) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found >= 0 && starts[found] >= 0 ? found : -1;
}

/**
 * The new text of a unit when the edit lies inside its content: after its
 * first character, and before the line break that ends its last line of
 * content; nothing but blank lines may follow that line in the unit.
 */
function sliceOf(old: string, text: string, unit: Unit, from: number, oldTo: number, delta: number): { text: string } | undefined {
  if (from <= unit.start || oldTo > unit.next) return undefined;
  const oldEnd = contentEnd(old, unit.start, unit.next);
  if (oldEnd < 0 || oldTo > oldEnd) return undefined;
  const newEnd = contentEnd(text, unit.start, unit.next + delta);
  if (newEnd < 0 || newEnd !== oldEnd + delta) return undefined;
  const slice = text.slice(unit.start, newEnd + 1);
  // A line at or left of the unit's column would end it (or the document) early.
  for (let index = slice.indexOf('\n'); index >= 0 && index < slice.length - 1; index = slice.indexOf('\n', index + 1)) {
    let column = 0;
    while (slice.charCodeAt(index + 1 + column) === 32) column++;
    const next = slice.charCodeAt(index + 1 + column);
    if (column <= unit.column && next !== 10 && next !== 13 && next !== 35 /* # */) return undefined;
    if (next === 9 /* tab */) return undefined;
  }
  return { text: slice };
}

/**
 * The offset of the line break ending the last line of content in
 * [start, next); -1 when a comment line or no line break follows it.
 */
function contentEnd(text: string, start: number, next: number): number {
  let end = next;
  for (;;) {
    const lineBreak = text.lastIndexOf('\n', end - 1);
    if (lineBreak < start) return -1;
    const line = text.slice(text.lastIndexOf('\n', lineBreak - 1) + 1, lineBreak);
    if (line.trim() === '' && lineBreak > start) {
      end = lineBreak;
      continue;
    }
    if (/^\s*#/.test(line) && lineBreak - line.length > start) return -1;
    // A line of content; the break after it must be the unit's own.
    return text.slice(lineBreak + 1, next).trim() === '' ? lineBreak : -1;
  }
}

/** Parses a unit's text alone, indented to its column; undefined on any problem or anchor. */
function parseUnit(slice: string, column: number): YAML.Document.Parsed | undefined {
  // A unit is nested at most one level below the root (a list item): a unit near a limit gets a full parse.
  const { documents } = parseWithinLimits(' '.repeat(column) + slice, parseOptions, 1);
  if (documents?.length !== 1) return undefined;
  const [document] = documents;
  if (document.errors.length || document.warnings.length || document.comment || document.commentBefore || hasAnchors(document)) return undefined;
  return document;
}

/** The offset of the `-` that starts a list item, or -1. */
function dashOf(text: string, item: YAML.Node | null): number {
  const start = item?.range?.[0];
  if (start === undefined) return -1;
  let dash = start - 1;
  while (dash >= 0 && text.charCodeAt(dash) === 32) dash--;
  if (text.charCodeAt(dash) !== 45 || dash === start - 1) return -1;
  const lineBegin = lineStart(text, dash);
  for (let index = lineBegin; index < dash; index++) if (text.charCodeAt(index) !== 32) return -1;
  return dash;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The comment and blank lines before a unit belong to the unit before it: keep what the old node had. */
function copyLeading(from: YAML.Node, to: YAML.Node): void {
  if (from.commentBefore !== undefined) to.commentBefore = from.commentBefore;
  if (from.spaceBefore !== undefined) to.spaceBefore = from.spaceBefore;
}

/** Adds an offset to every range in a subtree. */
function shiftTree(node: YAML.Node, by: number): void {
  const range = node.range as [number, number, number] | undefined;
  if (range) {
    range[0] += by;
    range[1] += by;
    range[2] += by;
  }
  if (YAML.isMap(node) || YAML.isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (YAML.isPair(item)) {
        if (YAML.isNode(item.key)) shiftTree(item.key, by);
        if (YAML.isNode(item.value)) shiftTree(item.value, by);
      } else if (YAML.isNode(item)) {
        shiftTree(item, by);
      }
    }
  }
}

/** Moves every range bound at or after `at` by `delta`, skipping subtrees that end before it. */
function shiftAfter(document: YAML.Document.Parsed, at: number, delta: number): void {
  if (delta === 0) return;
  const shift = (range: number[]) => {
    for (let index = 0; index < range.length; index++) if (range[index] >= at) range[index] += delta;
  };
  shift(document.range);
  const visit = (node: unknown): void => {
    if (!YAML.isNode(node)) return;
    const range = node.range;
    if (!range || range[2] < at) return;
    shift(range);
    if (YAML.isMap(node) || YAML.isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (YAML.isPair(item)) {
          visit(item.key);
          visit(item.value);
        } else {
          visit(item);
        }
      }
    }
  };
  visit(document.contents);
}

function hasNoAnchors(parsed: ParsedDocument): boolean {
  if (withoutAnchors.has(parsed)) return true;
  if (!parsed.yaml || hasAnchors(parsed.yaml)) return false;
  withoutAnchors.add(parsed);
  return true;
}

function hasAnchors(document: YAML.Document): boolean {
  let found = false;
  YAML.visit(document, (_, node) => {
    if (YAML.isAlias(node) || (YAML.isNode(node) && node.anchor)) {
      found = true;
      return YAML.visit.BREAK;
    }
    return undefined;
  });
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
