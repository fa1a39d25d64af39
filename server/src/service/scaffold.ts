/**
 * A new brief for a role profile (`hire new`, and the editor's "new brief"):
 * every section, every skill and every question of the profile. What only the
 * hiring team can say (the production, the summary, what they decide, the
 * tools) is a `TODO:` placeholder, which is a `placeholder` finding until
 * replaced: an untouched scaffold never checks clean. Dates and the rate are
 * examples to change, marked by `# TODO` comments. Apart from the
 * placeholders, the result has no findings against its profile.
 */
import * as YAML from 'yaml';
import type { Profile } from './profiles';

/** The profile a new brief uses unless told otherwise: the built-in one, from the guide. */
export const DEFAULT_PROFILE_ID = 'production-coordinator';

/** Options of a new brief. */
export interface ScaffoldOptions {
  /** The role's title; the profile's title by default. */
  readonly role?: string;
  /** The day the project dates count from; today by default. */
  readonly today?: Date;
}

/** The column trailing comments start at, as in the samples. */
const COMMENT_COLUMN = 39;

/** The text of a new brief for a profile. */
export function scaffoldBrief(profile: Profile, options: ScaffoldOptions = {}): string {
  const today = options.today ?? new Date();
  const start = addDays(today, 28);
  const end = addDays(start, 8 * 7);
  const assessed = new Set(profile.questions.flatMap((question) => question.assesses));
  const lines: string[] = [
    `# A hiring brief for the profile "${oneLine(profile.title)}" (${profile.id}).`,
    '# Replace each value that starts with TODO: `hire check` lists those still left.',
    'hire: 1',
    line(`role: ${scalar(options.role ?? profile.title)}`, 'the title candidates will see'),
    line(`profile: ${scalar(profile.id)}`, 'the checks that apply: `hire profiles` lists them'),
    line('engagement: freelance', 'freelance | contract | part-time | full-time'),
    line('reports_to: Production Manager', 'TODO: who they report to'),
    '',
    'project:',
    line('  name: Untitled production', 'the production\'s name or working title'),
    line('  type: feature', 'feature | series | commercial | documentary | music-video | live-event | corporate | other'),
    line(`  start: ${isoDate(start)}`, 'TODO: first day, YYYY-MM-DD'),
    line(`  end: ${isoDate(end)}`, 'TODO: last day, not before start'),
    line('  location: To be confirmed', 'city or region'),
    '',
    '# Two or three sentences a candidate reads first.',
    'summary: >',
    '  TODO: what the job is, on what kind of production, and what makes it',
    '  worth doing.',
    '',
    '# The main tasks, one an item: change them to fit.',
    'duties:',
    '  - Schedules, contact lists and daily reports',
    '  - Travel and shipping for the people on the production',
    '',
    '# Skills: a bare id takes the profile\'s definition. A required skill that no',
    '# question assesses needs `evidence`: what will show you a candidate has it.',
    'skills:',
    ...profile.skills.flatMap((skill) =>
      skill.need === 'required' && !assessed.has(skill.id)
        ? [
            line(`  - id: ${scalar(skill.id)}`, `${oneLine(skill.name)} (${skill.need})`),
            '    # TODO: what will show you this candidate has it',
            `    evidence: ${scalar(oneLine(skill.evidence ?? `Examples of ${skill.name.toLowerCase()} in their work history`))}`,
          ]
        : [line(`  - ${scalar(skill.id)}`, `${oneLine(skill.name)} (${skill.need})`)],
    ),
    '',
    '# What they decide themselves and what they pass up: agree on it before they start.',
    'authority:',
    '  decides:',
    '    - "TODO: an issue they resolve themselves, such as office purchases under 500 USD"',
    '  escalates:',
    '    - "TODO: an issue they pass up, such as anything that moves the schedule"',
    '',
    'rate:',
    line('  amount: 300', 'TODO: what you offer per unit of `per`'),
    line('  currency: USD', 'ISO 4217: USD, EUR, GBP, CAD, ...'),
    line('  per: day', 'hour | day | week | month | project'),
    line('  hours: 10', 'hours one unit of `per` covers'),
    line('  max: 350', 'TODO: the most you will pay'),
    '',
    'workspace:',
    line('  office: provided', 'provided | shared | remote | none'),
    '  tools:',
    '    - "TODO: what you will give them to work with, such as a laptop with the production\'s software"',
    '',
    '# Questions with a profile id inherit why, listen_for, red_flags, rubric and assesses',
    '# from the profile; write them here to change them.',
    'questions:',
    ...profile.questions.flatMap((question) => [
      line(`  - id: ${scalar(question.id)}`, question.priority),
      `    ask: ${scalar(oneLine(question.ask))}`,
    ]),
    '',
    '# How candidates apply, shown at the end of the posting, such as:',
    '# apply:',
    '#   contact: jobs@example.com                 # an email or a web address',
    '#   deadline: 2027-01-08',
    '#   send: [A résumé, Two references]',
    '',
    '# Leave something out on purpose by waiving it with a reason, such as:',
    '# waive:',
    '#   question-id: Why this brief does without it.',
    '',
    'notes: "TODO: anything else the team should know, or remove this line"',
  ];
  return `${lines.join('\n')}\n`;
}

/** A line with a trailing comment at a column (or one space after the content). */
export function line(content: string, comment: string, column = COMMENT_COLUMN): string {
  return `${content}${' '.repeat(Math.max(1, column - content.length))}# ${comment}`;
}

/** A string as a YAML scalar on one line: plain where it can be, quoted where it must. */
export function scalar(value: string): string {
  return YAML.stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Text on one line, its runs of white space one space. */
export function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
