/**
 * Document symbols (the outline): each top-level key, and inside `skills`
 * and `questions` each item, named by its id. Briefs and role profiles share
 * the shape; what an item's detail says differs.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { readBrief, readProfileDocument, resolveBrief, resolveProfileDocument, type Brief, type BriefItem } from './model';
import { keyName, nodeSpan, toRange, type ParsedDocument, type Span } from './parse';
import type { ProfileRegistry } from './profiles';

/** What the outline shows beside a skill and a question. */
interface Details {
  /** The detail of the skill at a position of the model's `skills`. */
  skill(position: number): string | undefined;
  /** The detail of the question at a position of the model's `questions`. */
  question(position: number): string | undefined;
}

/** The outline of a brief: sections, with skills (detail: need) and questions (detail: the ask) under theirs. */
export function findDocumentSymbols(document: TextDocument, parsed: ParsedDocument, profiles: ProfileRegistry): DocumentSymbol[] {
  const brief = readBrief(parsed);
  if (!brief) return [];
  const model = resolveBrief(brief, profiles);
  return outline(document, parsed, brief, {
    skill: (position) => model.skills[position].need,
    question: (position) => model.questions[position].ask,
  });
}

/**
 * The outline of a role profile document: its keys (`id` and `title` with
 * their values), with skills (detail: the name) and questions (detail: the
 * ask) under theirs; an entry that leaves them to the parent profile shows
 * the parent's.
 */
export function findProfileSymbols(document: TextDocument, parsed: ParsedDocument, profiles: ProfileRegistry): DocumentSymbol[] {
  const own = readProfileDocument(parsed);
  if (!own) return [];
  const model = resolveProfileDocument(own, profiles);
  return outline(document, parsed, own, {
    skill: (position) => model.skills[position].name,
    question: (position) => model.questions[position].ask,
  });
}

/** The symbols of a document's mapping, read as a brief is read. */
function outline(document: TextDocument, parsed: ParsedDocument, model: Brief, details: Details): DocumentSymbol[] {
  // A block node's span ends after its line break; the symbol ends with its text.
  const trimmed = (span: Span): Span => ({ start: span.start, end: span.start + parsed.text.slice(span.start, span.end).trimEnd().length });
  const symbol = (name: string, kind: SymbolKind, range: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name,
    kind,
    range: toRange(document, trimmed(range)),
    // A key may be a block collection whose span takes the line break: the selection must lie inside the range.
    selectionRange: toRange(document, trimmed(selection)),
    // A detail shows on one line: a block scalar's line breaks become spaces.
    ...(detail?.trim() ? { detail: detail.trim().replace(/\s+/g, ' ') } : {}),
    ...(children ? { children } : {}),
  });
  const items = (list: readonly BriefItem[], kind: SymbolKind, detail: (position: number) => string | undefined) =>
    list.flatMap((item, position) => {
      const range = nodeSpan(item.node);
      const selection = nodeSpan(item.idNode);
      return item.id && range && selection ? [symbol(item.id, kind, range, selection, detail(position))] : [];
    });

  return model.root.items.flatMap((pair) => {
    const name = keyName(pair);
    const range = nodeSpan(pair);
    const selection = nodeSpan(pair.key as YAML.Node);
    if (!name || !range || !selection) return [];
    const value = pair.value;
    if (pair === model.sections.get('skills')) {
      return [symbol(name, SymbolKind.Array, range, selection, undefined, items(model.skills, SymbolKind.Field, details.skill))];
    }
    if (pair === model.sections.get('questions')) {
      return [symbol(name, SymbolKind.Array, range, selection, undefined, items(model.questions, SymbolKind.Event, details.question))];
    }
    if (YAML.isMap(value)) return [symbol(name, SymbolKind.Object, range, selection)];
    if (YAML.isSeq(value)) return [symbol(name, SymbolKind.Array, range, selection)];
    const text = YAML.isScalar(value) && value.value !== null ? String(value.value).replace(/\s+/g, ' ').trim() : undefined;
    return [symbol(name, YAML.isScalar(value) && typeof value.value === 'number' ? SymbolKind.Number : SymbolKind.String, range, selection, text)];
  });
}
