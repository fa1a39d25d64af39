/**
 * The canonical layout of a brief (`hire fmt`, and the editor's Format
 * Document). The rule:
 * - top-level keys in docs/format.md's order (BRIEF_KEYS), nested keys in the
 *   brief schema's property order; a key the schema does not know (a typo)
 *   stays right after the key it followed;
 * - 2-space indentation, list items indented under their key;
 * - every mapping and list in block style, except a list of ids (`assesses`)
 *   whose items are plain ids without comments, written inline: `[a, b]`,
 *   and an empty list or mapping: `[]`, `{}`;
 * - a comment at the end of a line keeps its column (or sits one space after
 *   the value when the value now reaches past it); a comment on the line of a
 *   key whose value is a block mapping or list stays on that line;
 * - scalars keep their quoting and number forms, block scalars (`>`, `|`)
 *   their lines; nothing is refolded;
 * - line breaks stay CRLF in a CRLF file.
 * Formatting never changes a value or loses a comment: the result is parsed
 * again and compared with the input, and a brief that cannot be laid out
 * without a change is refused, as is one with YAML syntax errors.
 */
import * as YAML from 'yaml';
import { BRIEF_KEYS, isStringScalar } from './model';
import { parseWithinLimits, plainValue } from './limits';
import { parseOptions } from './parse';
import { ID, schemaOf, type JsonSchema } from './schema';

/** The formatted text, or why the brief was not formatted. */
export type FormatResult = { readonly text: string; readonly error?: undefined } | { readonly error: string; readonly text?: undefined };

const ID_REF = '#/definitions/id';
/** What an id written inline looks like (kebab-case, as the schema asks). */
/** Wraps a marker number in characters that cannot occur in a YAML comment or plain value. */
const MARK = '\u0001';
const markerPattern = /\u0001([TK])(\d+)\u0001/;

/** Formats a brief's text in the canonical layout. */
export function formatBrief(original: string): FormatResult {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const text = original.replace(/\r\n/g, '\n');
  const { documents, limit } = parseWithinLimits(text, parseOptions);
  if (limit) return { error: `it is not read: ${limit.message}` };
  if (documents.length > 1) return { error: 'it holds more than one YAML document' };
  const document = documents[0];
  if (!document || document.contents === null) return { text: original };
  const problem = document.errors[0];
  if (problem) return { error: `it has a YAML syntax error at line ${lineOf(text, problem.pos[0])}: ${problem.message.split('\n')[0]}` };
  if (text.includes(MARK)) return { error: 'it contains a control character (U+0001)' };

  const plain = plainValue(document, text);
  if (plain.problem) return { error: `it is not read: ${plain.problem.message}` };
  const expected = { value: plain.value, comments: commentsOf(text) };
  // A comment yaml reads differently once keys move settles in a second round; so lay out until nothing changes.
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = layoutFaithfully(current, expected);
    if (next === undefined) return { error: 'it cannot be laid out without changing a value or a comment' };
    if (next === current) return { text: next.replace(/\n/g, eol) };
    current = next;
  }
  return { error: 'its layout does not settle' };
}

/** Rounds of layout before giving up on a layout that keeps changing. */
const MAX_ROUNDS = 4;

