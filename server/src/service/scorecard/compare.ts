/**
 * The candidates side by side (`hire compare`): from every scorecard of a
 * brief, per candidate, the recommendations tallied, each question's scores
 * and mean, each skill's mean (the scores of the questions that assess it and
 * its direct scores), the quote against the brief's ceiling, the questions
 * whose scores differ by 2 or more (what to settle at the debrief), and the
 * scorecards still missing a required rating. As JSON (docs/format.md), text,
 * Markdown and a standalone HTML page. Notes and take-aways are never shown.
 */
import { RECOMMENDATIONS, type BriefForScoring, type Recommendation, type Scorecard } from '../model/scorecard';
import { unratedQuestions } from './questions';

/** A scorecard to compare, with the path it is shown under. */
export interface ScorecardInput {
  readonly path: string;
  readonly card: Scorecard;
}

/** A question's scores for one candidate, in the order of the scorecards. */
export interface QuestionScores {
  readonly scores: number[];
  readonly mean: number;
}

/** One candidate's scorecards, summed up. */
export interface CandidateSummary {
  readonly candidate: string;
  readonly scorecards: number;
  readonly recommendations: Record<Recommendation, number>;
  readonly questions: Record<string, QuestionScores>;
  readonly skills: Record<string, { readonly mean: number }>;
  /** The latest quote (by interview date); null when no scorecard has one. */
  readonly quote: { readonly amount: number; readonly currency: string; readonly per: string; readonly over_max: boolean } | null;
  /** The questions whose scores differ by 2 or more. */
  readonly spread: { readonly question: string; readonly min: number; readonly max: number }[];
  /** The scorecards that still miss a rating of a required question, and which. */
  readonly unrated: { readonly scorecard: string; readonly interviewer: string; readonly questions: string[] }[];
}

/** The comparison of a brief's candidates (`hire compare --format json`). */
export interface Comparison {
  readonly version: 1;
  readonly brief: string;
  readonly candidates: CandidateSummary[];
}

/** The difference between two scores of one question that is worth talking about at the debrief. */
export const SPREAD = 2;

/** Compares the candidates of a brief (shown as `brief`) from its scorecards. */
export function compareScorecards(brief: string, facts: BriefForScoring, inputs: readonly ScorecardInput[]): Comparison {
  const byCandidate = new Map<string, ScorecardInput[]>();
  const ordered = [...inputs].sort((a, b) => (a.card.date ?? '').localeCompare(b.card.date ?? '') || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const input of ordered) {
    const name = input.card.candidate ?? '(no candidate)';
    byCandidate.set(name, [...(byCandidate.get(name) ?? []), input]);
  }
  const candidates = [...byCandidate].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([candidate, cards]) => summarize(candidate, cards, facts));
  return { version: 1, brief, candidates };
}

function summarize(candidate: string, inputs: readonly ScorecardInput[], facts: BriefForScoring): CandidateSummary {
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((recommendation) => [recommendation, 0])) as Record<Recommendation, number>;
  for (const { card } of inputs) if (card.recommendation) recommendations[card.recommendation]++;

  const questions: Record<string, QuestionScores> = {};
  const skillScores = new Map<string, number[]>();
  const addSkill = (id: string, score: number) => skillScores.set(id, [...(skillScores.get(id) ?? []), score]);
  for (const question of facts.questions) {
    const scores = inputs.flatMap(({ card }) => card.ratings.filter((rating) => rating.id === question.id && rating.score !== undefined).map((rating) => rating.score!));
    if (scores.length === 0) continue;
    questions[question.id] = { scores, mean: mean(scores) };
    for (const skill of question.assesses) for (const score of scores) addSkill(skill, score);
  }
  for (const { card } of inputs) for (const rating of card.skills) if (rating.score !== undefined && facts.skills.has(rating.id)) addSkill(rating.id, rating.score);
  const skillOrder = [...facts.skills.keys(), ...[...skillScores.keys()].filter((id) => !facts.skills.has(id))];
  const skills: Record<string, { mean: number }> = {};
  for (const id of skillOrder) if (skillScores.has(id)) skills[id] = { mean: mean(skillScores.get(id)!) };

  const quoted = inputs.filter(({ card }) => card.quote?.amount !== undefined && card.quote.currency !== undefined && card.quote.per !== undefined).at(-1)?.card.quote;
  const rate = facts.rate;
  const quote = quoted
    ? {
        amount: quoted.amount!,
        currency: quoted.currency!,
        per: quoted.per!,
        over_max: rate?.max !== undefined && quoted.currency === rate.currency && quoted.per === rate.per && quoted.amount! > rate.max,
      }
    : null;

  const spread = Object.entries(questions).flatMap(([question, { scores }]) => {
    const min = scores.reduce((low, score) => Math.min(low, score), Infinity);
    const max = scores.reduce((high, score) => Math.max(high, score), -Infinity);
    return max - min >= SPREAD ? [{ question, min, max }] : [];
  });
  const unrated = inputs.flatMap(({ path, card }) => {
    const missing = unratedQuestions(card, facts).map((question) => question.id);
    return missing.length ? [{ scorecard: path, interviewer: card.interviewer ?? '', questions: missing }] : [];
  });
  return { candidate, scorecards: inputs.length, recommendations, questions, skills, quote, spread, unrated };
}

