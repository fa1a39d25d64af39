/**
 * What the service reads, and what it refuses to: a brief is a few hundred
 * lines, so a file far beyond that is pasted data or a hostile file. Such a
 * text is not composed into a YAML tree at all (composing is where deep
 * nesting overflows the stack and many keys in one mapping take quadratic
 * time); it gets one `yaml-syntax` finding that says which limit it broke.
 * Everything that reads the tree then sees an empty document: completion of
 * top-level keys still works, the outline, hovers and the preview are empty.
 */
import * as YAML from 'yaml';
import type { CST } from 'yaml';
import type { Span, YamlProblem } from './parse';

/** The longest text checked, in UTF-16 code units (about 5 MB of text). */
export const MAX_TEXT_LENGTH = 5 * 1024 * 1024;

/**
 * The most bytes a file may have to be read: UTF-8 takes at most three bytes
 * for a UTF-16 code unit (a four-byte character is two units), so a larger
 * file is over MAX_TEXT_LENGTH whatever it holds and is refused unread, and a
 * file the service would check is never refused.
 */
export const MAX_FILE_BYTES = 3 * MAX_TEXT_LENGTH;

/** The message for a text or file over the size limit: `size` in code units or bytes, `exact` unless only a lower bound is known (a stream). */
export function tooLargeMessage(size: number, exact = true): string {
  return `This file is ${exact ? '' : 'over '}${textSize(size)}; briefs over ${textSize(MAX_TEXT_LENGTH)} are not checked (nothing in it is read). A brief is a few hundred lines: split the file or remove what does not belong in it.`;
}

/** The deepest nesting of mappings and lists checked. */
export const MAX_DEPTH = 100;

/** The most keys one mapping may have. */
export const MAX_MAP_KEYS = 1000;

/** Aliases a document may expand before it is treated as a YAML bomb (`yaml`'s `maxAliasCount`). */
export const MAX_ALIAS_COUNT = 1000;

/**
 * How many times its own length a document's value may grow when its
 * aliases are written out: each alias repeats its anchor's value, and every
 * reader of the value (the checks, the preview) pays for each repeat.
 */
export const MAX_ALIAS_GROWTH = 10;

/** The length a document's expanded value may reach however short its text (so that a short brief may reuse an anchor freely). */
export const MIN_EXPANDED_LENGTH = 100_000;

/** The most findings reported for one file; the last one says how many more there are. */
export const MAX_FINDINGS = 1000;

/** The most cells of the interview kit's coverage matrix (skills × questions); past it the kit says so instead of drawing it. */
export const MAX_COVERAGE_CELLS = 10_000;

/** The most profiles an `extends` chain may hold, the profile itself included. */
export const MAX_EXTENDS_DEPTH = 32;

/** The documents of a YAML stream, or the limit the text breaks (then nothing is composed). */
export type LimitedParse =
  | { readonly documents: YAML.Document.Parsed[]; readonly tokens: readonly CST.Token[]; readonly limit?: undefined }
  | { readonly limit: YamlProblem; readonly documents?: undefined; readonly tokens?: undefined };

/**
 * Parses a YAML stream as `YAML.parseAllDocuments` does, unless the text
 * breaks a limit. `depthUsed` is the nesting the text sits in (for a part of
 * a document parsed alone).
 */
export function parseWithinLimits(text: string, options: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions, depthUsed = 0): LimitedParse {
  if (text.length > MAX_TEXT_LENGTH) {
    const newline = text.indexOf('\n');
    return {
      limit: {
        span: { start: 0, end: Math.min(newline < 0 ? text.length : newline, 200) },
        message: tooLargeMessage(text.length),
        severity: 'error',
      },
    };
  }
  const compact = compactNesting(text);
  if (compact) return { limit: compact };
  const tokens = [...new YAML.Parser().parse(text)];
  const limit = collectionLimit(tokens, MAX_DEPTH - depthUsed);
  if (limit) return { limit };
  return { documents: [...new YAML.Composer(options).compose(tokens)] as YAML.Document.Parsed[], tokens };
}

/** Compact nestings (`- - x`, `- ? x`) a text may hold: the YAML parser recurses for each, so thousands overflow its stack. */
export const MAX_COMPACT_NESTINGS = 1000;

/** A collection started on the line of the indicator before it: `- - x`, `? - x`, `- ? x`. */
const COMPACT_NESTING = /(?:^|[ \t])[-?:][ \t]+(?=[-?](?:[ \t]|$))/gm;

/**
 * The place past the allowed number of compact nestings, found without the
 * parser (which would overflow). Nesting by indentation alone needs a line
 * per level, so the size limit bounds it.
 */
function compactNesting(text: string): YamlProblem | undefined {
  COMPACT_NESTING.lastIndex = 0;
  for (let count = 1; COMPACT_NESTING.exec(text); count++) {
    if (count > MAX_COMPACT_NESTINGS) {
      const start = COMPACT_NESTING.lastIndex;
      return {
        span: { start, end: start + 1 },
        message: `This file starts a list or key on the line of the one it is in (\`- - x\`) more than ${MAX_COMPACT_NESTINGS} times; a brief does so rarely, so this file is not checked (nothing in it is read).`,
        severity: 'error',
      };
    }
  }
  return undefined;
}

