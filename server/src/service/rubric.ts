/**
 * Rubrics: what an answer at a score (1 to 5) sounds like. A question of a
 * brief or a profile may have one; a brief's question without its own
 * inherits its profile question's, as `why` does. This module reads them
 * from plain data; it imports nothing, so that profiles, rules and the
 * renderer can all use it.
 */

/** The scores of a rating, lowest first. */
export const SCORES = [1, 2, 3, 4, 5] as const;

/** A score of a rating. */
export type Score = (typeof SCORES)[number];

/** Anchor texts by score: at least 1 and 5 in a valid rubric (the schema says so). */
export type Rubric = Readonly<Partial<Record<Score, string>>>;

/** A score written as a key (`1:`, `"1":`); undefined for anything else. */
function scoreOf(key: unknown): Score | undefined {
  const score = typeof key === 'number' ? key : typeof key === 'string' && /^[1-5]$/.test(key.trim()) ? Number(key) : undefined;
  return SCORES.find((candidate) => candidate === score);
}

/**
 * A rubric from plain data, leniently: the anchors whose key is a score and
 * whose text is not empty. Undefined when the value is no mapping or has no
 * such anchor (the schema reports what is wrong with it).
 */
export function readRubric(value: unknown): Rubric | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const rubric: Partial<Record<Score, string>> = {};
  for (const [key, text] of Object.entries(value)) {
    const score = scoreOf(key);
    if (score !== undefined && typeof text === 'string' && text.trim() !== '') rubric[score] = text.trim();
  }
  return Object.keys(rubric).length > 0 ? rubric : undefined;
}

/** The anchors of a rubric, lowest score first. */
export function anchors(rubric: Rubric | undefined): { readonly score: Score; readonly text: string }[] {
  return SCORES.flatMap((score) => (rubric?.[score] === undefined ? [] : [{ score, text: rubric[score]! }]));
}
