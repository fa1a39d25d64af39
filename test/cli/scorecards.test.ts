/**
 * Scorecards on the command line (`node dist/cli.js`, build first): `hire
 * check` on folders and files with scorecards, `hire new --scorecard`, and
 * `hire compare` in each format, with its exit codes.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hire } from '../support/cli';
import { ROOT } from '../support/documents';

const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');
const folder = mkdtempSync(path.join(tmpdir(), 'hire-scorecards-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const card = (candidate: string, interviewer: string, date: string, body: string) => `hire-score: 1
brief: ../night-market.hire.yaml
candidate: ${candidate}
interviewer: ${interviewer}
date: ${date}
${body}`;

const RIVERA_SMITH = card('A. Rivera', 'J. Smith', '2027-01-12', `ratings:
  management-style: 4
  experience: 3
  conflict:
    score: 3
    notes: PRIVATE-NOTE settled a parking dispute.
  superiors: 4
  detail-or-big-picture: 4
quote: {amount: 380, currency: USD, per: day, hours: 12}
recommendation: yes
takeaways: PRIVATE-TAKEAWAY strong on the office side.
`);
const RIVERA_LEE = card('A. Rivera', 'K. Lee', '2027-01-13', `ratings:
  management-style: 4
  experience: 4
  conflict: 5
  superiors: 4
recommendation: strong-yes
`);
const CHEN_SMITH = card('B. Chen', 'J. Smith', '2027-01-14', `ratings:
  management-style: 2
  experience: 3
  conflict: 2
  superiors: 3
  detail-or-big-picture: 3
  conflcit: 3
quote: {amount: 450, currency: USD, per: day}
recommendation: no
`);

interface CandidateJson {
  candidate: string;
  scorecards: number;
  recommendations: Record<string, number>;
  questions: Record<string, { scores: number[]; mean: number }>;
  skills: Record<string, { mean: number }>;
  quote: { amount: number; currency: string; per: string; over_max: boolean } | null;
  spread: { question: string; min: number; max: number }[];
  unrated: { scorecard: string; interviewer: string; questions: string[] }[];
}

before(() => {
  writeFileSync(path.join(folder, 'night-market.hire.yaml'), complete);
  mkdirSync(path.join(folder, 'scores'));
  writeFileSync(path.join(folder, 'scores', 'rivera-smith.hire-score.yaml'), RIVERA_SMITH);
  writeFileSync(path.join(folder, 'scores', 'rivera-lee.hire-score.yaml'), RIVERA_LEE);
  writeFileSync(path.join(folder, 'scores', 'chen-smith.hire-score.yaml'), CHEN_SMITH);
  // A scorecard of another brief, in a folder of its own.
  mkdirSync(path.join(folder, 'private'));
  writeFileSync(path.join(folder, 'other.hire.yaml'), complete.replace('Night Market', 'Day Market'));
  writeFileSync(path.join(folder, 'private', 'other.hire-score.yaml'), card('C. Other', 'J. Smith', '2027-01-15', 'recommendation: yes\n').replace('night-market', 'other'));
});

describe('hire check with scorecards', () => {
  it('checks the scorecards in the folders it is given, against their briefs', () => {
    const run = hire(['check', '--format', 'json', 'scores'], { cwd: folder });
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[] };
    assert.deepEqual(report.files.map((file) => file.path), ['scores/chen-smith.hire-score.yaml', 'scores/rivera-lee.hire-score.yaml', 'scores/rivera-smith.hire-score.yaml']);
    assert.deepEqual(report.files.map((file) => file.diagnostics.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}`)), [
      ['unknown-question@11', 'quote-over-max@12'],
      ['unrated-question@5'],
      [],
    ]);
    assert.equal(run.status, 1, 'unknown-question is an error');
  });

  it('checks a scorecard named by itself, and never prints notes or take-aways in CI output', () => {
    for (const format of ['github', 'sarif', 'text', 'json']) {
      const run = hire(['check', '--format', format, 'scores/rivera-smith.hire-score.yaml', 'scores/chen-smith.hire-score.yaml'], { cwd: folder });
      assert.doesNotMatch(run.stdout, /PRIVATE/, format);
      assert.match(run.stdout, /conflcit/, format);
    }
  });

  it('reports a brief that is not there', () => {
    writeFileSync(path.join(folder, 'lost.hire-score.yaml'), card('D. Lost', 'J. Smith', '2027-01-16', 'recommendation: yes\n').replace('../night-market', 'gone'));
    const run = hire(['check', 'lost.hire-score.yaml'], { cwd: folder });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^lost\.hire-score\.yaml:2:8 error unknown-brief No brief at 'gone\.hire\.yaml'/m);
    rmSync(path.join(folder, 'lost.hire-score.yaml'));
  });
});

describe('hire new --scorecard', () => {
  it('writes a scorecard that names the brief relative to itself and lists every question to rate', () => {
    const out = path.join('scores', 'new.hire-score.yaml');
    const run = hire(['new', '--scorecard', 'night-market.hire.yaml', '--candidate', 'E. New', '--interviewer', 'J. Smith', '--stage', 'phone-screen', '--out', out], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    const text = readFileSync(path.join(folder, out), 'utf8');
    assert.match(text, /^brief: \.\.\/night-market\.hire\.yaml /m);
    assert.match(text, /^stage: phone-screen$/m);
    for (const id of ['management-style', 'experience', 'conflict', 'superiors', 'detail-or-big-picture', 'decision-split', 'charges', 'needs-from-us']) {
      assert.match(text, new RegExp(`^  ${id}: +# `, 'm'));
    }
    const check = hire(['check', '--format', 'json', out], { cwd: folder });
    const codes = (JSON.parse(check.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0].diagnostics.map((diagnostic) => diagnostic.code);
    assert.deepEqual(codes, ['unrated-question', 'unrated-question', 'unrated-question', 'unrated-question', 'unrated-question', 'schema'], 'an untouched scorecard is not clean');
    rmSync(path.join(folder, out));
  });

  it('writes to stdout with the brief relative to the working folder', () => {
    const run = hire(['new', '--scorecard', path.join(folder, 'night-market.hire.yaml'), '--candidate', 'E', '--interviewer', 'J'], { cwd: path.join(folder, 'scores') });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^brief: \.\.\/night-market\.hire\.yaml /m);
  });

  it('exits 2 without a candidate or an interviewer, with a stage that is no id, or a brief that is not there', () => {
    const base = ['new', '--scorecard', 'night-market.hire.yaml'];
    for (const [args, message] of [
      [[...base, '--interviewer', 'J'], /--candidate/],
      [[...base, '--candidate', 'E'], /--interviewer/],
      [[...base, '--candidate', 'E', '--interviewer', 'J', '--stage', 'Phone Screen'], /kebab-case/],
      [['new', '--scorecard', 'nowhere.hire.yaml', '--candidate', 'E', '--interviewer', 'J'], /nowhere\.hire\.yaml: cannot be read/],
    ] as const) {
      const run = hire([...args], { cwd: folder });
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
    assert.equal(existsSync(path.join(folder, 'scores', 'new.hire-score.yaml')), false);
  });
});

describe('hire compare', () => {
  const compare = (...args: string[]) => hire(['compare', ...args], { cwd: folder });

  it('prints the candidates side by side as the JSON of docs/format.md', () => {
    const run = compare('night-market.hire.yaml', '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { version: number; brief: string; candidates: CandidateJson[] };
    assert.deepEqual(Object.keys(report), ['version', 'brief', 'candidates']);
    assert.equal(report.version, 1);
    assert.equal(report.brief, 'night-market.hire.yaml');
    assert.deepEqual(report.candidates.map((candidate) => candidate.candidate), ['A. Rivera', 'B. Chen'], 'the other brief\'s scorecard is not there');
    const [rivera, chen] = report.candidates;
    assert.deepEqual(Object.keys(rivera), ['candidate', 'scorecards', 'recommendations', 'questions', 'skills', 'quote', 'spread', 'unrated']);
    assert.equal(rivera.scorecards, 2);
    assert.deepEqual(rivera.recommendations, { 'strong-no': 0, no: 0, yes: 1, 'strong-yes': 1 });
    assert.deepEqual(rivera.questions.conflict, { scores: [3, 5], mean: 4 });
    assert.deepEqual(rivera.questions.experience, { scores: [3, 4], mean: 3.5 });
    assert.deepEqual(rivera.spread, [{ question: 'conflict', min: 3, max: 5 }]);
    assert.deepEqual(rivera.quote, { amount: 380, currency: 'USD', per: 'day', over_max: false });
    assert.deepEqual(rivera.unrated, [{ scorecard: 'scores/rivera-lee.hire-score.yaml', interviewer: 'K. Lee', questions: ['detail-or-big-picture'] }]);
    // problem-solving: conflict (3, 5) and the questions of the brief that assess it.
    assert.equal(typeof rivera.skills['problem-solving'].mean, 'number');
    assert.deepEqual(chen.quote, { amount: 450, currency: 'USD', per: 'day', over_max: true });
    assert.deepEqual(chen.questions.conflict, { scores: [2], mean: 2 });
    assert.equal(chen.questions.conflcit, undefined, 'a rating of no question of the brief is left out');
    assert.doesNotMatch(run.stdout, /PRIVATE/);
  });

  it('prints text, Markdown and a standalone HTML page', () => {
    const text = compare('night-market.hire.yaml');
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^A\. Rivera: 2 scorecards; strong-yes 1, yes 1, no 0, strong-no 0$/m);
    assert.match(text.stdout, /Settle at the debrief: conflict \(3 to 5\)/);
    const md = compare('night-market.hire.yaml', '--format', 'md');
    assert.match(md.stdout, /^\| Candidate \| Scorecards \| strong-no \| no \| yes \| strong-yes \|/m);
    assert.match(md.stdout, /^- A\. Rivera: conflict \(3 to 5\)$/m);
    const html = compare('night-market.hire.yaml', '--format', 'html');
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    assert.match(html.stdout, /<td class="over">450 USD a day/);
    assert.doesNotMatch(html.stdout + md.stdout + text.stdout, /PRIVATE/);
  });

  it('reads the scorecards of the folders given with --scores only', () => {
    const run = compare('other.hire.yaml', '--format', 'json', '--scores', 'private', 'scores');
    assert.deepEqual((JSON.parse(run.stdout) as { candidates: CandidateJson[] }).candidates.map((candidate) => candidate.candidate), ['C. Other']);
    const none = compare('night-market.hire.yaml', '--format', 'json', '--scores', 'private');
    assert.deepEqual((JSON.parse(none.stdout) as { candidates: CandidateJson[] }).candidates, []);
  });

  it('exits 2 for a brief that is not there or is no brief, and for a usage error', () => {
    assert.equal(compare('nowhere.hire.yaml').status, 2);
    writeFileSync(path.join(folder, 'list.hire.yaml'), '- not a brief\n');
    assert.equal(compare('list.hire.yaml').status, 2);
    assert.equal(compare('night-market.hire.yaml', '--format', 'xml').status, 2);
    assert.equal(compare('night-market.hire.yaml', '--scores', 'no-such-folder').status, 2);
    assert.equal(compare().status, 2);
  });
});
