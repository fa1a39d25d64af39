/**
 * Fuzz inputs: the samples, generated briefs and role profiles, mutated the
 * ways real and hostile files differ from a clean one — flipped bytes, truncation,
 * shifted indentation, tabs, stray Unicode (lone surrogates, RTL marks, a
 * BOM, NUL), very long lines, deep nesting, thousands of keys, anchors and
 * aliases, merge keys, custom tags, several documents.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../support/documents';
import { generateBrief } from '../support/generate';
import type { FuzzCase } from './harness';

/** The briefs mutations start from. */
export const BASES: readonly string[] = [
  ...['complete', 'gaps', 'errors'].map((name) => readFileSync(path.join(ROOT, 'samples', `${name}.hire.yaml`), 'utf8')),
  generateBrief({ questions: 12 }),
  generateBrief({ questions: 30, findings: true, seed: 3 }),
  'hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\n',
  'hire: 1\nrole: POC\nskills: [communication, {id: accounting, need: preferred}]\nquestions: []\nwaive: {}\n',
  '',
];

/** The built-in role profile, production-coordinator. */
export const BUILTIN_PROFILE = readFileSync(path.join(ROOT, 'schemas/profiles/production-coordinator.hire-profile.yaml'), 'utf8');

/** A team profile that extends the built-in one (the fixture workspace's assistant-production-coordinator). */
export const TEAM_PROFILE = readFileSync(path.join(ROOT, 'test/fixtures/workspace/profiles/assistant-production-coordinator.hire-profile.yaml'), 'utf8');

/** The role profiles mutations start from: the built-in one, the fixture workspace's, a short one that extends it, nothing. */
export const PROFILE_BASES: readonly string[] = [
  BUILTIN_PROFILE,
  readFileSync(path.join(ROOT, 'test/fixtures/workspace/profiles/line-producer.hire-profile.yaml'), 'utf8'),
  TEAM_PROFILE,
  'hire-profile: 1\nid: apc\ntitle: APC\nextends: production-coordinator\nsections: [rate]\nskills: [{id: filing, name: Filing}]\nquestions:\n  - id: q\n    assesses: [filing, accounting]\n',
  '',
];

/** A short profile with the constructs a profile uses: comments, flow and block lists, a block scalar, quoting, `extends`. */
export const SHORT_PROFILE = [
  'hire-profile: 1 # v1',
  'id: apc',
  'title: "Assistant Production Coordinator"',
  'extends: production-coordinator',
  'about: >',
  '  Supports the coordinator.',
  'sections: [skills, rate]',
  'skills:',
  '  - {id: filing, name: Filing, need: preferred}',
  'questions:',
  '  - id: conflict',
  "    ask: 'How do you handle conflict?'",
  '    assesses: [filing, communication]',
  '    priority: recommended',
  '',
].join('\n');

/** A short brief with most of the constructs a brief uses: comments, flow and block lists, a block scalar, quoting, a waiver. */
export const SHORT = [
  'hire: 1 # v1',
  'role: "Production Coordinator"',
  'profile: production-coordinator',
  'summary: >',
  '  Runs the office.',
  'skills: [communication, {id: accounting, need: preferred}]',
  'questions:',
  '  - id: conflict',
  "    ask: 'How do you handle conflict?'",
  '    assesses: [problem-solving]',
  'rate: {amount: 350, currency: USD, per: day}',
  'waive:',
  '  superiors: Checked references.',
  '',
].join('\n');

/** Snippets of YAML that parsers and features find hard. */
const SNIPPETS = [
  '&anchor ', '*anchor', '<<: *anchor', '<<: [*a, *b]', '!!binary ', '!!js/function ', '!!python/object:os.system ', '!custom ', '!<tag:yaml.org,2002:str> ',
  '!!map ', '!!seq ', '!!str ', '? ', ': ', '- ', '---\n', '...\n', '%YAML 1.1\n---\n', '%TAG ! tag:x,2000:\n', '{', '}', '[', ']', ',', '"', "'", '|', '>-', '#', ' # ',
  '\t', '\r', '\r\n', '\n', '\0', '\uFEFF', '\u202E', '\u200F', '\u2028', '\u0085', '\uD800', '\uDFFF', '\uDBFF\uDFFF', '😀', 'é', '\uFFFD',
  '__proto__: 1\n', 'constructor: {}\n', 'hire: 1\n', 'profile: production-coordinator\n', 'questions:\n  - id: conflict\n', 'skills:\n- id\n',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '![x](https://example.com/x.png)', '{{constructor}}',
];

