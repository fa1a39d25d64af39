/**
 * `hire fmt`: the canonical layout keeps every value and comment (checked on
 * the samples and, with fast-check, on generated briefs with shuffled keys,
 * comments everywhere and values yaml could rewrite), is idempotent, and the
 * command's --check, --write and refusals behave.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import * as YAML from 'yaml';
import { BRIEF_KEYS } from '../../server/src/service/model';
import { formatBrief } from '../../server/src/service/format';
import { hire } from '../support/cli';
import { ROOT } from '../support/documents';

const folder = mkdtempSync(path.join(tmpdir(), 'hire-fmt-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** Every comment's text, found in the parser's concrete syntax tree (not the formatter's way). */
function comments(text: string): string[] {
  const found: string[] = [];
  const walk = (token: unknown): void => {
    if (Array.isArray(token)) token.forEach(walk);
    else if (token && typeof token === 'object') {
      const record = token as Record<string, unknown>;
      if (record.type === 'comment' && typeof record.source === 'string') found.push(record.source.trimEnd());
      else for (const value of Object.values(record)) walk(value);
    }
  };
  for (const token of new YAML.Parser().parse(text)) walk(token);
  return found.sort();
}

function value(text: string): unknown {
  const document = YAML.parseDocument(text, { uniqueKeys: true });
  assert.deepEqual(document.errors, []);
  return document.toJS();
}

/** Formats, asserting success, same values, same comments, idempotence. */
function assertFaithful(text: string): string {
  const result = formatBrief(text);
  assert.equal(result.error, undefined, `refused: ${result.error}\n${text}`);
  const output = result.text!;
  assert.deepEqual(value(output), value(text), `values changed:\n${text}\n----\n${output}`);
  assert.deepEqual(comments(output), comments(text), `comments changed:\n${text}\n----\n${output}`);
  assert.equal(formatBrief(output).text, output, `not idempotent:\n${output}`);
  return output;
}

function topKeys(text: string): string[] {
  const root = YAML.parseDocument(text).contents;
  return YAML.isMap(root) ? root.items.map((pair) => String((pair.key as YAML.Scalar).value)) : [];
}

describe('formatBrief on the samples', () => {
  for (const name of readdirSync(path.join(ROOT, 'samples')).filter((file) => file.endsWith('.hire.yaml'))) {
    it(`keeps every value and comment of ${name}`, () => {
      const text = readFileSync(path.join(ROOT, 'samples', name), 'utf8');
      const output = assertFaithful(text);
      assert.ok(comments(text).length > 3);
      // The samples are written in the canonical layout already.
      if (name !== 'errors.hire.yaml') assert.equal(output, text);
    });
  }
});

describe('formatBrief layout', () => {
  it('orders a rubric\'s scores from 1 to 5', () => {
    const text = 'hire: 1\nrole: x\nquestions:\n  - rubric:\n      5: Great.   # the hope\n      "3": Fair.\n      1: Poor.\n    ask: How?\n    id: own\n';
    assert.equal(assertFaithful(text), 'hire: 1\nrole: x\nquestions:\n  - id: own\n    ask: How?\n    rubric:\n      1: Poor.\n      "3": Fair.\n      5: Great.   # the hope\n');
  });

  it('orders keys as docs/format.md and the schema do, keeping comments with their keys', () => {
    const text = [
      '# The top comment.',
      '',
      'rate:   # the rate',
      '  per: day',
      '  # before amount',
      '  amount: 350',
      '  currency: USD',
      'role: Coordinator',
      'hire: 1',
      'questions:',
      '- assesses:',
      '  - conflict-resolution',
      '  - communication',
      '  ask: "How do you handle conflict?"   # quoted',
      '  id: conflict',
      '',
    ].join('\n');
    assert.equal(
      assertFaithful(text),
      [
        '# The top comment.',
        '',
        'hire: 1',
        'role: Coordinator',
        'rate:   # the rate',
        '  # before amount',
        '  amount: 350',
        '  currency: USD',
        '  per: day',
        'questions:',
        '  - id: conflict',
        '    ask: "How do you handle conflict?" # quoted',
        '    assesses: [conflict-resolution, communication]',
        '',
      ].join('\n'),
    );
  });

  it('keeps a key it does not know after the key it followed', () => {
    assert.deepEqual(topKeys(assertFaithful('engagement: freelance\nreprots_to: B\nrole: A\nhire: 1\n')), ['hire', 'role', 'engagement', 'reprots_to']);
  });

  it('keeps values yaml would rewrite: number forms, nulls, dates, quoting, block scalars, anchors', () => {
    const text = [
      'hire: 1',
      'rate:',
      '  amount: 1.50',
      '  max: 1e3',
      '  hours: 0x1F',
      '  kit_fee: ~',
      '  currency: null',
      '  per:',
      'project:',
      '  start: 2027-02-01',
      '  end: 2027-02-01T10:00:00Z',
      '  name: "Night: Market #2"',
      "  location: 'yes'",
      '  type: "tab\\there"',
      'summary: |',
      '  Line one',
      '    indented',
      '',
      '  after a blank line',
      'notes: >-',
      '  folded',
      '  text',
      'duties:',
      '- &duty Same task',
      '- *duty',
      '- !!str 123',
      '- "  spaces  "',
      '- \'it\'\'s\'',
      '',
    ].join('\n');
    const output = assertFaithful(text);
    for (const kept of ['amount: 1.50', 'max: 1e3', 'kit_fee: ~', 'currency: null', 'per:\n', '"Night: Market #2"', "'yes'", '"tab\\there"', '  summary: |', '&duty', '*duty', '!!str 123', "'it''s'"]) {
      if (kept.startsWith('  summary')) continue;
      assert.ok(output.includes(kept), `lost ${JSON.stringify(kept)}:\n${output}`);
    }
    assert.ok(output.includes('summary: |\n  Line one\n    indented\n\n  after a blank line\n'), output);
    assert.ok(output.includes('notes: >-\n  folded\n  text\n'), output);
  });

  it('keeps CRLF line breaks in a CRLF file', () => {
    const output = assertFaithful('role: A\r\nhire: 1   # version\r\n');
    assert.equal(output, 'hire: 1   # version\r\nrole: A\r\n');
  });

  it('refuses YAML with syntax errors, several documents or duplicate keys', () => {
    assert.match(formatBrief('hire: 1\nrole: [unclosed\n').error ?? '', /syntax error at line/);
    assert.match(formatBrief('hire: 1\n---\nhire: 2\n').error ?? '', /more than one YAML document/);
    assert.match(formatBrief('hire: 1\nhire: 2\n').error ?? '', /syntax error/);
  });
});

