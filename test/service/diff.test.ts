/**
 * The semantic diff of the service: two texts of a brief or a profile in,
 * whole lists of changes out (kind, dotted path, id, old, new, sentence).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffFindings, diffTexts, type Change, type DiffOutcome } from '../../server/src/service/diff';
import { getLanguageService } from '../../server/src/service/languageService';
import { ProfileRegistry } from '../../server/src/service/profiles';
import { brief } from '../support/documents';

const BASE = `hire: 1
role: Production Coordinator
profile: production-coordinator
engagement: freelance
skills:
  - communication
  - id: accounting
    evidence: Reconciled petty cash on a 40-person shoot
  - leadership
rate:
  amount: 350
  currency: USD
  per: day
  hours: 12
  max: 400
workspace:
  office: provided
  tools: [Laptop, Phone]
questions:
  - id: management-style
    ask: What type of management style do you typically employ?
  - id: conflict
    ask: How do you handle conflict?
    assesses: [problem-solving, communication]
  - id: superiors
    ask: Have you ever had a problem with your superiors?
waive:
  experience: Known to the team from two productions.
`;

function changes(oldText: string, newText: string, names: [string, string] = ['a.hire.yaml', 'b.hire.yaml']): Change[] {
  const outcome = diffTexts(oldText, names[0], newText, names[1], ProfileRegistry.withBuiltins());
  assert.ok('changes' in outcome, JSON.stringify(outcome));
  return [...outcome.changes];
}

/** The changes without their sentences, to compare whole. */
function shapes(list: readonly Change[]): object[] {
  return list.map(({ summary: _summary, ...rest }) => rest);
}

describe('semantic diff: what is no change', () => {
  it('comments, blank lines, layout, quoting, flow vs block style and key order are no change', () => {
    const relaid = `# A brief, re-laid out
role: "Production Coordinator"
hire: 1
engagement: 'freelance'
profile: production-coordinator   # the built-in one

skills: [communication, {id: accounting, evidence: "Reconciled petty cash on a 40-person shoot"}, leadership]
rate: {currency: USD, amount: 350, per: day, max: 400, hours: 12}
workspace:
    office: provided
    tools:
      - Laptop
      - Phone
questions:
  - ask: What type of management style do you typically employ?
    id: management-style
  - id: conflict
    ask: >-
      How do you handle
      conflict?
    assesses:
      - problem-solving
      - communication
  - {id: superiors, ask: Have you ever had a problem with your superiors?}
waive: {experience: Known to the team from two productions.}
`;
    assert.deepEqual(changes(BASE, relaid), []);
  });

  it('reordering skills is no change, and a shorthand skill is the same as a mapping with only its id', () => {
    const reordered = BASE.replace(
      '  - communication\n  - id: accounting\n    evidence: Reconciled petty cash on a 40-person shoot\n  - leadership\n',
      '  - leadership\n  - id: accounting\n    evidence: Reconciled petty cash on a 40-person shoot\n  - id: communication\n',
    );
    assert.notEqual(reordered, BASE);
    assert.deepEqual(changes(BASE, reordered), []);
  });

  it('the same text is no change', () => {
    assert.deepEqual(changes(BASE, BASE), []);
  });
});

