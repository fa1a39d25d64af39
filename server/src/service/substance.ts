/**
 * Findings about substance: a section that is there but says nothing the
 * guide asks for. A value that still holds scaffold text (`placeholder`),
 * an `authority` with nothing decided or escalated (`empty-authority`), a
 * `rate` without the hours it covers or a ceiling (`no-hours`,
 * `no-ceiling`), a `workspace` without tools (`no-tools`), and a `waive`
 * key that names nothing (`unknown-waive`). Each finding's hover gives the
 * reason, and `data` holds what its quick fix needs.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { BRIEF_KEYS, resolveBrief, type Brief, type ResolvedBrief } from './model';
import { createDiagnostic } from './codes';
import { findPair, nodeSpan, toRange, type ParsedDocument, type Span } from './parse';
import type { ProfileRegistry } from './profiles';
import { closest } from './text';

/** The `data` of a `placeholder` finding: the value's text, and the scaffold text found in it. */
export interface PlaceholderData {
  readonly value: string;
  readonly placeholder: string;
}

/** The `data` of a `no-hours`, `no-ceiling` or `no-tools` finding: the section, and the key it lacks or leaves empty. */
export interface MissingKeyData {
  readonly section: 'rate' | 'workspace';
  readonly key: 'hours' | 'max' | 'tools';
  /** The unit of `rate.per`, when known: the placeholder names it. */
  readonly per?: string;
}

/** The `data` of an `unknown-waive` finding: the key, and the closest id it may have meant. */
export interface UnknownWaiveData {
  readonly value: string;
  readonly suggestion?: string;
}

/**
 * What the scaffold, the quick fixes and people write for "fill this in",
 * as the whole value (case, brackets and closing punctuation aside).
 */
const WHOLE_PLACEHOLDERS = new Set([
  'todo', 'tbd', 'tbc', 'tba', 'fixme', 'xxx', 'to be confirmed', 'to be determined', 'to be decided', 'to be announced',
  'untitled production', 'untitled project', 'lorem ipsum', 'placeholder', '...', '…',
]);

/**
 * Scaffold markers anywhere in a value: the capitals people write as a note
 * to themselves, as whole words (not a to-do list, not "Todd", not "TBDs"),
 * and dummy text.
 */
const MARKER = /(?<![\p{L}\p{N}_-])(?:TODO|TBD|TBC|TBA|FIXME)(?![\p{L}\p{N}_-])|\blorem ipsum\b/u;

/** A cheap test of a whole text: false when no value of it can be a placeholder. */
const MAY_HOLD = /todo|tbd|tbc|tba|fixme|xxx|to be (?:confirmed|determined|decided|announced)|untitled|lorem|placeholder|\.\.\.|…/i;

/**
 * The scaffold text a value holds, or undefined when it reads as a real
 * value: the whole value is a placeholder ("TBD", "To be confirmed",
 * "Untitled production", "..."), or it carries a marker in capitals
 * ("TODO: how you will know", "Vancouver (TBC)").
 */
export function placeholderIn(value: string): string | undefined {
  const trimmed = value.trim();
  // The whole-value placeholders are short: a longer value is only searched for markers.
  if (trimmed.length <= LONGEST_WHOLE) {
    const bare = trimEnds(trimmed, OPENING, CLOSING).trim();
    const words = trimEnds(bare, NONE, CLOSING_PUNCTUATION).trim();
    if (WHOLE_PLACEHOLDERS.has(bare.toLowerCase()) || WHOLE_PLACEHOLDERS.has(words.toLowerCase())) return trimmed;
  }
  return MARKER.exec(value)?.[0] ?? /\blorem ipsum\b/i.exec(value)?.[0];
}

/** The longest value read as a whole placeholder: `(To be determined.)` and the like. */
const LONGEST_WHOLE = 40;
const OPENING = new Set(['(', '[', '<', '"', "'", '“', '‘']);
const CLOSING = new Set([')', ']', '>', '"', "'", '”', '’']);
const CLOSING_PUNCTUATION = new Set(['.', '!', ':', ';', ',']);
const NONE = new Set<string>();

/** A text without the characters of `start` it begins with and those of `end` it ends with (one pass each way). */
function trimEnds(text: string, start: ReadonlySet<string>, end: ReadonlySet<string>): string {
  let from = 0;
  let to = text.length;
  while (from < to && start.has(text[from])) from++;
  while (to > from && end.has(text[to - 1])) to--;
  return text.slice(from, to);
}

