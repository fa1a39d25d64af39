/**
 * Hover in a scorecard: on a score, the question (or skill) it rates and the
 * rubric's anchors, the one at that score marked; on a rated question's id,
 * the question and its anchors; on a key, what the scorecard schema says.
 */
import * as YAML from 'yaml';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { nodeAt } from '../cursor';
import { schemaAt } from '../schema';
import { hiddenTextHover } from '../hiddenText';
import type { ScoredQuestion } from '../model/scorecard';
import { nodeSpan, toRange } from '../parse';
import type { ScorecardContext } from './context';

/** The hover at a position of a scorecard; null where there is nothing to say. */
export function doScorecardHover(context: ScorecardContext, position: Position): Hover | null {
  const { document, parsed } = context;
  const at = nodeAt(parsed, document.offsetAt(position));
  const span = at && nodeSpan(at.node);
  if (!at || !span) return null;
  const [section, id, field] = at.path;
  const facts = context.brief?.facts;
  let markdown: string | undefined;
  if ((section === 'ratings' || section === 'skills') && typeof id === 'string' && at.path.length <= 3) {
    const score = !at.isKey && (at.path.length === 2 || field === 'score') && YAML.isScalar(at.node) && typeof at.node.value === 'number' ? at.node.value : undefined;
    if (at.isKey && at.path.length === 3) markdown = schemaAt(at.path, 'score')?.markdownDescription;
    else if (section === 'ratings') {
      const question = facts?.questions.find((candidate) => candidate.id === id);
      markdown = question ? questionHover(question, score) : facts ? `\`${id}\` is no question of the brief.` : undefined;
    } else {
      const name = facts?.skills.get(id);
      const scored = score === undefined ? '' : `Scored **${score}** of 5. `;
      markdown = name ? `**${name}** (\`${id}\`)\n\n${scored}${skillQuestions(id, facts?.questions ?? [])}` : facts ? `\`${id}\` is no skill of the brief or its profile.` : undefined;
    }
  } else if (!at.isKey && at.path.length === 1 && section === 'brief' && context.brief?.uri) {
    markdown = context.brief.facts ? `The brief at \`${context.brief.uri}\`: ${context.brief.facts.questions.length} questions to rate.` : `No brief found at \`${context.brief.uri}\`.`;
  } else {
    const schema = schemaAt(at.path, 'score');
    const enumIndex = !at.isKey && YAML.isScalar(at.node) ? (schema?.enum ?? []).indexOf(at.node.value) : -1;
    markdown = enumIndex >= 0 ? (schema?.markdownEnumDescriptions?.[enumIndex] ?? schema?.markdownDescription) : at.isKey ? schema?.markdownDescription : undefined;
  }
  const hidden = at.isKey ? undefined : hiddenTextHover(at.node);
  const value = [hidden, markdown].filter(Boolean).join('\n\n');
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: toRange(document, span) } : null;
}

/** A question with its anchors; with a score, that score's anchor in bold and what the score is. */
export function questionHover(question: ScoredQuestion, score?: number): string {
  const lines = [`**${question.ask}** (\`${question.id}\`${question.priority ? `, ${question.priority}` : ''})`];
  if (score !== undefined) lines.push(`Scored **${score}** of 5${question.rubric.get(score) ? `: ${question.rubric.get(score)}` : ''}.`);
  if (question.rubric.size > 0) {
    lines.push(
      [...question.rubric].map(([anchor, text]) => (anchor === score ? `- **${anchor}: ${text}**` : `- ${anchor}: ${text}`)).join('\n'),
    );
  } else {
    lines.push('No rubric: 1 is poor, 3 adequate, 5 excellent.');
  }
  if (question.assesses.length > 0) lines.push(`Assesses: ${question.assesses.join(', ')}`);
  return lines.join('\n\n');
}

function skillQuestions(id: string, questions: readonly ScoredQuestion[]): string {
  const feeding = questions.filter((question) => question.assesses.includes(id)).map((question) => `\`${question.id}\``);
  return feeding.length ? `Questions that assess it: ${feeding.join(', ')}.` : 'No question of the brief assesses it.';
}
