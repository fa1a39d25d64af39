/**
 * Completion in a scorecard: its keys; under `ratings` the brief's question
 * ids not yet rated, under `skills` its skills; for a score, 1 to 5 with each
 * anchor of the question's rubric; and the values the schema enumerates
 * (`recommendation`, `quote.per`). Every item replaces the partly typed word.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import { cursorContext, type CursorContext } from '../cursor';
import { schemaAt } from '../schema';
import type { ScoredQuestion } from '../model/scorecard';
import { toRange } from '../parse';
import { SCORES } from '../rubric';
import type { ScorecardContext } from './context';
import { questionHover } from './hover';

/** What each score means when the question has no anchor for it. */
const SCALE: Readonly<Record<number, string>> = { 1: 'Poor', 2: 'Weak', 3: 'Adequate', 4: 'Good', 5: 'Excellent' };

/** The completions at a position of a scorecard. */
export function doScorecardComplete(context: ScorecardContext, position: Position): CompletionList {
  const { document, parsed } = context;
  const cursor = cursorContext(parsed.text, document.offsetAt(position));
  if (!cursor || cursor.flow) return { isIncomplete: false, items: [] };
  const range = toRange(document, cursor.word);
  const item = (label: string, insert: string, extra: Omit<CompletionItem, 'label'>): CompletionItem => ({ label, textEdit: { range, newText: insert }, ...extra });
  const keyText = (name: string) => (cursor.colonAfter ? name : `${name}: `);
  const facts = context.brief?.facts;
  const [section, id, field] = cursor.path;
  const items: CompletionItem[] = [];

  if (cursor.kind === 'key' && cursor.path.length === 1 && section === 'ratings') {
    for (const question of facts?.questions ?? []) {
      if (cursor.keys.includes(question.id)) continue;
      items.push(item(question.id, keyText(question.id), {
        kind: CompletionItemKind.Field,
        detail: question.ask,
        documentation: { kind: MarkupKind.Markdown, value: questionHover(question) },
        sortText: `${question.priority === 'required' ? 0 : 1}${String(items.length).padStart(4, '0')}`,
      }));
    }
  } else if (cursor.kind === 'key' && cursor.path.length === 1 && section === 'skills') {
    for (const [skill, name] of facts?.skills ?? []) {
      if (!cursor.keys.includes(skill)) items.push(item(skill, keyText(skill), { kind: CompletionItemKind.Field, detail: name }));
    }
  } else if (cursor.kind === 'value' && (section === 'ratings' || section === 'skills') && typeof id === 'string' && (cursor.path.length === 2 || field === 'score')) {
    const question = section === 'ratings' ? facts?.questions.find((candidate) => candidate.id === id) : undefined;
    for (const score of scoreItems(question, (label, insert, extra) => item(label, insert, extra))) items.push(score);
  } else if (cursor.kind === 'key') {
    const schema = schemaAt(cursor.path, 'score');
    for (const [name, property] of Object.entries(schema?.properties ?? {})) {
      if (cursor.keys.includes(name)) continue;
      items.push(item(name, keyText(name), {
        kind: CompletionItemKind.Property,
        detail: property.description,
        ...(property.markdownDescription ? { documentation: { kind: MarkupKind.Markdown, value: property.markdownDescription } } : {}),
      }));
    }
  } else if (cursor.kind === 'value') {
    const schema = schemaAt(cursor.path, 'score');
    (schema?.enum ?? []).forEach((value, index) => {
      items.push(item(String(value), String(value), {
        kind: CompletionItemKind.EnumMember,
        detail: schema?.enumDescriptions?.[index],
        sortText: String(index).padStart(2, '0'),
      }));
    });
    if (pathIs(cursor, 'quote', 'currency') && facts?.rate?.currency) {
      items.push(item(facts.rate.currency, facts.rate.currency, { kind: CompletionItemKind.Value, detail: "The brief's currency" }));
    }
  }
  return { isIncomplete: false, items };
}

/** The scores 1 to 5, each with its anchor (or the scale's word) and the question's rubric. */
function scoreItems(question: ScoredQuestion | undefined, item: (label: string, insert: string, extra: Omit<CompletionItem, 'label'>) => CompletionItem): CompletionItem[] {
  return SCORES.map((score) =>
    item(String(score), String(score), {
      kind: CompletionItemKind.Value,
      detail: question?.rubric.get(score) ?? SCALE[score],
      ...(question ? { documentation: { kind: MarkupKind.Markdown, value: questionHover(question, score) } } : {}),
      sortText: String(score),
    }),
  );
}

function pathIs(cursor: CursorContext, ...path: string[]): boolean {
  return cursor.path.length === path.length && path.every((segment, index) => cursor.path[index] === segment);
}
