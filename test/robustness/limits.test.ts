/**
 * The limits of what the service reads (server/src/service/limits.ts): a
 * file over the size limit, nesting too deep, too many keys in one mapping,
 * too many compact nestings and an alias bomb each get one `yaml-syntax`
 * finding that says what was skipped, quickly, and completion of top-level
 * keys still works. Text an editor may hold after a bad decode (U+FFFD, lone
 * surrogates, NUL) is read without a crash.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../server/src/service/languageService';
import { MAX_ALIAS_COUNT, MAX_COMPACT_NESTINGS, MAX_DEPTH, MAX_MAP_KEYS, MAX_TEXT_LENGTH } from '../../server/src/service/limits';
import { brief, ROOT } from '../support/documents';
import { callBound, cpuMilliseconds } from './harness';

const service = getLanguageService();

/** Validates a text, checking the CPU time it takes (not the clock: a busy machine must not fail it); returns the findings. */
function validate(text: string) {
  const document = brief(text, `file:///limits/${Math.random()}.hire.yaml`);
  const started = process.cpuUsage();
  const diagnostics = service.validate(document);
  const took = cpuMilliseconds(started);
  assert.ok(took < callBound(text.length), `validation took ${Math.round(took)} ms of CPU time`);
  return { document, diagnostics };
}

/** The one finding a text over a limit gets, and where it is. */
function limitFinding(text: string) {
  const { document, diagnostics } = validate(text);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
  const [finding] = diagnostics;
  assert.equal(finding.code, 'yaml-syntax');
  assert.equal(finding.severity, 1);
  return { document, finding, at: document.getText(finding.range) };
}

