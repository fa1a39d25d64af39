/**
 * A new scorecard for a brief (`hire new --scorecard`, and the editor's "New
 * Scorecard"): the brief, candidate, interviewer and today's date filled in,
 * every question of the brief listed under `ratings` with an empty score and
 * its question in a comment, and an empty recommendation. The empty scores of
 * required questions (`unrated-question`) and the empty recommendation
 * (`schema`) are findings until filled: an untouched scorecard never checks
 * clean.
 */
import type { BriefForScoring } from '../model/scorecard';
import { line as commentedLine, oneLine, scalar } from '../scaffold';

/** What a new scorecard says about its interview. */
export interface ScorecardScaffoldOptions {
  /** The brief's path relative to the scorecard, with `/` separators. */
  readonly brief: string;
  readonly candidate: string;
  readonly interviewer: string;
  /** A stage id, such as `interview`. */
  readonly stage?: string;
  /** The day of the interview; today by default. */
  readonly today?: Date;
}

/** The column trailing comments start at. */
const COMMENT_COLUMN = 32;

/** The text of a new scorecard for a brief. */
export function scaffoldScorecard(facts: BriefForScoring, options: ScorecardScaffoldOptions): string {
  const date = (options.today ?? new Date()).toISOString().slice(0, 10);
  const questions = facts.questions.filter((question) => !facts.waived.has(question.id));
  const rate = facts.rate;
  const lines = [
    '# A scorecard: one interview with one candidate. It holds personal data:',
    '# keep it out of any repository that people outside the hiring team can read.',
    'hire-score: 1',
    line(`brief: ${scalar(options.brief)}`, 'the brief, relative to this file'),
    line(`candidate: ${scalar(options.candidate)}`, 'a name or a code'),
    line(`interviewer: ${scalar(options.interviewer)}`, 'who held the interview'),
    line(`date: ${date}`, 'the day of the interview'),
    ...(options.stage ? [`stage: ${scalar(options.stage)}`] : []),
    '',
    '# Score each answer 1 (poor) to 5 (excellent) right after the interview,',
    '# before the debrief. `id: {score: 4, notes: ...}` keeps what you heard.',
    'ratings:',
    ...(questions.length
      ? questions.map((question) => line(`  ${question.id}:`, `${question.priority === 'required' ? '' : '(optional) '}${oneLine(question.ask)}`))
      : ['  # The brief has no questions yet.']),
    '',
    '# What they charge, as they said it:',
    '# quote:',
    '#   amount: 0',
    `#   currency: ${rate?.currency ?? 'USD'}`,
    `#   per: ${rate?.per ?? 'day'}`,
    '#   hours: 10',
    '',
    line('recommendation:', 'strong-no | no | yes | strong-yes'),
    '# takeaways: What you would tell the debrief first.',
  ];
  return `${lines.join('\n')}\n`;
}

/** A line with a trailing comment at the scorecard's comment column. */
function line(content: string, comment: string): string {
  return commentedLine(content, comment, COMMENT_COLUMN);
}