describe('semantic diff: changes', () => {
  it('the rate ceiling rising is one change, in the rate\'s currency and unit', () => {
    const result = changes(BASE, BASE.replace('max: 400', 'max: 450'));
    assert.deepEqual(result, [
      { kind: 'changed', path: 'rate.max', old: 400, new: 450, summary: 'The rate ceiling rises from 400 to 450 USD a day.' },
    ]);
  });

  it('reordering questions is `moved`, named by id', () => {
    const moved = BASE.replace(
      '  - id: superiors\n    ask: Have you ever had a problem with your superiors?\n',
      '',
    ).replace('questions:\n', 'questions:\n  - id: superiors\n    ask: Have you ever had a problem with your superiors?\n');
    const result = changes(BASE, moved);
    assert.deepEqual(shapes(result), [{ kind: 'moved', path: 'questions.superiors', id: 'superiors', old: 3, new: 1 }]);
    assert.equal(result[0].summary, "Moves the question 'superiors' from 3rd to 1st place.");
  });

  it('an id renamed with the same content is one change, not a removal and an addition', () => {
    const result = changes(BASE, BASE.replace('- id: conflict', '- id: handling-conflict'));
    assert.deepEqual(shapes(result), [{ kind: 'changed', path: 'questions.conflict.id', id: 'conflict', old: 'conflict', new: 'handling-conflict' }]);
    assert.match(result[0].summary, /Renames the question 'conflict' to 'handling-conflict'/);
  });

  it('a question removed, a skill added, and a field of a question changed', () => {
    const edited = BASE.replace('  - id: superiors\n    ask: Have you ever had a problem with your superiors?\n', '')
      .replace('  - leadership\n', '  - leadership\n  - id: teamwork\n    need: required\n')
      .replace('How do you handle conflict?', 'Tell us about a conflict on set.');
    // Within a list, what is dropped comes first, then the items in their new order.
    assert.deepEqual(shapes(changes(BASE, edited)), [
      { kind: 'added', path: 'skills.teamwork', id: 'teamwork', new: { id: 'teamwork', need: 'required' } },
      {
        kind: 'removed', path: 'questions.superiors', id: 'superiors',
        old: { id: 'superiors', ask: 'Have you ever had a problem with your superiors?' },
      },
      { kind: 'changed', path: 'questions.conflict.ask', id: 'conflict', old: 'How do you handle conflict?', new: 'Tell us about a conflict on set.' },
    ]);
  });

  it('waiving a skill is `waived` at the skill\'s path; dropping a waiver is `unwaived`; a section waived is at the section', () => {
    const edited = BASE.replace('waive:\n  experience: Known to the team from two productions.\n', "waive:\n  accounting: Covered by the studio's accountant.\n  authority: Decided with the producer.\n");
    assert.deepEqual(shapes(changes(BASE, edited)), [
      { kind: 'waived', path: 'skills.accounting', id: 'accounting', new: "Covered by the studio's accountant." },
      { kind: 'waived', path: 'authority', id: 'authority', new: 'Decided with the producer.' },
      { kind: 'unwaived', path: 'questions.experience', id: 'experience', old: 'Known to the team from two productions.' },
    ]);
  });

  it('a shorthand skill given a need says what it was from the profile', () => {
    const result = changes(BASE, BASE.replace('  - leadership\n', '  - id: leadership\n    need: required\n'));
    assert.deepEqual(shapes(result), [{ kind: 'added', path: 'skills.leadership.need', id: 'leadership', new: 'required' }]);
    assert.equal(result[0].summary, "The skill 'leadership' becomes required (was preferred, from the profile).");
  });

  it('items of a list of values are added and removed one by one; their order is no change', () => {
    const result = changes(BASE, BASE.replace('tools: [Laptop, Phone]', 'tools: [Printer, Laptop]'));
    assert.deepEqual(shapes(result), [
      { kind: 'removed', path: 'workspace.tools', old: 'Phone' },
      { kind: 'added', path: 'workspace.tools', new: 'Printer' },
    ]);
    assert.equal(result[1].summary, 'Adds a tool: "Printer".');
  });

  it('a new file (an empty old side) adds every section; a deleted one removes them', () => {
    const added = changes('', 'hire: 1\nrole: Coordinator\n');
    assert.deepEqual(shapes(added), [
      { kind: 'added', path: 'hire', new: 1 },
      { kind: 'added', path: 'role', new: 'Coordinator' },
    ]);
    assert.deepEqual(shapes(changes('hire: 1\n', '')), [{ kind: 'removed', path: 'hire', old: 1 }]);
  });

  it('a profile: skills and questions by id, a need raised, a question made required', () => {
    const profile = `hire-profile: 1
id: line-producer
title: Line Producer
sections: [rate]
skills:
  - id: budgeting
    name: Budgeting
    need: preferred
questions:
  - id: budget
    ask: How do you build a budget?
    priority: recommended
`;
    const edited = profile.replace('need: preferred', 'need: required').replace('priority: recommended', 'priority: required').replace('sections: [rate]', 'sections: [rate, workspace]');
    const result = changes(profile, edited, ['a.hire-profile.yaml', 'b.hire-profile.yaml']);
    assert.deepEqual(shapes(result), [
      { kind: 'added', path: 'sections', new: 'workspace' },
      { kind: 'changed', path: 'skills.budgeting.need', id: 'budgeting', old: 'preferred', new: 'required' },
      { kind: 'changed', path: 'questions.budget.priority', id: 'budget', old: 'recommended', new: 'required' },
    ]);
    assert.equal(result[1].summary, "The skill 'budgeting' becomes required (was preferred).");
  });
});

describe('semantic diff: bad input', () => {
  it('a side that does not parse gives its YAML error with a line and column', () => {
    const outcome: DiffOutcome = diffTexts(BASE, 'a.hire.yaml', 'hire: 1\nrole: [unclosed\n', 'b.hire.yaml');
    assert.ok('error' in outcome);
    assert.equal(outcome.side, 'new');
    assert.equal(outcome.error.line, 2);
    assert.ok(outcome.error.error.length > 0);
  });

  it('a brief against a profile is a usage error', () => {
    const outcome = diffTexts(BASE, 'a.hire.yaml', 'hire-profile: 1\nid: x\n', 'x.hire-profile.yaml');
    assert.ok('usage' in outcome);
    assert.match(outcome.usage, /cannot compare a brief .* with a profile/);
  });

  it('a root that is not a mapping, and two documents, are errors', () => {
    const list = diffTexts('- a\n', 'a.hire.yaml', BASE, 'b.hire.yaml');
    assert.ok('error' in list && list.side === 'old');
    const two = diffTexts(BASE, 'a.hire.yaml', 'hire: 1\n---\nhire: 1\n', 'b.hire.yaml');
    assert.ok('error' in two && two.side === 'new');
  });
});

