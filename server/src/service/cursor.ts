/**
 * Where the cursor is in a brief or a profile: the path of keys and list
 * indices at an offset, and what is being written there. Completion reads
 * the structure from the text around the cursor and the indentation of the
 * lines above it, because a half-typed line often does not parse and an
 * empty line holds no node; hover reads the parsed tree. What a place means
 * comes from the document's schema, and, in a profile, from the profile it
 * extends.
 */
import * as YAML from 'yaml';
import { keyName, nodeSpan, type ParsedDocument, type Span } from './parse';
import { MAX_DEPTH } from './limits';

/** A step of a path: a mapping key or a list index. */
export type PathSegment = string | number;

/** What the cursor is writing, for completion. */
export interface CursorContext {
  /**
   * `key`: a key of the mapping at `path`;
   * `value`: the scalar value of the pair at `path` (its last segment is the key);
   * `item`: a scalar or a new item of the list at `path`.
   */
  readonly kind: 'key' | 'value' | 'item';
  readonly path: readonly PathSegment[];
  /** The partly typed word around the cursor, which a completion replaces. */
  readonly word: Span;
  /** The column where the word starts: the indentation of what is written. */
  readonly column: number;
  /** Whether the cursor is inside a flow collection (`[a, |]`, `{a: 1, |}`), on the line of its bracket or below it. */
  readonly flow: boolean;
  /** For `key`: the keys the mapping has on other lines, or in its other entries in flow, read from the text (a half-typed key spoils the tree). */
  readonly keys: readonly string[];
  /** Whether a `:` follows the word on its line (an existing key being edited). */
  readonly colonAfter: boolean;
  /** Whether anything but a comment follows the word on its line: a completion of several lines would leave it on its last. */
  readonly textAfter: boolean;
}

/** The node under the cursor in the parsed tree. */
export interface NodeAt {
  /** The path of the pair (for a key) or of the value under the cursor. */
  readonly path: readonly PathSegment[];
  /** The key scalar or the value node under the cursor. */
  readonly node: YAML.Node;
  /** Whether the node is the key of a mapping pair. */
  readonly isKey: boolean;
}

/** What opens a nested node on a line: a list dash, or a key with its `:`. */
interface Opener {
  readonly column: number;
  /** The key's name; undefined for a dash. */
  readonly key?: string;
}

/** The structure of a line: its indentation, openers and where the rest starts. */
interface Shape {
  readonly indent: number;
  readonly openers: readonly Opener[];
  /** The column after the last opener and its spaces. */
  readonly rest: number;
  /** The line up to a comment. */
  readonly text: string;
}

const WORD_CHAR = /[A-Za-z0-9_.\-]/;
/**
 * A key at the start of a text: quoted, or plain up to the first `: `. The
 * plain key takes any `:` not followed by a space, and its trailing spaces
 * are trimmed after the match: a lazy key followed by `[ \t]*` took time
 * quadratic in the length of a line of spaces.
 */
