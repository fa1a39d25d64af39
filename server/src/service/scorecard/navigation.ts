/** Go to definition in a scorecard: from a rating to the question in the brief, from a skill's score to the skill, from `brief` to the brief. */
import { type Location, type Position } from 'vscode-languageserver-types';
import { readBrief } from '../model/brief';
import { nodeAt } from '../cursor';
import { nodeSpan, toRange } from '../parse';
import type { ScorecardContext } from './context';

/** Where the question, skill or brief at a position of a scorecard is defined; none elsewhere. */
export function findScorecardDefinition(context: ScorecardContext, position: Position): Location[] {
  const at = nodeAt(context.parsed, context.document.offsetAt(position));
  const brief = context.brief;
  if (!at || !brief?.document || !brief.parsed || !brief.uri) return [];
  const [section, id] = at.path;
  const briefDocument = brief.document;
  const at0 = (span: { start: number; end: number } | undefined): Location[] => (span ? [{ uri: brief.uri!, range: toRange(briefDocument, span) }] : []);
  if (section === 'brief' && at.path.length === 1 && !at.isKey) return at0({ start: 0, end: 0 });
  if (typeof id !== 'string') return [];
  if (section === 'ratings') return at0(nodeSpan(brief.facts?.questions.find((question) => question.id === id)?.idNode));
  if (section === 'skills') return at0(nodeSpan(readBrief(brief.parsed)?.skills.find((skill) => skill.id === id)?.idNode));
  return [];
}
