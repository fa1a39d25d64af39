/**
 * `hire render`, run as users run it: `node dist/cli.js render …` (build
 * first). Exit codes, --view, --out, team profiles (beside the brief and in
 * --profiles), and the errors of bad input.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/documents';

const CLI = path.join(ROOT, 'dist/cli.js');
const folder = mkdtempSync(path.join(tmpdir(), 'hire-render-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function hire(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'render', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hire render', () => {
  it('prints one view as Markdown, the same as the golden', () => {
    const result = hire('samples/complete.hire.yaml', '--format', 'md', '--view', 'kit');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, readFileSync(path.join(ROOT, 'test/golden/complete.kit.md'), 'utf8'));
    assert.equal(result.stderr, '');
  });

  it('prints both views, the posting first, without --view', () => {
    const result = hire('samples/complete.hire.yaml', '--format', 'md');
    assert.equal(result.status, 0);
    const posting = result.stdout.indexOf('*Job posting*');
    const kit = result.stdout.indexOf('*Interview kit*');
    assert.ok(posting >= 0 && kit > posting, 'posting, then kit');
  });

  it('writes a standalone HTML page with its CSS embedded', () => {
    const result = hire('samples/complete.hire.yaml', '--format', 'html', '--view', 'posting');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(result.stdout, /<style>[^]*\.hire-content[^]*<\/style>/);
    assert.match(result.stdout, /data-view="posting"/);
    assert.doesNotMatch(result.stdout, /data-view="kit"/);
    assert.doesNotMatch(result.stdout, /<link|<script/);
  });

  it('shows the rate in the posting only with --show-rate', () => {
    assert.doesNotMatch(hire('samples/complete.hire.yaml', '--format', 'md', '--view', 'posting').stdout, /350 USD/);
    assert.match(hire('samples/complete.hire.yaml', '--format', 'md', '--view', 'posting', '--show-rate').stdout, /\*\*Rate:\*\* 350 USD per day/);
  });

  it('writes --out, over a file only with --force, and prints nothing', () => {
    const out = path.join(folder, 'kit.html');
    writeFileSync(out, 'old');
    const refused = hire('samples/gaps.hire.yaml', '--format', 'html', '--view', 'kit', '--out', out);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /kit\.html: already exists; use --force to overwrite it/);
    assert.equal(readFileSync(out, 'utf8'), 'old');
    const result = hire('samples/gaps.hire.yaml', '--format', 'html', '--view', 'kit', '--out', out, '--force');
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
    assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>[^]*Harbour Lights/);
  });

  it('never writes over the brief or a profile it reads, not even with --force', () => {
    const team = path.join(folder, 'inputs');
    mkdirSync(path.join(team, 'more'), { recursive: true });
    const brief = path.join(team, 'x.hire.yaml');
    const beside = path.join(team, 'beside.hire-profile.yaml');
    const named = path.join(team, 'more/named.hire-profile.yaml');
    const texts = new Map([
      [brief, readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8')],
      [beside, 'hire-profile: 1\nid: beside\ntitle: Beside\n'],
      [named, 'hire-profile: 1\nid: named\ntitle: Named\n'],
    ]);
    for (const [file, text] of texts) writeFileSync(file, text);
    symlinkSync(brief, path.join(team, 'link.md'));
    for (const out of [brief, path.join(team, '.', 'x.hire.yaml'), beside, named, path.join(team, 'link.md')]) {
      for (const force of [[], ['--force']]) {
        const result = hire(brief, '--format', 'md', '--profiles', path.join(team, 'more'), '--out', out, ...force);
        assert.equal(result.status, 2, `${out} ${force}`);
        assert.match(result.stderr, /: is a file this command reads( \(.*\))?; it is never written over: choose another --out\n$/);
      }
    }
    for (const [file, text] of texts) assert.equal(readFileSync(file, 'utf8'), text, `${file} is intact`);
  });

  it('renders a brief with errors, with a note on stderr', () => {
    const result = hire('samples/errors.hire.yaml', '--format', 'md', '--view', 'kit');
    assert.equal(result.status, 0);
    assert.doesNotMatch(result.stdout, /Open findings|`schema`/, 'a document to hand out holds no findings');
    assert.match(hire('samples/errors.hire.yaml', '--format', 'md', '--view', 'kit', '--findings').stdout, /## Open findings\n\n- \*\*error\*\* line \d+ `schema`/);
    assert.match(hire('samples/errors.hire.yaml', '--format', 'html', '--findings').stdout, /<h2>Open findings<\/h2>/);
    assert.equal(result.stderr, 'hire: samples/errors.hire.yaml has 9 errors; rendered what could be read (hire check samples/errors.hire.yaml lists them)\n');
  });

  it('exits 1 with the errors when nothing can be rendered', () => {
    const file = path.join(folder, 'list.hire.yaml');
    writeFileSync(file, '- not\n- a brief\n');
    const result = hire(file, '--format', 'md');
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /nothing to render\n.*:1:1 error not-a-brief /);
  });

  for (const [name, args, message] of [
    ['a missing file', ['missing.hire.yaml', '--format', 'md'], /hire: missing\.hire\.yaml: cannot be read \(ENOENT\)/],
    ['no --format', ['samples/complete.hire.yaml'], /required option '--format <format>' not specified/],
    ['a bad --format', ['samples/complete.hire.yaml', '--format', 'pdf'], /argument 'pdf' is invalid\. Allowed choices are html, md/],
    ['a bad --view', ['samples/complete.hire.yaml', '--format', 'md', '--view', 'both'], /argument 'both' is invalid\. Allowed choices are posting, kit/],
    ['an --out that cannot be written', ['samples/complete.hire.yaml', '--format', 'md', '--out', path.join(folder, 'no/such/folder.md')], /cannot be written \(ENOENT\)/],
  ] as const) {
    it(`exits 2 with a clear message for ${name}`, () => {
      const result = hire(...args);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
    });
  }
});

describe('hire render: team profiles', () => {
  const team = path.join(folder, 'team');
  const elsewhere = path.join(folder, 'elsewhere');
  const broken = path.join(folder, 'broken');
  for (const sub of [team, elsewhere, broken]) mkdirSync(sub);
  const profile = [
    'hire-profile: 1',
    'id: night-coordinator',
    'title: Night Coordinator',
    'extends: production-coordinator',
    'questions:',
    '  - id: night-shifts',
    '    ask: How do you stay sharp on night shifts?',
    '    why: Night shoots run past three in the morning.',
    '    priority: required',
    '',
  ].join('\n');
  const brief = ['hire: 1', 'role: Night Coordinator', 'profile: night-coordinator', 'questions:', '  - id: night-shifts', '    ask: How do you stay sharp on night shifts?', ''].join('\n');
  writeFileSync(path.join(team, 'night.hire-profile.yaml'), profile);
  writeFileSync(path.join(team, 'night.hire.yaml'), brief);
  writeFileSync(path.join(elsewhere, 'night.hire.yaml'), brief);
  writeFileSync(path.join(broken, 'night.hire.yaml'), brief);
  writeFileSync(path.join(broken, 'night.hire-profile.yaml'), profile);
  writeFileSync(path.join(broken, 'no-id.hire-profile.yaml'), 'title: no id\n');
  const why = /\*\*Why we ask:\*\* Night shoots run past three in the morning\./;

  it('renders a brief against the team profile beside it: the profile\'s fields in the kit, no unknown-profile', () => {
    const result = hire(path.join(team, 'night.hire.yaml'), '--format', 'md', '--view', 'kit');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, why);
    assert.doesNotMatch(result.stdout, /unknown-profile/);
  });

  it('renders against the team profiles of --profiles', () => {
    const without = hire(path.join(elsewhere, 'night.hire.yaml'), '--format', 'md', '--view', 'kit', '--findings');
    assert.match(without.stdout, /`unknown-profile`/);
    assert.doesNotMatch(without.stdout, why);
    const result = hire(path.join(elsewhere, 'night.hire.yaml'), '--format', 'md', '--view', 'kit', '--profiles', team, '--findings');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, why);
    assert.doesNotMatch(result.stdout, /unknown-profile/);
  });

  it('exits 2, as hire new --profiles does, for a file in --profiles that is not a profile', () => {
    const result = hire(path.join(elsewhere, 'night.hire.yaml'), '--profiles', broken, '--format', 'md');
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /no-id\.hire-profile\.yaml: is not a role profile \(it has no `id`\)/);
  });

  it('renders a brief beside a profile half written, leaving that profile out', () => {
    const result = hire(path.join(broken, 'night.hire.yaml'), '--format', 'md');
    assert.notEqual(result.status, 2, result.stderr);
    assert.match(result.stdout, /INTERVIEW KIT|Interview kit|JOB POSTING|Job posting/i);
  });
});