/** A scalar as written in YAML source, with the value yaml reads from it. */
const scalarText = fc.oneof(
  fc.constantFrom('1.50', '1e3', '0x1F', '0o17', '~', 'null', '', 'true', 'yes', '2027-02-01', '-0', '.inf', '"quoted: yes"', "'single # not a comment'", '"esc\\u00e9\\n"', 'plain text, with commas', 'Vancouver, BC'),
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.stringMatching(/^[a-z][a-z ]{0,12}[a-z]$/),
);
const commentText = fc.stringMatching(/^[ a-zA-Z0-9:#,'"`-]{0,16}$/);
const maybeComment = fc.option(commentText, { nil: undefined });

const nestedKeys: Record<string, readonly string[]> = {
  project: ['name', 'type', 'start', 'end', 'location', 'budget'],
  rate: ['amount', 'currency', 'per', 'hours', 'max', 'kit_fee'],
  workspace: ['office', 'floor'],
};

interface Entry {
  key: string;
  before?: string;
  trailing?: string;
  body: Body;
}
type Body =
  | { kind: 'scalar'; text: string }
  | { kind: 'map'; entries: Entry[] }
  | { kind: 'list'; items: { text: string; before?: string; trailing?: string }[] }
  | { kind: 'block'; header: string; lines: string[] }
  | { kind: 'questions'; items: { id: string; ask: string; assesses: string[]; flow: boolean; order: number[]; trailing?: string }[] };

const scalarEntry = (key: string) => fc.record({ key: fc.constant(key), before: maybeComment, trailing: maybeComment, body: scalarText.map((text): Body => ({ kind: 'scalar', text })) });

const entry = (key: string): fc.Arbitrary<Entry> => {
  if (key in nestedKeys) {
    return fc.record({
      key: fc.constant(key),
      before: maybeComment,
      trailing: maybeComment,
      body: fc.shuffledSubarray([...nestedKeys[key]], { minLength: 1 }).chain((keys) => fc.tuple(...keys.map(scalarEntry))).map((entries): Body => ({ kind: 'map', entries })),
    });
  }
  if (key === 'duties' || key === 'skills') {
    const item = fc.record({ text: key === 'skills' ? fc.stringMatching(/^[a-z]{1,8}(-[a-z]{1,5})?$/) : scalarText.filter((text) => text !== ''), before: maybeComment, trailing: maybeComment });
    return fc.record({ key: fc.constant(key), before: maybeComment, trailing: maybeComment, body: fc.array(item, { minLength: 1, maxLength: 4 }).map((items): Body => ({ kind: 'list', items })) });
  }
  if (key === 'summary' || key === 'notes') {
    return fc.record({
      key: fc.constant(key),
      before: maybeComment,
      body: fc.oneof(
        scalarText.map((text): Body => ({ kind: 'scalar', text })),
        fc.record({ header: fc.constantFrom('|', '>', '|-', '>-'), lines: fc.array(fc.oneof(fc.stringMatching(/^[a-zA-Z][a-zA-Z .,:#]{0,30}$/), fc.constant(''), fc.stringMatching(/^ {1,3}[a-z]{1,8}$/)), { minLength: 1, maxLength: 4 }) })
          .filter((block) => block.lines[0] !== '' && !block.lines[0].startsWith(' '))
          .map((block): Body => ({ kind: 'block', ...block })),
      ),
    });
  }
  if (key === 'questions') {
    const question = fc.record({
      id: fc.stringMatching(/^[a-z]{1,8}$/),
      ask: scalarText.filter((text) => text !== ''),
      assesses: fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 3 }),
      flow: fc.boolean(),
      order: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
      trailing: maybeComment,
    });
    return fc.record({ key: fc.constant(key), before: maybeComment, body: fc.uniqueArray(question, { selector: (q) => q.id, minLength: 1, maxLength: 3 }).map((items): Body => ({ kind: 'questions', items })) });
  }
  return scalarEntry(key);
};

const briefArbitrary = fc
  .record({
    keys: fc.shuffledSubarray([...BRIEF_KEYS.filter((key) => key !== 'waive' && key !== 'authority'), 'x-team'], { minLength: 2 }),
    top: maybeComment,
    indent: fc.constantFrom(2, 4),
    indentSeq: fc.boolean(),
    crlf: fc.boolean(),
    end: maybeComment,
  })
  .chain((shape) => fc.tuple(fc.constant(shape), fc.tuple(...shape.keys.map(entry))));

function render([shape, entries]: [{ top?: string; indent: number; indentSeq: boolean; crlf: boolean; end?: string }, Entry[]]): string {
  const lines: string[] = [];
  const pad = (depth: number) => ' '.repeat(depth * shape.indent);
  const tail = (comment?: string) => (comment === undefined ? '' : `   #${comment}`);
  const seqPad = (depth: number) => (shape.indentSeq ? pad(depth + 1) : pad(depth));
  if (shape.top !== undefined) lines.push(`#${shape.top}`, '');
  const emit = (item: Entry, depth: number) => {
    if (item.before !== undefined) lines.push(`${pad(depth)}#${item.before}`);
    const body = item.body;
    switch (body.kind) {
      case 'scalar':
        lines.push(`${pad(depth)}${item.key}:${body.text === '' ? '' : ` ${body.text}`}${tail(item.trailing)}`);
        break;
      case 'map':
        lines.push(`${pad(depth)}${item.key}:${tail(item.trailing)}`);
        for (const child of body.entries) emit(child, depth + 1);
        break;
      case 'list':
        lines.push(`${pad(depth)}${item.key}:${tail(item.trailing)}`);
        for (const element of body.items) {
          if (element.before !== undefined) lines.push(`${seqPad(depth)}#${element.before}`);
          lines.push(`${seqPad(depth)}- ${element.text}${tail(element.trailing)}`);
        }
        break;
      case 'block':
        lines.push(`${pad(depth)}${item.key}: ${body.header}`);
        for (const text of body.lines) lines.push(text === '' ? '' : `${pad(depth + 1)}${text}`);
        break;
      case 'questions':
        lines.push(`${pad(depth)}${item.key}:`);
        for (const question of body.items) {
          const fields = [
            [`id: ${question.id}${tail(question.trailing)}`],
            [`ask: ${question.ask}`],
            question.flow || question.assesses.length === 0
              ? [`assesses: [${question.assesses.join(', ')}]`]
              : ['assesses:', ...question.assesses.map((skill) => `${shape.indentSeq ? ' '.repeat(shape.indent) : ''}- ${skill}`)],
          ];
          const ordered = question.order.flatMap((index) => fields[index]);
          const itemPad = seqPad(depth);
          ordered.forEach((text, index) => lines.push(index === 0 ? `${itemPad}- ${text}` : `${itemPad}  ${text}`));
        }
        break;
    }
  };
  for (const item of entries) emit(item, 0);
  if (shape.end !== undefined) lines.push(`#${shape.end}`);
  const text = `${lines.join('\n')}\n`;
  return shape.crlf ? text.replace(/\n/g, '\r\n') : text;
}

describe('formatBrief on generated briefs (fast-check)', () => {
  it('keeps every value and comment, orders the keys, and is idempotent', () => {
    fc.assert(
      fc.property(briefArbitrary.map(render), (text) => {
        // Generated text must itself be valid YAML for the property to say anything.
        fc.pre(YAML.parseDocument(text, { uniqueKeys: true }).errors.length === 0);
        const output = assertFaithful(text);
        const known = topKeys(output).filter((key) => (BRIEF_KEYS as readonly string[]).includes(key));
        assert.deepEqual(known, [...known].sort((a, b) => BRIEF_KEYS.indexOf(a as never) - BRIEF_KEYS.indexOf(b as never)));
        assert.equal(output.includes('\r\n'), text.includes('\r\n'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('hire fmt', () => {
  const unformatted = 'role: Production Coordinator   # the title\nhire: 1\n';
  const formatted = 'hire: 1\nrole: Production Coordinator   # the title\n';

  it('prints the formatted text without --check or --write, and leaves the file alone', () => {
    const file = path.join(folder, 'print.hire.yaml');
    writeFileSync(file, unformatted);
    const run = hire(['fmt', file]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, formatted);
    assert.equal(readFileSync(file, 'utf8'), unformatted);
  });

  it('prints several files each under a header naming it', () => {
    const first = path.join(folder, 'print-a.hire.yaml');
    const second = path.join(folder, 'print-b.hire.yaml');
    writeFileSync(first, unformatted);
    writeFileSync(second, formatted);
    const run = hire(['fmt', first, second]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `==> ${first} <==\n${formatted}\n==> ${second} <==\n${formatted}`);
  });

  it('--check lists the files that would change and exits 1; 0 when none would', () => {
    const changed = path.join(folder, 'check-a.hire.yaml');
    const same = path.join(folder, 'check-b.hire.yaml');
    writeFileSync(changed, unformatted);
    writeFileSync(same, formatted);
    const run = hire(['fmt', '--check', changed, same]);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, `${changed}\n`);
    assert.equal(readFileSync(changed, 'utf8'), unformatted);
    assert.equal(hire(['fmt', '--check', same]).status, 0);
    assert.equal(hire(['fmt', '--check', 'samples/complete.hire.yaml', 'samples/gaps.hire.yaml']).status, 0);
  });

  it('--write rewrites only the files that change', () => {
    const changed = path.join(folder, 'write-a.hire.yaml');
    writeFileSync(changed, unformatted);
    const run = hire(['fmt', '--write', changed]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(readFileSync(changed, 'utf8'), formatted);
    assert.equal(hire(['fmt', '--check', changed]).status, 0);
  });

  it('refuses a file with YAML errors (exit 2) and leaves it as it was', () => {
    const broken = path.join(folder, 'broken.hire.yaml');
    const text = 'role: A\nhire: [1\n';
    writeFileSync(broken, text);
    const run = hire(['fmt', '--write', broken]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /broken\.hire\.yaml: not formatted: it has a YAML syntax error at line \d+/);
    assert.equal(readFileSync(broken, 'utf8'), text);
  });

  it('keeps escapes of controls, bidirectional controls and invisible characters as escapes (no Trojan Source)', () => {
    const file = path.join(folder, 'escapes.hire.yaml');
    // Each written as an escape: a right-to-left override, isolates, zero-width and format characters, separators, C1 controls, a tag character.
    const escapes = ['\\u202E', '\\u2066', '\\u2069', '\\u200B', '\\u200F', '\\u061C', '\\u00AD', '\\uFEFF', '\\u2028', '\\u2029', '\\u0085', '\\u009B', '\\u0001', '\\U000E0041'];
    const text = `role: "Coordinator ${escapes.join(' ')} end"\nhire: 1\nduties:\n  - "isolate: \\u2067evil\\u2069 \\t tab"\n`;
    writeFileSync(file, text);
    const run = hire(['fmt', file]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, `hire: 1\nrole: "Coordinator ${escapes.join(' ')} end"\nduties:\n  - "isolate: \\u2067evil\\u2069 \\t tab"\n`);
    assert.doesNotMatch(run.stdout, /[\p{Cf}\p{Zl}\p{Zp}\u0080-\u009F\u0001]/u, 'no invisible character is written as it is');
    assert.deepEqual(value(run.stdout), value(text));
  });

  it('prints no warning of the YAML library (a mapping or a list as a key), in a brief or a profile', () => {
    const keys = path.join(folder, 'keys');
    mkdirSync(keys);
    const file = path.join(keys, 'collection-key.hire.yaml');
    writeFileSync(file, 'hire: 1\n? { hire: 1 }\n: x\n');
    writeFileSync(path.join(keys, 'collection-key.hire-profile.yaml'), 'hire-profile: 1\nid: keys\ntitle: Keys\n? [a]\n: x\n');
    for (const args of [['fmt', file], ['check', file], ['render', file, '--format', 'md'], ['profiles', '--profiles', keys]]) {
      const run = hire(args);
      assert.doesNotMatch(run.stderr, /Warning|stringified/, args.join(' '));
    }
  });

  it('rejects --check with --write', () => {
    const run = hire(['fmt', '--check', '--write', 'samples']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot be used with option '--write'/);
  });
});
