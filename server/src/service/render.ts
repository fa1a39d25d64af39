/**
 * The renderer: a brief as a job posting (for candidates) and as an interview
 * kit (for interviewers), as an HTML fragment, a standalone HTML page or
 * Markdown, all from one view model. Free text may use a safe subset of
 * Markdown (emphasis, lists, links to http(s) and mailto); every other value
 * is escaped. No raw HTML from the brief ever reaches the output.
 */
import MarkdownIt from 'markdown-it';
import type { Diagnostic } from 'vscode-languageserver-types';
import previewStyles from '../../../media/preview.css';
import { capFindings, severityName, type SeverityName } from './codes';
import { escapeHtml } from './html';
import { MAX_COVERAGE_CELLS } from './limits';
import { readShownBrief } from './model';
import { RENDER_VIEWS, type RenderView } from './names';
import type { ParsedDocument } from './parse';
import type { ProfileRegistry } from './profiles';
import { anchors } from './rubric';
import { sha256Base64 } from './sha256';
import { wordingBalance, type Coding } from './wording';

export { escapeHtml, RENDER_VIEWS, type RenderView };

/** The output formats of the renderer. */
export const RENDER_FORMATS = ['html', 'md'] as const;
/** An output format of the renderer. */
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** What to render. */
export interface RenderOptions {
  readonly format: RenderFormat;
  /** One view; both, the posting first, when not given. */
  readonly view?: RenderView;
  /** Whether the posting shows the rate (`hire.preview.showRate`, `--show-rate`). The kit always does. */
  readonly showRate?: boolean;
  /** For `html`: a complete page with its stylesheet embedded, instead of a fragment. The fragment (the live preview) also shows the posting's balance of gender-coded words, which pages and Markdown for candidates leave out. */
  readonly standalone?: boolean;
  /** Whether the kit lists the brief's findings (the live preview, `hire render --findings`); documents to hand out leave them out. */
  readonly findings?: boolean;
}

/** A rendered brief. */
export interface RenderedBrief {
  /** The document version it was rendered from. */
  readonly version: number;
  /** A title for the page or file: the role and the project. */
  readonly title: string;
  /** HTML or Markdown, as asked. */
  readonly content: string;
  /** How many of the brief's findings are errors. */
  readonly errors: number;
}

/** A skill as the views show it: the brief's fields over the profile's. */
export interface SkillView {
  readonly id: string;
  readonly name: string;
  readonly need: string;
  /** The brief's own evidence. */
  readonly evidence?: string;
  /** The profile's evidence hint, when the brief writes none: a suggestion, not an assessment. */
  readonly suggestion?: string;
}

/** A question as the kit shows it: the brief's fields over the profile's. */
export interface QuestionView {
  readonly id: string;
  readonly ask: string;
  readonly why?: string;
  readonly listenFor: readonly string[];
  readonly redFlags: readonly string[];
  /** What an answer at a score sounds like, lowest score first: the brief's rubric, else the profile's. */
  readonly rubric: readonly { readonly score: number; readonly text: string }[];
  /** The skills it assesses, named from the brief or the profile. */
  readonly assesses: readonly { readonly id: string; readonly name: string }[];
  readonly priority?: string;
}

/** A finding of the brief, as the kit lists it. */
export interface FindingView {
  readonly severity: SeverityName;
  readonly code: string;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
}

/** Everything the views show, read leniently from the brief model. */
export interface BriefView {
  readonly title: string;
  readonly role?: string;
  readonly profile?: { readonly id: string; readonly title: string };
  readonly engagement?: string;
  readonly reportsTo?: string;
  readonly project: { readonly name?: string; readonly type?: string; readonly start?: string; readonly end?: string; readonly location?: string };
  readonly summary?: string;
  readonly duties: readonly string[];
  readonly skills: readonly SkillView[];
  readonly decides: readonly string[];
  readonly escalates: readonly string[];
  readonly rate?: { readonly amount?: string; readonly currency?: string; readonly per?: string; readonly hours?: string; readonly max?: string; readonly kitFee?: string };
  readonly workspace?: { readonly office?: string; readonly tools: readonly string[] };
  readonly questions: readonly QuestionView[];
  readonly waived: readonly { readonly id: string; readonly reason: string }[];
  readonly notes?: string;
  /** How to apply, at the end of the posting. */
  readonly apply?: { readonly contact?: string; readonly deadline?: string; readonly send: readonly string[] };
  readonly findings: readonly FindingView[];
  /** How many masculine- and feminine-coded words the candidate-facing fields use (`coded-wording` findings). */
  readonly wording: Readonly<Record<Coding, number>>;
}

/** The markdown-it instance for free text: emphasis, lists and safe links; no HTML, no images, no linkify. */
const markdown = new MarkdownIt('zero', { html: false, linkify: false, typographer: false }).enable([
  'list',
  'emphasis',
  'link',
  'escape',
  'newline',
]);
markdown.validateLink = (url) => /^(https?:\/\/|mailto:)/i.test(url);

/**
 * Builds the view of a brief from the brief model as the renderer shows it
 * (`readShownBrief`: its values read leniently, each skill and question over
 * its profile's) and its findings (at most MAX_FINDINGS listed). Undefined
 * when nothing of the brief can be read.
 */
