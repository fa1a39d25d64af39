/**
 * Document symbols (the outline): each top-level section, and inside
 * `skills` and `questions` each item, named by its id.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { itemString, readBrief, type BriefItem } from './brief';
import { keyName, nodeSpan, toRange, type ParsedDocument, type Span } from './parse';
import type { ProfileRegistry } from './profiles';
import { briefProfile } from './rules';

/** The outline of a brief: sections, with skills (detail: need) and questions (detail: the ask) under theirs. */
export function findDocumentSymbols(document: TextDocument, parsed: ParsedDocument, profiles: ProfileRegistry): DocumentSymbol[] {
  const brief = readBrief(parsed);
  if (!brief) return [];
  const profile = briefProfile(brief, profiles);
  // A block node's span ends after its line break; the symbol ends with its text.
  const trimmed = (span: Span): Span => ({ start: span.start, end: span.start + parsed.text.slice(span.start, span.end).trimEnd().length });
  const symbol = (name: string, kind: SymbolKind, range: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name,
    kind,
    range: toRange(document, trimmed(range)),
    // A key may be a block collection whose span takes the line break: the selection must lie inside the range.
    selectionRange: toRange(document, trimmed(selection)),
    ...(detail ? { detail } : {}),
    ...(children ? { children } : {}),
  });
  const items = (list: readonly BriefItem[], kind: SymbolKind, detail: (item: BriefItem) => string | undefined) =>
    list.flatMap((item) => {
      const range = nodeSpan(item.node);
      const selection = nodeSpan(item.idNode);
      return item.id && range && selection ? [symbol(item.id, kind, range, selection, detail(item))] : [];
    });

  return brief.root.items.flatMap((pair) => {
    const name = keyName(pair);
    const range = nodeSpan(pair);
    const selection = nodeSpan(pair.key as YAML.Node);
    if (!name || !range || !selection) return [];
    const value = pair.value;
    if (pair === brief.sections.get('skills')) {
      const need = (item: BriefItem) => itemString(item, 'need') ?? profile?.skills.find((skill) => skill.id === item.id)?.need ?? 'required';
      return [symbol(name, SymbolKind.Array, range, selection, undefined, items(brief.skills, SymbolKind.Field, need))];
    }
    if (pair === brief.sections.get('questions')) {
      const ask = (item: BriefItem) => itemString(item, 'ask') ?? profile?.questions.find((question) => question.id === item.id)?.ask;
      return [symbol(name, SymbolKind.Array, range, selection, undefined, items(brief.questions, SymbolKind.Event, ask))];
    }
    if (YAML.isMap(value)) return [symbol(name, SymbolKind.Object, range, selection)];
    if (YAML.isSeq(value)) return [symbol(name, SymbolKind.Array, range, selection)];
    const text = YAML.isScalar(value) && value.value !== null ? String(value.value).replace(/\s+/g, ' ').trim() : undefined;
    return [symbol(name, YAML.isScalar(value) && typeof value.value === 'number' ? SymbolKind.Number : SymbolKind.String, range, selection, text)];
  });
}