function mean(scores: readonly number[]): number {
  return Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100;
}

/** The JSON of a comparison. */
export function comparisonJson(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}

/** What the text and Markdown views say of a candidate, line by line. */
function facts(summary: CandidateSummary, brief: BriefForScoring) {
  const recommendations = [...RECOMMENDATIONS].reverse().map((recommendation) => `${recommendation} ${summary.recommendations[recommendation]}`).join(', ');
  const rate = brief.rate;
  const ceiling = rate?.max !== undefined ? `${rate.max} ${rate.currency ?? ''} a ${rate.per ?? 'unit'}`.replace(/\s+/g, ' ') : undefined;
  const quote = summary.quote
    ? `${summary.quote.amount} ${summary.quote.currency} a ${summary.quote.per}${ceiling ? ` (ceiling ${ceiling})` : ''}${summary.quote.over_max ? ', over the ceiling' : ''}`
    : 'none recorded';
  const spread = summary.spread.map((item) => `${item.question} (${item.min} to ${item.max})`);
  const unrated = summary.unrated.map((item) => `${item.scorecard}${item.interviewer ? ` (${item.interviewer})` : ''}: ${item.questions.join(', ')}`);
  return { recommendations, quote, spread, unrated };
}

/** The text view: one block a candidate. */
export function comparisonText(comparison: Comparison, brief: BriefForScoring): string {
  if (comparison.candidates.length === 0) return `No scorecards name ${comparison.brief}.\n`;
  const blocks = comparison.candidates.map((summary) => {
    const said = facts(summary, brief);
    const skills = Object.entries(summary.skills).map(([id, { mean }]) => `${id} ${mean}`).join(', ');
    const questions = Object.entries(summary.questions).map(([id, { scores, mean }]) => `${id} ${mean} (${scores.join(', ')})`).join(', ');
    return [
      `${summary.candidate}: ${summary.scorecards} scorecard${summary.scorecards === 1 ? '' : 's'}; ${said.recommendations}`,
      `  Skills: ${skills || 'none scored'}`,
      `  Questions: ${questions || 'none scored'}`,
      `  Quote: ${said.quote}`,
      `  Settle at the debrief: ${said.spread.join(', ') || 'nothing'}`,
      ...(said.unrated.length ? [`  Missing required ratings: ${said.unrated.join('; ')}`] : []),
    ].join('\n');
  });
  return `Candidates for ${comparison.brief}\n\n${blocks.join('\n\n')}\n`;
}