/** The substance findings of a brief. */
export function checkSubstance(document: TextDocument, parsed: ParsedDocument, brief: Brief, profiles: ProfileRegistry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (span: Span | undefined, ...rest: Parameters<typeof createDiagnostic> extends [unknown, ...infer Rest] ? Rest : never) => {
    if (span) diagnostics.push(createDiagnostic(toRange(document, span), ...rest));
  };
  if (parsed.yaml && MAY_HOLD.test(parsed.text)) {
    YAML.visit(parsed.yaml, {
      Scalar(key, node) {
        if (key === 'key' || typeof node.value !== 'string') return;
        const found = placeholderIn(node.value);
        if (found === undefined) return;
        report(valueSpan(parsed.text, node), 'placeholder', `This value still holds scaffold text ('${found}'): replace it with what this brief means, or remove it.`, {
          value: node.value,
          placeholder: found,
        } satisfies PlaceholderData);
      },
    });
  }

  if (emptyAuthority(brief)) {
    report(nodeSpan(brief.sections.get('authority')?.key), 'empty-authority', 'The authority section lists nothing: say which issues they resolve themselves (`decides`) and which they pass up (`escalates`).');
  }

  const rate = rateGaps(brief);
  const rateKey = nodeSpan(brief.sections.get('rate')?.key);
  const per = rate?.per ? { per: rate.per } : {};
  if (rate?.hours) {
    report(rateKey, 'no-hours', `The rate does not say how many hours ${unitPhrase(rate.per)} covers: add \`hours\`, so that a quote can be weighed against it.`, {
      section: 'rate',
      key: 'hours',
      ...per,
    } satisfies MissingKeyData);
  }
  if (rate?.max) {
    report(rateKey, 'no-ceiling', 'The rate has no ceiling: add `max`, the most this work is worth to you, decided before a quote comes in.', {
      section: 'rate',
      key: 'max',
      ...per,
    } satisfies MissingKeyData);
  }

  if (lacksTools(brief)) {
    report(nodeSpan(brief.sections.get('workspace')?.key), 'no-tools', 'The workspace names no tools: list what they will work with (computer, phone, software), not only where.', {
      section: 'workspace',
      key: 'tools',
    } satisfies MissingKeyData);
  }

  // An unknown profile's ids are not known: nothing can be said of what a waive names.
  const resolved = brief.waived.size > 0 ? resolveBrief(brief, profiles) : undefined;
  if (resolved && !namesUnknownProfile(resolved)) {
    const known = knownIds(resolved);
    const profile = resolved.profile;
    for (const [id, pair] of brief.waived) {
      if (known.has(id) || !YAML.isScalar(pair.key)) continue;
      const suggestion = closest(id, [...known]);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      report(
        nodeSpan(pair.key),
        'unknown-waive',
        `'${id}' is no section, skill or question of this brief${profile ? ` or of the profile '${profile.id}'` : ''}: the waiver waives nothing.${hint}`,
        { value: id, ...(suggestion ? { suggestion } : {}) } satisfies UnknownWaiveData,
      );
    }
  }
  return diagnostics;
}

/** Whether a brief names a profile that is not known: then nothing can be said of the ids it would bring. */
function namesUnknownProfile(resolved: ResolvedBrief): boolean {
  return resolved.profileNode !== undefined && !resolved.profile;
}

/** Whether the brief has an `authority` mapping (not waived) with no item under `decides` or `escalates`. */
function emptyAuthority(brief: Brief): boolean {
  const authority = brief.sections.get('authority')?.value;
  if (!YAML.isMap(authority) || brief.waived.has('authority')) return false;
  const items = (key: string) => {
    const list = findPair(authority, key)?.value;
    return YAML.isSeq(list) ? list.items.length : 0;
  };
  return items('decides') === 0 && items('escalates') === 0;
}

/**
 * What a `rate` mapping (not waived) leaves out: the hours a unit covers
 * (an hourly rate says that by itself) and the ceiling; undefined without one.
 */
function rateGaps(brief: Brief): { readonly hours: boolean; readonly max: boolean; readonly per?: string } | undefined {
  const rate = brief.sections.get('rate')?.value;
  if (!YAML.isMap(rate) || brief.waived.has('rate')) return undefined;
  const perNode = findPair(rate, 'per')?.value;
  const per = YAML.isScalar(perNode) && typeof perNode.value === 'string' ? perNode.value : undefined;
  return { hours: per !== 'hour' && isAbsent(findPair(rate, 'hours')?.value), max: isAbsent(findPair(rate, 'max')?.value), per };
}

