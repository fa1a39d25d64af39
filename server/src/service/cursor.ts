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
import type { Brief } from './brief';
import { keyName, nodeSpan, type ParsedDocument, type Span } from './parse';
import type { Profile, ProfileRegistry } from './profiles';
import { schemaOf, type JsonSchema, type SchemaKind } from './validation';
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
  /** Whether the cursor is inside a flow list (`[a, |]`), on the line of its `[` or below it. */
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
  const lines = new Lines(text);
  const line = lines.at(lines.startOf(offset));
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

  const bracket = enclosingBracket(lines, line, start);
  if (bracket) {
    const before = bracket.line.text.slice(0, bracket.column);
    const shape = shapeOf(before);
    if (shape.rest === bracket.column) {
      if (bracket.line.text[bracket.column] !== '[') return undefined;
      const path = containerPath(lines, bracket.line.start, bracket.column, shape.openers);
      return path && { ...base, kind: 'item', path, flow: true, keys: [] };
    }
    // After `[`, `{`, `,` or `:` a bracket opens a collection nested in a flow one, which has no context; after other text it is a character of a plain scalar.
    if (/[[{,:][ \t]*$/.test(before)) return undefined;
  }

  const shape = shapeOf(line.text.slice(0, start));
  if (shape.rest !== start) return undefined;
  const path = containerPath(lines, line.start, start, shape.openers);
  if (!path) return undefined;
  const last = shape.openers.at(-1);
  if (!last) return { ...base, kind: 'key', path, flow: false, keys: siblingKeys(lines, line.start, start) };
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

/** The schema of the node at a path of a brief or a profile (`$ref`s resolved); undefined where the schema allows nothing. */
export function schemaAt(path: readonly PathSegment[], kind: SchemaKind = 'brief'): JsonSchema | undefined {
  const root = schemaOf(kind);
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

/**
 * The profile a profile document extends, inheritance applied. `model` is the
 * document's mapping as `readBrief` reads it (a profile's `skills` and
 * `questions` have the same shape), from the tree, so that the parent is known
 * while a line is half typed. Undefined without `extends`, for an unknown id,
 * or when the profile names itself.
 */
export function parentProfile(model: Brief | undefined, profiles: ProfileRegistry): Profile | undefined {
  const text = (key: string) => {
    const value = model?.sections.get(key)?.value;
    return YAML.isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
  };
  const parent = text('extends');
  return parent === undefined || parent === text('id') ? undefined : profiles.get(parent);
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
 * The innermost unclosed bracket before a column of a line: on that line, or
 * on a line above for a flow collection that spans lines, matching the
 * brackets of the lines between. The search stops at a line no flow
 * collection's lines can cross: a list dash, a key at column 0, or a key that
 * opens a block (nothing after its `:`, or `|` or `>`); and after
 * `FLOW_LINES` lines. A bracket found may still be text of a plain scalar
 * (`ask: How [so`): the caller tells from what precedes it.
 */
function enclosingBracket(lines: Lines, line: Line, column: number): Bracket | undefined {
  const own = bracketsOf(line.text.slice(0, column));
  if (own.open.length) return { line, column: own.open[own.open.length - 1] };
  let pending = own.closed;
  let start = line.start;
  for (let count = 0; count < FLOW_LINES; count++) {
    start = lines.previous(start);
    if (start < 0) return undefined;
    if (lines.margin(start).blank) continue;
    const above = lines.at(start);
    const shape = shapeOf(above.text);
    const { open, closed } = bracketsOf(shape.text);
    if (open.length > pending) return { line: above, column: open[open.length - 1 - pending] };
    pending += closed - open.length;
    const first = shape.openers[0];
    if (!first) continue;
    const last = shape.openers[shape.openers.length - 1];
    const value = shape.text.slice(shape.rest).trimEnd();
    if (first.key === undefined || first.column === 0 || (last.key !== undefined && (value === '' || /^[|>]/.test(value)))) return undefined;
  }
  return undefined;
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
 * holds that line: up to and including the first key of a list item, down to
 * the next less indented line.
 */
function siblingKeys(lines: Lines, lineStart: number, column: number): string[] {
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
  for (let start = lines.previous(lineStart); start >= 0 && visit(start, above); start = lines.previous(start));
  for (let start = lines.next(lineStart); start >= 0 && visit(start, below); start = lines.next(start));
  return [...above.reverse(), ...below];
}
