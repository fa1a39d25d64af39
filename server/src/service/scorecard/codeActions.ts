/**
 * The scorecard's code actions: "Add ratings for every question of the
 * brief" (an empty rating for each question of the brief the scorecard does
 * not list yet, in the brief's order, after the ratings already there), and
 * for a question or skill id the brief spells differently, the brief's
 * spelling. Every other byte of the file stays as it is.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { addSection, addToMap, applyChanges, replaceScalar, type Splice } from '../edits';
import { SCORECARD_KEYS } from '../model/scorecard';
import { findPair, type ParsedDocument } from '../parse';
import type { SuggestionData } from '../rules';
import type { ScorecardContext } from './context';
import { unlistedQuestions } from './questions';

/** The title of the action. */
export const ADD_RATINGS_TITLE = 'Add ratings for every question of the brief';

/** The code actions of a scorecard at a range. */
export function getScorecardCodeActions(context: ScorecardContext, _range: Range, actionContext: CodeActionContext, _diagnostics: readonly Diagnostic[]): CodeAction[] {
  const kind = CodeActionKind.QuickFix;
  if (actionContext.only && !actionContext.only.some((only) => kind === only || kind.startsWith(`${only}.`))) return [];
  const { card, document, parsed } = context;
  const facts = context.brief?.facts;
  if (!card || !facts) return [];
  const actions: CodeAction[] = [];
  // A question or skill id that is a typo of one of the brief's: the key spelled as the brief spells it.
  for (const diagnostic of actionContext.diagnostics) {
    if (diagnostic.code !== 'unknown-question' && diagnostic.code !== 'unknown-skill') continue;
    const data = diagnostic.data as SuggestionData | undefined;
    if (!data?.suggestion) continue;
    const span = { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
    const splices = replaceScalar(parsed, span, data.value, data.suggestion);
    if (!splices) continue;
    actions.push({
      title: `Change to '${data.suggestion}'`,
      kind,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: applyChanges(document, parsed, [() => splices]).edits } },
    });
  }
  const ids = unlistedQuestions(card, facts).map((question) => question.id);
  if (ids.length === 0) return actions;
  const { edits } = applyChanges(document, parsed, [(current) => addRatings(current, ids)]);
  if (edits.length === 0) return actions;
  // The fix of the `unrated-question` findings the editor asks about; offered anywhere while a question is not listed.
  const fixes = actionContext.diagnostics.filter((diagnostic) => diagnostic.code === 'unrated-question');
  actions.push({
    title: ADD_RATINGS_TITLE,
    kind,
    ...(fixes.length ? { diagnostics: fixes } : {}),
    edit: { changes: { [document.uri]: edits } },
  });
  return actions;
}

/** The splices that add an empty rating for each id: into `ratings`, or a new `ratings` after the keys that come before it. */
export function addRatings(parsed: ParsedDocument, ids: readonly string[]): Splice[] | undefined {
  const entries = Object.fromEntries(ids.map((id) => [id, null]));
  const root = parsed.yaml?.contents;
  const before = SCORECARD_KEYS.slice(0, SCORECARD_KEYS.indexOf('ratings'));
  const after = [...before].reverse().find((key) => findPair(root, key));
  const splices = findPair(root, 'ratings') ? addToMap(parsed, 'ratings', entries) : addSection(parsed, 'ratings', entries, after);
  // An empty rating is written `id:`, as `hire new` writes it, not `id: null`.
  return splices?.map((splice) => ({ ...splice, text: splice.text.replace(/: null(?=\r?\n|$)/g, ':') }));
}