/** Whether the brief has a `workspace` mapping (not waived) without tools, or with an empty list of them. */
function lacksTools(brief: Brief): boolean {
  const workspace = brief.sections.get('workspace')?.value;
  if (!YAML.isMap(workspace) || brief.waived.has('workspace')) return false;
  const tools = findPair(workspace, 'tools')?.value;
  return isAbsent(tools) || (YAML.isSeq(tools) && tools.items.length === 0);
}

/** Whether a value is missing or null (`key:`, `key: ~`). */
function isAbsent(value: YAML.Node | null | undefined): boolean {
  return value === undefined || value === null || (YAML.isScalar(value) && value.value === null);
}

/** The ids a `waive` key may name: the format's sections, the profile's, and the skills and questions of the brief and its profile. */
function knownIds(resolved: ResolvedBrief): Set<string> {
  return new Set<string>([
    ...BRIEF_KEYS.filter((key) => key !== 'hire' && key !== 'waive'),
    ...(resolved.profile?.sections ?? []),
    ...[...resolved.skills, ...resolved.unlistedSkills, ...resolved.questions, ...resolved.unlistedQuestions].map((item) => item.id),
  ]);
}

/** "one day", "one week", "the project": what a unit of `per` is called in a message. */
export function unitPhrase(per: string | undefined): string {
  switch (per) {
    case undefined: return 'one unit of `per`';
    case 'project': return 'the project';
    default: return `one ${per}`;
  }
}

/** A scalar's span without the line breaks and spaces a block scalar ends with. */
function valueSpan(text: string, node: YAML.Scalar): Span | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return end > span.start ? { start: span.start, end } : span;
}

/**
 * The hover paragraph of a node a substance finding is on: why the guide
 * asks for what is missing there. `path`: the node's keys and list
 * indices; `isKey`: the node is the last key of it. Undefined for any other node.
 */
export function substanceHover(path: readonly (string | number)[], node: unknown, isKey: boolean, brief: Brief | undefined, profiles: ProfileRegistry): string | undefined {
  if (!isKey) {
    const found = YAML.isScalar(node) && typeof node.value === 'string' ? placeholderIn(node.value) : undefined;
    return found === undefined
      ? undefined
      : `**Placeholder** (\`${found}\`): scaffold text, not yet a value. It tells a candidate or an interviewer nothing, and the posting and kit would print it as it is. Replace it with what you mean.`;
  }
  if (!brief || path.length > 2 || (path.length === 2 && path[0] !== 'waive')) return undefined;
  const section = String(path[0]);
  const rate = section === 'rate' ? rateGaps(brief) : undefined;
  switch (section) {
    case 'authority':
      return emptyAuthority(brief)
        ? '**Nothing decided, nothing passed up.** A freelance coordinator is hired to take the daily decisions off the production manager; agreeing beforehand on which issues are theirs and which go up avoids surprises on both sides. List some under `decides` and some under `escalates`.'
        : undefined;
    case 'rate':
      return rate && (rate.hours || rate.max)
        ? [
            '**What the rate covers.** Nobody sets what coordinators charge, so quotes differ widely.',
            rate.hours ? 'Say how many hours a unit of `per` buys (`hours`): you want someone who puts in the hours the work takes.' : '',
            rate.max ? 'Set your ceiling (`max`) before the quotes arrive, so that each is weighed against what the work is worth to you.' : '',
          ].filter(Boolean).join(' ')
        : undefined;
    case 'workspace':
      return lacksTools(brief)
        ? '**Space and tools.** A coordinator cannot run a production office on good will: besides a place to work (`office`), list the equipment and software you will give them (`tools`).'
        : undefined;
    case 'waive': {
      const id = String(path[1]);
      const resolved = resolveBrief(brief, profiles);
      return path.length < 2 || namesUnknownProfile(resolved) || knownIds(resolved).has(id)
        ? undefined
        : `**Waives nothing**: \`${id}\` is no section, skill or question of this brief${resolved.profile ? ' or of its profile' : ''}. A waiver names what the brief leaves out on purpose; a mistyped one leaves the real gap unwaived.`;
    }
    default:
      return undefined;
  }
}
