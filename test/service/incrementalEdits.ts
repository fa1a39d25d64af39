/**
 * The incremental parse against a full parse, on randomized edit sequences
 * (incremental.property.test.ts and incremental.property-2.test.ts run half
 * the sequences each, so that neither file nears the per-file timeout on a
 * busy machine).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as YAML from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { reparse } from '../../server/src/service/incremental';
import { parseText, type ParsedDocument } from '../../server/src/service/parse';
import { generateBrief } from '../support/generate';

/** How many edit sequences the two files run together. */
export const EDIT_SEQUENCES = 150;

/** The tree as plain data: what every feature reads from it. */
function dump(node: unknown): unknown {
  if (YAML.isPair(node)) return { pair: [dump(node.key), dump(node.value)] };
  if (!YAML.isNode(node)) return node ?? null;
  const common = { kind: node.constructor.name, range: node.range, commentBefore: node.commentBefore, comment: node.comment, spaceBefore: node.spaceBefore, tag: node.tag };
  if (YAML.isScalar(node)) return { ...common, value: node.value, type: node.type };
  if (YAML.isMap(node) || YAML.isSeq(node)) return { ...common, flow: node.flow, items: (node.items as unknown[]).map(dump) };
  return common;
}

export function summary(parsed: ParsedDocument): unknown {
  return {
    tree: parsed.yaml && dump(parsed.yaml.contents),
    range: parsed.yaml?.range,
    comment: parsed.yaml?.comment,
    value: parsed.value,
    problems: parsed.problems,
    extra: parsed.extraDocuments.length,
  };
}

/** A base text: a generated brief, with comments and blank lines in places an editor would have them. */
const base = fc
  .record({ questions: fc.integer({ min: 1, max: 12 }), findings: fc.boolean(), seed: fc.nat(20), crlf: fc.constant(false), commented: fc.boolean() })
  .map(({ questions, findings, seed, commented }) => {
    let text = generateBrief({ questions, findings, seed });
    if (commented) text = text.replace('  - id: q-9\n', '  # a comment between questions\n  - id: q-9\n').replace('rate:\n', '# pay\nrate:\n');
    return text;
  });

/** Typing a few characters, deleting a few, or pasting a line, at a place given as a fraction of the text. */
const edit = fc.oneof(
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.constant(0), insert: fc.constantFrom('x', ' ', '\n', ':', '-', '#', "'", '"', '[', '{', '&a', '*a', '---', '  ', '\t', 'é', '\n  - id: new\n    ask: New?') }),
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 1, max: 6 }), insert: fc.constantFrom('', 'y', '\n') }),
);

/** Edits biased to the middle of a question's text, where typing usually happens. */
const typing = fc.record({ line: fc.nat(), insert: fc.constantFrom('x', 'yz', '', ' ') });

function apply(text: string, step: { at: number; remove: number; insert: string }): string {
  const offset = Math.min(text.length, Math.floor(step.at * text.length));
  return text.slice(0, offset) + step.insert + text.slice(Math.min(text.length, offset + step.remove));
}

function typeInLine(text: string, step: { line: number; insert: string }): string {
  const lines = text.split('\n');
  const index = step.line % lines.length;
  if (step.insert === '') lines[index] = lines[index].slice(0, -1);
  else lines[index] += step.insert;
  return lines.join('\n');
}

/**
 * Checks `numRuns` randomized edit sequences (fast-check, a fresh seed each
 * run; a failure prints its seed): after every edit the incremental parse
 * equals a full parse, and the service's findings and outline equal a fresh
 * service's; most edits between texts that parse must take the incremental path.
 */
export function checkEditSequences(numRuns: number): void {
  let incrementalParses = 0;
  let edits = 0;
  fc.assert(
    fc.property(base, fc.array(fc.oneof({ arbitrary: edit.map((step) => ({ step })), weight: 1 }, { arbitrary: typing.map((type) => ({ type })), weight: 3 }), { minLength: 1, maxLength: 25 }), (text, steps) => {
      const service = getLanguageService();
      const uri = 'file:///test/edited.hire.yaml';
      let version = 1;
      let previous = parseText(uri, version, text);
      service.validate(TextDocument.create(uri, 'hire-yaml', version, text));
      for (const change of steps) {
        text = 'step' in change ? apply(text, change.step) : typeInLine(text, change.type);
        version++;
        const document = TextDocument.create(uri, 'hire-yaml', version, text);
        const full = parseText(uri, version, text);
        const incremental = reparse(previous, version, text);
        if (previous.problems.length === 0 && full.problems.length === 0) edits++;
        if (incremental) {
          incrementalParses++;
          assert.deepEqual(summary(incremental), summary(full), `after an edit giving:\n${text}`);
        }
        previous = incremental ?? full;
        // The service's cache takes the same path; its findings and outline must match a fresh service's.
        const fresh = getLanguageService();
        assert.deepEqual(service.validate(document), fresh.validate(document));
        assert.deepEqual(service.findDocumentSymbols(document), fresh.findDocumentSymbols(document));
      }
    }),
    { numRuns },
  );
  // Most edits between two texts that parse stay inside a question or section: the incremental path must be taken.
  assert.ok(incrementalParses > edits / 2, `${incrementalParses} of ${edits} edits without syntax errors parsed incrementally`);
}
