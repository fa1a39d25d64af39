/**
 * The scorecard model: one interviewer's ratings of one candidate
 * (`*.hire-score.yaml`), each part with the YAML node it came from, and what
 * a scorecard needs from its brief (the questions to rate with their
 * priority, rubric and the skills they assess; the skills; the waived ids;
 * the rate). Reading is lenient: a malformed part is skipped here and
 * reported by the schema.
 */
import * as YAML from 'yaml';
import { findPair, hasSyntaxErrors, type ParsedDocument } from '../parse';
import type { ProfileRegistry } from '../profiles';
import { anchors } from '../rubric';
import { readBrief, readSections, resolveBrief, sectionField, type BriefPair } from './brief';

/** The top-level keys of a scorecard, in the order docs/format.md lists them. */
export const SCORECARD_KEYS = [
  'hire-score', 'brief', 'candidate', 'interviewer', 'date', 'stage', 'ratings', 'skills', 'quote', 'recommendation', 'takeaways', 'notes',
] as const;

/** The recommendations, from the strongest no to the strongest yes. */
export const RECOMMENDATIONS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;

/** A recommendation. */
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** A rating of a question (under `ratings`) or of a skill (under `skills`). */
export interface Rating {
  /** The question or skill id. */
  readonly id: string;
  readonly key: YAML.Scalar;
  /** The whole value: a score, `{score, notes}`, or empty. */
  readonly value: YAML.Node | null;
  /** The score, when it is an integer from 1 to 5. */
  readonly score?: number;
  /** The score's node: the value itself, or the mapping's `score` value. */
  readonly scoreNode?: YAML.Scalar;
  readonly notes?: string;
}

/** What the candidate quoted. */
export interface Quote {
  readonly amount?: number;
  readonly amountNode?: YAML.Scalar;
  readonly currency?: string;
  readonly per?: string;
  readonly hours?: number;
}

/** The parts of a scorecard the features read. */
export interface Scorecard {
  readonly root: YAML.YAMLMap;
  /** Top-level pairs by key. */
  readonly sections: ReadonlyMap<string, BriefPair>;
  /** The `brief` path as written, with its node. */
  readonly brief?: { readonly path: string; readonly node: YAML.Scalar };
  readonly candidate?: string;
  readonly interviewer?: string;
  readonly date?: string;
  readonly stage?: string;
  readonly ratings: readonly Rating[];
  readonly skills: readonly Rating[];
  readonly quote?: Quote;
  readonly recommendation?: Recommendation;
  readonly takeaways?: string;
}

/** The scorecard model of each parse, read once. */
const scorecards = new WeakMap<ParsedDocument, Scorecard | undefined>();

/** Reads the scorecard model of a parsed document; undefined when its root is not a mapping. */
export function readScorecard(parsed: ParsedDocument): Scorecard | undefined {
  if (!scorecards.has(parsed)) scorecards.set(parsed, read(parsed));
  return scorecards.get(parsed);
}

/** Forgets the model of a parse that is no longer used. */
export function forgetScorecard(parsed: ParsedDocument): void {
  scorecards.delete(parsed);
}

function read(parsed: ParsedDocument): Scorecard | undefined {
  const root = parsed.yaml?.contents;
  if (!YAML.isMap(root)) return undefined;
  const sections = readSections(root);
  const text = (key: string) => {
    const value = sections.get(key)?.value;
    return YAML.isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
  };
  const briefNode = sections.get('brief')?.value;
  const quoteNode = sections.get('quote')?.value;
  const recommendation = text('recommendation');
  return {
    root,
    sections,
    brief: YAML.isScalar(briefNode) && typeof briefNode.value === 'string' ? { path: briefNode.value, node: briefNode } : undefined,
    candidate: text('candidate')?.trim() || undefined,
    interviewer: text('interviewer')?.trim() || undefined,
    date: text('date'),
    stage: text('stage'),
    ratings: readRatings(sections.get('ratings')?.value),
    skills: readRatings(sections.get('skills')?.value),
    quote: YAML.isMap(quoteNode) ? readQuote(quoteNode) : undefined,
    recommendation: (RECOMMENDATIONS as readonly string[]).includes(recommendation ?? '') ? (recommendation as Recommendation) : undefined,
    takeaways: text('takeaways'),
  };
}

function readRatings(map: YAML.Node | null | undefined): Rating[] {
  if (!YAML.isMap(map)) return [];
  const ratings: Rating[] = [];
  for (const pair of map.items) {
    if (!YAML.isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
    const value = (pair.value ?? null) as YAML.Node | null;
    const scoreNode = YAML.isMap(value) ? findPair(value, 'score')?.value : value;
    const notesNode = YAML.isMap(value) ? findPair(value, 'notes')?.value : undefined;
    const score = YAML.isScalar(scoreNode) && isScore(scoreNode.value) ? scoreNode.value : undefined;
    ratings.push({
      id: pair.key.value,
      key: pair.key,
      value,
      score,
      scoreNode: YAML.isScalar(scoreNode) ? scoreNode : undefined,
      notes: YAML.isScalar(notesNode) && typeof notesNode.value === 'string' ? notesNode.value : undefined,
    });
  }
  return ratings;
}

function readQuote(map: YAML.YAMLMap): Quote {
  const scalar = (key: string) => {
    const value = findPair(map, key)?.value;
    return YAML.isScalar(value) ? value : undefined;
  };
  const number = (key: string) => (typeof scalar(key)?.value === 'number' ? (scalar(key)!.value as number) : undefined);
  const string = (key: string) => (typeof scalar(key)?.value === 'string' ? (scalar(key)!.value as string) : undefined);
  return { amount: number('amount'), amountNode: scalar('amount'), currency: string('currency'), per: string('per'), hours: number('hours') };
}

/** Whether a value is a score: an integer from 1 to 5. */
export function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/**
 * The URI of the brief a scorecard names, resolved against the scorecard's
 * URI (a path relative to the scorecard; `\` read as `/`). Undefined when the
 * scorecard has no URI a path can be resolved against (an untitled document).
 */
export function resolveBriefUri(scorecardUri: string, path: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(scorecardUri) || path.trim() === '') return undefined;
  try {
    const resolved = new URL(path.trim().replace(/\\/g, '/').split('/').map(encodeSegment).join('/'), scorecardUri);
    resolved.search = '';
    resolved.hash = '';
    return resolved.href;
  } catch {
    return undefined;
  }
}

