/**
 * Candidate-facing wording: the fields a candidate reads (`role`, `summary`,
 * `duties`) checked against the masculine- and feminine-coded word stems of
 * Gaucher, Friesen and Kay (2011), kept as data in
 * `schemas/wording/gendered-words.json` with an allowlist of production
 * words that match a stem by accident. Interviewer-only fields are never read.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import wordList from '../../../schemas/wording/gendered-words.json';
import { isStringScalar, type Brief } from './model';
import { createDiagnostic } from './codes';
import { toRange, type Span } from './parse';

/** Which way a word is coded. */
export type Coding = 'masculine' | 'feminine';

/** The `data` of a `coded-wording` finding. */
export interface CodedWordingData {
  /** The word as written. */
  readonly word: string;
  /** The stem it matches, as the list writes it (`lead*`, or a whole word). */
  readonly stem: string;
  readonly coding: Coding;
}

/** A coded word found in the text, with where it is. */
export interface CodedWord extends CodedWordingData {
  readonly span: Span;
}

/** The top-level fields a candidate reads in the job posting. */
export const CANDIDATE_FIELDS: readonly string[] = ['role', 'summary', 'duties'];

/** The study's finding, in a sentence (for hovers). */
export const WORDING_FINDING: string = wordList.finding;

/** The study, as cited in messages and hovers. */
export const WORDING_CITATION = `${wordList.source.authors.replace(/, (?=[^,]*$)/, ' and ')} (${wordList.source.year}), “${wordList.source.title}”`;

interface Stem {
  readonly stem: string;
  readonly coding: Coding;
  /** For a `*` stem, the prefix; for a whole word, the word. */
  readonly text: string;
}

const CODINGS: readonly Coding[] = ['masculine', 'feminine'];
const stems: Stem[] = CODINGS.flatMap((coding) =>
  wordList[coding].map((stem) => ({ stem, coding, text: stem.replace(/\*$/, '').toLowerCase() })),
);
const wholeWords = new Map(stems.filter((stem) => !stem.stem.endsWith('*')).map((stem) => [stem.text, stem] as const));
/** The `*` stems by prefix (the first listed, for a prefix listed twice). */
const prefixes = new Map<string, Stem>();
for (const stem of stems) if (stem.stem.endsWith('*') && !prefixes.has(stem.text)) prefixes.set(stem.text, stem);
/** The prefixes' lengths, longest first: the most specific stem names the match. */
const prefixLengths = [...new Set([...prefixes.keys()].map((prefix) => prefix.length))].sort((a, b) => b - a);

const LETTERS = "\\p{L}+(?:['’-]\\p{L}+)*";
const WORD = new RegExp(LETTERS, 'gu');
/** The allowlist's phrases: a word inside one of them is not reported. */
const ALLOWED = wordList.allowlist.map(
  (entry) => new RegExp(`(?<![\\p{L}'’-])${entry.phrase.split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\p{L}'’-])`, 'giu'),
);

/** The spans of a text the allowlist's phrases cover, and whether one of them covers a span. */
interface AllowedSpans {
  covers(start: number, end: number): boolean;
}

/**
 * The allowlist's phrases in a text, sorted by start, each with the furthest
 * end of any phrase starting at or before it: a span lies inside a phrase
 * when that end, at the last phrase starting at or before the span, reaches
 * past it. Each question is a binary search, so a text full of allowed
 * phrases and coded words takes n log n, not n².
 */
function allowedSpans(text: string): AllowedSpans {
  const spans: Span[] = [];
  for (const pattern of ALLOWED) for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
  spans.sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const span of spans) reach.push(Math.max(span.end, reach.at(-1) ?? 0));
  return {
    covers(start, end) {
      let low = 0;
      let high = spans.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (spans[middle].start <= start) low = middle + 1;
        else high = middle;
      }
      return low > 0 && reach[low - 1] >= end;
    },
  };
}

