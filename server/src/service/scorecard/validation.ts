/**
 * The findings of a scorecard (docs/format.md, "Scorecards"): the YAML, the
 * scorecard schema, hidden text, and the checks against its brief
 * (`unknown-brief`, `unknown-question`, `unknown-skill`, `unrated-question`,
 * `quote-over-max`), each on the node at fault.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { createDiagnostic, type DiagnosticCode } from '../codes';
import { checkHiddenText } from '../hiddenText';
import { firstLine, hasSyntaxErrors, nodeSpan, toRange, type Span } from '../parse';
import type { SuggestionData } from '../rules';
import { closest } from '../text';
import { syntaxDiagnostics, validateSchema } from '../validation';
import { unratedQuestions } from './questions';
import type { ScorecardContext } from './context';

/** `data` of an `unrated-question` finding: the question, for the code action. */
export interface UnratedData {
  readonly id: string;
}

/** Every finding of a scorecard, at its default severity, in document order. */
export function validateScorecard(context: ScorecardContext): Diagnostic[] {
  const { document, parsed, card } = context;
  const diagnostics = syntaxDiagnostics(document, parsed, 'score');
  if (hasSyntaxErrors(parsed)) return diagnostics;
  if (!card) {
    const root = parsed.yaml?.contents;
    const span = nodeSpan(root);
    diagnostics.push(
      createDiagnostic(
        toRange(document, span && span.end > span.start ? firstLine(parsed.text, span) : { start: 0, end: 0 }),
        'not-a-brief',
        `This scorecard is ${root ? 'not a mapping' : 'empty'}: a scorecard is a YAML mapping of keys such as \`hire-score: 1\`, \`brief\`, \`candidate\` and \`ratings\`.`,
      ),
    );
    return diagnostics;
  }
  const report = (span: Span | undefined, code: DiagnosticCode, message: string, data?: unknown) => {
    if (span) diagnostics.push(createDiagnostic(toRange(document, firstLine(parsed.text, span)), code, message, data));
  };
  for (const found of [validateSchema(document, parsed, 'score'), checkHiddenText(document, parsed)]) {
    for (const diagnostic of found) diagnostics.push(diagnostic);
  }

  const brief = context.brief;
  if (card.brief && brief && !brief.facts) {
    const where = brief.uri === undefined ? 'this scorecard has not been saved, so a path relative to it leads nowhere' : brief.document ? 'that file is not a brief' : 'there is no file there to read';
    report(nodeSpan(card.brief.node), 'unknown-brief', `No brief at '${card.brief.path}': ${where}. The path is relative to this scorecard, such as '../night-market.hire.yaml'.`, { value: card.brief.path });
  }
  const facts = brief?.facts;
  // A brief that does not parse may have lost questions: nothing is checked against it until it does.
  if (facts?.complete) {
    const questionIds = facts.questions.map((question) => question.id);
    const known = new Set(questionIds);
    for (const rating of card.ratings) {
      if (known.has(rating.id)) continue;
      const suggestion = closest(rating.id, questionIds);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      report(nodeSpan(rating.key), 'unknown-question', `'${rating.id}' is no question of the brief.${hint} Its questions: ${questionIds.join(', ') || 'none'}.`, {
        value: rating.id,
        suggestion,
      } satisfies SuggestionData);
    }
    const skillIds = [...facts.skills.keys()];
    for (const rating of card.skills) {
      if (facts.skills.has(rating.id)) continue;
      const suggestion = closest(rating.id, skillIds);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      report(nodeSpan(rating.key), 'unknown-skill', `'${rating.id}' is no skill of the brief or its profile.${hint}`, { value: rating.id, suggestion } satisfies SuggestionData);
    }
    const anchor = nodeSpan(card.sections.get('ratings')?.key) ?? nodeSpan(card.brief?.node);
    for (const question of unratedQuestions(card, facts)) {
      report(anchor, 'unrated-question', `No rating for the required question '${question.id}': "${question.ask}" Score it 1 to 5.`, { id: question.id } satisfies UnratedData);
    }
    const quote = card.quote;
    const rate = facts.rate;
    if (quote?.amount !== undefined && rate?.max !== undefined && quote.currency === rate.currency && quote.per === rate.per && quote.amount > rate.max) {
      report(nodeSpan(quote.amountNode), 'quote-over-max', `The quote ${quote.amount} ${quote.currency} a ${quote.per} is above the most the brief will pay (max: ${rate.max}).`);
    }
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