/** A path segment with the characters a URL reads specially (`%`, `?`, `#`) escaped, and spaces as a file URI writes them. */
function encodeSegment(segment: string): string {
  return segment.replace(/[%?#]/g, (character) => encodeURIComponent(character));
}

/** A question of the brief as a scorecard rates it: the brief's fields over its profile's. */
export interface ScoredQuestion {
  readonly id: string;
  readonly ask: string;
  /** The profile question's priority; none for a question the brief adds on its own, which is not required. */
  readonly priority?: 'required' | 'recommended';
  /** The rubric's anchors, by score. */
  readonly rubric: ReadonlyMap<number, string>;
  /** The skills it assesses. */
  readonly assesses: readonly string[];
  /** The question's `id` scalar in the brief. */
  readonly idNode: YAML.Scalar;
}

/** What a scorecard needs from its brief. */
export interface BriefForScoring {
  /** Whether the brief parses: when it does not, its questions may be cut short, and nothing is checked against them. */
  readonly complete: boolean;
  /** The brief's questions, in its order (each id once). */
  readonly questions: readonly ScoredQuestion[];
  /** The skills of the brief and of its profile, by id, with a name. */
  readonly skills: ReadonlyMap<string, string>;
  /** The brief's questions that are waived (a waived `questions` section waives every question). */
  readonly waived: ReadonlySet<string>;
  /** The brief's rate, as far as it is given. */
  readonly rate?: { readonly currency?: string; readonly per?: string; readonly max?: number };
}

/**
 * What a scorecard reads of its brief, from the brief's resolved model (its
 * questions and skills over its profile's); undefined when the brief's root
 * is not a mapping.
 */
export function briefForScoring(parsed: ParsedDocument, profiles: ProfileRegistry): BriefForScoring | undefined {
  const brief = readBrief(parsed);
  if (!brief) return undefined;
  const resolved = resolveBrief(brief, profiles);
  const seen = new Set<string>();
  const questions: ScoredQuestion[] = [];
  for (const question of resolved.questions) {
    if (seen.has(question.id)) continue;
    seen.add(question.id);
    questions.push({
      id: question.id,
      ask: question.ask ?? question.id,
      priority: question.priority === 'required' || question.priority === 'recommended' ? question.priority : undefined,
      rubric: new Map(anchors(question.rubric).map((anchor) => [anchor.score, anchor.text] as const)),
      assesses: question.assesses,
      idNode: question.item.idNode,
    });
  }
  const skills = new Map<string, string>();
  for (const skill of [...resolved.unlistedSkills, ...resolved.skills]) if (!skills.has(skill.id)) skills.set(skill.id, skill.name ?? skill.id);
  // The profile's order first (as the kit lists skills), then the brief's own.
  const ordered = new Map([...(resolved.profile?.skills ?? []).flatMap((skill) => (skills.has(skill.id) ? [[skill.id, skills.get(skill.id)!] as const] : [])), ...skills]);
  const waived = new Set(questions.filter((question) => resolved.isWaived(question.id, 'questions')).map((question) => question.id));
  const rate = brief.sections.get('rate')?.value;
  const field = (key: string) => {
    const value = sectionField(brief, 'rate', key);
    return YAML.isScalar(value) ? value.value : undefined;
  };
  return {
    complete: !hasSyntaxErrors(parsed),
    questions,
    skills: ordered,
    waived,
    rate: YAML.isMap(rate)
      ? { currency: stringOr(field('currency')), per: stringOr(field('per')), max: typeof field('max') === 'number' ? (field('max') as number) : undefined }
      : undefined,
  };
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The path a scorecard at one URI writes for a brief at another: relative,
 * with `/` separators (`../night-market.hire.yaml`). Both URIs must have the
 * same scheme and authority; otherwise the brief's URI itself.
 */
export function relativeBriefPath(scorecardUri: string, briefUri: string): string {
  let from: URL;
  let to: URL;
  try {
    from = new URL(scorecardUri);
    to = new URL(briefUri);
  } catch {
    return briefUri;
  }
  if (from.protocol !== to.protocol || from.host !== to.host) return briefUri;
  const segments = (url: URL) => url.pathname.split('/').map((segment) => decodeURIComponent(segment));
  const folder = segments(from).slice(0, -1);
  const target = segments(to);
  let common = 0;
  while (common < folder.length && common < target.length - 1 && folder[common] === target[common]) common++;
  return [...folder.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}