export function buildBriefView(parsed: ParsedDocument, profiles: ProfileRegistry, diagnostics: readonly Diagnostic[]): BriefView | undefined {
  const shown = readShownBrief(parsed, profiles);
  if (!shown) return undefined;
  const { profile } = shown.resolved;
  const skills = inProfileOrder(shown.skills.map((skill): SkillView => {
    const { suggestion } = skill;
    return { id: skill.id, name: skill.name ?? humanize(skill.id), need: skill.need, evidence: skill.evidence, ...(suggestion ? { suggestion } : {}) };
  }), profile?.skills ?? []);
  const questions = shown.questions.map((question): QuestionView => ({
    id: question.id,
    ask: question.ask ?? question.id,
    why: question.why,
    listenFor: question.listenFor,
    redFlags: question.redFlags,
    rubric: anchors(question.rubric),
    assesses: question.assesses.map((skill) => ({ id: skill.id, name: skill.name ?? humanize(skill.id) })),
    priority: question.priority,
  }));
  const { role, project } = shown;
  return {
    title: [role ?? 'Untitled brief', project.name].filter(Boolean).join(' — '),
    role,
    profile: profile ? { id: profile.id, title: profile.title } : shown.profileId === undefined ? undefined : { id: shown.profileId, title: shown.profileId },
    engagement: shown.engagement,
    reportsTo: shown.reportsTo,
    project,
    summary: shown.summary,
    duties: shown.duties,
    skills,
    decides: shown.authority.decides,
    escalates: shown.authority.escalates,
    rate: shown.rate,
    workspace: shown.workspace,
    questions,
    waived: shown.waived,
    notes: shown.notes,
    apply: shown.apply,
    findings: capFindings([...diagnostics]).map((diagnostic) => ({
      severity: severityName(diagnostic.severity),
      code: String(diagnostic.code ?? ''),
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
      line: diagnostic.range.start.line + 1,
    })),
    wording: wordingBalance(diagnostics),
  };
}