/** The Markdown view: candidates × skills, recommendations, quotes, what to settle and what is missing. */
export function comparisonMarkdown(comparison: Comparison, brief: BriefForScoring): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const inline = (text: string) => cell(text).replace(/([*_`[\]<>#])/g, '\\$1');
  const lines = [`# Candidates for ${inline(comparison.brief)}`, ''];
  if (comparison.candidates.length === 0) return `${lines.join('\n')}No scorecards name this brief yet. Write one for each interview: run **Hiring Briefs: New Scorecard** with the brief open in VS Code, or \`hire new --scorecard BRIEF --candidate NAME --interviewer NAME\`.\n`;
  const skillIds = skillColumns(comparison);
  const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  lines.push(
    row(['Candidate', 'Scorecards', ...RECOMMENDATIONS, ...skillIds.map(inline), 'Quote']),
    row(['---', '---:', ...RECOMMENDATIONS.map(() => '---:'), ...skillIds.map(() => '---:'), '---']),
  );
  for (const summary of comparison.candidates) {
    const said = facts(summary, brief);
    lines.push(row([inline(summary.candidate), summary.scorecards, ...RECOMMENDATIONS.map((recommendation) => summary.recommendations[recommendation]), ...skillIds.map((id) => summary.skills[id]?.mean ?? '–'), inline(said.quote)]));
  }
  const settle = comparison.candidates.flatMap((summary) => facts(summary, brief).spread.map((item) => `- ${inline(summary.candidate)}: ${inline(item)}`));
  const missing = comparison.candidates.flatMap((summary) => facts(summary, brief).unrated.map((item) => `- ${inline(summary.candidate)}: ${inline(item)}`));
  const sections = [
    '', '## Settle at the debrief', '', settle.length ? settle.join('\n') : 'Every question\'s scores are within 1 of each other.',
    '', '## Missing required ratings', '', missing.length ? missing.join('\n') : 'Every scorecard rates every required question.',
  ];
  return `${lines.concat(sections).join('\n')}\n`;
}

/** What the HTML views say when no scorecard names the brief: that, and how to write one. */
export const NO_SCORECARDS_HTML =
  '<p class="hire-empty">No scorecards name this brief yet. Write one for each interview: run <strong>Hiring Briefs: New Scorecard</strong> with the brief open in VS Code, or <code>hire new --scorecard BRIEF --candidate NAME --interviewer NAME --out NAME.hire-score.yaml</code>.</p>';

/**
 * The HTML of a comparison without the page around it: the table of
 * candidates, what to settle at the debrief and the missing ratings, every
 * value escaped. The page of `hire compare --format html` and the preview's
 * Candidates view both show it.
 */
export function comparisonFragment(comparison: Comparison, brief: BriefForScoring): string {
  const title = `Candidates for ${comparison.brief}`;
  if (comparison.candidates.length === 0) return `<section class="hire-candidates">\n<h1>${escape(title)}</h1>\n${NO_SCORECARDS_HTML}\n</section>`;
  const skillIds = skillColumns(comparison);
  const rows = comparison.candidates.map((summary) => {
    const said = facts(summary, brief);
    return `<tr><th scope="row">${escape(summary.candidate)}</th><td>${summary.scorecards}</td>${RECOMMENDATIONS.map((recommendation) => `<td>${summary.recommendations[recommendation]}</td>`).join('')}${skillIds.map((id) => `<td>${summary.skills[id]?.mean ?? '–'}</td>`).join('')}<td${summary.quote?.over_max ? ' class="over"' : ''}>${escape(said.quote)}</td></tr>`;
  });
  const list = (items: string[], empty: string) => (items.length ? `<ul>${items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>` : `<p>${escape(empty)}</p>`);
  const settle = comparison.candidates.flatMap((summary) => facts(summary, brief).spread.map((item) => `${summary.candidate}: ${item}`));
  const missing = comparison.candidates.flatMap((summary) => facts(summary, brief).unrated.map((item) => `${summary.candidate}: ${item}`));
  const table = `<div class="hire-table"><table><thead><tr><th scope="col">Candidate</th><th scope="col">Scorecards</th>${RECOMMENDATIONS.map((recommendation) => `<th scope="col">${recommendation}</th>`).join('')}${skillIds.map((id) => `<th scope="col">${escape(id)}</th>`).join('')}<th scope="col">Quote</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  return `<section class="hire-candidates">
<h1>${escape(title)}</h1>
${table}
<h2>Settle at the debrief</h2>
${list(settle, 'Every question\'s scores are within 1 of each other.')}
<h2>Missing required ratings</h2>
${list(missing, 'Every scorecard rates every required question.')}
</section>`;
}

/** The HTML view: a standalone page around `comparisonFragment`, with its own small stylesheet. */
export function comparisonHtml(comparison: Comparison, brief: BriefForScoring): string {
  const title = `Candidates for ${comparison.brief}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left}td{text-align:right}.over{color:#a40000;font-weight:600}@media print{body{margin:0}}</style>
</head>
<body>
${comparisonFragment(comparison, brief)}
</body>
</html>
`;
}

/** The skills any candidate has a mean for, in the order of the first candidates. */
function skillColumns(comparison: Comparison): string[] {
  const ids: string[] = [];
  for (const summary of comparison.candidates) for (const id of Object.keys(summary.skills)) if (!ids.includes(id)) ids.push(id);
  return ids;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