/** The first place where collections nest deeper than `maxDepth` or a mapping has too many keys. */
function collectionLimit(tokens: readonly CST.Token[], maxDepth: number): YamlProblem | undefined {
  // An explicit stack: the nesting being measured must not overflow this one.
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const token of tokens) if (token.type === 'document' && token.value) stack.push({ token: token.value, depth: 1 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth > maxDepth) {
      return {
        span: { start: token.offset, end: token.offset + 1 },
        message: `Lists and mappings nest more than ${MAX_DEPTH} levels deep here; a brief nests a few levels, so this file is not checked (nothing in it is read).`,
        severity: 'error',
      };
    }
    const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
    if (isMap && token.items.length > MAX_MAP_KEYS) {
      const item = token.items[MAX_MAP_KEYS];
      const start = item.key?.offset ?? item.start[0]?.offset ?? item.value?.offset ?? token.offset;
      return {
        span: { start, end: start + 1 },
        message: `This mapping has ${token.items.length} keys; briefs with more than ${MAX_MAP_KEYS} keys in one mapping are not checked (nothing in it is read).`,
        severity: 'error',
      };
    }
    for (const item of token.items) {
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** A length of text as a size: `20 MB`, `1.5 MB`, `110 KB`. */
function textSize(length: number): string {
  const size = length / (1024 * 1024);
  if (size < 1) return `${Math.max(1, Math.round(length / 1024))} KB`;
  return `${size >= 10 ? Math.round(size) : Math.round(size * 10) / 10} MB`;
}

/** A document's plain value, or the problem that keeps it from being read. */
export type PlainValue = { readonly value: unknown; readonly problem?: undefined } | { readonly problem: YamlProblem; readonly value?: undefined };

/**
 * The plain value of a parsed YAML document (`toJS`), unless its aliases
 * break a limit: more than MAX_ALIAS_COUNT expansions (a "billion laughs"
 * file), or a value longer than `maxExpandedLength` of the text once every
 * alias is written out. The expanded length is counted on the tree, each
 * anchor measured once, without expanding anything.
 */
export function plainValue(document: YAML.Document, text: string): PlainValue {
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      problem: {
        span: firstAlias(document)?.span ?? { start: 0, end: 0 },
        message: `The YAML could not be read: ${(error as Error).message}. Aliases (*name) are expanded at most ${MAX_ALIAS_COUNT} times.`,
        severity: 'error',
      },
    };
  }
  // An alias is written `*name`: a text without a `*` has none to measure.
  if (!text.includes('*')) return { value };
  const limit = maxExpandedLength(text.length);
  const expanded = expandedLength(document);
  if (expanded.length <= limit || !expanded.largest) return { value };
  const { alias, length } = expanded.largest;
  return {
    problem: {
      span: alias.span,
      message: `With its aliases written out, this file's value is ${textSize(expanded.length)} long, more than the ${textSize(limit)} allowed for a file of ${textSize(text.length)}, so it is not checked or previewed. The alias *${alias.name} alone repeats ${textSize(length)} each time. Write the value out once, or use the alias less.`,
      severity: 'error',
    },
  };
}

/** The longest a document's value may be with its aliases written out: MAX_ALIAS_GROWTH times its text, at least MIN_EXPANDED_LENGTH, at most MAX_TEXT_LENGTH. */
function maxExpandedLength(textLength: number): number {
  return Math.min(MAX_TEXT_LENGTH, Math.max(MIN_EXPANDED_LENGTH, MAX_ALIAS_GROWTH * textLength));
}

interface AliasAt {
  readonly name: string;
  readonly span: Span;
}

/**
 * The length of a document's value with every alias written out (text of
 * scalars, one more for each key and item), and the alias that repeats the
 * most. Each node is measured once; an alias counts its anchor's length.
 */
function expandedLength(document: YAML.Document): { readonly length: number; readonly largest?: { readonly alias: AliasAt; readonly length: number } } {
  // An anchor's name may be used again: an alias refers to the last one before it, as the walk in document order finds it.
  const anchors = new Map<string, number>();
  let largest: { alias: AliasAt; length: number } | undefined;
  // Recursion is bounded: the tree was composed only within MAX_DEPTH.
  const measure = (node: unknown): number => {
    if (YAML.isAlias(node)) {
      const length = anchors.get(node.source) ?? 0;
      if (!largest || length > largest.length) largest = { alias: { name: node.source, span: spanOf(node) }, length };
      return length;
    }
    let length = 0;
    if (YAML.isScalar(node)) {
      length = typeof node.value === 'string' ? node.value.length : String(node.value).length;
    } else if (YAML.isMap(node)) {
      for (const pair of node.items) length += measure(pair.key) + measure(pair.value) + 1;
    } else if (YAML.isSeq(node)) {
      for (const item of node.items) length += measure(item) + 1;
    }
    if (YAML.isNode(node) && node.anchor) anchors.set(node.anchor, length);
    return length;
  };
  return { length: measure(document.contents), largest };
}

function spanOf(node: YAML.Node): Span {
  return node.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
}

/** The first alias of a document, if it has one. */
function firstAlias(document: YAML.Document): { readonly span: Span } | undefined {
  let found: { span: Span } | undefined;
  YAML.visit(document, {
    Alias(_, node) {
      found = { span: spanOf(node) };
      return YAML.visit.BREAK;
    },
  });
  return found;
}
