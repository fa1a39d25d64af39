/**
 * Team profiles in the language service: reading what a file declares,
 * `extends` merging field by field, the findings of a profile document
 * (schema ranges, `profile-extends`, `duplicate-profile`), and navigation
 * details that the protocol tests do not reach.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { MAX_EXTENDS_DEPTH } from '../../server/src/service/limits';
import { builtinProfileUri, parseProfile, ProfileRegistry } from '../../server/src/service/profiles';
import { brief } from '../support/documents';

function profile(name: string, text: string): TextDocument {
  return TextDocument.create(`file:///team/${name}.hire-profile.yaml`, 'hire-profile-yaml', 1, text);
}

/** A service whose registry holds these profile documents. */
function serviceWith(...documents: TextDocument[]): LanguageService {
  const service = getLanguageService();
  for (const document of documents) service.updateProfile(document);
  return service;
}

/** `code@line:start-end text` of each finding. */
function pinned(document: TextDocument, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${document.getText(d.range)}`);
}

const APC = profile(
  'apc',
  [
    'hire-profile: 1',
    'id: apc',
    'title: Assistant Production Coordinator',
    'extends: production-coordinator',
    'skills:',
    '  - id: accounting',
    '    evidence: Kept the petty cash float',
    'questions:',
    '  - id: conflict',
    '    ask: Two departments want the same van. What do you do?',
    '  - id: filing',
    '    ask: How do you keep paperwork in order?',
    '    priority: recommended',
    '',
  ].join('\n'),
);

describe('reading and merging profiles', () => {
  it('leaves unset what a file does not set', () => {
    const declared = parseProfile('hire-profile: 1\nid: x\nquestions:\n  - id: q\n    ask: Why?\n', 'file:///x.hire-profile.yaml')!;
    assert.deepEqual(declared, { id: 'x', questions: [{ id: 'q', ask: 'Why?' }], skills: [], source: 'file:///x.hire-profile.yaml' });
  });

  it("keeps the parent's fields that a child's entry does not set", () => {
    const registry = serviceWith(APC).profiles;
    const parent = registry.get('production-coordinator')!;
    const child = registry.get('apc')!;
    const conflict = child.questions.find((question) => question.id === 'conflict')!;
    const inherited = parent.questions.find((question) => question.id === 'conflict')!;
    assert.equal(conflict.ask, 'Two departments want the same van. What do you do?');
    assert.deepEqual(
      { why: conflict.why, listen_for: conflict.listen_for, red_flags: conflict.red_flags, assesses: conflict.assesses, priority: conflict.priority },
      { why: inherited.why, listen_for: inherited.listen_for, red_flags: inherited.red_flags, assesses: inherited.assesses, priority: 'required' },
    );
    assert.ok(conflict.listen_for.length > 0);
    const accounting = child.skills.find((skill) => skill.id === 'accounting')!;
    assert.deepEqual(accounting, { ...parent.skills.find((skill) => skill.id === 'accounting'), evidence: 'Kept the petty cash float' });
    assert.deepEqual(child.questions.map((question) => question.id), [...parent.questions.map((question) => question.id), 'filing']);
    assert.equal(child.questions.at(-1)!.priority, 'recommended');
    assert.deepEqual(child.sections, parent.sections);
    assert.equal(child.title, 'Assistant Production Coordinator');
    assert.deepEqual(child.aliases, []);
  });

  it('lets a workspace profile take the place of a built-in one without a duplicate finding', () => {
    const own = profile('own', 'hire-profile: 1\nid: production-coordinator\ntitle: Our Coordinator\n');
    const service = serviceWith(own);
    assert.equal(service.profiles.get('production-coordinator')!.title, 'Our Coordinator');
    assert.deepEqual(service.validate(own), []);
  });
});

describe('the findings of a brief as profiles change', () => {
  it('follow a profile added or removed after the same version was checked', () => {
    const service = getLanguageService();
    const document = brief('hire: 1\nrole: X\nprofile: team-apc\n');
    const team = profile('team-apc', 'hire-profile: 1\nid: team-apc\ntitle: APC\nquestions:\n  - id: filing\n    ask: How?\n');
    const codes = () => service.validate(document).map((diagnostic) => diagnostic.code);
    assert.deepEqual(codes(), ['unknown-profile']);
    service.updateProfile(team);
    assert.deepEqual(codes(), ['missing-question']);
    service.profiles.delete(team.uri);
    assert.deepEqual(codes(), ['unknown-profile']);
  });
});

describe('the findings of a profile document', () => {
  it('are schema findings on the node at fault', () => {
    const document = profile('bad', 'hire-profile: 1\nid: bad\ntitle: Bad\nskills:\n  - id: budgets\n    name: Budgets\n    need: maybe\nsections: [rate, wages]\ncolour: blue\n');
    assert.deepEqual(pinned(document, serviceWith(document).validate(document)), [
      'schema@6:10-15 maybe',
      'schema@7:17-22 wages',
      'schema@8:0-6 colour',
    ]);
  });

  it('call the document a profile in their messages', () => {
    const document = profile('untitled', 'hire-profile: 1\nid: untitled\n');
    assert.deepEqual(serviceWith(document).validate(document).map((finding) => finding.message), ["The profile lacks the required property 'title'."]);
  });

  it("ask for a new question's `ask` and a new skill's `name`, but not for an entry the parent declares", () => {
    const document = profile(
      'child',
      'hire-profile: 1\nid: child\ntitle: Child\nextends: production-coordinator\nskills:\n  - id: computer\n    need: preferred\n  - id: typing\nquestions:\n  - id: conflict\n    why: Vans.\n  - id: new-one\n    why: Because.\n',
    );
    const findings = serviceWith(document).validate(document);
    assert.deepEqual(pinned(document, findings), ['schema@7:4-6 id', 'schema@11:4-6 id']);
    assert.deepEqual(findings.map((finding) => finding.data), [{ kind: 'required', property: 'name' }, { kind: 'required', property: 'ask' }]);
  });

  it('report an unknown parent on the extends value, with the closest id', () => {
    const document = profile('lost', 'hire-profile: 1\nid: lost\ntitle: Lost\nextends: production-coordinater\n');
    const [finding] = serviceWith(document).validate(document);
    assert.deepEqual(pinned(document, [finding]), ['profile-extends@3:9-31 production-coordinater']);
    assert.deepEqual(finding.data, { value: 'production-coordinater', problem: 'unknown', suggestion: 'production-coordinator' });
  });

  it('report a cycle on every extends value along it, and a profile that extends itself', () => {
    const a = profile('a', 'hire-profile: 1\nid: a\ntitle: A\nextends: b\n');
    const b = profile('b', 'hire-profile: 1\nid: b\ntitle: B\nextends: c\n');
    const c = profile('c', 'hire-profile: 1\nid: c\ntitle: C\nextends: a\n');
    const outside = profile('d', 'hire-profile: 1\nid: d\ntitle: D\nextends: a\n');
    const self = profile('self', 'hire-profile: 1\nid: self\ntitle: Self\nextends: self\n');
    const service = serviceWith(a, b, c, outside, self);
    assert.deepEqual(pinned(a, service.validate(a)), ['profile-extends@3:9-10 b']);
    assert.deepEqual(service.validate(a)[0].data, { value: 'b', problem: 'cycle', chain: ['a', 'b', 'c', 'a'] });
    assert.deepEqual(pinned(c, service.validate(c)), ['profile-extends@3:9-10 a']);
    assert.deepEqual(service.validate(outside), []);
    assert.deepEqual(service.validate(self)[0].data, { value: 'self', problem: 'cycle', chain: ['self', 'self'] });
  });

  it(`cap a chain of extends at ${MAX_EXTENDS_DEPTH} profiles: the one that would pass it does not inherit, with a finding on its extends value`, () => {
    const chain = Array.from({ length: 40 }, (_, index) =>
      profile(`p${index}`, `hire-profile: 1\nid: p${index}\ntitle: P${index}\n${index ? `extends: p${index - 1}\n` : ''}skills:\n  - id: s${index}\n    name: S${index}\n`),
    );
    const service = serviceWith(...chain);
    const findings = chain.map((document) => service.validate(document));
    const at = MAX_EXTENDS_DEPTH;
    assert.deepEqual(findings.flatMap((found, index) => found.map((finding) => `p${index} ${finding.code}`)), [`p${at} profile-extends`]);
    const [deep] = findings[at];
    assert.deepEqual(pinned(chain[at], [deep]), [`profile-extends@3:9-${10 + String(at - 1).length} p${at - 1}`]);
    assert.match(String(deep.message), new RegExp(`^'p${at - 1}' heads a chain of ${at} profiles \\(p${at - 1} → p${at - 2} → p${at - 3} → … → p1 → p0\\), the most a chain may hold: this profile does not inherit from it\\.`));
    assert.deepEqual(deep.data, { value: `p${at - 1}`, problem: 'deep', chain: Array.from({ length: at }, (_, index) => `p${at - 1 - index}`) });
    const skills = (id: string) => service.profiles.get(id)!.skills.map((skill) => skill.id);
    assert.equal(skills(`p${at - 1}`).length, at, 'the last profile within the limit inherits the whole chain');
    assert.deepEqual(skills(`p${at}`), [`s${at}`], 'the one past it inherits nothing');
    assert.deepEqual(skills(`p${at + 2}`), [`s${at}`, `s${at + 1}`, `s${at + 2}`], 'a chain starts again from it');
    assert.deepEqual(service.profiles.chain(`p${at + 2}`).map((link) => link.id), [`p${at + 2}`, `p${at + 1}`, `p${at}`]);
  });

  it('report two profiles with one id on both id values', () => {
    const one = profile('one', 'hire-profile: 1\nid: gaffer\ntitle: Gaffer\n');
    const two = profile('two', '# A copy\nhire-profile: 1\nid: gaffer\ntitle: Chief Lighting Technician\n');
    const service = serviceWith(one, two);
    assert.deepEqual(pinned(one, service.validate(one)), ['duplicate-profile@1:4-10 gaffer']);
    assert.deepEqual(pinned(two, service.validate(two)), ['duplicate-profile@2:4-10 gaffer']);
    assert.deepEqual(service.validate(one)[0].data, { id: 'gaffer', others: [two.uri] });
    // The source that sorts first is the one briefs use.
    assert.equal(service.profiles.get('gaffer')!.title, 'Gaffer');
  });

  it('give a profile document none of the features of briefs only (completion, hover and outline: profileEditing.test.ts)', () => {
    const service = serviceWith(APC);
    const everything = { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } };
    assert.deepEqual(service.getCodeActions(APC, everything, { diagnostics: [] }), []);
    assert.equal(service.getAddMissingEdit(APC, 'all'), undefined);
    assert.deepEqual(service.getCodeLenses(APC), []);
    assert.equal(service.render(APC, { format: 'html', view: 'posting' }), undefined);
  });
});

describe('navigation details', () => {
  it("renames a brief's own skill in that brief only, keeping quotes", () => {
    const other = brief('hire: 1\nskills:\n  - id: rigging\n', 'file:///team/other.hire.yaml');
    const document = brief("hire: 1\nskills:\n  - id: 'rigging'\nquestions:\n  - id: q\n    ask: Knots?\n    assesses: [rigging]\n", 'file:///team/own.hire.yaml');
    const service = getLanguageService();
    const edit = service.doRename(document, { line: 6, character: 16 }, 'ropes', [document, other]);
    assert.ok(edit && !('reason' in edit));
    assert.deepEqual(edit.changes, {
      [document.uri]: [
        { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } }, newText: 'ropes' },
        { range: { start: { line: 6, character: 15 }, end: { line: 6, character: 22 } }, newText: 'ropes' },
      ] satisfies TextEdit[],
    });
  });

  it('goes from an extends value to the parent profile, built-in or not', () => {
    const service = serviceWith(APC);
    const [location] = service.findDefinition(APC, { line: 3, character: 12 }, [APC]);
    assert.equal(location.uri, builtinProfileUri('production-coordinator'));
  });

  it('finds nothing to navigate in text that is no id', () => {
    const document = brief('hire: 1\nrole: Coordinator\n');
    const service = getLanguageService({ profiles: ProfileRegistry.withBuiltins() });
    assert.deepEqual(service.findDefinition(document, { line: 1, character: 8 }, [document]), []);
    assert.equal(service.prepareRename(document, { line: 1, character: 8 }, [document]), undefined);
  });
});
