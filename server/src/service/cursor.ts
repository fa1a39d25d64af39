/**
 * Where the cursor is in a brief: the path of keys and list indices at an
 * offset, and what is being written there. Completion reads the structure
 * from the text around the cursor and the indentation of the lines above it,
 * because a half-typed line often does not parse and an empty line holds no
 * node; hover reads the parsed tree.
 */
import * as YAML from 'yaml';
import { keyName, nodeSpan, type ParsedDocument, type Span } from './parse';
import { schemaOf, type JsonSchema } from './validation';

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
  /** Whether the cursor is inside a flow list (`[a, |]`). */
  readonly flow: boolean;
  /** For `key`: the keys the mapping has on other lines, read from the text (a half-typed key spoils the tree). */
  readonly keys: readonly string[];
  /** Whether a `:` follows the word on its line (an existing key being edited). */
  readonly colonAfter: boolean;
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
  const lines = splitLines(text);
  const lineIndex = lineAt(lines, offset);
  const line = lines[lineIndex];
  const column = offset - line.start;
  if (commentStart(line.text) < column) return undefined;
  let start = column;
  while (start > 0 && WORD_CHAR.test(line.text[start - 1])) start--;
  let end = column;
  while (end < line.text.length && WORD_CHAR.test(line.text[end])) end++;
  const base = {
    word: { start: line.start + start, end: line.start + end },
    column: start,
    colonAfter: /^[ \t]*:/.test(line.text.slice(end)),
  };

  const bracket = openBracket(line.text.slice(0, start));
  if (bracket !== undefined) {
    if (line.text[bracket] !== '[') return undefined;
    const shape = shapeOf(line.text.slice(0, bracket));
    if (shape.rest !== bracket) return undefined;
    const path = containerPath(lines, lineIndex, bracket, shape.openers);
    return path && { ...base, kind: 'item', path, flow: true, keys: [] };
  }

  const shape = shapeOf(line.text.slice(0, start));
  if (shape.rest !== start) return undefined;
  const path = containerPath(lines, lineIndex, start, shape.openers);
  if (!path) return undefined;
  const last = shape.openers.at(-1);
  if (!last) return { ...base, kind: 'key', path, flow: false, keys: siblingKeys(lines, lineIndex, start) };
  if (last.key === undefined) return { ...base, kind: 'item', path: path.slice(0, -1), flow: false, keys: [] };
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

/** The brief schema of the node at a path (`$ref`s resolved); undefined where the schema allows nothing. */
export function schemaAt(path: readonly PathSegment[]): JsonSchema | undefined {
  const root = schemaOf('brief');
  let schema: JsonSchema | undefined = root;
  for (const segment of path) {
    if (!schema) return undefined;
    const additional: JsonSchema | undefined = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    const next: JsonSchema | undefined = typeof segment === 'number' ? schema.items : (schema.properties?.[segment] ?? additional);
    // A `$ref` gives the definition; the referring schema's own fields (its description) win.
    schema = next?.$ref ? { ...root.definitions?.[next.$ref.replace('#/definitions/', '')], ...next, $ref: undefined } : next;
  }
  return schema;
}

/** A path as a pattern, list indices written `*`: `questions.*.id`. */
export function pathPattern(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
}

interface Line {
  readonly start: number;
  readonly text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r?\n/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ start, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, text: text.slice(start) });
  return lines;
}

function lineAt(lines: readonly Line[], offset: number): number {
  let index = 0;
  while (index + 1 < lines.length && lines[index + 1].start <= offset) index++;
  return index;
}

/** Where a comment starts on a line (its length when there is none), outside quotes. */
function commentStart(text: string): number {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]))) {
      return index;
    }
  }
  return text.length;
}

/** The column of the innermost unclosed `[` or `{` of a line's start; undefined when all are closed or nested. */
function openBracket(text: string): number | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[' || char === '{') {
      open.push(index);
    } else if (char === ']' || char === '}') {
      open.pop();
    }
  }
  return open.length === 1 ? open[0] : undefined;
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
function containerPath(lines: readonly Line[], lineIndex: number, column: number, openers: readonly Opener[]): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let limit = column;
  let afterDash = false;
  for (let index = lineIndex; index >= 0 && (limit > 0 || afterDash); index--) {
    const shape = index === lineIndex ? undefined : shapeOf(lines[index].text);
    for (const opener of [...(shape?.openers ?? openers)].reverse()) {
      const parent = opener.column < limit || (afterDash && opener.key !== undefined && opener.column === limit);
      if (!parent) continue;
      if (opener.key !== undefined && shape && opener === shape.openers.at(-1) && shape.rest < shape.text.trimEnd().length) {
        if (/^[|>]/.test(shape.text.slice(shape.rest))) return undefined;
        continue;
      }
      path.unshift(opener.key ?? itemIndex(lines, index, opener.column));
      limit = opener.column;
      afterDash = opener.key === undefined;
    }
  }
  return path;
}

/** The index in its list of the item whose dash is at a column of a line. */
function itemIndex(lines: readonly Line[], lineIndex: number, column: number): number {
  let index = 0;
  for (let above = lineIndex - 1; above >= 0; above--) {
    const shape = shapeOf(lines[above].text);
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
 * holds that line: up to and including the first key of a list item, down to
 * the next less indented line.
 */
function siblingKeys(lines: readonly Line[], lineIndex: number, column: number): string[] {
  const above: string[] = [];
  const below: string[] = [];
  const visit = (index: number, keys: string[]): boolean => {
    const shape = shapeOf(lines[index].text);
    const first = shape.openers[0];
    if (!first) return !shape.text.trim() || shape.indent >= column;
    const key = shape.openers.find((opener) => opener.column === column && opener.key !== undefined)?.key;
    const stop = first.column < column;
    // Above, the line that stops the scan may hold the item's first key (`- id: a`); below, it starts another item.
    if (key !== undefined && (keys === above || !stop)) keys.push(key);
    return !stop;
  };
  for (let index = lineIndex - 1; index >= 0 && visit(index, above); index--);
  for (let index = lineIndex + 1; index < lines.length && visit(index, below); index++);
  return [...above.reverse(), ...below];
}