/** A YAML bomb: each level aliases the one before nine times. */
const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`)].join('\n') + '\n';

/** One change to a text. */
type Mutation = (text: string) => string;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  return starts;
}

const at = (fraction: number, length: number) => Math.min(length, Math.floor(fraction * (length + 1)));
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const mutations: fc.Arbitrary<Mutation>[] = [
  // A flipped bit in the UTF-8 bytes, decoded as an editor would (bad sequences become U+FFFD).
  fc.tuple(fraction, fc.integer({ min: 0, max: 7 })).map(([where, bit]) => (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return text;
    bytes[at(where, bytes.length - 1)] ^= 1 << bit;
    return new TextDecoder().decode(bytes);
  }),
  fraction.map((where) => (text: string) => text.slice(0, at(where, text.length))),
  fc.tuple(fraction, fc.integer({ min: -4, max: 6 })).map(([where, by]) => (text: string) => {
    const starts = lineStarts(text);
    const start = starts[at(where, starts.length - 1)];
    if (by >= 0) return text.slice(0, start) + ' '.repeat(by) + text.slice(start);
    let end = start;
    while (end < start - by && text[end] === ' ') end++;
    return text.slice(0, start) + text.slice(end);
  }),
  fc.tuple(fraction, fc.boolean()).map(([where, all]) => (text: string) => {
    if (all) return text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
    const starts = lineStarts(text);
    const start = starts[at(where, starts.length - 1)];
    return text.slice(0, start) + '\t' + text.slice(start);
  }),
  fc.tuple(fraction, fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: 'binary', maxLength: 8 }))).map(([where, insert]) => (text: string) => {
    const offset = at(where, text.length);
    return text.slice(0, offset) + insert + text.slice(offset);
  }),
  fc.constant((text: string) => `\uFEFF${text}`),
  fc.constant((text: string) => text.replace(/\r?\n/g, '\r\n')),
  fc.tuple(fraction, fc.integer({ min: 1, max: 20 })).map(([where, count]) => (text: string) => {
    const offset = at(where, text.length);
    return text.slice(0, offset) + '\0'.repeat(count) + text.slice(offset);
  }),
  fc.tuple(fraction, fc.integer({ min: 1_000, max: 120_000 }), fc.constantFrom('x', 'é ', '😀', '- ', '[', ' ')).map(([where, length, unit]) => (text: string) => {
    const offset = at(where, text.length);
    return text.slice(0, offset) + unit.repeat(Math.ceil(length / unit.length)) + text.slice(offset);
  }),
  fc.tuple(fraction, fc.integer({ min: 2, max: 160 }), fc.constantFrom('flow-seq', 'flow-map', 'block-map', 'block-seq')).map(([where, depth, kind]) => (text: string) => {
    const nested =
      kind === 'flow-seq' ? `deep: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`
      : kind === 'flow-map' ? `deep: ${'{a: '.repeat(depth)}x${'}'.repeat(depth)}\n`
      : kind === 'block-map' ? Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n') + ' x\n'
      : `deep:\n${Array.from({ length: depth }, (_, level) => `${' '.repeat(level * 2)}- `).join('\n')}x\n`;
    const starts = lineStarts(text);
    const start = starts[at(where, starts.length - 1)];
    return text.slice(0, start) + nested + text.slice(start);
  }),
  fc.tuple(fraction, fc.integer({ min: 50, max: 1_500 }), fc.constantFrom('', '  ', 'questions:\n  - id: many\n    ')).map(([where, count, prefix]) => (text: string) => {
    const indent = prefix.endsWith('    ') ? '    ' : prefix;
    const keys = Array.from({ length: count }, (_, index) => `${index === 0 ? '' : indent}k${index}: v${index}`).join('\n');
    const starts = lineStarts(text);
    const start = starts[at(where, starts.length - 1)];
    return `${text.slice(0, start)}${prefix || indent}${keys}\n${text.slice(start)}`;
  }),
  fc.constantFrom(
    (text: string) => BOMB + text,
    (text: string) => text.replace(/^(\s*- )id: /m, '$1&item id: ').replace(/^questions:\n/m, 'questions:\n  - *item\n'),
    (text: string) => `base: &base {need: required}\n${text.replace(/^(\s*)(- id: (\S+))$/m, '$1$2\n$1  <<: *base')}`,
    (text: string) => `${text}\n---\nhire: 1\n`,
    (text: string) => `---\n${text}\n...\n---\n${text}`,
    (text: string) => text.replace(/^role: .*$/m, 'role: !!js/function "function () { return 1 }"').replace(/^summary:/m, 'summary: !!binary'),
  ),
  // Lines moved, duplicated or removed.
  fc.tuple(fraction, fraction, fc.constantFrom('move', 'copy', 'drop')).map(([from, to, how]) => (text: string) => {
    const lines = text.split('\n');
    const source = at(from, lines.length - 1);
    const line = lines[source];
    if (how !== 'copy') lines.splice(source, 1);
    if (how !== 'drop') lines.splice(at(to, lines.length), 0, line);
    return lines.join('\n');
  }),
];

/** Cases from some base texts, each changed by one to four mutations; `before` is the base, so the edit is also parsed incrementally. */
function casesFrom(bases: readonly string[], profile: boolean): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(fc.oneof(...mutations), { minLength: 1, maxLength: 4 }))
    .map(([base, changes]) => ({ before: base, text: changes.reduce((text, change) => change(text), base), ...(profile ? { profile } : {}) }));
}

/** A fuzz case: a base brief, changed by one to four mutations. */
export const fuzzCases: fc.Arbitrary<FuzzCase> = casesFrom(BASES, false);

/** A fuzz case of a role profile document: a base profile, changed by one to four mutations. */
export const profileFuzzCases: fc.Arbitrary<FuzzCase> = casesFrom(PROFILE_BASES, true);

/**
 * The cases of a campaign: a role profile case with probability `profileShare` (0 to 1), else a brief case. The
 * kind is drawn from the seed, so a seed gives the same cases again; a shrunk case stays of its kind.
 */
export function campaignCases(profileShare: number): fc.Arbitrary<FuzzCase> {
  if (!(profileShare >= 0 && profileShare <= 1)) throw new RangeError(`the share of profile cases must be between 0 and 1, not ${profileShare}`);
  if (profileShare === 0) return fuzzCases;
  if (profileShare === 1) return profileFuzzCases;
  const profiles = Math.max(1, Math.min(999, Math.round(profileShare * 1000)));
  return fc.oneof({ arbitrary: fuzzCases, weight: 1000 - profiles }, { arbitrary: profileFuzzCases, weight: profiles });
}
