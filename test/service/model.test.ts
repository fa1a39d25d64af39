/**
 * The brief model: which profile a brief uses, its skills and questions over
 * the profile's, with the node each points at; what its questions assess;
 * what it waives. Every feature reads these answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBrief, readProfileDocument, readShownBrief, resolveBrief, resolveProfileDocument, stringOf } from '../../server/src/service/model';
import { parseText } from '../../server/src/service/parse';
import { parseProfile, ProfileRegistry } from '../../server/src/service/profiles';

/** A registry with a parent profile and a child that extends it. */
function registry(): ProfileRegistry {
  const profiles = new ProfileRegistry();
  const add = (name: string, text: string) => profiles.set(`file:///p/${name}.hire-profile.yaml`, parseProfile(text, `file:///p/${name}.hire-profile.yaml`));
  add('crew', [
    'hire-profile: 1',
    'id: crew',
    'title: Crew',
    'skills:',
    '  - id: safety',
    '    name: Set safety',
    '    evidence: Names the fire exits',
    '  - id: rigging',
    '    need: preferred',
    'questions:',
    '  - id: accident',
    '    ask: What do you do after an accident?',
    '    assesses: [safety]',
    '',
  ].join('\n'));
  add('grip', [
    'hire-profile: 1',
    'id: grip',
    'title: Key Grip',
    'extends: crew',
    'skills:',
    '  - id: dolly',
    '    name: Dolly work',
    'questions:',
    '  - id: weather',
    '    ask: How do you rig in the wind?',
    '    priority: recommended',
    '    assesses: [rigging]',
    '',
  ].join('\n'));
  return profiles;
}

function model(text: string, profiles = registry()) {
  const brief = readBrief(parseText('file:///b/brief.hire.yaml', 1, text));
  assert.ok(brief);
  return resolveBrief(brief, profiles);
}

const BRIEF = [
  'hire: 1',
  'role: Key Grip',
  'profile: grip',
  'skills:',
  '  - safety',
  '  - id: dolly',
  '    need: preferred',
  '  - id: own-skill',
  '    name: Own',
  'questions:',
  '  - id: accident',
  '  - id: mine',
  '    ask: Why us?',
  '    assesses: [own-skill]',
  'waive:',
  '  weather: Shot indoors',
  '',
].join('\n');

describe('the brief model', () => {
  it('names the profile, with inheritance applied, and its chain', () => {
    const resolved = model(BRIEF);
    assert.equal(resolved.profileId, 'grip');
    assert.equal(stringOf(resolved.profileNode), 'grip');
    assert.equal(resolved.profile?.title, 'Key Grip');
    assert.deepEqual(resolved.chain.map((profile) => profile.id), ['grip', 'crew']);
  });

  it("gives each listed skill the brief's fields over the profile's, pointing at the brief's id", () => {
    const resolved = model(BRIEF);
    assert.deepEqual(
      resolved.skills.map((skill) => [skill.id, skill.origin, skill.name, skill.need, skill.evidence, stringOf(skill.anchor)]),
      [
        ['safety', 'brief', 'Set safety', 'required', undefined, 'safety'],
        ['dolly', 'brief', 'Dolly work', 'preferred', undefined, 'dolly'],
        ['own-skill', 'brief', 'Own', 'required', undefined, 'own-skill'],
      ],
    );
    // The profile's evidence is a hint, not the brief's own: it does not assess the skill.
    assert.equal(resolved.skill('safety')?.declared?.evidence, 'Names the fire exits');
  });

  it('lists what only the profile has, pointing at the section key', () => {
    const resolved = model(BRIEF);
    assert.deepEqual(resolved.unlistedSkills.map((skill) => [skill.id, skill.origin, skill.need]), [['rigging', 'profile', 'preferred']]);
    assert.deepEqual(resolved.unlistedQuestions.map((question) => [question.id, question.priority, resolved.isWaived(question.id, 'questions')]), [['weather', 'recommended', true]]);
    assert.equal(String(resolved.unlistedSkills[0].anchor), 'skills');
    assert.equal(resolved.skill('rigging')?.origin, 'profile');
  });

  it("takes a question's own `assesses`, else its profile question's", () => {
    const resolved = model(BRIEF);
    assert.deepEqual(resolved.questions.map((question) => [question.id, question.ask, question.assesses]), [
      ['accident', 'What do you do after an accident?', ['safety']],
      ['mine', 'Why us?', ['own-skill']],
    ]);
    assert.deepEqual([...resolved.assessed].sort(), ['own-skill', 'safety']);
  });

  it('reads a brief without a profile, or with an unknown one, on its own', () => {
    const unknown = model('hire: 1\nprofile: gaffer\nskills: [safety]\n');
    assert.equal(unknown.profileId, 'gaffer');
    assert.equal(unknown.profile, undefined);
    assert.deepEqual(unknown.chain, []);
    assert.deepEqual(unknown.skills.map((skill) => [skill.id, skill.need, skill.declared]), [['safety', 'required', undefined]]);
    assert.deepEqual(unknown.unlistedSkills, []);
  });

  it('is computed once per parse and profile generation', () => {
    const profiles = registry();
    const brief = readBrief(parseText('file:///b/brief.hire.yaml', 1, BRIEF))!;
    const first = resolveBrief(brief, profiles);
    assert.equal(resolveBrief(brief, profiles), first);
    profiles.delete('file:///p/crew.hire-profile.yaml');
    const second = resolveBrief(brief, profiles);
    assert.notEqual(second, first);
    assert.deepEqual(second.chain.map((profile) => profile.id), ['grip']);
    assert.equal(second.skill('safety')?.name, undefined);
  });
});