describe('semantic diff: findings', () => {
  it('dropping a required question makes "now missing" appear; adding it back makes it disappear', () => {
    const service = getLanguageService();
    const before = service.validate(brief(BASE, 'file:///a.hire.yaml'));
    const after = service.validate(brief(BASE.replace('- id: conflict', '- id: conflicting'), 'file:///b.hire.yaml'));
    const delta = diffFindings(before, after);
    assert.ok(delta.appeared.some((finding) => finding.summary === "now missing: required question 'conflict'"), JSON.stringify(delta));
    const back = diffFindings(after, before);
    assert.ok(back.disappeared.some((finding) => finding.summary === "no longer missing: required question 'conflict'"));
    assert.deepEqual(diffFindings(before, before), { appeared: [], disappeared: [] });
  });
});

describe('semantic diff: an emptied list', () => {
  it('dropping the last question (an empty `questions:`) drops that question', () => {
    const emptied = BASE.replace(/questions:\n[\s\S]*?waive:/, 'questions:\nwaive:');
    const result = changes(BASE, emptied);
    assert.deepEqual(result.map((change) => [change.kind, change.path]), [
      ['removed', 'questions.management-style'],
      ['removed', 'questions.conflict'],
      ['removed', 'questions.superiors'],
    ]);
  });
});

describe('semantic diff: long lists', () => {
  it('5,000 questions in reverse order: all but one moved (the order is compared in O(n log n), not O(n²))', () => {
    const ids = Array.from({ length: 5_000 }, (_, index) => `q${index}`);
    const list = (order: readonly string[]) => `hire: 1\nquestions:\n${order.map((id) => `  - {id: ${id}, ask: Why ${id}?}`).join('\n')}\n`;
    const result = changes(list(ids), list([...ids].reverse()));
    assert.equal(result.length, ids.length - 1);
    assert.ok(result.every((change) => change.kind === 'moved'));
    const first = result.find((change) => change.id === 'q0');
    assert.deepEqual(first && { old: first.old, new: first.new }, { old: 1, new: 5_000 });
  });

  it('a question moved among others: only it is `moved`', () => {
    const list = (order: readonly string[]) => `hire: 1\nquestions:\n${order.map((id) => `  - {id: ${id}, ask: Why ${id}?}`).join('\n')}\n`;
    assert.deepEqual(shapes(changes(list(['a', 'b', 'c', 'd']), list(['a', 'c', 'd', 'b']))), [{ kind: 'moved', path: 'questions.b', id: 'b', old: 2, new: 4 }]);
  });

  it('5,000 duties replaced one by one (counted by value, not searched)', () => {
    const duties = (prefix: string) => `hire: 1\nduties:\n${Array.from({ length: 5_000 }, (_, index) => `  - ${prefix} ${index}`).join('\n')}\n`;
    const result = changes(duties('Old'), duties('New'));
    assert.equal(result.length, 10_000);
    assert.deepEqual(shapes(result.slice(0, 1)), [{ kind: 'removed', path: 'duties', old: 'Old 0' }]);
  });
});

describe('the language service\'s Changes view', () => {
  it('compares each version of a document with one base, with the user\'s severities', () => {
    const service = getLanguageService();
    const base = { text: BASE, label: 'HEAD (1234567)' };
    const first = service.changes(brief(BASE.replace('max: 400', 'max: 450'), 'file:///x.hire.yaml', 1), { base });
    assert.deepEqual(first.changes.map((change) => change.path), ['rate.max']);
    const second = service.changes(brief(BASE.replace('- id: conflict', '- id: conflicting'), 'file:///x.hire.yaml', 2), { base }, { severity: { 'missing-question': 'off' } });
    assert.equal(second.version, 2);
    assert.deepEqual(second.changes.map((change) => change.path), ['questions.conflict.id']);
    assert.ok(!second.findings.appeared.some((finding) => finding.code === 'missing-question'), 'turned off');
    assert.match(second.content, /Changes by meaning since HEAD \(1234567\)/);
    const broken = service.changes(brief('role: [x\n', 'file:///x.hire.yaml', 3), { base });
    assert.match(broken.error ?? '', /^Cannot compare: the editor's text does not parse \(line 1, column \d+\)/);
  });
});

describe('semantic diff: many renames', () => {
  it('5,000 questions renamed, each with the same content as the others: 5,000 renames, paired in order', () => {
    const list = (prefix: string) => `hire: 1\nquestions:\n${Array.from({ length: 5_000 }, (_, index) => `  - {id: ${prefix}${index}, ask: Same?}`).join('\n')}\n`;
    const result = changes(list('a'), list('b'));
    assert.equal(result.length, 5_000);
    assert.ok(result.every((change) => change.kind === 'changed' && change.path.endsWith('.id')));
    assert.deepEqual(shapes(result.slice(0, 1)), [{ kind: 'changed', path: 'questions.a0.id', id: 'a0', old: 'a0', new: 'b0' }]);
  });
});