/** The stem a single word matches, ignoring case; undefined when it is not coded. */
function matchStem(word: string): Stem | undefined {
  const lower = word.toLowerCase();
  const bare = lower.replace(/['’]s$/, '');
  const whole = wholeWords.get(lower) ?? wholeWords.get(bare);
  if (whole) return whole;
  for (const length of prefixLengths) {
    const stem = length <= lower.length ? prefixes.get(lower.slice(0, length)) : undefined;
    if (stem) return stem;
  }
  return undefined;
}

/**
 * The coded words of a text, their spans shifted by `from` (where the text
 * starts in its document). A hyphenated word is matched whole first
 * (`self-confident`), then part by part (`team-leading`).
 */
export function findCodedWords(slice: string, from = 0): CodedWord[] {
  // The allowlist's phrases, found only once a word matches a stem: most texts have none.
  let allowed: AllowedSpans | undefined;
  const isAllowed = (word: string, start: number) => (allowed ??= allowedSpans(slice)).covers(start, start + word.length);
  const found: CodedWord[] = [];
  const add = (word: string, start: number) => {
    const stem = matchStem(word);
    if (!stem || isAllowed(word, start)) return false;
    found.push({ word, stem: stem.stem, coding: stem.coding, span: { start: from + start, end: from + start + word.length } });
    return true;
  };
  for (const match of slice.matchAll(WORD)) {
    if (add(match[0], match.index) || !match[0].includes('-')) continue;
    let offset = match.index;
    for (const part of match[0].split('-')) {
      add(part, offset);
      offset += part.length + 1;
    }
  }
  return found;
}

/** The scalars of the candidate-facing fields: `role`, `summary`, and `duties` (its items, or itself when it is text). */
export function candidateScalars(brief: Brief): YAML.Scalar[] {
  return CANDIDATE_FIELDS.flatMap((field) => {
    const value = brief.sections.get(field)?.value;
    const nodes = YAML.isSeq(value) ? value.items : [value];
    return nodes.filter(isStringScalar);
  });
}

/** The coded words of one scalar, read from its source text (a block scalar's header line and a quoted scalar's escapes skipped). */
export function scalarCodedWords(text: string, scalar: YAML.Scalar): CodedWord[] {
  const range = scalar.range;
  if (!range) return [];
  let start = range[0];
  if (scalar.type === YAML.Scalar.BLOCK_FOLDED || scalar.type === YAML.Scalar.BLOCK_LITERAL) {
    const newline = text.indexOf('\n', start);
    if (newline < 0 || newline >= range[1]) return [];
    start = newline + 1;
  }
  const source = text.slice(start, range[1]);
  // Escapes such as `\n` become spaces of the same length, so offsets stay put.
  return findCodedWords(scalar.type === YAML.Scalar.QUOTE_DOUBLE ? source.replace(/\\./gs, (escape) => ' '.repeat(escape.length)) : source, start);
}

/** The `coded-wording` findings of a brief: each coded word in a candidate-facing field, on the word. */
export function checkWording(document: TextDocument, text: string, brief: Brief): Diagnostic[] {
  return candidateScalars(brief).flatMap((scalar) =>
    scalarCodedWords(text, scalar).map((found) =>
      createDiagnostic(
        toRange(document, found.span),
        'coded-wording',
        `'${found.word}' is a ${found.coding}-coded word (stem '${found.stem}'): postings read by candidates tend to appeal more evenly with neutral wording. Consider another word.`,
        { word: found.word, stem: found.stem, coding: found.coding } satisfies CodedWordingData,
      ),
    ),
  );
}

/** The coded word at an offset of a candidate-facing field, if there is one. */
export function codedWordAt(text: string, brief: Brief, offset: number): CodedWord | undefined {
  const scalar = candidateScalars(brief).find((node) => node.range && node.range[0] <= offset && offset <= node.range[1]);
  return scalar && scalarCodedWords(text, scalar).find((found) => found.span.start <= offset && offset <= found.span.end);
}

/** The hover of a coded word: what it is and what the study found. */
export function codedWordHover(found: CodedWordingData): string {
  return [
    `**${found.coding === 'masculine' ? 'Masculine' : 'Feminine'}-coded word** \`${found.word}\` (stem \`${found.stem}\`)`,
    `${WORDING_FINDING} (${WORDING_CITATION}.)`,
  ].join('\n\n');
}

/** How many masculine- and feminine-coded words a brief's findings report. */
export function wordingBalance(diagnostics: readonly Diagnostic[]): Record<Coding, number> {
  const balance: Record<Coding, number> = { masculine: 0, feminine: 0 };
  for (const diagnostic of diagnostics) {
    if (diagnostic.code === 'coded-wording') balance[(diagnostic.data as CodedWordingData).coding]++;
  }
  return balance;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
