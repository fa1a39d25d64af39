/**
 * Parsing and position mapping: one parse per document version, shared by
 * every feature. Offsets are UTF-16 code units (JavaScript string indices),
 * which is what LSP positions count, so `TextDocument.positionAt` maps them
 * correctly for CRLF files and non-ASCII text.
 */
import * as YAML from 'yaml';
import type { CST } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { parseWithinLimits, plainValue } from './limits';

/** A half-open span of the document text, in UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A problem found while reading the YAML itself. */
export interface YamlProblem {
  readonly span: Span;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** A parsed brief or profile: the YAML tree with ranges, and its plain value. */
export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** The first YAML document, or undefined when the file holds none. */
  readonly yaml: YAML.Document.Parsed | undefined;
  /** Any documents after the first: a brief is one document. */
  readonly extraDocuments: readonly YAML.Document.Parsed[];
  /** Syntax errors and warnings of the first document. */
  readonly problems: readonly YamlProblem[];
  /** The first document as plain data; undefined when it cannot be built. */
  readonly value: unknown;
}

/** The options of every parse, full or incremental. */
export const parseOptions: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions = {
  prettyErrors: false,
  uniqueKeys: true,
  // Warnings are findings (`problems`), not process warnings on stderr.
  logLevel: 'error',
};

/** Whether the YAML does not parse: then nothing is checked against the schema or a profile, nor counted. */
export function hasSyntaxErrors(parsed: ParsedDocument): boolean {
  return parsed.problems.some((problem) => problem.severity === 'error');
}

/** Parses a document's text. Never throws. */
export function parseText(uri: string, version: number, text: string): ParsedDocument {
  const { documents, tokens, limit } = parseWithinLimits(text, parseOptions);
  if (limit) return { uri, version, text, yaml: undefined, extraDocuments: [], problems: [limit], value: undefined };
  const yaml = documents[0];
  const problems: YamlProblem[] = [];
  let value: unknown = undefined;
  if (yaml) {
    for (const error of yaml.errors) problems.push(atOpener(toProblem(error, 'error', text, yaml), error, text, tokens));
    for (const warning of yaml.warnings) problems.push(toProblem(warning, 'warning', text));
    if (yaml.errors.length === 0) {
      const plain = plainValue(yaml, text);
      if (plain.problem) problems.push(plain.problem);
      value = plain.value;
    }
  }
  return { uri, version, text, yaml, extraDocuments: documents.slice(1), problems, value };
}

function toProblem(error: YAML.YAMLError, severity: 'error' | 'warning', text: string, document?: YAML.Document): YamlProblem {
  const [start, rawEnd] = error.pos;
  let end = Math.min(Math.max(rawEnd, start), text.length);
  if (error.code === 'DUPLICATE_KEY' && document) end = Math.max(end, keyEndAt(document, start) ?? end);
  // The parser's message may repeat the source line after a newline; keep the sentence.
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { span: { start: Math.min(start, text.length), end }, message, severity };
}

/**
 * A quote or bracket left open is reported by the parser where the text
 * ends; the problem goes on the line that opens it instead, where it is.
 */
function atOpener(problem: YamlProblem, error: YAML.YAMLError, text: string, tokens: readonly CST.Token[]): YamlProblem {
  if ((error.code !== 'MISSING_CHAR' && error.code !== 'BAD_INDENT') || problem.span.start < text.trimEnd().length) return problem;
  const opener = firstUnclosed(tokens);
  return opener === undefined ? problem : { ...problem, span: firstLine(text, { start: opener, end: text.length }) };
}

