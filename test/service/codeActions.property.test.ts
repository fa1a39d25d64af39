import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ADD_MISSING_KIND } from '../../server/src/service/codeActions';
import { getLanguageService } from '../../server/src/service/languageService';
import { parseText } from '../../server/src/service/parse';
import { brief } from '../support/documents';

const service = getLanguageService();
const profile = service.profiles.get('production-coordinator')!;
const QUESTION_IDS = profile.questions.map((question) => question.id);
const SKILL_IDS = profile.skills.map((skill) => skill.id);
const SECTIONS = ['skills', 'authority', 'rate', 'workspace', 'questions', 'waive'] as const;
const COMMENTS = ['# a note', '# TODO: ask the PM', '#', '# - id: commented-out', '# évidence ✓'];

/** What a generated brief holds and how it is written. */
interface BriefSpec {
  indent: 2 | 4;
  seqIndented: boolean;
  eol: '\n' | '\r\n';
  finalNewline: boolean;
  blankLines: boolean;
  order: (typeof SECTIONS)[number][];
  skills: { id: string; long: boolean }[];
  questions: string[];
  waived: string[];
  commentLines: { at: number; indent: number; text: string }[];
  trailingComments: { at: number; text: string }[];
}

const specs: fc.Arbitrary<BriefSpec> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  seqIndented: fc.boolean(),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  finalNewline: fc.boolean(),
  blankLines: fc.boolean(),
  order: fc.shuffledSubarray([...SECTIONS]),
  skills: fc.shuffledSubarray(SKILL_IDS).chain((ids) => fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), long: fc.boolean() })))),
  questions: fc.shuffledSubarray(QUESTION_IDS),
  waived: fc.subarray([...QUESTION_IDS, ...SKILL_IDS, 'authority', 'rate']),
  commentLines: fc.array(fc.record({ at: fc.nat(60), indent: fc.nat(8), text: fc.constantFrom(...COMMENTS) }), { maxLength: 6 }),
  trailingComments: fc.array(fc.record({ at: fc.nat(60), text: fc.constantFrom(...COMMENTS) }), { maxLength: 4 }),
});

/** Writes a brief from its spec; sections without items are left out. */
function render(spec: BriefSpec): string {
  const pad = (n: number) => ' '.repeat(n);
  const seq = spec.seqIndented ? spec.indent : 0;
  const lines = ['hire: 1', 'role: Production Coordinator', 'profile: production-coordinator'];
  const section = (key: string, body: string[]) => {
    if (body.length === 0) return;
    if (spec.blankLines) lines.push('');
    lines.push(`${key}:`, ...body);
  };
  for (const key of spec.order) {
    switch (key) {
      case 'skills':
        section(key, spec.skills.flatMap((skill) => (skill.long ? [`${pad(seq)}- id: ${skill.id}`, `${pad(seq + 2)}evidence: Seen on set.`] : [`${pad(seq)}- ${skill.id}`])));
        break;
      case 'questions':
        section(key, spec.questions.flatMap((id) => [`${pad(seq)}- id: ${id}`, `${pad(seq + 2)}ask: Asked?`]));
        break;
      case 'authority':
        section(key, [`${pad(spec.indent)}decides:`, `${pad(spec.indent + seq)}- Small things`]);
        break;
      case 'rate':
        section(key, ['amount: 300', 'currency: CAD', 'per: day'].map((line) => pad(spec.indent) + line));
        break;
      case 'workspace':
        section(key, [`${pad(spec.indent)}office: provided`]);
        break;
      case 'waive':
        section(key, spec.waived.map((id) => `${pad(spec.indent)}${id}: Not for this production.`));
        break;
    }
  }
  for (const comment of spec.trailingComments) {
    const at = comment.at % lines.length;
    if (lines[at].trim()) lines[at] += `   ${comment.text}`;
  }
  for (const comment of [...spec.commentLines].sort((a, b) => b.at - a.at)) {
    lines.splice(comment.at % (lines.length + 1), 0, pad(comment.indent) + comment.text);
  }
  return lines.join(spec.eol) + (spec.finalNewline ? spec.eol : '');
}

describe('add everything the profile recommends, on generated briefs', () => {
  it('keeps every line, adds what is missing, and leaves a valid brief', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const text = render(spec);
        const document = brief(text);
        const before = service.validate(document);
        assert.deepEqual(before.filter((d) => d.code === 'schema' || d.code === 'yaml-syntax'), [], 'the generated brief is valid');
        const [action] = service.getCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: [ADD_MISSING_KIND] }, before);
        const missing = before.filter((d) => String(d.code).startsWith('missing-') || d.code === 'unassessed-skill');
        if (missing.length === 0) {
          assert.equal(action, undefined);
          return;
        }
        const result = TextDocument.applyEdits(document, action.edit!.changes![document.uri]);

        assert.deepEqual(parseText('file:///r.hire.yaml', 1, result).problems, [], 'the result parses');
        const after = service.validate(brief(result));
        assert.deepEqual(after.filter((d) => d.code === 'schema' || d.code === 'yaml-syntax' || String(d.code).startsWith('missing-') || d.code === 'unassessed-skill'), []);

        // Every original character is still there, in order: the edit only inserts.
        let at = 0;
        for (const char of text) {
          at = result.indexOf(char, at);
          assert.ok(at >= 0, 'a character was lost');
          at++;
        }
        // Every original line, comments included, is still there and in order;
        // a shorthand skill (`- accounting`) may have become `- id: accounting` to take its evidence.
        const resultLines = result.split(spec.eol);
        let next = 0;
        for (const line of text.split(spec.eol)) {
          const shorthand = line.replace(/^( *- )(?=[a-z])/, '$1id: ');
          while (next < resultLines.length && resultLines[next] !== line && resultLines[next] !== shorthand) next++;
          assert.ok(next < resultLines.length, `line lost or moved: ${JSON.stringify(line)}`);
          next++;
        }
        // The file's line endings, and whether it ends with one, are kept.
        if (spec.eol === '\r\n') assert.doesNotMatch(result, /[^\r]\n/);
        else assert.doesNotMatch(result, /\r/);
        assert.equal(result.endsWith(spec.eol), spec.finalNewline);
      }),
      { numRuns: 150 },
    );
  });
});
