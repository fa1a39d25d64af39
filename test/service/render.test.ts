/**
 * The renderer: golden HTML and Markdown of the samples (UPDATE_GOLDEN=1
 * rewrites them), the profile's fields merged into the kit, and hostile text
 * rendered inert.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { isDiagnosticCode } from '../../server/src/service/codes';
import { getLanguageService } from '../../server/src/service/languageService';
import { MAX_COVERAGE_CELLS } from '../../server/src/service/limits';
import { escapeHtml, type RenderOptions } from '../../server/src/service/render';
import { brief, ROOT, sample } from '../support/documents';

const service = getLanguageService();
const GOLDEN = path.join(ROOT, 'test/golden');

/** Asserts that a pattern is absent, reporting only the match (the outputs here can be 1 MB). */
function assertAbsent(text: string, pattern: RegExp, message?: string): void {
  const match = pattern.exec(text);
  assert.equal(match && text.slice(Math.max(0, match.index - 80), match.index + 80), null, message ?? `no ${pattern}`);
}

function render(document: ReturnType<typeof brief>, options: RenderOptions): string {
  const rendered = service.render(document, options);
  assert.ok(rendered, 'the brief renders');
  return rendered.content;
}

/** Compares with a golden file, or rewrites it when UPDATE_GOLDEN=1. */
function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden; rerun with UPDATE_GOLDEN=1 if the change is intended`);
}

describe('render: goldens of the samples', () => {
  for (const name of ['complete', 'gaps', 'errors']) {
    for (const view of ['posting', 'kit'] as const) {
      it(`${name}: ${view} as HTML and Markdown`, () => {
        const document = sample(`${name}.hire.yaml`);
        const html = render(document, { format: 'html', view });
        assertGolden(`${name}.${view}.html`, `${html}\n`);
        assertGolden(`${name}.${view}.md`, render(document, { format: 'md', view }));
        assert.equal(render(sample(`${name}.hire.yaml`), { format: 'html', view }), html, 'the output is stable');
      });
    }
  }
});

describe('render: views', () => {
  it('puts the posting first when no view is given, and separates the views', () => {
    const both = render(sample('complete.hire.yaml'), { format: 'md' });
    const posting = render(sample('complete.hire.yaml'), { format: 'md', view: 'posting' }).trimEnd();
    const kit = render(sample('complete.hire.yaml'), { format: 'md', view: 'kit' });
    assert.equal(both, `${posting}\n\n---\n\n${kit}`);
  });

  it('shows the rate in the posting only when asked; the kit always shows rate, hours, ceiling and kit fee', () => {
    const document = sample('complete.hire.yaml');
    assert.doesNotMatch(render(document, { format: 'html', view: 'posting' }), /350 USD/);
    const shown = render(document, { format: 'html', view: 'posting', showRate: true });
    assert.match(shown, /<dt>Rate<\/dt><dd>350 USD per day<\/dd>/);
    assert.match(shown, /<dt>Hours<\/dt><dd>12 hours per day<\/dd>/);
    const kit = render(document, { format: 'html', view: 'kit' });
    for (const fact of ['<dt>Rate</dt><dd>350 USD per day</dd>', '<dt>Hours</dt><dd>12 hours per day</dd>', '<dt>Ceiling (max)</dt><dd>400 USD per day</dd>', '<dt>Kit fee</dt><dd>50 USD per day</dd>']) {
      assert.ok(kit.includes(fact), fact);
    }
  });

  it('names skills from the profile in the posting and keeps notes out of it', () => {
    const posting = render(sample('complete.hire.yaml'), { format: 'html', view: 'posting' });
    assert.match(posting, /<li>Effective communication<\/li>/);
    assert.match(posting, /<h3>Nice to have<\/h3>\n<ul>\n<li>Leadership and management style<\/li>/);
    assert.doesNotMatch(posting, /Interviews in the week/);
    assert.doesNotMatch(posting, /Why we ask|Red flags/);
  });

  it('lists the evidence to look for in the kit, not in the posting', () => {
    const text = 'hire: 1\nrole: Key Grip\nskills:\n  - id: rigging\n    evidence: Rigged a 40-foot truss\n';
    assert.match(render(brief(text), { format: 'md', view: 'kit' }), /## What to look for\n\n- \*\*Rigging:\*\* Rigged a 40-foot truss/);
    assert.match(render(brief(text), { format: 'html', view: 'kit' }), /<p><strong>Rigging:<\/strong> Rigged a 40-foot truss<\/p>/);
    assert.doesNotMatch(render(brief(text), { format: 'md', view: 'posting' }), /40-foot truss/);
  });

  it('writes decimals, one hour and a link after `!` as they read in Markdown (no stray backslash, no image)', () => {
    const text = 'hire: 1\nrole: Key Grip\nsummary: "See ![plan](http://example.com/p.png) now!"\nrate: {amount: 12.5, currency: USD, per: hour, hours: 1, kit_fee: 25.75}\n';
    const kit = render(brief(text), { format: 'md', view: 'kit' });
    assert.match(kit, /\*\*Rate:\*\* 12\.5 USD per hour/);
    assert.match(kit, /\*\*Hours:\*\* 1 hour$/m);
    assert.match(kit, /\*\*Kit fee:\*\* 25\.75 USD/);
    const posting = render(brief(text), { format: 'md', view: 'posting' });
    assert.match(posting, /See \\!\[plan\]\(http:\/\/example\.com\/p\.png\) now\\!/);
  });

  it('heads what they pass up with reports_to as written, a name or a title', () => {
    const text = 'hire: 1\nrole: Key Grip\nreports_to: Jane Smith\nauthority:\n  escalates: [Anything that moves the schedule]\n';
    assert.match(render(brief(text), { format: 'md', view: 'kit' }), /^### Escalates to: Jane Smith$/m);
    assert.match(render(brief(text), { format: 'html', view: 'kit' }), /<h3>Escalates to: Jane Smith<\/h3>/);
  });

  it('merges the profile into a question; a field the brief sets replaces the profile\'s', () => {
    const document = brief(
      'hire: 1\nrole: Coordinator\nprofile: production-coordinator\nquestions:\n' +
        '  - id: superiors\n    ask: Tell me about a manager you disagreed with.\n' +
        '  - id: conflict\n    ask: How do you handle conflict?\n    red_flags: [Shouts]\n',
    );
    const kit = render(document, { format: 'md', view: 'kit' });
    const superiors = kit.slice(kit.indexOf('### Q1.'), kit.indexOf('### Q2.'));
    assert.match(superiors, /Tell me about a manager you disagreed with\./, 'the brief\'s ask');
    assert.match(superiors, /\*\*Why we ask:\*\* However independent the job, the coordinator answers to the production manager/, 'the profile\'s why');
    assert.match(superiors, /- Runs down former managers/, 'the profile\'s red flags');
    assert.match(superiors, /Assesses: Team player/, 'the profile\'s assesses, by skill name');
    const conflict = kit.slice(kit.indexOf('### Q2.'));
    assert.match(conflict, /\*\*Red flags:\*\*\n\n- Shouts\n\n\*\*Notes/, 'the brief\'s red flags replace the profile\'s');
    assert.match(conflict, /- Hearing each side out before deciding/, 'the profile\'s listen_for is kept');
  });

  it('lists skills in the profile\'s order, the brief\'s own after them, in the posting and the kit', () => {
    const text = 'hire: 1\nrole: Coordinator\nprofile: production-coordinator\nskills:\n  - id: budgeting\n    need: preferred\n  - leadership\n  - teamwork\n  - communication\n  - coordination\nquestions:\n  - id: conflict\n    ask: How?\n';
    const posting = render(brief(text), { format: 'md', view: 'posting' });
    assert.match(posting, /### Required\n\n- Coordinating a whole production\n- Effective communication\n- Team player\n\n### Nice to have\n\n- Leadership and management style\n- Budgeting/);
    const kit = render(brief(text), { format: 'md', view: 'kit' });
    const coverage = kit.slice(kit.indexOf('## Coverage'), kit.indexOf('\n## ', kit.indexOf('## Coverage') + 1));
    const rows = coverage.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Skill'));
    assert.deepEqual(rows.map((row) => row.split(' | ')[0].slice(2)), [
      'Coordinating a whole production (required)', 'Effective communication (required)', 'Team player (required)', 'Leadership and management style (preferred)', 'Budgeting (preferred)', 'Problem solving',
    ]);
    const html = render(brief(text), { format: 'html', view: 'posting' });
    assert.ok(html.indexOf('Coordinating a whole production') < html.indexOf('Effective communication'));
  });

  it("shows the profile's evidence hint under What to look for, marked as its suggestion, and the brief's own unmarked", () => {
    const text = 'hire: 1\nrole: Coordinator\nprofile: production-coordinator\nskills:\n  - accounting\n  - id: computer\n    evidence: Builds call sheets in Movie Magic\nquestions:\n  - id: conflict\n    ask: How?\n';
    const kit = render(brief(text), { format: 'md', view: 'kit' });
    assert.match(kit, /## What to look for\n\n- \*\*Basic accounting:\*\* Petty cash they reconciled[^\n]* \*\(the profile’s suggestion\)\*\n- \*\*Computer skills:\*\* Builds call sheets in Movie Magic\n/);
    assert.match(render(brief(text), { format: 'html', view: 'kit' }), /<strong>Basic accounting:<\/strong> Petty cash [^<]*<em class="suggestion">\(the profile’s suggestion\)<\/em>/);
    // The coverage matrix marks only the brief's own evidence, as the check counts it.
    assert.match(kit, /\| Basic accounting \(required\) \| {3}\| {3}\|/);
    assert.match(kit, /\| Computer skills \(required\) \| {3}\| ✓ \|/);
  });

  it('draws the coverage matrix: one row per skill, a mark where a question assesses it', () => {
    const kit = render(sample('gaps.hire.yaml'), { format: 'md', view: 'kit' });
    assert.match(kit, /\| Skill \| Q1 \| Q2 \| Evidence \|/);
    assert.match(kit, /\| Effective communication \(required\) \| ● \| {3}\| {3}\|/);
    assert.match(kit, /\| Coordinating a whole production \(required\) \| {3}\| {3}\| {3}\|/);
    assert.match(kit, /\| Team player \| {3}\| ● \| {3}\|/, 'a skill only a question names gets a row');
    const html = render(sample('gaps.hire.yaml'), { format: 'html', view: 'kit' });
    assert.match(html, /<tr class="uncovered"><th scope="row">Coordinating a whole production/);
  });

  it(`leaves out a coverage matrix of more than ${MAX_COVERAGE_CELLS} cells, and says so (it grows as skills times questions)`, () => {
    const kit = (count: number, format: 'html' | 'md') => {
      const skills = Array.from({ length: count }, (_, index) => `  - id: s${index}\n`).join('');
      const questions = Array.from({ length: count }, (_, index) => `  - id: q${index}\n    assesses: [s${index}]\n`).join('');
      return render(brief(`hire: 1\nrole: x\nskills:\n${skills}questions:\n${questions}`), { format, view: 'kit' });
    };
    const side = Math.floor(Math.sqrt(MAX_COVERAGE_CELLS));
    assert.match(kit(side, 'md'), /\| Skill \| Q1 \|/);
    assert.match(kit(side, 'html'), /<table class="matrix">/);
    const message = `The coverage matrix is left out: ${side + 1} skills by ${side + 1} questions is more than the ${MAX_COVERAGE_CELLS.toLocaleString('en-US')} cells it shows.`;
    assert.match(kit(side + 1, 'md'), new RegExp(`## Coverage\n\n${message.replace(/[.]/g, '\\.')}\n`));
    const html = kit(side + 1, 'html');
    assert.ok(html.includes(`<p class="empty">${message}</p>`));
    assert.doesNotMatch(html, /<table class="matrix"/);
    // The scorecard's skill ratings grow as the skills do, not as skills times questions: they stay.
    assert.equal([...html.matchAll(/<tr><th scope="row">S\d+/g)].length, side + 1);
  });

  it('lists the open findings in the kit only when asked, with the user\'s severities', () => {
    const kit = render(sample('gaps.hire.yaml'), { format: 'md', view: 'kit', findings: true });
    assert.match(kit, /## Open findings\n\n- \*\*warning\*\* line 8 `missing-section` The profile 'production-coordinator' asks for the 'authority' section/);
    assert.match(render(sample('gaps.hire.yaml'), { format: 'html', view: 'kit', findings: true }), /<section class="findings">\n<h2>Open findings<\/h2>/);
    // A document to hand out: no findings, in either format, either view, a page or a fragment.
    for (const format of ['md', 'html'] as const) {
      for (const standalone of [false, true]) {
        const handout = render(sample('errors.hire.yaml'), { format, standalone });
        assertAbsent(handout, /Open findings|missing-section|yaml-syntax|unknown-skill|class="finding/);
      }
    }
    const quiet = service.render(sample('gaps.hire.yaml'), { format: 'md', view: 'kit', findings: true }, { severity: { 'missing-section': 'off' } });
    assert.doesNotMatch(quiet!.content, /missing-section/);
    assert.equal(service.render(sample('errors.hire.yaml'), { format: 'md' })!.errors, 9);
  });

  it('renders what it can of a brief with YAML errors, and nothing of one whose root is not a mapping', () => {
    const broken = brief('hire: 1\nrole: Production Coordinator\nsummary: "Runs the office\nduties:\n  - Call sheets\n');
    const rendered = service.render(broken, { format: 'md', view: 'kit', findings: true });
    assert.ok(rendered);
    assert.match(rendered.content, /^# Production Coordinator/);
    assert.match(rendered.content, /`yaml-syntax`/);
    assert.ok(rendered.errors > 0);
    assert.equal(service.render(brief('- just\n- a list\n'), { format: 'html' }), undefined);
    assert.equal(service.render(brief(''), { format: 'html' }), undefined);
  });

  it('writes a standalone page with the stylesheet embedded and a CSP that allows only it', () => {
    const page = render(sample('complete.hire.yaml'), { format: 'html', standalone: true });
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'">/);
    assert.match(page, /<title>Production Coordinator — Night Market<\/title>/);
    assert.match(page, /<style>[^]*@media print[^]*<\/style>/);
    assert.ok(page.indexOf('data-view="posting"') < page.indexOf('data-view="kit"'));
  });
});

describe('render: the kit as a scorecard form', () => {
  const HEAD = 'hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\n';
  const builtin = service.profiles.get('production-coordinator')!;
  const rubricOf = (id: string) => builtin.questions.find((question) => question.id === id)!.rubric!;
  /** The HTML of one question's section. */
  const questionHtml = (html: string, id: string) => {
    const start = html.indexOf(`<section class="question" data-question="${id}">`);
    assert.ok(start >= 0, `the question ${id} is in the kit`);
    return html.slice(start, html.indexOf('</section>', start));
  };

  it('puts each question\'s anchors beside its rating boxes: the profile\'s, or the brief\'s own', () => {
    const html = render(brief(`${HEAD}questions:\n  - id: conflict\n    ask: How?\n  - id: superiors\n    ask: Boss?\n    rubric:\n      1: Blames the boss.\n      5: Worked it out <b>with</b> them.\n  - id: own\n    ask: Why film?\n`), { format: 'html', view: 'kit' });
    const conflict = rubricOf('conflict');
    assert.ok(questionHtml(html, 'conflict').includes(
      `<ol class="scale anchored">\n<li><span class="box">1</span><span class="anchor">${escapeHtml(conflict[1]!)}</span></li>\n<li class="between"><span class="box">2</span><span class="anchor"></span></li>\n<li><span class="box">3</span><span class="anchor">${escapeHtml(conflict[3]!)}</span></li>\n<li class="between"><span class="box">4</span><span class="anchor"></span></li>\n<li><span class="box">5</span><span class="anchor">${escapeHtml(conflict[5]!)}</span></li>\n</ol>`,
    ), questionHtml(html, 'conflict'));
    const superiors = questionHtml(html, 'superiors');
    assert.ok(superiors.includes('<li><span class="box">1</span><span class="anchor">Blames the boss.</span></li>'));
    assert.ok(superiors.includes('<li><span class="box">5</span><span class="anchor">Worked it out &lt;b&gt;with&lt;/b&gt; them.</span></li>'));
    assert.ok(!superiors.includes(rubricOf('superiors')[3]!), 'the brief\'s rubric replaces the profile\'s whole');
    // A question without a rubric keeps the plain labels.
    const own = questionHtml(html, 'own');
    assert.ok(own.includes('<ol class="scale">'));
    assert.deepEqual([...own.matchAll(/<span class="anchor">([^<]*)<\/span>/g)].map((match) => match[1]), ['Poor', 'Weak', 'Adequate', 'Good', 'Excellent']);
  });

  it('does the same in Markdown, one box a line', () => {
    const md = render(brief(`${HEAD}questions:\n  - id: superiors\n    ask: Boss?\n    rubric:\n      1: Blames the boss.\n      3: Fair.\n      5: Worked it out.\n  - id: own\n    ask: Why film?\n`), { format: 'md', view: 'kit' });
    assert.ok(md.includes('**Score (1–5) against the anchors:**\n\n- ☐ **1** Blames the boss.\n- ☐ **2**\n- ☐ **3** Fair.\n- ☐ **4**\n- ☐ **5** Worked it out.\n'), md);
    assert.ok(md.includes('**Score (1–5):**\n\n- ☐ **1** Poor\n- ☐ **2** Weak\n- ☐ **3** Adequate\n- ☐ **4** Good\n- ☐ **5** Excellent'));
  });

  it('asks interviewers to score each answer before the debrief, near the top', () => {
    for (const format of ['html', 'md'] as const) {
      const kit = render(sample('complete.hire.yaml'), { format, view: 'kit' });
      const line = kit.indexOf('before the debrief');
      assert.ok(line > 0 && line < kit.indexOf('Q1'), `${format}: the line comes before the questions`);
    }
  });

  it('has a rating row per skill with the questions that feed it', () => {
    const html = render(sample('complete.hire.yaml'), { format: 'html', view: 'kit' });
    const scorecard = html.slice(html.indexOf('<section class="scorecard">'));
    assert.match(scorecard, /<tr><th scope="row">Problem solving <span class="need">required<\/span><\/th><td class="from">Q3, Q6<\/td><td class="boxes">(<span class="box">\d<\/span>){5}<\/td><\/tr>/);
    assert.match(scorecard, /<tr><th scope="row">Basic accounting <span class="need">required<\/span><\/th><td class="from">Evidence \(no question\)<\/td>/);
    assert.equal([...scorecard.matchAll(/<tr><th scope="row">/g)].length, 9);
    const md = render(sample('gaps.hire.yaml'), { format: 'md', view: 'kit' });
    assert.match(md, /\| Coordinating a whole production \(required\) \| No question assesses it \| ☐ 1 ☐ 2 ☐ 3 ☐ 4 ☐ 5 \|/);
  });

  it('ends with key take-aways and a forced four-point recommendation', () => {
    const html = render(sample('complete.hire.yaml'), { format: 'html', view: 'kit' });
    const scorecard = html.slice(html.indexOf('<section class="scorecard">'), html.indexOf('</section>', html.indexOf('<section class="scorecard">')));
    assert.ok(scorecard.includes('<h3>Key take-aways</h3>'));
    assert.deepEqual([...scorecard.matchAll(/<span class="label">([^<]*)<\/span>/g)].map((match) => match[1]), ['Strong no', 'No', 'Yes', 'Strong yes']);
    assert.ok(html.indexOf('<section class="scorecard">') > html.lastIndexOf('<section class="question"'), 'after the last question');
    const md = render(sample('complete.hire.yaml'), { format: 'md', view: 'kit' });
    assert.match(md, /## Scorecard\n\n### Skills\n[^#]+### Key take-aways\n\n_{30}\n\n_{30}\n\n_{30}\n\n### Overall recommendation\n\n☐ Strong no {2}☐ No {2}☐ Yes {2}☐ Strong yes\n/);
  });

  it('puts fields for the quote beside the brief\'s ceiling, in the charges question only', () => {
    const html = render(sample('complete.hire.yaml'), { format: 'html', view: 'kit' });
    const charges = questionHtml(html, 'charges');
    for (const label of ['Quoted rate', 'Per', 'Hours it covers', 'Kit fee']) assert.ok(charges.includes(`<span class="fill-label">${label}</span><span class="fill-line"></span>`), label);
    assert.ok(charges.includes('<dt>Our ceiling</dt><dd>400 USD per day</dd>'));
    assert.ok(charges.includes('<dt>Hours it covers</dt><dd>12 hours per day</dd>'));
    assert.equal([...html.matchAll(/class="quote"/g)].length, 1);
    const md = render(brief(`${HEAD}rate: {amount: 300, currency: CAD, per: day}\nquestions:\n  - id: charges\n    ask: Rate?\n`), { format: 'md', view: 'kit' });
    assert.ok(md.includes('**Their quote:** Quoted rate ________ · Per ________ · Hours it covers ________ · Kit fee ________\n\n- **Our ceiling:** none in the brief (rate.max)\n- **Our rate:** 300 CAD per day\n'), md);
  });
});

describe('render: hostile text is inert', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    "{{constructor.constructor('alert(1)')()}}",
    '${process.exit(1)}',
    '</li></ul><b>bold</b>',
  ];
  const big = `${'A safe line. '.repeat(80_000)}<script>alert(2)</script>`;
  const yamlString = (value: string) => JSON.stringify(value);
  const text = [
    'hire: 1',
    `role: ${yamlString(hostile[0])}`,
    'profile: production-coordinator',
    'project:',
    `  name: ${yamlString(hostile[1])}`,
    `  location: ${yamlString(hostile[2])}`,
    `summary: ${yamlString(`${big}\n\n[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) [ok](https://example.com/a?b=1) [mail](mailto:hr@example.com) [vb](JaVaScRiPt:alert(1))`)}`,
    'duties:',
    ...hostile.map((value) => `  - ${yamlString(value)}`),
    'skills:',
    `  - id: communication\n    evidence: ${yamlString(hostile[3])}`,
    `  - id: hostile-skill\n    name: ${yamlString(hostile[1])}`,
    'authority:',
    `  decides: [${yamlString(hostile[4])}]`,
    'questions:',
    `  - id: conflict\n    ask: ${yamlString(hostile[0])}\n    why: ${yamlString('[x](javascript:alert(1)) *fine*')}\n    listen_for: [${yamlString(hostile[1])}]\n    assesses: [hostile-skill, ${yamlString('<svg onload=alert(1)>')}]`,
    'waive:',
    `  superiors: ${yamlString(hostile[2])}`,
    `notes: ${yamlString(hostile[3])}`,
    '',
  ].join('\n');
  const document = brief(text);
  const size = Buffer.byteLength(text);

  it('the test brief is over 1 MB', () => assert.ok(size > 1_000_000, `${size} bytes`));

  for (const options of [
    { format: 'html', view: 'posting' },
    { format: 'html', view: 'kit' },
    { format: 'html', standalone: true },
  ] as const) {
    it(`${options.format} ${'view' in options ? options.view : 'standalone'}: no markup from the brief, the text shown as text`, () => {
      const html = render(document, { ...options, showRate: true });
      assertAbsent(html, /<script/i);
      assertAbsent(html, /<img/i);
      assertAbsent(html, /<svg/i);
      assertAbsent(html, /<b>/);
      assertAbsent(html, /<[a-z][^>]*\son[a-z]+=/i, 'no event handler attribute');
      assertAbsent(html, /href="(?!https:\/\/example\.com\/a\?b=1"|mailto:hr@example\.com")/i, 'only the safe links are links');
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the script text is visible');
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(html.includes('&lt;/li&gt;&lt;/ul&gt;&lt;b&gt;bold&lt;/b&gt;') || options.view === 'kit');
      assert.ok(html.includes("{{constructor.constructor('alert(1)')()}}") || html.includes('{{constructor.constructor(&#39;alert(1)&#39;)()}}'));
    });
  }

  it('html kit: shows the template strings, the javascript: link as text, the safe links as links', () => {
    const html = render(document, { format: 'html', view: 'kit' });
    assert.ok(html.includes('${process.exit(1)}'));
    assert.ok(html.includes('[x](javascript:alert(1)) <em>fine</em>'), 'an unsafe link stays text');
    const posting = render(document, { format: 'html', view: 'posting' });
    assert.ok(posting.includes('<a href="https://example.com/a?b=1">ok</a>'));
    assert.ok(posting.includes('<a href="mailto:hr@example.com">mail</a>'));
    assert.ok(posting.includes('[click](javascript:alert(1))'));
  });

  it('markdown: no HTML and no unsafe link survives', () => {
    const md = render(document, { format: 'md' });
    assertAbsent(md, /<script|<img|<svg|<b>|<\/li>/i);
    assertAbsent(md, /(?<!\\)\]\((?!https:\/\/example\.com\/a\?b=1\)|mailto:hr@example\.com\))/i, 'only the safe links are links');
    assert.ok(md.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(md.includes('[ok](https://example.com/a?b=1)'));
    assert.ok(md.includes('\\[click\\](javascript:alert(1))'), 'an unsafe link is escaped text');
  });
});

describe('render: hostile text in every field, both views, both formats', () => {
  // Each field gets its own markers (letters and digits only: some fields are shown humanized, which changes `-`).
  const payload = (field: string) => [
    `# hdr${field}`,
    `- item${field}`,
    `1. num${field}`,
    `> quote${field}`,
    `| tbl${field} | x |`,
    `[ref${field}]: http://attacker.example/ref${field}`,
    `=`,
    `---`,
    `![img${field}](http://attacker.example/img${field}.png) <script>script${field}</script> <img src=x onerror=alert(1)> ` +
      `[link${field}](http://attacker.example/link${field}) [js${field}](javascript:alert(1)) &lt;b&gt;ent${field}&lt;/b&gt; &#60;i&#62; ` +
      `\`code${field}\` <http://attacker.example/auto${field}> <!-- c${field} --> **strong${field}**`,
  ];
  /** Fields whose text may use the safe subset of Markdown (emphasis, links to http(s)); the others are shown as plain text. */
  const FREE = new Set(['summary', 'notes', 'duty', 'tool', 'evidence', 'why', 'listen', 'flag', 'rubriclow', 'rubrichigh', 'decides', 'escalates', 'reason']);
  /** Fields that may hold paragraphs and lists. */
  const BLOCK = new Set(['summary', 'notes']);
  const FIELDS = [
    'role', 'profile', 'engagement', 'reports', 'pname', 'ptype', 'pstart', 'pend', 'plocation', 'summary', 'duty',
    'skillid', 'skillname', 'need', 'evidence', 'decides', 'escalates', 'amount', 'currency', 'per', 'hours', 'max', 'kitfee',
    'office', 'tool', 'questionid', 'ask', 'why', 'listen', 'flag', 'rubriclow', 'rubrichigh', 'assesses', 'waived', 'reason', 'notes',
  ];

  /** A brief with the payload, its lines in this order, in every field. */
  function hostileBrief(order: (lines: string[]) => string[]): string {
    const v = (field: string) => JSON.stringify(order(payload(field)).join('\n'));
    return [
      'hire: 1',
      `role: ${v('role')}`,
      `profile: ${v('profile')}`,
      `engagement: ${v('engagement')}`,
      `reports_to: ${v('reports')}`,
      'project:',
      `  name: ${v('pname')}`,
      `  type: ${v('ptype')}`,
      `  start: ${v('pstart')}`,
      `  end: ${v('pend')}`,
      `  location: ${v('plocation')}`,
      `summary: ${v('summary')}`,
      `duties: [${v('duty')}]`,
      'skills:',
      `  - id: ${v('skillid')}`,
      `  - id: named\n    name: ${v('skillname')}\n    need: ${v('need')}\n    evidence: ${v('evidence')}`,
      `authority: {decides: [${v('decides')}], escalates: [${v('escalates')}]}`,
      `rate: {amount: ${v('amount')}, currency: ${v('currency')}, per: ${v('per')}, hours: ${v('hours')}, max: ${v('max')}, kit_fee: ${v('kitfee')}}`,
      `workspace: {office: ${v('office')}, tools: [${v('tool')}]}`,
      'questions:',
      `  - id: ${v('questionid')}`,
      `  - id: asked\n    ask: ${v('ask')}\n    why: ${v('why')}\n    listen_for: [${v('listen')}]\n    red_flags: [${v('flag')}]\n    rubric: {1: ${v('rubriclow')}, 5: ${v('rubrichigh')}}\n    assesses: [named, ${v('assesses')}]`,
      '  - id: charges\n    ask: What do you charge?',
      'waive:',
      `  ${v('waived')}: ${v('reason')}`,
      `notes: ${v('notes')}`,
      '',
    ].join('\n');
  }

  const MARKER = /^(hdr|item|num|quote|tbl|ref)([a-z]+)/;
  const SAFE_HREF = /^(https?:\/\/|mailto:)/;

  /** Why a link is live, if it is: a scheme other than http(s) or mailto, a reference or autolink, or a link from a plain field. */
  function liveLink(href: string): string | undefined {
    if (!SAFE_HREF.test(href)) return `link to ${href}`;
    const from = /attacker\.example\/(img|link|ref|auto)([a-z]+)/.exec(href);
    if (from && (from[1] === 'ref' || from[1] === 'auto' || !FREE.has(from[2]))) return `link to ${href} (from ${from[2]})`;
    return undefined;
  }

  /**
   * Whether a block's text, starting with a marker, is one of the brief's own blocks: a value the renderer shows
   * whole (as one line, up to its last line, \`script…\`), or a list item of a field of paragraphs and lists. A block
   * that a line of the payload started holds that line alone.
   */
  function ownBlock(marker: RegExpExecArray, text: string, element: string | undefined): boolean {
    if (text.includes(`script${marker[2]}`)) return true;
    return (element === 'list_item_open' || element === 'li') && (marker[1] === 'item' || marker[1] === 'num') && BLOCK.has(marker[2]);
  }

  /** What is live in Markdown, as a CommonMark viewer that lets raw HTML through reads it; empty when nothing is. */
  function liveInMarkdown(md: string, questions: number): string[] {
    const viewer = new MarkdownIt({ html: true, linkify: false });
    const live: string[] = [];
    let rules = 0;
    const open: string[] = [];
    const walk = (tokens: readonly MarkdownIt.Token[]) => {
      for (const token of tokens) {
        if (['html_block', 'html_inline', 'image', 'blockquote_open', 'code_block', 'fence'].includes(token.type)) live.push(`${token.type}: ${token.content.slice(0, 80)}`);
        if (token.type === 'hr') rules++;
        if (token.type === 'code_inline' && !isDiagnosticCode(token.content)) live.push(`code: ${token.content}`);
        const link = token.type === 'link_open' ? liveLink(token.attrGet('href') ?? '') : undefined;
        if (link) live.push(link);
        if (token.type === 'inline') {
          const text = (token.children ?? []).map((child) => child.content).join('');
          const marker = MARKER.exec(text);
          const block = open.filter((type) => type !== 'paragraph_open').at(-1);
          if (marker && !ownBlock(marker, text, block)) live.push(`${block} from a line-start marker: ${text.slice(0, 40)}`);
        }
        if (token.children) walk(token.children);
        if (token.nesting === 1) open.push(token.type);
        if (token.nesting === -1) open.pop();
      }
    };
    walk(viewer.parse(md, {}));
    // The kit's own rules: two lines to write notes on under each question, three for the key take-aways.
    if (rules !== 2 * questions + 3) live.push(`${rules} rules, not the kit's ${2 * questions + 3}`);
    return live;
  }

  /** What is live in HTML: elements, attributes and links that are not the renderer's own. */
  function liveInHtml(html: string): string[] {
    const live: string[] = [];
    // Attribute values are escaped (a quote in them too): leave them out, as a browser reads the tags.
    const tags = html.replace(/"[^"]*"/g, '""');
    for (const match of tags.matchAll(/<(script|img|iframe|svg|style|blockquote|hr|code|h[1-6]|li|p|td|th)\b[^>]*>([^<]*)/gi)) {
      const [tag, name, text] = match;
      const marker = MARKER.exec(text);
      if (/^(script|img|iframe|svg|style|blockquote|hr)$/i.test(name)) live.push(tag);
      else if (name === 'code' && !isDiagnosticCode(text)) live.push(`${tag}${text}`);
      else if (marker && !ownBlock(marker, text, name)) live.push(`${tag.slice(0, 80)}`);
    }
    for (const match of tags.matchAll(/<[a-z]+\b[^>]*\s(on[a-z]+|src|style)\s*=[^>]*>/gi)) live.push(match[0]);
    for (const match of html.matchAll(/<a\b[^>]*href="([^"]*)"/g)) {
      const link = liveLink(match[1]);
      if (link) live.push(link);
    }
    return live;
  }

  // Each line of the payload first in turn: what starts a value is where a block marker is read.
  const orders = payload('x').map((_, first) => (lines: string[]) => [...lines.slice(first), ...lines.slice(0, first)]);
  orders.forEach((order, index) => {
    const document = brief(hostileBrief(order));
    const first = payload('')[index].slice(0, 12);
    it(`markdown, starting with ${JSON.stringify(first)}: no HTML, image, code, quote, heading or list from the brief, links only in free text`, () => {
      const md = ['posting', 'kit'].map((view) => render(document, { format: 'md', view: view as 'posting' | 'kit', showRate: true })).join('\n\n');
      assert.deepEqual(liveInMarkdown(md, 3), []);
      const shown = new MarkdownIt({ html: true }).render(md);
      for (const field of FIELDS) {
        assert.ok(shown.includes(`&lt;script&gt;script${field}&lt;/script&gt;`), `${field}: the script is shown as text`);
        assert.ok(shown.includes(`&amp;lt;b&amp;gt;ent${field}`), `${field}: an entity is shown as written`);
        assert.ok(shown.includes(`\`code${field}\``), `${field}: backticks are shown`);
      }
    });
    it(`html, starting with ${JSON.stringify(first)}: no markup from the brief, links only in free text`, () => {
      const html = ['posting', 'kit'].map((view) => render(document, { format: 'html', view: view as 'posting' | 'kit', showRate: true })).join('\n');
      assert.deepEqual(liveInHtml(html), []);
      for (const field of FIELDS) {
        assert.ok(html.includes(`&lt;script&gt;script${field}&lt;/script&gt;`), `${field}: the script is shown as text`);
        assert.ok(html.includes(`&amp;lt;b&amp;gt;ent${field}`), `${field}: an entity is shown as written`);
      }
    });
  });
});