/** Skills in the profile's order (the guide's weighting), then the brief's own skills in the brief's order. */
function inProfileOrder(skills: SkillView[], order: readonly { readonly id: string }[]): SkillView[] {
  const rank = new Map<string, number>();
  order.forEach((skill, index) => {
    if (!rank.has(skill.id)) rank.set(skill.id, index);
  });
  return skills
    .map((skill, index) => ({ skill, key: rank.get(skill.id) ?? order.length + index }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.skill);
}

/** Renders a view model in the format and view(s) asked for. */
export function renderView(model: BriefView, options: RenderOptions): string {
  const views = options.view ? [options.view] : RENDER_VIEWS;
  if (options.format === 'md') {
    return `${views.map((view) => (view === 'posting' ? postingMarkdown(model, !!options.showRate) : kitMarkdown(model, !!options.findings))).join('\n\n---\n\n')}\n`;
  }
  const fragment = views.map((view) => (view === 'posting' ? postingHtml(model, !!options.showRate, !options.standalone) : kitHtml(model, !!options.findings))).join('\n');
  return options.standalone ? standalonePage(model.title, fragment) : fragment;
}

/** The preview's stylesheet (`media/preview.css`), shared by the webview and standalone pages. */
export const PREVIEW_STYLES: string = previewStyles;

/**
 * A complete HTML page around a rendered fragment, with the stylesheet
 * embedded and a CSP that allows that stylesheet and nothing else.
 */
export function standalonePage(title: string, fragment: string): string {
  const hash = sha256Base64(PREVIEW_STYLES);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PREVIEW_STYLES}</style>`,
    '</head>',
    '<body class="hire-standalone">',
    `<main class="hire-content">\n${fragment}\n</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------
// Words shared by both formats

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2027-02-01` as `1 February 2027`; any other text as it is. */
function formatDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : value;
}

/** `problem-solving` as `Problem solving`. */
/**
 * The link of an `apply.contact`: `mailto:` for an email address, the address
 * itself for an http(s) one; undefined for anything else (shown as text).
 */
function contactLink(contact: string): string | undefined {
  if (/^https?:\/\/[^\s<>"]+$/i.test(contact)) return contact;
  const email = contact.replace(/^mailto:/i, '');
  return /^[^@\s<>()[\],;:"]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]+$/.test(email) ? `mailto:${email}` : undefined;
}

function humanize(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function dates(model: BriefView): string | undefined {
  const { start, end } = model.project;
  if (start && end) return `${formatDate(start)} to ${formatDate(end)}`;
  if (start) return `From ${formatDate(start)}`;
  return end ? `Until ${formatDate(end)}` : undefined;
}

function projectLine(model: BriefView): string | undefined {
  const { name, type } = model.project;
  return [name, type && humanize(type)].filter(Boolean).join(', ') || undefined;
}

/** An amount of the rate with its currency and unit: `350 USD per day`. */
function money(model: BriefView, amount: string | undefined): string | undefined {
  if (amount === undefined) return undefined;
  const rate = model.rate;
  const unit = rate?.per === 'project' ? 'for the project' : rate?.per ? `per ${rate.per}` : '';
  return [amount, rate?.currency, unit].filter(Boolean).join(' ');
}

/** The hours the rate covers: `12 hours per day`. */
function hoursText(model: BriefView): string | undefined {
  const rate = model.rate;
  if (rate?.hours === undefined) return undefined;
  return `${rate.hours} ${rate.hours === '1' ? 'hour' : 'hours'} ${rate.per && rate.per !== 'hour' && rate.per !== 'project' ? `per ${rate.per}` : ''}`.trim();
}

function rateFacts(model: BriefView, all: boolean): [string, string][] {
  const rate = model.rate;
  if (!rate) return [];
  const facts: [string, string | undefined][] = [
    ['Rate', money(model, rate.amount)],
    ['Hours', hoursText(model)],
  ];
  if (all) facts.push(['Ceiling (max)', money(model, rate.max)], ['Kit fee', money(model, rate.kitFee)]);
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
}

const OFFICES: Record<string, string> = {
  provided: 'An office is provided',
  shared: 'A shared office',
  remote: 'Remote work',
  none: 'No office',
};

function office(value: string | undefined): string | undefined {
  return value === undefined ? undefined : OFFICES[value] ?? humanize(value);
}

/** Whether a question assesses a skill. */
function assesses(question: QuestionView, id: string): boolean {
  return question.assesses.some((skill) => skill.id === id);
}

/** The line under a question: what it assesses and how much it matters. */
function questionMeta(question: QuestionView): string {
  const names = question.assesses.map((skill) => skill.name).join(', ');
  return [names && `Assesses: ${names}`, question.priority && `${question.priority} question`].filter(Boolean).join(' · ');
}

/** Why the coverage matrix is left out, when it would have more than MAX_COVERAGE_CELLS cells (it grows as skills times questions). */
function coverageTooLarge(skills: number, questions: number): string | undefined {
  if (skills * questions <= MAX_COVERAGE_CELLS) return undefined;
  return `The coverage matrix is left out: ${skills} skills by ${questions} questions is more than the ${MAX_COVERAGE_CELLS.toLocaleString('en-US')} cells it shows.`;
}

/** The rows of the coverage matrix: the brief's skills, then any other skill a question assesses. */
function coverageRows(model: BriefView): { id: string; name: string; evidence: boolean; need?: string }[] {
  const rows: { id: string; name: string; evidence: boolean; need?: string }[] = model.skills.map((skill) => ({
    id: skill.id,
    name: skill.name,
    evidence: !!skill.evidence,
    need: skill.need,
  }));
  const seen = new Set(rows.map((row) => row.id));
  for (const question of model.questions) {
    for (const skill of question.assesses) {
      if (seen.has(skill.id)) continue;
      seen.add(skill.id);
      rows.push({ id: skill.id, name: skill.name, evidence: false });
    }
  }
  return rows;
}

function postingFacts(model: BriefView, showRate: boolean): [string, string][] {
  const facts: [string, string | undefined][] = [
    ['Engagement', model.engagement && humanize(model.engagement)],
    ['Project', projectLine(model)],
    ['Dates', dates(model)],
    ['Location', model.project.location],
    ['Reports to', model.reportsTo],
    ...(showRate ? rateFacts(model, false) : []),
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
}

function kitFacts(model: BriefView): [string, string][] {
  const facts: [string, string | undefined][] = [
    ['Profile', model.profile?.title],
    ['Engagement', model.engagement && humanize(model.engagement)],
    ['Reports to', model.reportsTo],
    ['Project', projectLine(model)],
    ['Dates', dates(model)],
    ['Location', model.project.location],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
}

/** What each score means when a question has no rubric. */
const RATING_LABELS = ['Poor', 'Weak', 'Adequate', 'Good', 'Excellent'];

/** The overall recommendation, forced: no middle to hide in (as a scorecard file writes it: `strong-no` … `strong-yes`). */
const RECOMMENDATIONS = ['Strong no', 'No', 'Yes', 'Strong yes'];

/** The question whose answer is the candidate's quote: the kit puts fields for it beside the brief's ceiling. */
const CHARGES_QUESTION = 'charges';

/** The line that asks interviewers to score before they compare notes. */
const SCORE_FIRST = 'Score each answer against its anchors as soon as you have heard it, then the skills and your overall recommendation, all before the debrief: scores written after the discussion tend to follow it.';

/** A score's anchor for the form: the rubric's text at that score, or, for a question without a rubric, the score's plain label. */
function scaleOf(question: QuestionView): { score: number; text?: string }[] {
  const rubric = new Map(question.rubric.map((anchor) => [anchor.score, anchor.text] as const));
  return RATING_LABELS.map((label, index) => ({ score: index + 1, text: question.rubric.length ? rubric.get(index + 1) : label }));
}

/** A row of the skill ratings: a skill, and the numbers (1-based) of the questions whose answers feed it. */
interface SkillRow {
  readonly name: string;
  readonly need?: string;
  readonly questions: readonly number[];
  readonly evidence: boolean;
}

/** The skill ratings of the form: each skill of the coverage matrix with the questions that assess it (one pass over the questions). */
function skillRows(model: BriefView): SkillRow[] {
  const feeding = new Map<string, number[]>();
  model.questions.forEach((question, index) => {
    for (const skill of question.assesses) {
      const numbers = feeding.get(skill.id) ?? [];
      if (numbers.at(-1) !== index + 1) numbers.push(index + 1);
      feeding.set(skill.id, numbers);
    }
  });
  return coverageRows(model).map((row) => ({ name: row.name, need: row.need, questions: feeding.get(row.id) ?? [], evidence: row.evidence }));
}

/** Where a skill's rating comes from, in words: `Q1, Q3`, or the evidence when no question assesses it. */
function skillSource(row: SkillRow): string {
  if (row.questions.length) return row.questions.map((number) => `Q${number}`).join(', ');
  return row.evidence ? 'Evidence (no question)' : 'No question assesses it';
}

/** The brief's ceiling and rate, beside which the candidate's quote is written. */
function quoteFacts(model: BriefView): [string, string][] {
  const rate = model.rate;
  const facts: [string, string | undefined][] = [
    ['Our ceiling', rate?.max === undefined ? 'none in the brief (rate.max)' : money(model, rate.max)],
    ['Our rate', money(model, rate?.amount)],
    ['Hours it covers', hoursText(model)],
    ['Kit fee we pay', money(model, rate?.kitFee)],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
}

/** The fields of the candidate's quote. */
const QUOTE_FIELDS = ['Quoted rate', 'Per', 'Hours it covers', 'Kit fee'];

// ---------------------------------------------------------------------------
// HTML

/** Free text as inline HTML (safe Markdown subset). */
function inline(value: string): string {
  return markdown.renderInline(value);
}

/** Free text as block HTML (safe Markdown subset: paragraphs and lists). */
function block(value: string): string {
  return markdown.render(value).trim();
}

function htmlList(items: readonly string[], className?: string): string {
  if (items.length === 0) return '';
  const classes = className ? ` class="${className}"` : '';
  return `<ul${classes}>\n${items.map((item) => `<li>${inline(item)}</li>`).join('\n')}\n</ul>`;
}

function htmlFacts(facts: readonly [string, string][]): string {
  if (facts.length === 0) return '';
  return `<dl class="facts">\n${facts.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('\n')}\n</dl>`;
}

function htmlSection(title: string, body: string, className = ''): string {
  if (!body) return '';
  return `<section${className ? ` class="${className}"` : ''}>\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

function htmlHeader(kind: string, model: BriefView): string {
  const subtitle = [model.project.name, model.project.location].filter(Boolean).join(' · ');
  return [
    '<header class="brief-header">',
    `<p class="eyebrow">${escapeHtml(kind)}</p>`,
    `<h1>${escapeHtml(model.role ?? 'Untitled brief')}</h1>`,
    subtitle ? `<p class="subtitle">${escapeHtml(subtitle)}</p>` : '',
    '</header>',
  ].filter(Boolean).join('\n');
}

/** For the author: how the posting's coded words balance (nothing when it has none). */
function htmlWordingBalance(model: BriefView): string {
  const { masculine, feminine } = model.wording;
  if (masculine + feminine === 0) return '';
  const words = (n: number, coding: Coding) => `${n} ${coding}-coded word${n === 1 ? '' : 's'}`;
  const lean = masculine === feminine ? 'balanced' : masculine > feminine ? 'leans masculine' : 'leans feminine';
  return [
    `<aside class="wording-balance" data-masculine="${masculine}" data-feminine="${feminine}">`,
    `<p><strong>Wording ${lean}:</strong> ${words(masculine, 'masculine')}, ${words(feminine, 'feminine')}. Shown here only, not to candidates; the Problems panel lists each word (<code>coded-wording</code>).</p>`,
    '</aside>',
  ].join('\n');
}

/** The job posting; `authorNotes`: with the balance of coded words (the live preview). */
function postingHtml(model: BriefView, showRate: boolean, authorNotes: boolean): string {
  const required = model.skills.filter((skill) => skill.need !== 'preferred').map((skill) => skill.name);
  const preferred = model.skills.filter((skill) => skill.need === 'preferred').map((skill) => skill.name);
  const skills = [
    required.length ? `<h3>Required</h3>\n${htmlPlainList(required)}` : '',
    preferred.length ? `<h3>Nice to have</h3>\n${htmlPlainList(preferred)}` : '',
  ].filter(Boolean).join('\n');
  const workspace = model.workspace && [office(model.workspace.office) && `<p>${escapeHtml(office(model.workspace.office)!)}.</p>`, htmlList(model.workspace.tools)].filter(Boolean).join('\n');
  return [
    '<article class="hire-view hire-posting" data-view="posting">',
    htmlHeader('Job posting', model),
    authorNotes ? htmlWordingBalance(model) : '',
    htmlFacts(postingFacts(model, showRate)),
    htmlSection('About the role', model.summary ? `<div class="prose">${block(model.summary)}</div>` : ''),
    htmlSection('What you will do', htmlList(model.duties)),
    htmlSection('What we look for', skills),
    htmlSection('Workspace and tools', workspace ?? ''),
    htmlSection('How to apply', htmlApply(model), 'apply'),
    '</article>',
  ].filter(Boolean).join('\n');
}

/** The posting's last section: where to apply (a link), by when, and what to send. */
function htmlApply(model: BriefView): string {
  const apply = model.apply;
  if (!apply) return '';
  const link = apply.contact && contactLink(apply.contact);
  const contact = apply.contact && (link ? `<a href="${escapeHtml(link)}">${escapeHtml(apply.contact.replace(/^mailto:/i, ''))}</a>` : escapeHtml(apply.contact));
  return [
    contact ? `<p>Apply to ${contact}${apply.deadline ? ` by ${escapeHtml(formatDate(apply.deadline))}` : ''}.</p>` : apply.deadline ? `<p>Apply by ${escapeHtml(formatDate(apply.deadline))}.</p>` : '',
    apply.send.length ? `<p>Please send:</p>\n${htmlList(apply.send)}` : '',
  ].filter(Boolean).join('\n');
}

function htmlPlainList(items: readonly string[]): string {
  return `<ul>\n${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`;
}

/** The interview kit; `findings`: with the brief's open findings (for its author, never in a document to hand out). */
function kitHtml(model: BriefView, findings: boolean): string {
  const fillIn = ['Candidate', 'Interviewer', 'Date']
    .map((label) => `<div><span class="fill-label">${label}</span><span class="fill-line"></span></div>`)
    .join('\n');
  return [
    '<article class="hire-view hire-kit" data-view="kit">',
    htmlHeader('Interview kit', model),
    htmlFacts(kitFacts(model)),
    `<div class="fill-in">\n${fillIn}\n</div>`,
    `<p class="score-first">${escapeHtml(SCORE_FIRST)}</p>`,
    findings ? htmlSection('Open findings', htmlFindings(model), 'findings') : '',
    htmlSection('Coverage', htmlCoverage(model), 'coverage'),
    htmlSection('What to look for', lookFor(model).map((skill) => `<p><strong>${escapeHtml(skill.name)}:</strong> ${inline(skill.text)}${skill.suggested ? ` <em class="suggestion">${SUGGESTED}</em>` : ''}</p>`).join('\n'), 'evidence'),
    model.questions.length
      ? `<section class="questions">\n<h2>Questions</h2>\n${model.questions.map((question, index) => htmlQuestion(model, question, index)).join('\n')}\n</section>`
      : '',
    htmlScorecard(model),
    htmlSection('Decision authority', htmlAuthority(model), 'authority'),
    htmlSection('Rate', htmlFacts(rateFacts(model, true))),
    htmlSection('Workspace and tools', model.workspace ? [htmlFacts(office(model.workspace.office) ? [['Office', office(model.workspace.office)!]] : []), htmlList(model.workspace.tools)].filter(Boolean).join('\n') : ''),
    htmlSection('Waived', model.waived.length ? `<dl class="waived">\n${model.waived.map((item) => `<div><dt>${escapeHtml(item.id)}</dt><dd>${inline(item.reason)}</dd></div>`).join('\n')}\n</dl>` : ''),
    htmlSection('Notes', model.notes ? `<div class="prose">${block(model.notes)}</div>` : ''),
    '</article>',
  ].filter(Boolean).join('\n');
}

function htmlFindings(model: BriefView): string {
  if (model.findings.length === 0) return '';
  const items = model.findings.map(
    (finding) =>
      `<li class="finding finding-${finding.severity}"><span class="severity">${finding.severity}</span> <span class="where">line ${finding.line}</span> <code>${escapeHtml(finding.code)}</code> ${escapeHtml(finding.message)}</li>`,
  );
  return `<ul class="finding-list">\n${items.join('\n')}\n</ul>`;
}

/** A line of the kit's "What to look for". */
interface LookFor {
  readonly name: string;
  readonly text: string;
  /** The profile's hint rather than the brief's own evidence. */
  readonly suggested: boolean;
}

/** How the kit marks a profile's evidence hint: a suggestion, not the brief's own assessment. */
const SUGGESTED = '(the profile’s suggestion)';

/**
 * The interviewer's list of what to look for: each skill's evidence as the
 * brief writes it, or else the profile's hint, marked as a suggestion.
 */
function lookFor(model: BriefView): LookFor[] {
  return model.skills.flatMap((skill): LookFor[] => {
    if (skill.evidence) return [{ name: skill.name, text: skill.evidence, suggested: false }];
    return skill.suggestion ? [{ name: skill.name, text: skill.suggestion, suggested: true }] : [];
  });
}

function htmlCoverage(model: BriefView): string {
  const rows = coverageRows(model);
  if (rows.length === 0 || model.questions.length === 0) return '';
  const tooLarge = coverageTooLarge(rows.length, model.questions.length);
  if (tooLarge) return `<p class="empty">${escapeHtml(tooLarge)}</p>`;
  const head = model.questions.map((question, index) => `<th scope="col" title="${escapeHtml(question.ask)}">Q${index + 1}</th>`).join('');
  const body = rows.map((row) => {
    const covered = model.questions.some((question) => assesses(question, row.id)) || row.evidence;
    const cells = model.questions.map((question) => (assesses(question, row.id) ? '<td class="hit">●</td>' : '<td></td>')).join('');
    const need = row.need ? `<span class="need">${escapeHtml(row.need)}</span>` : '';
    return `<tr${covered ? '' : ' class="uncovered"'}><th scope="row">${escapeHtml(row.name)} ${need}</th>${cells}<td class="hit">${row.evidence ? '✓' : ''}</td></tr>`;
  });
  const legend = model.questions.map((question, index) => `<li><span class="q-number">Q${index + 1}</span> ${escapeHtml(question.ask)}</li>`).join('\n');
  return [
    '<table class="matrix">',
    `<thead><tr><th scope="col">Skill</th>${head}<th scope="col">Evidence</th></tr></thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table>',
    `<ol class="legend">\n${legend}\n</ol>`,
  ].join('\n');
}

function htmlQuestion(model: BriefView, question: QuestionView, index: number): string {
  const meta = escapeHtml(questionMeta(question));
  return [
    `<section class="question" data-question="${escapeHtml(question.id)}">`,
    `<h3><span class="q-number">Q${index + 1}</span> ${escapeHtml(question.ask)}</h3>`,
    meta ? `<p class="meta">${meta}</p>` : '',
    question.why ? `<div class="why"><h4>Why we ask</h4><p>${inline(question.why)}</p></div>` : '',
    question.listenFor.length || question.redFlags.length
      ? `<div class="columns">\n<div class="listen"><h4>Listen for</h4>\n${htmlList(question.listenFor) || '<p class="empty">—</p>'}\n</div>\n<div class="red-flags"><h4>Red flags</h4>\n${htmlList(question.redFlags) || '<p class="empty">—</p>'}\n</div>\n</div>`
      : '',
    question.id === CHARGES_QUESTION ? htmlQuote(model) : '',
    '<div class="notes"><h4>Notes</h4><div class="notes-space"></div></div>',
    htmlScale(question),
    '</section>',
  ].filter(Boolean).join('\n');
}

/** The rating boxes of a question, each with its anchor beside it. */
function htmlScale(question: QuestionView): string {
  const scale = scaleOf(question)
    .map(({ score, text }) => `<li${text === undefined ? ' class="between"' : ''}><span class="box">${score}</span><span class="anchor">${text === undefined ? '' : inline(text)}</span></li>`)
    .join('\n');
  const heading = question.rubric.length ? 'Score (1–5) against the anchors' : 'Score (1–5)';
  return `<div class="rating"><h4>${heading}</h4>\n<ol class="scale${question.rubric.length ? ' anchored' : ''}">\n${scale}\n</ol></div>`;
}

/** Beside the charges question: fields for what the candidate quotes, and the brief's ceiling to weigh it against. */
function htmlQuote(model: BriefView): string {
  const fields = QUOTE_FIELDS.map((label) => `<div><span class="fill-label">${escapeHtml(label)}</span><span class="fill-line"></span></div>`).join('\n');
  return [
    '<div class="quote">',
    '<h4>Their quote</h4>',
    `<div class="fill-in quote-fields">\n${fields}\n</div>`,
    htmlFacts(quoteFacts(model)),
    '</div>',
  ].join('\n');
}

/** The end of the form: a rating per skill with the questions that feed it, key take-aways and the overall recommendation. */
function htmlScorecard(model: BriefView): string {
  const rows = skillRows(model);
  const boxes = RATING_LABELS.map((_, index) => `<span class="box">${index + 1}</span>`).join('');
  const table = rows.length
    ? [
        '<table class="skill-ratings">',
        '<thead><tr><th scope="col">Skill</th><th scope="col">From</th><th scope="col">Score</th></tr></thead>',
        `<tbody>\n${rows.map((row) => `<tr><th scope="row">${escapeHtml(row.name)}${row.need ? ` <span class="need">${escapeHtml(row.need)}</span>` : ''}</th><td class="from">${escapeHtml(skillSource(row))}</td><td class="boxes">${boxes}</td></tr>`).join('\n')}\n</tbody>`,
        '</table>',
      ].join('\n')
    : '';
  const choices = RECOMMENDATIONS.map((label) => `<li><span class="box"></span><span class="label">${label}</span></li>`).join('');
  return [
    '<section class="scorecard">',
    '<h2>Scorecard</h2>',
    table ? `<h3>Skills</h3>\n<p class="hint">One score per skill, from the answers to the questions named (and the evidence).</p>\n${table}` : '',
    '<h3>Key take-aways</h3>',
    '<div class="notes-space takeaways"></div>',
    '<h3>Overall recommendation</h3>',
    `<ol class="scale recommendation">${choices}</ol>`,
    '</section>',
  ].filter(Boolean).join('\n');
}

/** The heading over what they pass up: to whom, as the brief writes it (a title or a name). */
function escalatesHeading(model: BriefView): string {
  return model.reportsTo ? `Escalates to: ${model.reportsTo}` : 'Escalates';
}

function htmlAuthority(model: BriefView): string {
  if (model.decides.length === 0 && model.escalates.length === 0) return '';
  const up = escapeHtml(escalatesHeading(model));
  return [
    '<div class="columns">',
    `<div><h3>Decides alone</h3>\n${htmlList(model.decides) || '<p class="empty">—</p>'}</div>`,
    `<div><h3>${up}</h3>\n${htmlList(model.escalates) || '<p class="empty">—</p>'}</div>`,
    '</div>',
  ].join('\n');
}

// ---------------------------------------------------------------------------
// Markdown: free text goes through the same markdown-it parse, then back to
// Markdown from its tokens, so only the safe subset survives.

/**
 * Escapes text so that Markdown shows it as it is and never reads HTML in it:
 * the one escaper of every value the Markdown exports write. Line breaks
 * become spaces, so the text is one line and only its start can begin a
 * block (a list, a heading). Each step is a single linear pass: nothing here
 * may backtrack across the text (a `^\s*` under the `m` flag did, on long
 * runs of line breaks).
 */
function escapeMarkdown(value: string): string {
  return value
    // Each run of white space once; a run with a line break (`\n`, `\r`) becomes one space.
    .replace(/\s+/g, (run) => (/[\n\r]/.test(run) ? ' ' : run))
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    // `!` before a link (here, or the next token's) would make it an image: a remote fetch in any viewer.
    .replace(/!(?=\\\[|$)/g, '\\!')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // What would start a list or a heading at the start: `- `, `+ `, `# `, `=`; `12. ` keeps its digits
    // and escapes its dot (a backslash escapes punctuation only: `\12.5` would show the backslash).
    .replace(/^([ \t]*)([-+#](?=\s|$)|=)/, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function inlineTokensMarkdown(tokens: readonly MarkdownIt.Token[]): string {
  const hrefs: string[] = [];
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'softbreak':
        case 'hardbreak':
          return ' ';
        case 'em_open':
        case 'em_close':
          return '*';
        case 'strong_open':
        case 'strong_close':
          return '**';
        case 'link_open':
          hrefs.push(token.attrGet('href') ?? '');
          return '[';
        case 'link_close':
          return `](${(hrefs.pop() ?? '').replace(/[()\\\s<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
        default:
          return escapeMarkdown(token.content);
      }
    })
    .join('');
}

/** Free text as inline Markdown (safe subset). */
function mdInline(value: string): string {
  return inlineTokensMarkdown(markdown.parseInline(value, {})[0]?.children ?? []);
}

/** Free text as block Markdown: paragraphs and lists (safe subset). */
function mdBlock(value: string): string {
  const lines: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let marker: string | undefined;
  for (const token of markdown.parse(value, {})) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) lines.push('');
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        marker = list.ordered ? `${list.next++}. ` : '- ';
        break;
      }
      case 'inline': {
        const indent = '    '.repeat(Math.max(0, lists.length - 1));
        lines.push(`${indent}${marker ?? (lists.length ? '    ' : '')}${inlineTokensMarkdown(token.children ?? [])}`);
        marker = undefined;
        break;
      }
      case 'paragraph_close':
        if (lists.length === 0) lines.push('');
        break;
    }
  }
  return lines.join('\n').trim();
}

function mdList(items: readonly string[]): string {
  return items.map((item) => `- ${mdInline(item)}`).join('\n');
}

function mdFacts(facts: readonly [string, string][]): string {
  return facts.map(([label, value]) => `- **${label}:** ${escapeMarkdown(value)}`).join('\n');
}

function mdSection(title: string, body: string, level = 2): string {
  return body ? `${'#'.repeat(level)} ${title}\n\n${body}` : '';
}

function mdHeader(kind: string, model: BriefView): string {
  const subtitle = [model.project.name, model.project.location].filter(Boolean).join(' · ');
  return [`# ${escapeMarkdown(model.role ?? 'Untitled brief')}`, `*${kind}*${subtitle ? ` · ${escapeMarkdown(subtitle)}` : ''}`].join('\n\n');
}

function joinBlocks(blocks: readonly string[]): string {
  return blocks.filter(Boolean).join('\n\n');
}

function postingMarkdown(model: BriefView, showRate: boolean): string {
  const required = model.skills.filter((skill) => skill.need !== 'preferred').map((skill) => `- ${escapeMarkdown(skill.name)}`);
  const preferred = model.skills.filter((skill) => skill.need === 'preferred').map((skill) => `- ${escapeMarkdown(skill.name)}`);
  const workspace = model.workspace
    ? joinBlocks([office(model.workspace.office) ? `${escapeMarkdown(office(model.workspace.office)!)}.` : '', mdList(model.workspace.tools)])
    : '';
  return joinBlocks([
    mdHeader('Job posting', model),
    mdFacts(postingFacts(model, showRate)),
    mdSection('About the role', model.summary ? mdBlock(model.summary) : ''),
    mdSection('What you will do', mdList(model.duties)),
    mdSection('What we look for', joinBlocks([mdSection('Required', required.join('\n'), 3), mdSection('Nice to have', preferred.join('\n'), 3)])),
    mdSection('Workspace and tools', workspace),
    mdSection('How to apply', mdApply(model)),
  ]);
}

/** The posting's last section in Markdown. */
function mdApply(model: BriefView): string {
  const apply = model.apply;
  if (!apply) return '';
  const link = apply.contact && contactLink(apply.contact);
  const shown = apply.contact && escapeMarkdown(apply.contact.replace(/^mailto:/i, ''));
  const contact = link ? `[${shown}](${link.replace(/[()\\\s<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})` : shown;
  const deadline = apply.deadline ? ` by ${escapeMarkdown(formatDate(apply.deadline))}` : '';
  return joinBlocks([
    contact ? `Apply to ${contact}${deadline}.` : deadline ? `Apply${deadline}.` : '',
    apply.send.length ? `Please send:\n\n${mdList(apply.send)}` : '',
  ]);
}

/** The interview kit in Markdown; `findings`: with the brief's open findings. */
function kitMarkdown(model: BriefView, findings: boolean): string {
  return joinBlocks([
    mdHeader('Interview kit', model),
    mdFacts(kitFacts(model)),
    'Candidate: ____________________  Interviewer: ____________________  Date: ____________',
    `*${escapeMarkdown(SCORE_FIRST)}*`,
    findings ? mdSection('Open findings', model.findings.map((finding) => `- **${finding.severity}** line ${finding.line} \`${finding.code}\` ${escapeMarkdown(finding.message)}`).join('\n')) : '',
    mdSection('Coverage', mdCoverage(model)),
    mdSection('What to look for', lookFor(model).map((skill) => `- **${escapeMarkdown(skill.name)}:** ${mdInline(skill.text)}${skill.suggested ? ` *${SUGGESTED}*` : ''}`).join('\n')),
    mdSection('Questions', model.questions.map((question, index) => mdQuestion(model, question, index)).join('\n\n')),
    mdScorecard(model),
    mdSection('Decision authority', joinBlocks([
      mdSection('Decides alone', mdList(model.decides), 3),
      mdSection(escapeMarkdown(escalatesHeading(model)), mdList(model.escalates), 3),
    ])),
    mdSection('Rate', mdFacts(rateFacts(model, true))),
    mdSection('Workspace and tools', model.workspace ? joinBlocks([mdFacts(office(model.workspace.office) ? [['Office', office(model.workspace.office)!]] : []), mdList(model.workspace.tools)]) : ''),
    mdSection('Waived', model.waived.map((item) => `- **${escapeMarkdown(item.id)}:** ${mdInline(item.reason)}`).join('\n')),
    mdSection('Notes', model.notes ? mdBlock(model.notes) : ''),
  ]);
}

function mdCoverage(model: BriefView): string {
  const rows = coverageRows(model);
  if (rows.length === 0 || model.questions.length === 0) return '';
  const tooLarge = coverageTooLarge(rows.length, model.questions.length);
  if (tooLarge) return escapeMarkdown(tooLarge);
  const head = `| Skill | ${model.questions.map((_, index) => `Q${index + 1}`).join(' | ')} | Evidence |`;
  const rule = `|---|${model.questions.map(() => ':-:').join('|')}|:-:|`;
  const body = rows.map((row) => {
    const cells = model.questions.map((question) => (assesses(question, row.id) ? '●' : ' '));
    return `| ${escapeMarkdown(row.need ? `${row.name} (${row.need})` : row.name)} | ${cells.join(' | ')} | ${row.evidence ? '✓' : ' '} |`;
  });
  const legend = model.questions.map((question, index) => `${index + 1}. ${escapeMarkdown(question.ask)}`);
  return [head, rule, ...body, '', ...legend].join('\n');
}

function mdQuestion(model: BriefView, question: QuestionView, index: number): string {
  const meta = escapeMarkdown(questionMeta(question));
  return joinBlocks([
    `### Q${index + 1}. ${escapeMarkdown(question.ask)}`,
    meta ? `*${meta}*` : '',
    question.why ? `**Why we ask:** ${mdInline(question.why)}` : '',
    question.listenFor.length ? `**Listen for:**\n\n${mdList(question.listenFor)}` : '',
    question.redFlags.length ? `**Red flags:**\n\n${mdList(question.redFlags)}` : '',
    question.id === CHARGES_QUESTION ? mdQuote(model) : '',
    '**Notes:**\n\n______________________________\n\n______________________________',
    `**${question.rubric.length ? 'Score (1–5) against the anchors' : 'Score (1–5)'}:**\n\n${scaleOf(question).map(({ score, text }) => `- ☐ **${score}**${text === undefined ? '' : ` ${mdInline(text)}`}`).join('\n')}`,
  ]);
}

/** Beside the charges question: fields for the candidate's quote, and the brief's ceiling. */
function mdQuote(model: BriefView): string {
  return joinBlocks([
    `**Their quote:** ${QUOTE_FIELDS.map((label) => `${escapeMarkdown(label)} ________`).join(' · ')}`,
    mdFacts(quoteFacts(model)),
  ]);
}

/** The end of the form: skill ratings, key take-aways, overall recommendation. */
function mdScorecard(model: BriefView): string {
  const rows = skillRows(model);
  const boxes = RATING_LABELS.map((_, index) => `☐ ${index + 1}`).join(' ');
  const table = rows.length
    ? ['| Skill | From | Score |', '|---|---|---|', ...rows.map((row) => `| ${escapeMarkdown(row.need ? `${row.name} (${row.need})` : row.name)} | ${escapeMarkdown(skillSource(row))} | ${boxes} |`)].join('\n')
    : '';
  return mdSection('Scorecard', joinBlocks([
    mdSection('Skills', table, 3),
    mdSection('Key take-aways', '______________________________\n\n______________________________\n\n______________________________', 3),
    mdSection('Overall recommendation', RECOMMENDATIONS.map((label) => `☐ ${label}`).join('  '), 3),
  ]));
}