/** The offset of the first quoted scalar or flow collection the text leaves open, if any. */
function firstUnclosed(tokens: readonly CST.Token[]): number | undefined {
  let first: number | undefined;
  // An explicit stack: the nesting is bounded by the limits, but never trusted to recursion.
  const stack: (CST.Token | undefined)[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop();
    if (!token || (first !== undefined && token.offset > first)) continue;
    switch (token.type) {
      case 'document':
        stack.push(token.value);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (token.type === 'flow-collection' && !token.end.some((end) => end.type === 'flow-map-end' || end.type === 'flow-seq-end')) first = token.offset;
        for (const item of token.items) stack.push(item.value, 'key' in item ? (item.key ?? undefined) : undefined);
        break;
      case 'double-quoted-scalar':
      case 'single-quoted-scalar':
        if (!isClosedQuote(token.source)) first = token.offset;
        break;
    }
  }
  return first;
}

/** Whether a quoted scalar's source ends with its closing quote (not an escaped one). */
function isClosedQuote(source: string): boolean {
  const quote = source[0];
  const body = source.slice(1);
  if (!body.endsWith(quote)) return false;
  if (quote === "'") return /'+$/.exec(body)![0].length % 2 === 1; // `''` is an escaped quote
  return /(\\*)"$/.exec(body)![1].length % 2 === 0; // `\"` is an escaped quote
}

/** The end of the mapping key that starts at an offset, if one does. */
function keyEndAt(document: YAML.Document, offset: number): number | undefined {
  let end: number | undefined;
  YAML.visit(document, {
    Pair(_, pair) {
      const range = (pair.key as YAML.Node | null)?.range;
      if (range?.[0] === offset) {
        end = range[1];
        return YAML.visit.BREAK;
      }
      return undefined;
    },
  });
  return end;
}

/** The span a node's value covers, without trailing comments or blank lines. */
export function nodeSpan(node: YAML.Node | YAML.Pair | null | undefined): Span | undefined {
  if (!node) return undefined;
  if (YAML.isPair(node)) {
    const start = nodeSpan(node.key as YAML.Node)?.start;
    const end = nodeSpan(node.value as YAML.Node)?.end ?? nodeSpan(node.key as YAML.Node)?.end;
    return start === undefined || end === undefined ? undefined : { start, end };
  }
  const range = (node as YAML.Node).range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** The LSP range of a span. */
export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** Narrows a span to its first line, for nodes that would otherwise cover a whole block. */
export function firstLine(text: string, span: Span): Span {
  const newline = text.slice(span.start, span.end).search(/\r?\n/);
  return newline < 0 ? span : { start: span.start, end: span.start + newline };
}

/** The key of a pair as a string, as `toJS` would name it. */
export function keyName(pair: YAML.Pair): string {
  const key = pair.key;
  if (YAML.isScalar(key)) return String(key.value);
  return String(key);
}

/** The pair of a mapping with the given key. */
export function findPair(map: unknown, key: string): YAML.Pair<YAML.Scalar, YAML.Node | null> | undefined {
  if (!YAML.isMap(map)) return undefined;
  for (const pair of map.items) {
    if (keyName(pair) === key) return pair as YAML.Pair<YAML.Scalar, YAML.Node | null>;
  }
  return undefined;
}

/**
 * The node at a JSON-pointer-like path (keys and list indices), with the pair
 * that holds it when its parent is a mapping.
 */
export function findNode(
  root: YAML.Node | null | undefined,
  path: readonly (string | number)[],
): { node: YAML.Node | null | undefined; pair?: YAML.Pair<YAML.Scalar, YAML.Node | null> } | undefined {
  let node: YAML.Node | null | undefined = root;
  let pair: YAML.Pair<YAML.Scalar, YAML.Node | null> | undefined;
  for (const segment of path) {
    if (YAML.isMap(node)) {
      pair = findPair(node, String(segment));
      if (!pair) return undefined;
      node = pair.value;
    } else if (YAML.isSeq(node)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length) return undefined;
      node = node.items[index] as YAML.Node | null;
      pair = undefined;
    } else {
      return undefined;
    }
  }
  return { node, pair };
}

/** Whether a node carries no value (an empty `key:`). */
export function isEmptyNode(node: YAML.Node | null | undefined): boolean {
  return !node || (YAML.isScalar(node) && node.value === null && (node.range?.[0] ?? 0) === (node.range?.[1] ?? 0));
}
