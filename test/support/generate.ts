/**
 * Generated hiring briefs for the benchmark and for tests: a typical header
 * (every section of the built-in profile) and any number of questions. The
 * `findings` variant plants schema errors and profile findings in the header
 * and in every 25th question, so validation has work to report.
 */

/** What to generate. */
export interface GenerateOptions {
  /** How many questions (the eight of the built-in profile come first). */
  readonly questions: number;
  /** Plant findings (schema errors, unknown skills, duplicate ids). */
  readonly findings?: boolean;
  /** Vary the wording (0 gives the same text every time). */
  readonly seed?: number;
}

/** The built-in profile's question ids, asked first so a valid brief lacks none. */
const PROFILE_QUESTIONS = [
  'management-style', 'experience', 'conflict', 'superiors',
  'detail-or-big-picture', 'decision-split', 'charges', 'needs-from-us',
];

const SKILLS = ['communication', 'problem-solving', 'accounting', 'computer', 'coordination', 'multitasking', 'leadership', 'teamwork', 'detail-and-big-picture'];

const TOPICS = ['call sheets', 'crew travel', 'petty cash', 'daily reports', 'shipping', 'location permits', 'cast schedules', 'vendor quotes'];

/** A brief's text with the given number of questions. */
export function generateBrief(options: GenerateOptions): string {
  const findings = options.findings ?? false;
  const seed = options.seed ?? 0;
  const lines = header(findings, seed);
  lines.push('questions:');
  for (let index = 0; index < options.questions; index++) lines.push(...question(index, findings, seed));
  lines.push('', 'notes: Interviews in the week of 2027-01-11.', '');
  return lines.join('\n');
}

/** A brief of about the given number of lines (at least one question). */
export function generateBriefOfLines(lines: number, findings = false, seed = 0): string {
  const fixed = header(findings, seed).length + 4;
  const perQuestion = question(0, findings, seed).length;
  return generateBrief({ questions: Math.max(1, Math.round((lines - fixed) / perQuestion)), findings, seed });
}

function header(findings: boolean, seed: number): string[] {
  const topic = (offset: number) => TOPICS[(seed + offset) % TOPICS.length];
  return [
    '# A generated brief for a freelance Production Coordinator.',
    'hire: 1',
    'role: Production Coordinator',
    'profile: production-coordinator',
    `engagement: ${findings ? 'freelancer' : 'freelance'}`,
    'reports_to: Production Manager',
    '',
    'project:',
    `  name: Night Market ${seed}`,
    '  type: feature',
    '  start: 2027-02-01',
    `  end: ${findings ? '2027-01-15' : '2027-04-15'}`,
    '  location: Vancouver, BC',
    '',
    'summary: >',
    '  Runs the production office so that cast and crew have what they need,',
    '  when they need it.',
    '',
    'duties:',
    `  - ${capitalize(topic(0))}, crew lists and daily production reports`,
    `  - ${capitalize(topic(1))} for cast and crew`,
    '  - Petty cash and purchase orders, reconciled weekly',
    '',
    'skills:',
    '  - communication',
    '  - problem-solving',
    '  - id: accounting',
    '    evidence: Reconciled petty cash on a 40-person shoot',
    '  - id: computer',
    '    evidence: Builds call sheets in the scheduling software',
    '  - coordination',
    '  - id: multitasking',
    `    ${findings ? 'evidense' : 'evidence'}: Ran an office of four assistants`,
    '  - leadership',
    '  - teamwork',
    '  - id: detail-and-big-picture',
    '    evidence: Careful call sheets, and the whole schedule in mind',
    '',
    'authority:',
    '  decides:',
    '    - Crew travel changes under 500 USD',
    '  escalates:',
    '    - Anything that moves the shooting schedule',
    '',
    'rate:',
    '  amount: 350',
    `  currency: ${findings ? 'usd' : 'USD'}`,
    '  per: day',
    '  hours: 12                            # one day covers twelve hours',
    '  max: 400',
    '',
    'workspace:',
    `  office: ${findings ? 'none' : 'provided'}`,
    '  tools:',
    "    - Laptop with the production's scheduling software",
    '',
  ];
}

function question(index: number, findings: boolean, seed: number): string[] {
  const id = index < PROFILE_QUESTIONS.length ? PROFILE_QUESTIONS[index] : `q-${index}`;
  const topic = TOPICS[(index + seed) % TOPICS.length];
  const skill = SKILLS[index % SKILLS.length];
  const planted = findings && index % 25 === 24 ? Math.floor(index / 25) % 4 : -1;
  return [
    `  - id: ${planted === 0 ? `Q_${index}` : planted === 1 ? `q-${index - 1}` : id}`,
    `    ${planted === 2 ? 'asks' : 'ask'}: How would you handle ${topic} on day ${index + 1} of the shoot?`,
    `    why: ${capitalize(topic)} go wrong under pressure; the answer shows how they plan.`,
    '    listen_for:',
    `      - A concrete example of ${topic} they ran`,
    '      - Who they told, and when',
    '    red_flags:',
    '      - Blames others without describing their own part',
    `    assesses: [${planted === 3 ? 'cordination' : skill}, communication]`,
  ];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