describe('limits', () => {
  it(`a file over ${MAX_TEXT_LENGTH / 1024 / 1024} MB: one finding on its first line, and completion of top-level keys still works`, () => {
    const text = `hire: 1\nnotes: |\n${`  ${'x'.repeat(97)}\n`.repeat(Math.ceil((20 * 1024 * 1024) / 100))}`;
    const { document, finding, at } = limitFinding(text);
    assert.match(String(finding.message), /^This file is 20 MB; briefs over 5 MB are not checked/);
    assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
    assert.equal(at, 'hire: 1');
    const started = process.cpuUsage();
    const completion = service.doComplete(document, { line: 0, character: 0 });
    assert.ok(completion.items.some((item) => item.label === 'role'), 'top-level keys are offered');
    assert.deepEqual(service.findDocumentSymbols(document), []);
    assert.equal(service.doHover(document, { line: 0, character: 1 }), null);
    assert.ok(cpuMilliseconds(started) < callBound(text.length), 'completion, symbols and hover of a file over the limit');
  });

  it('a text just under the size limit is read', () => {
    const text = `hire: 1\nnotes: "${'x'.repeat(MAX_TEXT_LENGTH - 20)}"\n`;
    assert.ok(text.length <= MAX_TEXT_LENGTH);
    const { diagnostics } = validate(text);
    assert.ok(!diagnostics.some((d) => /not checked/.test(String(d.message))));
  });

  it('an edit that takes a brief over the size limit is not parsed incrementally', () => {
    const uri = 'file:///limits/growing.hire.yaml';
    const small = `hire: 1\nrole: x\nnotes: "${'x'.repeat(MAX_TEXT_LENGTH - 40)}"\n`;
    assert.ok(!service.validate(brief(small, uri, 1)).some((d) => /not checked/.test(String(d.message))));
    const grown = small.replace('role: x', `role: ${'y'.repeat(100)}`);
    assert.ok(grown.length > MAX_TEXT_LENGTH);
    assert.match(String(service.validate(brief(grown, uri, 2))[0]?.message), /briefs over 5 MB are not checked/);
  });

  it(`nesting deeper than ${MAX_DEPTH} levels, in flow and block style: one finding where it goes too deep`, () => {
    const flow = limitFinding(`hire: 1\nnotes: ${'['.repeat(50_000)}`);
    assert.match(String(flow.finding.message), /nest more than 100 levels deep/);
    assert.deepEqual(flow.finding.range.start, { line: 1, character: 7 + MAX_DEPTH - 1 });
    const block = limitFinding(Array.from({ length: 300 }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n'));
    assert.equal(block.at, 'k');
    assert.equal(block.finding.range.start.line, MAX_DEPTH);
    // Exactly the limit is fine.
    const { diagnostics } = validate(`hire: 1\nnotes: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}\n`);
    assert.ok(!diagnostics.some((d) => /nest more than/.test(String(d.message))));
  });

  it(`more than ${MAX_MAP_KEYS} keys in one mapping: one finding on the first key too many`, () => {
    const text = `hire: 1\n${Array.from({ length: 20_000 }, (_, index) => `k${index}: v`).join('\n')}\n`;
    const { finding, at } = limitFinding(text);
    assert.match(String(finding.message), /This mapping has 20001 keys/);
    assert.equal(at, 'k');
    assert.equal(finding.range.start.line, MAX_MAP_KEYS);
    const flow = limitFinding(`hire: 1\nwaive: {${Array.from({ length: 2_000 }, (_, index) => `k${index}: v`).join(', ')}}\n`);
    assert.match(String(flow.finding.message), /This mapping has 2000 keys/);
  });

  it(`more than ${MAX_COMPACT_NESTINGS} compact nestings (- - - x): one finding, no stack overflow`, () => {
    const { finding } = limitFinding(`hire: 1\nnotes:\n${'- '.repeat(50_000)}x\n`);
    assert.match(String(finding.message), /more than 1000 times/);
    // A few are ordinary YAML.
    const { diagnostics } = validate('hire: 1\nnotes:\n- - a\n  - b\n');
    assert.ok(!diagnostics.some((d) => d.code === 'yaml-syntax'));
  });

  it(`an alias bomb: aliases expand at most ${MAX_ALIAS_COUNT} times, one finding on the first alias`, () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`)].join('\n');
    const { finding, at } = limitFinding(bomb);
    assert.match(String(finding.message), /Aliases \(\*name\) are expanded at most 1000 times/);
    assert.equal(at, '*a');
    // A few aliases are fine.
    const { diagnostics } = validate('hire: 1\nrole: &r Production Coordinator\nreports_to: *r\n');
    assert.ok(!diagnostics.some((d) => d.code === 'yaml-syntax'));
  });

  it('text from a bad decode — U+FFFD, lone surrogates, NUL, RTL marks — is read without a crash, with ranges inside the text', () => {
    const text = 'hire: 1\nrole: Coordinat\uFFFDr \uD800\u202E\nsummary: "\uDFFF \0 x"\nduties:\n  - \0\n';
    const { document, diagnostics } = validate(text);
    for (const diagnostic of diagnostics) assert.ok(diagnostic.range.end.line < document.lineCount);
    assert.ok(!diagnostics.some((d) => d.code === 'yaml-syntax'), 'yaml reads these characters as text');
    // The characters are kept as they are: the outline shows the role as written.
    const role = service.findDocumentSymbols(document).find((symbol) => symbol.name === 'role');
    assert.equal(role?.detail, 'Coordinat\uFFFDr \uD800\u202E');
    const rendered = service.render(document, { format: 'html', view: 'kit' });
    assert.ok(rendered === undefined || typeof rendered.content === 'string');
  });

  it('the sources spread no list into a call (push(...a), Math.max(...a)): a long one overflows the stack', () => {
    for (const folder of ['server/src', 'client/src']) {
      for (const file of readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
        const text = readFileSync(path.join(ROOT, folder, file), 'utf8');
        assert.deepEqual(text.match(/.{0,40}\b(push|unshift|splice|concat|max|min|fromCharCode|fromCodePoint|apply)\((?:[^(){}[\]]*,)?\s*\.\.\..{0,40}/g) ?? [], [], path.join(folder, file));
      }
    }
  });
});