const KEY = /^(?:("[^"]*"|'[^']*')[ \t]*|([^\s'"#[\]{},](?:[^#:]|:(?![ \t]|$))*)):(?=[ \t]|$)/;

/** What the cursor at an offset is writing; undefined in comments, quoted or multi-word text. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lines = new Lines(text);
  const line = lines.at(lines.startOf(offset));
  const column = offset - line.start;
  const comment = commentStart(line.text);
  if (comment < column) return undefined;
  let start = column;
  while (start > 0 && WORD_CHAR.test(line.text[start - 1])) start--;
  let end = column;
  while (end < line.text.length && WORD_CHAR.test(line.text[end])) end++;
  const after = line.text.slice(end, Math.max(end, comment));
  const base = {
    word: { start: line.start + start, end: line.start + end },
    column: start,
    colonAfter: /^[ \t]*:/.test(after),
    textAfter: after.trim() !== '',
  };

  const brackets = openBrackets(lines, line, start);
  if (brackets.length) {
    const outer = flowStart(brackets);
    if (outer) return flowContext(lines, line, start, end, outer, base);
    // After `[`, `{`, `,` or `:` a bracket opens a collection nested in one whose start is lost; after other text it is a character of a plain scalar.
    const inner = brackets[0];
    if (/[[{,:][ \t]*$/.test(inner.line.text.slice(0, inner.column))) return undefined;
  }

  const shape = shapeOf(line.text.slice(0, start));
  if (shape.rest !== start) return undefined;
  // On the dash of an existing item (`|- id: a`, `-| id: a`) nothing can be written: the item's content follows.
  if (line.text[start] === '-' && end === start + 1 && base.textAfter) return undefined;
  const path = containerPath(lines, line.start, start, shape.openers);
  if (!path) return undefined;
  const last = shape.openers.at(-1);
  if (!last) return { ...base, kind: 'key', path, flow: false, keys: siblingKeys(lines, line.start, start) };
  if (last.key === undefined) {
    // After an item's dash, a word before a `:` (`- |id: a`) or a place above the item's keys is a key of the item, not a new item.
    const keys = siblingKeys(lines, line.start, start, false);
    if (base.colonAfter || keys.length) return { ...base, kind: 'key', path, flow: false, keys };
    return { ...base, kind: 'item', path: path.slice(0, -1), flow: false, keys: [] };
  }
  return { ...base, kind: 'value', path, flow: false, keys: [] };
}

/** The key or value under the cursor in a parsed document. */
export function nodeAt(parsed: ParsedDocument, offset: number): NodeAt | undefined {
  let node: unknown = parsed.yaml?.contents;
  const path: PathSegment[] = [];
  const within = (candidate: unknown) => {
    const span = nodeSpan(candidate as YAML.Node);
    return !!span && span.start <= offset && offset < span.end;
  };
  for (;;) {
    if (YAML.isMap(node)) {
      const pair = node.items.find((item) => within(item.key) || within(item.value));
      if (!pair) return undefined;
      path.push(keyName(pair));
      if (within(pair.key)) return { path, node: pair.key as YAML.Node, isKey: true };
      node = pair.value;
    } else if (YAML.isSeq(node)) {
      const index = node.items.findIndex(within);
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    } else {
      return YAML.isScalar(node) && within(node) ? { path, node, isKey: false } : undefined;
    }
  }
}

/** A path as a pattern, list indices written `*`: `questions.*.id`. */
export function pathPattern(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
}

interface Line {
  readonly start: number;
  readonly text: string;
}

/**
 * The lines of a text, by the offset where each starts, read only when a
 * scan visits them: the scans above and below the cursor skip most lines by
 * their indentation alone, so a completion in a long brief reads little.
 */
class Lines {
  constructor(private readonly text: string) {}

  /** The start of the line that holds an offset. */
  startOf(offset: number): number {
    return offset <= 0 ? 0 : this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The start of the line before the one at `start`; -1 before the first. */
  previous(start: number): number {
    if (start === 0) return -1;
    return start < 2 ? 0 : this.text.lastIndexOf('\n', start - 2) + 1;
  }

  /** The start of the line after the one at `start`; -1 after the last. */
  next(start: number): number {
    const lineBreak = this.text.indexOf('\n', start);
    return lineBreak < 0 ? -1 : lineBreak + 1;
  }

  /** The line at `start`, without its line break (`\n` or `\r\n`). */
  at(start: number): Line {
    const lineBreak = this.text.indexOf('\n', start);
    if (lineBreak < 0) return { start, text: this.text.slice(start) };
    return { start, text: this.text.slice(start, lineBreak > start && this.text.charCodeAt(lineBreak - 1) === 13 ? lineBreak - 1 : lineBreak) };
  }

  /**
   * What a line's start tells without reading the line: `blank` for a line
   * of spaces and tabs or a comment; else the number of spaces and tabs it
   * starts with (its content starts at that column or further right), and
   * whether a list dash follows them.
   */
  margin(start: number): { readonly blank: true } | { readonly blank: false; readonly spaces: number; readonly dash: boolean } {
    let column = 0;
    let code = this.text.charCodeAt(start);
    while (code === 32 || code === 9) code = this.text.charCodeAt(start + ++column);
    const after = this.text.charCodeAt(start + column + 1);
    if (Number.isNaN(code) || code === 10 || code === 35 /* # */ || (code === 13 && after === 10)) return { blank: true };
    return { blank: false, spaces: column, dash: code === 45 /* - */ && (after === 32 || after === 9 || after === 10 || Number.isNaN(after)) };
  }
}

/**
 * Visits the characters of a line outside quoted scalars until `visit`
 * returns true; returns that index, or the line's length. A quote opens a
 * quoted scalar only where a scalar can start (the line's start, after white
 * space or `[{,`), so the apostrophe of `don't` is text; `\"` and `''`
 * (escapes) do not close one.
 */
function scanOutsideQuotes(text: string, visit: (char: string, index: number) => boolean | void): number {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\' && quote === '"') index++;
      else if (char === "'" && quote === "'" && text[index + 1] === "'") index++;
      else if (char === quote) quote = undefined;
    } else if ((char === '"' || char === "'") && (index === 0 || /[\s[{,]/.test(text[index - 1]))) {
      quote = char;
    } else if (visit(char, index)) {
      return index;
    }
  }
  return text.length;
}

/** Where a comment starts on a line (its length when there is none), outside quotes. */
function commentStart(text: string): number {
  return scanOutsideQuotes(text, (char, index) => char === '#' && (index === 0 || text[index - 1] === ' ' || text[index - 1] === '\t'));
}

/** The brackets of a line that its own text does not match: the columns of the unclosed `[` and `{`, and the number of `]` and `}` before them. */
function bracketsOf(text: string): { readonly open: readonly number[]; readonly closed: number } {
  const open: number[] = [];
  let closed = 0;
  scanOutsideQuotes(text, (char, index) => {
    if (char === '[' || char === '{') {
      open.push(index);
    } else if (char === ']' || char === '}') {
      if (open.length) open.pop();
      else closed++;
    }
  });
  return { open, closed };
}

/** The most lines read back from the cursor for the bracket of a flow collection that spans lines. */
const FLOW_LINES = 200;

/** An unclosed `[` or `{`: the line that holds it and its column. */
interface Bracket {
  readonly line: Line;
  readonly column: number;
}

/**
 * The unclosed brackets before a column of a line, innermost first: on that
 * line, and on the lines above for a flow collection that spans lines,
 * matching the brackets of the lines between. The search stops at a line no
 * flow collection's lines can cross (`crossesNoFlow`), the cursor's own line
 * included once it holds a bracket; and after `FLOW_LINES` lines. A bracket
 * found may still be text of a plain scalar (`ask: How [so`): `flowStart`
 * tells from what precedes it.
 */
function openBrackets(lines: Lines, line: Line, column: number): Bracket[] {
  const found: Bracket[] = [];
  const own = bracketsOf(line.text.slice(0, column));
  for (let index = own.open.length - 1; index >= 0; index--) found.push({ line, column: own.open[index] });
  if (found.length && crossesNoFlow(shapeOf(line.text.slice(0, column)))) return found;
  let pending = own.closed;
  let start = line.start;
  for (let count = 0; count < FLOW_LINES; count++) {
    start = lines.previous(start);
    if (start < 0) break;
    if (lines.margin(start).blank) continue;
    const above = lines.at(start);
    const shape = shapeOf(above.text);
    const { open, closed } = bracketsOf(shape.text);
    for (let index = open.length - 1 - pending; index >= 0; index--) found.push({ line: above, column: open[index] });
    pending = Math.max(0, pending - open.length) + closed;
    if (crossesNoFlow(shape)) break;
  }
  return found;
}

/** Whether no flow collection's lines can cross a line: it has a list dash, a key at column 0, or a key that opens a block (nothing after its `:`, or `|` or `>`). */
function crossesNoFlow(shape: Shape): boolean {
  const first = shape.openers[0];
  if (!first) return false;
  const last = shape.openers[shape.openers.length - 1];
  const value = shape.text.slice(shape.rest).trimEnd();
  return first.key === undefined || first.column === 0 || (last.key !== undefined && (value === '' || /^[|>]/.test(value)));
}

/**
 * The outermost of the unclosed brackets (innermost first) that starts a
 * flow collection: only openers (keys, dashes) precede it on its line, so it
 * is where the line's openers end. Brackets outside it are text of a plain
 * scalar on a line above.
 */
function flowStart(brackets: readonly Bracket[]): Bracket | undefined {
  let line: Line | undefined;
  let rest = -1;
  for (let index = brackets.length - 1; index >= 0; index--) {
    const bracket = brackets[index];
    // One shape per line: a line of many brackets is read once.
    if (bracket.line !== line) {
      line = bracket.line;
      rest = shapeOf(line.text).rest;
    }
    if (rest === bracket.column) return bracket;
  }
  return undefined;
}

/** An unclosed flow collection, read from its bracket to the cursor. */
interface FlowFrame {
  readonly open: '[' | '{';
  /** Where its current entry (item or pair) starts in the flow text. */
  start: number;
  /** The entries before the current one: the index of the current item. */
  items: number;
  /** For a mapping, the keys of the entries before the current one. */
  readonly keys: string[];
  /** Its place in the collection that holds it: an index or a key; undefined where that is no key or item (`{[a]: 1}`, `[a [b]]`). */
  readonly segment: PathSegment | undefined;
  /** Whether a nested collection closed in the current entry (what follows it is no start of another). */
  closed: boolean;
}

/**
 * The context inside a flow collection: the path through each unclosed
 * bracket from the outermost (whose own path is the block structure's), and
 * whether the cursor writes a key, a value or an item there.
 */
function flowContext(lines: Lines, line: Line, start: number, end: number, outer: Bracket, base: Pick<CursorContext, 'word' | 'column' | 'colonAfter' | 'textAfter'>): CursorContext | undefined {
  const path = containerPath(lines, outer.line.start, outer.column, shapeOf(outer.line.text.slice(0, outer.column)).openers);
  if (!path) return undefined;
  const text = flowText(lines, outer, line, start);
  const frames = flowFrames(text);
  if (!frames) return undefined;
  for (const frame of frames.slice(1)) {
    if (frame.segment === undefined) return undefined;
    path.push(frame.segment);
  }
  const inner = frames[frames.length - 1];
  const entry = text.slice(inner.start);
  if (!entry.trim() && !inner.closed) {
    if (inner.open === '[') return { ...base, kind: 'item', path, flow: true, keys: [] };
    return { ...base, kind: 'key', path, flow: true, keys: [...inner.keys, ...keysAfter(lines, line, end)] };
  }
  const pair = inner.open === '{' && !inner.closed ? entryKey(entry) : undefined;
  if (!pair || pair.rest.trim()) return undefined;
  return { ...base, kind: 'value', path: [...path, pair.key], flow: true, keys: [] };
}

/** The text from a flow collection's bracket to a column of a later (or the same) line, without comments; lines joined by `\n`. */
function flowText(lines: Lines, outer: Bracket, line: Line, column: number): string {
  if (outer.line.start === line.start) return line.text.slice(outer.column, column);
  const parts = [outer.line.text.slice(outer.column, Math.max(outer.column, commentStart(outer.line.text)))];
  for (let start = lines.next(outer.line.start); start >= 0 && start < line.start; start = lines.next(start)) {
    const text = lines.at(start).text;
    parts.push(text.slice(0, commentStart(text)));
  }
  parts.push(line.text.slice(0, column));
  return parts.join('\n');
}

/** The `[]{},` of a text outside quoted scalars, with their indices. */
function flowMarks(text: string): { readonly char: string; readonly index: number }[] {
  const marks: { char: string; index: number }[] = [];
  scanOutsideQuotes(text, (char, index) => {
    if (char === '[' || char === ']' || char === '{' || char === '}' || char === ',') marks.push({ char, index });
  });
  return marks;
}

/**
 * The collections still open at the end of a flow text that starts with the
 * outermost one's bracket, outermost first; undefined when that one closes
 * or the nesting is deeper than a brief may be.
 */
function flowFrames(text: string): FlowFrame[] | undefined {
  const frames: FlowFrame[] = [];
  for (const { char, index } of flowMarks(text)) {
    const top = frames[frames.length - 1];
    if (char === '[' || char === '{') {
      if (frames.length >= MAX_DEPTH) return undefined;
      frames.push({ open: char, start: index + 1, items: 0, keys: [], segment: top && !top.closed ? segmentOf(top, text.slice(top.start, index)) : undefined, closed: false });
    } else if (char === ',') {
      if (!top) return undefined;
      const key = top.open === '{' ? entryKey(text.slice(top.start, index))?.key : undefined;
      if (key !== undefined) top.keys.push(key);
      top.items++;
      top.start = index + 1;
      top.closed = false;
    } else {
      frames.pop();
      const parent = frames[frames.length - 1];
      if (!parent) return undefined;
      parent.closed = true;
    }
  }
  return frames.length ? frames : undefined;
}

/** The place in a flow collection of a collection nested in it, from the text of its entry before the bracket: an index, or the key before `:`. */
function segmentOf(parent: FlowFrame, before: string): PathSegment | undefined {
  if (parent.open === '[') return before.trim() ? undefined : parent.items;
  const pair = entryKey(before);
  return pair && !pair.rest.trim() ? pair.key : undefined;
}

/** The key of a flow mapping's entry and the text after its `:`; undefined when the entry has no key yet. */
function entryKey(entry: string): { readonly key: string; readonly rest: string } | undefined {
  const text = entry.trimStart();
  const match = KEY.exec(text);
  return match ? { key: match[1]?.slice(1, -1) ?? match[2].trimEnd(), rest: text.slice(match[0].length) } : undefined;
}

/**
 * The keys of the entries after the cursor's in its flow mapping, from a
 * column of its line to the mapping's closing bracket, on that line and the
 * lines below (within `FLOW_LINES`, up to a line no flow collection crosses).
 */
function keysAfter(lines: Lines, line: Line, column: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  // The text of the entry being read; undefined while in the cursor's own entry.
  let entry: string | undefined;
  let text = line.text.slice(column, Math.max(column, commentStart(line.text)));
  let start = line.start;
  for (let count = 0; count < FLOW_LINES; count++) {
    let from = 0;
    for (const { char, index } of flowMarks(text)) {
      if (char === '[' || char === '{') {
        depth++;
      } else if (depth > 0 && char !== ',') {
        depth--;
      } else if (depth === 0) {
        const key = entry === undefined ? undefined : entryKey(entry + text.slice(from, index))?.key;
        if (key !== undefined) keys.push(key);
        if (char !== ',') return keys;
        entry = '';
        from = index + 1;
      }
    }
    // The cursor's entry ends with its line when nothing follows the cursor there: the next line writes another entry.
    if (entry !== undefined) entry += `${text.slice(from)}\n`;
    else if (!text.slice(from).trim()) entry = '';
    start = lines.next(start);
    if (start < 0) break;
    const shape = lines.margin(start).blank ? undefined : shapeOf(lines.at(start).text);
    if (shape && crossesNoFlow(shape)) break;
    text = shape?.text ?? '';
  }
  return keys;
}

function shapeOf(line: string): Shape {
  const text = line.slice(0, commentStart(line));
  const indent = text.length - text.trimStart().length;
  const openers: Opener[] = [];
  let column = indent;
  const skipSpaces = () => {
    while (column < text.length && (text[column] === ' ' || text[column] === '\t')) column++;
  };
  while (column < text.length) {
    if (text[column] === '-' && (column + 1 === text.length || /[ \t]/.test(text[column + 1]))) {
      openers.push({ column });
      column++;
      skipSpaces();
      continue;
    }
    const match = KEY.exec(text.slice(column));
    if (match) {
      openers.push({ column, key: match[1]?.slice(1, -1) ?? match[2].trimEnd() });
      column += match[0].length;
      skipSpaces();
    }
    break;
  }
  return { indent, openers, rest: column, text };
}

/**
 * The path of the node that holds content starting at a column of a line,
 * given the openers before it on that line: each opener to its left, then
 * each less indented key or dash above, is an ancestor. A key with an inline
 * value above is no ancestor; one with a block scalar (`|`, `>`) means the
 * cursor is inside text, and there is no path.
 */
function containerPath(lines: Lines, lineStart: number, column: number, openers: readonly Opener[]): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let limit = column;
  let afterDash = false;
  for (let start = lineStart; start >= 0 && (limit > 0 || afterDash); start = lines.previous(start)) {
    let shape: Shape | undefined;
    if (start !== lineStart) {
      // A line whose openers all start at or right of the limit holds no ancestor: a dash at the limit is a sibling item.
      const margin = lines.margin(start);
      if (margin.blank || margin.spaces > limit || (margin.spaces === limit && (!afterDash || margin.dash))) continue;
      shape = shapeOf(lines.at(start).text);
    }
    const lineOpeners = shape?.openers ?? openers;
    // A line nesting deeper than a brief may (`- - - …`) has no context worth the time: each dash counts the items above.
    if (lineOpeners.length > MAX_DEPTH) return undefined;
    for (const opener of [...lineOpeners].reverse()) {
      const parent = opener.column < limit || (afterDash && opener.key !== undefined && opener.column === limit);
      if (!parent) continue;
      if (opener.key !== undefined && shape && opener === shape.openers.at(-1) && shape.rest < shape.text.trimEnd().length) {
        if (/^[|>]/.test(shape.text.slice(shape.rest))) return undefined;
        continue;
      }
      path.unshift(opener.key ?? itemIndex(lines, start, opener.column));
      limit = opener.column;
      afterDash = opener.key === undefined;
    }
  }
  return path;
}

/** The index in its list of the item whose dash is at a column of a line. */
function itemIndex(lines: Lines, lineStart: number, column: number): number {
  let index = 0;
  for (let above = lines.previous(lineStart); above >= 0; above = lines.previous(above)) {
    const margin = lines.margin(above);
    if (margin.blank || margin.spaces > column) continue;
    if (margin.spaces === column && margin.dash) {
      index++;
      continue;
    }
    const shape = shapeOf(lines.at(above).text);
    const first = shape.openers[0];
    if (!first) {
      if (shape.text.trim() && shape.indent < column) break;
      continue;
    }
    if (shape.openers.some((opener) => opener.key === undefined && opener.column === column)) index++;
    if (first.column < column || (first.column === column && first.key !== undefined)) break;
  }
  return index;
}

/**
 * The keys at a column on the lines around a line, within the mapping that
 * holds that line: up to and including the first key of a list item (none
 * above when `scanAbove` is false: the line is the item's first), down to the
 * next less indented line.
 */
function siblingKeys(lines: Lines, lineStart: number, column: number, scanAbove = true): string[] {
  const above: string[] = [];
  const below: string[] = [];
  const visit = (start: number, keys: string[]): boolean => {
    const margin = lines.margin(start);
    if (margin.blank || margin.spaces > column) return true;
    const shape = shapeOf(lines.at(start).text);
    const first = shape.openers[0];
    if (!first) return !shape.text.trim() || shape.indent >= column;
    const key = shape.openers.find((opener) => opener.column === column && opener.key !== undefined)?.key;
    const stop = first.column < column;
    // Above, the line that stops the scan may hold the item's first key (`- id: a`); below, it starts another item.
    if (key !== undefined && (keys === above || !stop)) keys.push(key);
    return !stop;
  };
  for (let start = scanAbove ? lines.previous(lineStart) : -1; start >= 0 && visit(start, above); start = lines.previous(start));
  for (let start = lines.next(lineStart); start >= 0 && visit(start, below); start = lines.next(start));
  return [...above.reverse(), ...below];
}