describe('the profile document model', () => {
  it("reads a profile's skills and questions over its parent's", () => {
    const text = 'hire-profile: 1\nid: best-boy\nextends: crew\nskills:\n  - id: safety\n    need: preferred\nquestions:\n  - id: accident\n    priority: recommended\n';
    const own = readProfileDocument(parseText('file:///p/best-boy.hire-profile.yaml', 1, text));
    assert.ok(own);
    const resolved = resolveProfileDocument(own, registry());
    assert.equal(resolved.profile?.id, 'crew');
    assert.deepEqual(resolved.skills.map((skill) => [skill.id, skill.name, skill.need]), [['safety', 'Set safety', 'preferred']]);
    assert.deepEqual(resolved.questions.map((question) => [question.ask, question.priority]), [['What do you do after an accident?', 'recommended']]);
  });

  it('has no parent when it extends itself or an unknown profile', () => {
    for (const extend of ['best-boy', 'nobody']) {
      const own = readProfileDocument(parseText('file:///p/x.hire-profile.yaml', 1, `hire-profile: 1\nid: best-boy\nextends: ${extend}\n`))!;
      assert.equal(resolveProfileDocument(own, registry()).profile, undefined);
    }
  });
});

describe('the resolved model in memory', () => {
  it('holds no getter of its own: a getter written per object keeps the brief and its tree alive through young collections', () => {
    const resolved = model(BRIEF);
    const profileDocument = resolveProfileDocument(readProfileDocument(parseText('file:///p/x.hire-profile.yaml', 1, 'hire-profile: 1\nid: best-boy\nextends: grip\n'))!, registry());
    for (const object of [resolved, profileDocument, ...resolved.skills, ...resolved.questions]) {
      const accessors = Object.entries(Object.getOwnPropertyDescriptors(object)).filter(([, descriptor]) => descriptor.get || descriptor.set);
      assert.deepEqual(accessors.map(([key]) => key), []);
    }
    // The lazy parts still answer, from the prototype.
    assert.deepEqual(resolved.chain.map((profile) => profile.id), ['grip', 'crew']);
    assert.ok(resolved.unlistedQuestions.length > 0);
  });
});

describe('a brief as the renderer shows it', () => {
  const shown = (text: string) => readShownBrief(parseText('file:///b/brief.hire.yaml', 1, text), registry());

  it('puts each skill and question of the brief over its profile, as the brief writes them', () => {
    const brief = shown([
      'profile: grip',
      'skills: [safety, {id: rigging, name: " Rigs "}, {id: own, evidence: A test shoot}]',
      'questions:',
      '  - id: accident',
      '    listen_for:',
      '  - id: weather',
      '    rubric:',
      '',
    ].join('\n'));
    assert.ok(brief);
    assert.deepEqual(brief.skills, [
      { id: 'safety', name: 'Set safety', need: 'required', evidence: undefined, suggestion: 'Names the fire exits' },
      { id: 'rigging', name: 'Rigs', need: 'preferred', evidence: undefined },
      { id: 'own', name: undefined, need: 'required', evidence: 'A test shoot' },
    ]);
    // Its own `listen_for`, even empty, replaces the profile's; an empty `rubric` sets nothing.
    assert.deepEqual(brief.questions.map((question) => [question.id, question.ask, question.listenFor, question.assesses, question.priority]), [
      ['accident', 'What do you do after an accident?', [], [{ id: 'safety', name: 'Set safety' }], 'required'],
      ['weather', 'How do you rig in the wind?', [], [{ id: 'rigging', name: 'Rigs' }], 'recommended'],
    ]);
  });

  it('reads odd values leniently: text trimmed, numbers as text, aliases followed, a key written twice by its last value', () => {
    const brief = shown([
      'role: &role "  Grip  "',
      'role: Key Grip',
      'summary: *role',
      'rate: {amount: 350, max: 1.50, hours: 0x10, currency: " USD "}',
      'duties: [Rigging, 12, true, {nested: x}, "  "]',
      'waive: {rigging: later, 1: numbered, rigging: sooner, dolly: }',
      '',
    ].join('\n'));
    assert.ok(brief);
    assert.equal(brief.role, 'Key Grip');
    assert.equal(brief.summary, 'Grip');
    assert.deepEqual(brief.rate, { amount: '350', currency: 'USD', per: undefined, hours: '16', max: '1.5', kitFee: undefined });
    assert.deepEqual(brief.duties, ['Rigging', '12', 'true']);
    // As plain data orders keys: integer-like ones first; a key written twice keeps its first place.
    assert.deepEqual(brief.waived, [{ id: '1', reason: 'numbered' }, { id: 'rigging', reason: 'sooner' }]);
  });

  it('shows what a document with YAML errors still holds, and nothing when its aliases expand past the limits', () => {
    assert.equal(shown('role: Grip\nsummary: [Rigging, \n')?.role, 'Grip');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const name of ['b', 'c', 'd', 'e']) bomb.push(`${name}: &${name} [${Array(10).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(', ')}]`);
    assert.equal(shown([...bomb, 'role: Grip', ''].join('\n')), undefined);
    assert.equal(shown('- a\n- b\n'), undefined);
  });
});