/** One round of layout, or undefined when it would change a value or a comment. */
function layoutFaithfully(text: string, expected: { value: unknown; comments: string[] }): string | undefined {
  // First keep block scalars' source lines; if that cannot be done faithfully, let yaml write them.
  for (const keepBlocks of [true, false]) {
    // yaml may fail to write a node it read (a `!!binary` value it does not resolve): that layout is not faithful.
    try {
      const output = layout(YAML.parseDocument(text, parseOptions), text, keepBlocks);
      if (sameContent(output, expected)) return output;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** The comments of a YAML text, in order, as written after their `#`. */
export function commentsOf(text: string): string[] {
  const comments: string[] = [];
  for (const token of new YAML.Lexer().lex(text)) if (token.startsWith('#')) comments.push(token.slice(1).trimEnd());
  return comments;
}

function sameContent(output: string, expected: { value: unknown; comments: string[] }): boolean {
  const document = YAML.parseDocument(output, parseOptions);
  if (document.errors.length > 0) return false;
  const plain = plainValue(document, output);
  return !plain.problem && deepEqual(plain.value, expected.value) && deepEqual([...commentsOf(output)].sort(), [...expected.comments].sort());
}

/** What the text after the layout needs: comment columns and block scalars' source. */
interface Marks {
  /** Trailing comments: the column of their `#` in the source. */
  readonly trailing: number[];
  /** Comments on a key's line whose value is a block collection: their column. */
  readonly keyLine: number[];
  /** Block scalars: their source lines (header first). */
  readonly blocks: string[][];
  /** Plain scalars on one line: their source (`1.50`, `0x1F`, `~`, `!!str 123`). */
  readonly plain: string[];
}

function layout(document: YAML.Document.Parsed, text: string, keepBlocks: boolean): string {
  const marks: Marks = { trailing: [], keyLine: [], blocks: [], plain: [] };
  const root = document.contents;
  if (YAML.isMap(root)) sortMap(root, BRIEF_KEYS, schemaOf('brief'));
  const inline = new Set<YAML.YAMLSeq>();
  findIdLists(root, schemaOf('brief'), inline);
  YAML.visit(document, {
    Pair(_, pair) {
      const value = pair.value;
      if (YAML.isCollection(value) && YAML.isScalar(pair.key)) markKeyLine(pair.key, value, text, marks);
    },
    Node(_, node) {
      if (YAML.isCollection(node)) node.flow = node.items.length === 0 || (YAML.isSeq(node) && inline.has(node));
      if (node.comment) markTrailing(node, text, marks);
      // First: the markers below are double-quoted scalars of control characters that must stay as they are.
      if (YAML.isScalar(node)) markInvisible(node);
      if (keepBlocks && YAML.isScalar(node)) markBlock(node, text, marks);
      if (YAML.isScalar(node)) markPlain(node, text, marks);
    },
  });
  const output = document.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: false });
  return applyMarks(output, marks);
}

/** Orders a mapping's pairs by a key order and recurses with the schema of each value. */
function sortMap(map: YAML.YAMLMap, order: readonly string[], schema: JsonSchema | undefined): void {
  // A key the order does not know stays after the key it followed.
  const ranks = new Map<YAML.Pair, number>();
  let previous = -1;
  for (const pair of map.items) {
    const index = YAML.isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1;
    if (index >= 0) previous = index;
    ranks.set(pair, previous);
  }
  // Array.prototype.sort is stable: pairs of one rank keep their order.
  map.items.sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  for (const pair of map.items) {
    const key = YAML.isScalar(pair.key) ? String(pair.key.value) : undefined;
    const properties = schema?.properties;
    sortNode(pair.value, key !== undefined && properties && Object.hasOwn(properties, key) ? properties[key] : undefined);
  }
}

function sortNode(node: unknown, reference: JsonSchema | undefined): void {
  // A `$ref` (a rubric's scores) gives the definition's properties.
  const schema = reference?.$ref ? { ...schemaOf('brief').definitions?.[reference.$ref.replace('#/definitions/', '')], ...reference } : reference;
  if (!schema) return;
  if (YAML.isMap(node) && schema.properties) sortMap(node, Object.keys(schema.properties), schema);
  else if (YAML.isSeq(node) && schema.items) for (const item of node.items) sortNode(item, schema.items);
}

/** Collects the lists of ids to write inline: those whose every item is an id without comments. */
function findIdLists(node: unknown, schema: JsonSchema | undefined, inline: Set<YAML.YAMLSeq>): void {
  if (!schema) return;
  if (YAML.isMap(node)) {
    for (const pair of node.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : '';
      findIdLists(pair.value, schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined, inline);
    }
  } else if (YAML.isSeq(node) && schema.items) {
    if (schema.items.$ref === ID_REF) {
      const plainIds = node.items.every(
        (item) => isStringScalar(item) && ID.test(item.value) && !item.comment && !item.commentBefore && !item.anchor && !item.tag,
      );
      if (plainIds && node.items.length > 0 && !node.commentBefore) inline.add(node);
    } else {
      for (const item of node.items) findIdLists(item, schema.items, inline);
    }
  }
}

/** A comment after a value on the same line: remember its column. */
function markTrailing(node: YAML.Node, text: string, marks: Marks): void {
  const end = node.range?.[1];
  if (end === undefined || !node.comment) return;
  const match = /^[ \t]*#/.exec(text.slice(end, end + 1000));
  if (!match) return;
  const hash = end + match[0].length - 1;
  node.comment = `${MARK}T${marks.trailing.length}${MARK}${node.comment}`;
  marks.trailing.push(hash - lineStart(text, hash));
}

/** A comment on the line of a key whose value is a block collection: yaml stores it before the value. */
function markKeyLine(key: YAML.Scalar, value: YAML.YAMLMap | YAML.YAMLSeq, text: string, marks: Marks): void {
  const end = key.range?.[1];
  if (end === undefined || !value.commentBefore || value.flow) return;
  const match = /^[ \t]*:[ \t]+#/.exec(text.slice(end, end + 1000));
  if (!match) return;
  const hash = end + match[0].length - 1;
  value.commentBefore = `${MARK}K${marks.keyLine.length}${MARK}${value.commentBefore}`;
  marks.keyLine.push(hash - lineStart(text, hash));
}

/** A block scalar whose source lines can be kept: replace it by a marker. */
function markBlock(node: YAML.Scalar, text: string, marks: Marks): void {
  if (node.type !== YAML.Scalar.BLOCK_FOLDED && node.type !== YAML.Scalar.BLOCK_LITERAL) return;
  if (!node.range || node.comment) return;
  const lines = text.slice(node.range[0], node.range[1]).replace(/\r\n/g, '\n').split('\n');
  // Only `>`, `|`, `>-`, `|-`: an indentation indicator or keep chomping depends on exact layout.
  if (!/^[>|]-?$/.test(lines[0].trimEnd())) return;
  while (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  marks.blocks.push(lines);
  node.value = `${MARK}${marks.blocks.length - 1}${MARK}`;
  node.type = YAML.Scalar.QUOTE_DOUBLE;
}

/** A plain scalar on one line: replace it by a marker, to write its source as it was. */
function markPlain(node: YAML.Scalar, text: string, marks: Marks): void {
  if (node.type !== YAML.Scalar.PLAIN || !node.range) return;
  const source = text.slice(node.range[0], node.range[1]);
  if (source === '' || /[\r\n]/.test(source)) return;
  marks.plain.push(source);
  node.value = `${MARK}V${marks.plain.length - 1}${MARK}`;
  node.type = YAML.Scalar.QUOTE_DOUBLE;
}

/**
 * Characters a double-quoted scalar keeps as escapes: controls, format
 * characters (bidirectional controls, zero-width characters) and the line
 * and paragraph separators. yaml would write most of them as they are,
 * invisible, turning `"\u202E"` into a hidden right-to-left override
 * (Trojan Source). Tab and line breaks keep yaml's escapes (`\t`, `\n`).
 */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** An invisible character's marker in yaml's output: `\x01U202E\x01`, the hexadecimal code point between marks. */
const invisibleMarker = /\\x01U([0-9A-F]+)\\x01/g;

/** A double-quoted scalar: replace each invisible character of its value by a marker, to write it as an escape. */
function markInvisible(node: YAML.Scalar): void {
  if (node.type !== YAML.Scalar.QUOTE_DOUBLE || typeof node.value !== 'string') return;
  node.value = node.value.replace(INVISIBLE, (character) => `${MARK}U${character.codePointAt(0)!.toString(16).toUpperCase()}${MARK}`);
}

/** The escape of a code point in a double-quoted scalar: `\u202E`, or `\U000E0041` beyond the first plane. */
function escapeOf(hex: string): string {
  return hex.length <= 4 ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
}

function applyMarks(output: string, marks: Marks): string {
  const lines = output
    .replace(invisibleMarker, (_, hex: string) => escapeOf(hex))
    .split('\n').map((line) => line.replace(/"\\x01V(\d+)\\x01"/g, (_, index: string) => marks.plain[Number(index)]));
  const result: string[] = [];
  for (const line of lines) {
    const block = /^(.*?)"\\x01(\d+)\\x01"$/.exec(line);
    if (block) {
      for (const blockLine of blockLines(block[1], marks.blocks[Number(block[2])])) result.push(blockLine);
      continue;
    }
    const marker = markerPattern.exec(line);
    if (!marker) {
      // yaml indents the blank line before a nested key; a blank line is empty.
      result.push(line.trim() === '' ? '' : line);
      continue;
    }
    const hash = line.lastIndexOf('#', marker.index);
    const comment = line.slice(hash).replace(markerPattern, '').trimEnd();
    const column = (marker[1] === 'K' ? marks.keyLine : marks.trailing)[Number(marker[2])];
    const ownLine = line.slice(0, hash).trim() === '';
    if (!ownLine) result.push(align(line.slice(0, hash), comment, column));
    // A key-line comment that yaml moved below its key goes back; a trailing comment of a list or mapping that is no longer inline stays below it.
    else if (marker[1] === 'K' && result.length > 0) result.push(align(result.pop()!, comment, column));
    else result.push(line.slice(0, hash) + comment);
  }
  return result.join('\n');
}

/** A line with a comment at a column, or one space after the content when it reaches past it. */
function align(content: string, comment: string, column: number): string {
  const trimmed = content.trimEnd();
  return `${trimmed}${' '.repeat(Math.max(1, column - trimmed.length))}${comment}`;
}

/** A block scalar's source lines under an output line's prefix (`key: ` or `- `). */
function blockLines(prefix: string, source: string[]): string[] {
  const [header, ...content] = source;
  const nested = /^(\s*(?:- )*)/.exec(prefix)![1].length;
  const indent = nested + (prefix.trimEnd().endsWith(':') ? 2 : 0);
  const original = content.reduce((least, line) => (line.trim() === '' ? least : Math.min(least, line.length - line.trimStart().length)), Infinity);
  const shifted = content.map((line) => (line.trim() === '' && line.length <= original ? '' : ' '.repeat(indent) + line.slice(original)));
  return [`${prefix}${header.trimEnd()}`, ...shifted];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Map || b instanceof Map || a instanceof Set || b instanceof Set) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
