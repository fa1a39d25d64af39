/** Which of a brief's questions a scorecard rates, and which it still has to. */
import type { BriefForScoring, Scorecard, ScoredQuestion } from '../model/scorecard';

/** The brief's required, not waived questions that the scorecard gives no score (absent, or empty). */
export function unratedQuestions(card: Scorecard, facts: BriefForScoring): ScoredQuestion[] {
  const rated = new Set(card.ratings.filter((rating) => rating.value !== null && !isEmptyScalar(rating.value)).map((rating) => rating.id));
  return facts.questions.filter((question) => question.priority === 'required' && !facts.waived.has(question.id) && !rated.has(question.id));
}

/** The brief's questions the scorecard does not list under `ratings` at all. */
export function unlistedQuestions(card: Scorecard, facts: BriefForScoring): ScoredQuestion[] {
  const listed = new Set(card.ratings.map((rating) => rating.id));
  return facts.questions.filter((question) => !listed.has(question.id) && !facts.waived.has(question.id));
}

function isEmptyScalar(node: unknown): boolean {
  return typeof node === 'object' && node !== null && 'value' in node && (node as { value: unknown }).value === null;
}
