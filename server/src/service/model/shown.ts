/**
 * A brief as the renderer shows it: its values read leniently (`values.ts`)
 * and, for each skill and question, the brief's fields over its profile's
 * (from the resolved model, `resolveBrief`). The renderer lays this out; it
 * merges nothing itself.
 */
import * as YAML from 'yaml';
import type { ParsedDocument } from '../parse';
import type { ProfileRegistry } from '../profiles';
import { readRubric, type Rubric } from '../rubric';
import { firstById, readBrief, resolveBrief, type ResolvedBrief } from './brief';
import { readValues } from './values';

/** A skill to show: the brief's fields over its profile's. */
export interface ShownSkill {
  readonly id: string;
  /** The brief's name, else the profile's. */
  readonly name?: string;
  /** The brief's need, else the profile's, else `required`. */
  readonly need: string;
  /** The brief's own evidence. */
  readonly evidence?: string;
  /** The profile's evidence hint, when the brief writes no evidence. */
  readonly suggestion?: string;
}

/** A question to show: the brief's fields over its profile's. */
export interface ShownQuestion {
  readonly id: string;
  readonly ask?: string;
  readonly why?: string;
  readonly listenFor: readonly string[];
  readonly redFlags: readonly string[];
  /** The brief's rubric when it sets one (an empty one sets nothing), else the profile's. */
  readonly rubric?: Rubric;
  /** The skills it assesses, each named from the brief's skills, else the profile's. */
  readonly assesses: readonly { readonly id: string; readonly name?: string }[];
  /** The profile question's priority. */
  readonly priority?: string;
}

/** A brief's values to show, with its resolved model. */
export interface ShownBrief {
  readonly resolved: ResolvedBrief;
  /** The `profile` as written (trimmed), known or not. */
  readonly profileId?: string;
  readonly role?: string;
  readonly engagement?: string;
  readonly reportsTo?: string;
  readonly project: { readonly name?: string; readonly type?: string; readonly start?: string; readonly end?: string; readonly location?: string };
  readonly summary?: string;
  readonly duties: readonly string[];
  readonly authority: { readonly decides: readonly string[]; readonly escalates: readonly string[] };
  /** Set when `rate` is a mapping. */
  readonly rate?: { readonly amount?: string; readonly currency?: string; readonly per?: string; readonly hours?: string; readonly max?: string; readonly kitFee?: string };
  /** Set when `workspace` is a mapping. */
  readonly workspace?: { readonly office?: string; readonly tools: readonly string[] };
  /** Set when `apply` is a mapping. */
  readonly apply?: { readonly contact?: string; readonly deadline?: string; readonly send: readonly string[] };
  /** The brief's skills in its order, each over its profile's. */
  readonly skills: readonly ShownSkill[];
  /** The brief's questions in its order, each over its profile's. */
  readonly questions: readonly ShownQuestion[];
  /** The waived ids that give a reason. */
  readonly waived: readonly { readonly id: string; readonly reason: string }[];
  readonly notes?: string;
}

/** Reads a brief to show it; undefined when nothing of it can be read (see `readValues`). */
export function readShownBrief(parsed: ParsedDocument, profiles: ProfileRegistry): ShownBrief | undefined {
  const values = readValues(parsed);
  const brief = readBrief(parsed);
  if (!values || !brief) return undefined;
  const resolved = resolveBrief(brief, profiles);
  const root = brief.root;
  const field = (key: string) => values.field(root, key);
  const text = (key: string) => values.text(field(key));
  const project = field('project');
  const authority = field('authority');
  const rate = field('rate');
  const workspace = field('workspace');
  const apply = field('apply');

  const skills = values.items(field('skills')).flatMap((item): ShownSkill[] => {
    const own = values.isMap(item) ? item : undefined;
    const id = own ? values.text(values.field(own, 'id')) : YAML.isScalar(item) && typeof item.value === 'string' ? values.text(item) : undefined;
    if (id === undefined) return [];
    const base = resolved.profileSkill(id);
    const ownText = (key: string) => (own ? values.text(values.field(own, key)) : undefined);
    const evidence = ownText('evidence');
    const suggestion = evidence === undefined ? plainText(base?.evidence) : undefined;
    return [{ id, name: ownText('name') ?? base?.name, need: ownText('need') ?? base?.need ?? 'required', evidence, ...(suggestion ? { suggestion } : {}) }];
  });

  // Looked up by id in a map: a brief may list thousands of skills, each named by questions.
  const skillsById = firstById(skills);
  const nameOf = (id: string) => skillsById.get(id)?.name ?? resolved.profileSkill(id)?.name;
  const questions = values.items(field('questions')).flatMap((item): ShownQuestion[] => {
    if (!values.isMap(item)) return [];
    const id = values.text(values.field(item, 'id'));
    if (id === undefined) return [];
    const base = resolved.profileQuestion(id);
    const ownText = (key: string) => values.text(values.field(item, key));
    const ownList = (key: string, fallback: readonly string[] | undefined) => (values.has(item, key) ? values.texts(values.field(item, key)) : fallback ?? []);
    const rubric = values.plain(values.field(item, 'rubric'));
    return [{
      id,
      ask: ownText('ask') ?? base?.ask,
      why: ownText('why') ?? base?.why,
      listenFor: ownList('listen_for', base?.listen_for),
      redFlags: ownList('red_flags', base?.red_flags),
      // A `rubric` set to anything replaces the profile's; an empty one sets nothing.
      rubric: rubric !== undefined && rubric !== null ? readRubric(rubric) : base?.rubric,
      assesses: ownList('assesses', base?.assesses).map((skill) => ({ id: skill, name: nameOf(skill) })),
      priority: base?.priority,
    }];
  });

  return {
    resolved,
    profileId: text('profile'),
    role: text('role'),
    engagement: text('engagement'),
    reportsTo: text('reports_to'),
    project: {
      name: values.text(values.field(project, 'name')),
      type: values.text(values.field(project, 'type')),
      start: values.text(values.field(project, 'start')),
      end: values.text(values.field(project, 'end')),
      location: values.text(values.field(project, 'location')),
    },
    summary: text('summary'),
    duties: values.texts(field('duties')),
    authority: { decides: values.texts(values.field(authority, 'decides')), escalates: values.texts(values.field(authority, 'escalates')) },
    rate: values.isMap(rate)
      ? {
          amount: values.text(values.field(rate, 'amount')),
          currency: values.text(values.field(rate, 'currency')),
          per: values.text(values.field(rate, 'per')),
          hours: values.text(values.field(rate, 'hours')),
          max: values.text(values.field(rate, 'max')),
          kitFee: values.text(values.field(rate, 'kit_fee')),
        }
      : undefined,
    workspace: values.isMap(workspace) ? { office: values.text(values.field(workspace, 'office')), tools: values.texts(values.field(workspace, 'tools')) } : undefined,
    apply: values.isMap(apply)
      ? { contact: values.text(values.field(apply, 'contact')), deadline: values.text(values.field(apply, 'deadline')), send: values.texts(values.field(apply, 'send')) }
      : undefined,
    skills,
    questions,
    waived: values.textEntries(field('waive')).flatMap(([id, reason]) => (reason === undefined ? [] : [{ id, reason }])),
    notes: text('notes'),
  };
}

/** A profile's text, trimmed as the brief's is; undefined when empty. */
function plainText(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
