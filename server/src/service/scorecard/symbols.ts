/** The outline of a scorecard: its keys, with each rated question and skill under `ratings` and `skills`. */
import * as YAML from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Rating } from '../model/scorecard';
import { keyName, nodeSpan, toRange, type Span } from '../parse';
import type { ScorecardContext } from './context';

/** The symbols of a scorecard. */
export function findScorecardSymbols(context: ScorecardContext): DocumentSymbol[] {
  const { document, parsed, card } = context;
  if (!card) return [];
  const trimmed = (span: Span): Span => ({ start: span.start, end: span.start + parsed.text.slice(span.start, span.end).trimEnd().length });
  const symbol = (name: string, detail: string | undefined, kind: SymbolKind, whole: Span, key: Span, children?: DocumentSymbol[]): DocumentSymbol => ({
    name,
    ...(detail ? { detail } : {}),
    kind,
    range: toRange(document, trimmed(whole)),
    selectionRange: toRange(document, key),
    ...(children ? { children } : {}),
  });
  const asks = new Map(context.brief?.facts?.questions.map((question) => [question.id, question.ask] as const) ?? []);
  const ratingSymbols = (ratings: readonly Rating[], detail: (rating: Rating) => string | undefined) =>
    ratings.flatMap((rating) => {
      const key = nodeSpan(rating.key);
      const end = nodeSpan(rating.value)?.end ?? key?.end;
      return key && end !== undefined ? [symbol(rating.id, detail(rating), SymbolKind.Field, { start: key.start, end }, key)] : [];
    });
  const score = (rating: Rating) => (rating.score === undefined ? 'not rated' : `${rating.score} of 5`);
  return card.root.items.flatMap((pair) => {
    const name = keyName(pair);
    const key = nodeSpan(pair.key as YAML.Node);
    const whole = nodeSpan(pair);
    if (!key || !whole) return [];
    if (name === 'ratings') {
      return [symbol(name, `${card.ratings.filter((rating) => rating.score !== undefined).length} rated`, SymbolKind.Object, whole, key, ratingSymbols(card.ratings, (rating) => `${score(rating)}${asks.has(rating.id) ? ` · ${asks.get(rating.id)}` : ''}`))];
    }
    if (name === 'skills') return [symbol(name, undefined, SymbolKind.Object, whole, key, ratingSymbols(card.skills, score))];
    const value = pair.value;
    const detail = YAML.isScalar(value) && ['candidate', 'interviewer', 'date', 'recommendation', 'stage', 'brief'].includes(name) ? String(value.value ?? '') : undefined;
    return [symbol(name, detail, YAML.isMap(value) ? SymbolKind.Object : SymbolKind.Property, whole, key)];
  });
}
