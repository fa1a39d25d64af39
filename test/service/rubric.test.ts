/**
 * Rubrics: `rubric` on the questions of briefs and profiles (scores 1 to 5,
 * at least 1 and 5), inherited from the profile like `why`; the built-in
 * profile's anchors; the `no-rubric` finding; completion and hover.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, InsertTextFormat, type MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { builtinProfileTexts, builtinProfileUri, parseProfile, ProfileRegistry } from '../../server/src/service/profiles';
import { readBrief, resolveBrief } from '../../server/src/service/model';
import { parseText } from '../../server/src/service/parse';
import { anchors, readRubric } from '../../server/src/service/rubric';
import { applyCompletion, completionsAt, labelsAt } from '../support/completion';
import { brief, withCursor } from '../support/documents';

const HEAD = 'hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\n';
const TEAM = 'file:///team/gaffer.hire-profile.yaml';

/** A service that knows the built-in profile and a team profile `gaffer` with a required and a recommended question, neither with a rubric. */
function teamService(): LanguageService {
  const profiles = ProfileRegistry.withBuiltins();
  profiles.set(
    TEAM,
    parseProfile(
      [
        'hire-profile: 1',
        'id: gaffer',
        'questions:',
        '  - id: rigging',
        '    ask: How do you rig a night exterior?',
        '    priority: required',
        '  - id: crew',
        '    ask: Who do you bring?',
        '    priority: recommended',
        '  - id: safety',
        '    ask: How do you keep the set safe?',
        '    priority: required',
        '    rubric:',
        '      1: Does not mention safety.',
        '      5: Names the checks and who signs off.',
        '',
      ].join('\n'),
      TEAM,
    ),
  );
  return getLanguageService({ profiles });
}

/** The findings of a code, as `code line:start-end "covered text"` (1-based, as an editor shows them). */
function findings(service: LanguageService, text: string, code: string): string[] {
  const document = brief(text);
  return service
    .validate(document)
    .filter((diagnostic) => diagnostic.code === code)
    .map((diagnostic) => `${code} ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}-${diagnostic.range.end.line + 1}:${diagnostic.range.end.character + 1} "${document.getText(diagnostic.range)}"`);
}

const service = getLanguageService();

describe('rubric: the built-in profile', () => {
  const profile = ProfileRegistry.withBuiltins().get('production-coordinator')!;

  it('gives every question anchors 1, 3 and 5, each its own text', () => {
    assert.equal(profile.questions.length, 8);
    for (const question of profile.questions) {
      assert.deepEqual(anchors(question.rubric).map((anchor) => anchor.score), [1, 3, 5], question.id);
      const texts = anchors(question.rubric).map((anchor) => anchor.text);
      assert.equal(new Set(texts).size, 3, `${question.id}: three different anchors`);
      for (const text of texts) assert.ok(text.length >= 30 && !text.includes('\n'), `${question.id}: "${text}"`);
    }
  });

  it('for details or the big picture: a 5 shows both ends, a 1 dismisses one', () => {
    const rubric = profile.questions.find((question) => question.id === 'detail-or-big-picture')!.rubric!;
    assert.match(rubric[5]!, /both/);
    assert.match(rubric[5]!, /paperwork|details/);
    assert.match(rubric[5]!, /overall plan|big picture/);
    assert.match(rubric[1]!, /dismisses/);
  });

  it('passes the profile schema', () => {
    const uri = builtinProfileUri('production-coordinator');
    const document = TextDocument.create(uri.replace(/^[^:]+:/, 'file:'), 'hire-profile-yaml', 1, builtinProfileTexts.get(uri)!);
    assert.deepEqual(service.validate(document), []);
  });
});

describe('rubric: reading', () => {
  it('keeps the anchors whose key is a score and whose text is not empty', () => {
    assert.deepEqual(readRubric({ 1: ' Poor. ', 3: '', 5: 'Great.', 6: 'x', four: 'y', 2: 7 }), { 1: 'Poor.', 5: 'Great.' });
    assert.equal(readRubric(['a']), undefined);
    assert.equal(readRubric({}), undefined);
    assert.equal(readRubric(null), undefined);
  });

  it('inherits like `why` through `extends`: a child that sets a rubric replaces the parent\'s whole', () => {
    const profiles = ProfileRegistry.withBuiltins();
    profiles.set('file:///p/a.hire-profile.yaml', parseProfile('hire-profile: 1\nid: a\nextends: production-coordinator\nquestions:\n  - id: conflict\n    rubric:\n      1: Shrugs.\n      5: Settles it.\n  - id: superiors\n    why: Changed.\n', 'file:///p/a.hire-profile.yaml'));
    const profile = profiles.get('a')!;
    assert.deepEqual(profile.questions.find((question) => question.id === 'conflict')!.rubric, { 1: 'Shrugs.', 5: 'Settles it.' });
    const builtin = profiles.get('production-coordinator')!;
    assert.deepEqual(profile.questions.find((question) => question.id === 'superiors')!.rubric, builtin.questions.find((question) => question.id === 'superiors')!.rubric);
  });
});

describe('rubric: the brief model', () => {
  it('gives each effective question its rubric: its own, else its profile question\'s; an unlisted question the profile\'s', () => {
    const parsed = parseText('file:///b.hire.yaml', 1, `${HEAD}questions:\n  - id: conflict\n    ask: How?\n  - id: superiors\n    ask: Boss?\n    rubric:\n      1: Blames the boss.\n      5: Worked it out.\n  - id: experience\n    ask: Before?\n    rubric:\n  - id: own\n    ask: Why?\n    rubric: [x]\n`);
    const model = resolveBrief(readBrief(parsed)!, ProfileRegistry.withBuiltins());
    const builtin = model.profile!;
    const rubricOf = (id: string) => builtin.questions.find((question) => question.id === id)!.rubric;
    assert.deepEqual(model.question('conflict')?.rubric, rubricOf('conflict'));
    assert.deepEqual(model.question('superiors')?.rubric, { 1: 'Blames the boss.', 5: 'Worked it out.' });
    assert.deepEqual(model.question('experience')?.rubric, rubricOf('experience'), 'an empty `rubric:` sets nothing');
    assert.deepEqual(model.question('own')?.rubric, {}, 'set, but to no anchors');
    assert.deepEqual(model.question('charges')?.rubric, rubricOf('charges'));
    assert.equal(model.unlistedQuestions.find((question) => question.id === 'charges')?.rubric, rubricOf('charges'));
  });
});

describe('rubric: the schema', () => {
  const schemaFindings = (rubric: string) => findings(service, `${HEAD}questions:\n  - id: own\n    ask: How?\n    rubric:${rubric}\n`, 'schema');

  it('accepts scores 1 to 5 with at least 1 and 5, quoted or not', () => {
    assert.deepEqual(schemaFindings('\n      1: Poor.\n      5: Great.'), []);
    assert.deepEqual(schemaFindings('\n      "1": Poor.\n      2: Weak.\n      3: Fair.\n      4: Good.\n      "5": Great.'), []);
    assert.deepEqual(schemaFindings(' {1: Poor., 3: Fair., 5: Great.}'), []);
  });

  it('reports a missing 1 or 5 on the `rubric` key', () => {
    assert.deepEqual(schemaFindings('\n      1: Poor.\n      3: Fair.'), ['schema 7:5-7:11 "rubric"']);
    assert.deepEqual(schemaFindings(' {}'), ['schema 7:5-7:11 "rubric"', 'schema 7:5-7:11 "rubric"']);
    const message = service.validate(brief(`${HEAD}questions:\n  - id: own\n    ask: How?\n    rubric:\n      1: Poor.\n`)).find((diagnostic) => diagnostic.code === 'schema')!.message;
    assert.equal(message, "'questions[0].rubric' has no anchor for a 5: a rubric says at least what a 1 and a 5 sound like.");
  });

  it('reports a key that is no score on the key, without suggesting another score', () => {
    assert.deepEqual(schemaFindings('\n      0: Nothing.\n      1: Poor.\n      5: Great.\n      6: Beyond.\n      ten: Ten.'), [
      'schema 8:7-8:8 "0"',
      'schema 11:7-11:8 "6"',
      'schema 12:7-12:10 "ten"',
    ]);
    const diagnostic = service.validate(brief(`${HEAD}questions:\n  - id: own\n    ask: How?\n    rubric:\n      1: Poor.\n      5: Great.\n      6: Beyond.\n`)).find((candidate) => candidate.code === 'schema')!;
    assert.equal(diagnostic.message, "'6' is not a score in 'questions[0].rubric': a rubric's keys are the scores 1, 2, 3, 4, 5.");
    assert.equal((diagnostic.data as { suggestion?: string }).suggestion, undefined);
  });

  it('reports an anchor that is not text, an empty anchor, and a rubric that is not a mapping, on the value', () => {
    assert.deepEqual(schemaFindings('\n      1: 4\n      5: ""'), ['schema 8:10-8:11 "4"', 'schema 9:10-9:12 """"']);
    assert.deepEqual(schemaFindings(' [Poor, Great]'), ['schema 7:13-7:26 "[Poor, Great]"']);
  });

  it('checks a profile\'s rubrics against the profile schema', () => {
    const document = TextDocument.create('file:///team/x.hire-profile.yaml', 'hire-profile-yaml', 1, 'hire-profile: 1\nid: x\ntitle: X\nquestions:\n  - id: q\n    ask: Why?\n    rubric:\n      1: Poor.\n      7: Odd.\n');
    const messages = service.validate(document).filter((diagnostic) => diagnostic.code === 'schema').map((diagnostic) => diagnostic.message);
    assert.deepEqual(messages, [
      "'questions[0].rubric' has no anchor for a 5: a rubric says at least what a 1 and a 5 sound like.",
      "'7' is not a score in 'questions[0].rubric': a rubric's keys are the scores 1, 2, 3, 4, 5.",
    ]);
  });
});

describe('rubric: the no-rubric finding', () => {
  const team = teamService();
  const GAFFER = 'hire: 1\nrole: Gaffer\nprofile: gaffer\n';

  it('is information on the id value of a required question that has no rubric after inheritance', () => {
    const text = `${GAFFER}questions:\n  - id: rigging\n    ask: How do you rig it?\n  - id: crew\n    ask: Who?\n  - id: safety\n    ask: Safe?\n`;
    assert.deepEqual(findings(team, text, 'no-rubric'), ['no-rubric 5:9-5:16 "rigging"']);
    const diagnostic = team.validate(brief(text)).find((candidate) => candidate.code === 'no-rubric')!;
    assert.equal(diagnostic.severity, DiagnosticSeverity.Information);
    assert.equal(diagnostic.source, 'hire');
    assert.deepEqual(diagnostic.data, { id: 'rigging', profile: 'gaffer', priority: 'required' });
    assert.match(String(diagnostic.message), /'rigging' has no rubric/);
  });

  it('is not raised for a question with a rubric of its own, even a malformed one (the schema reports that)', () => {
    assert.deepEqual(findings(team, `${GAFFER}questions:\n  - id: rigging\n    ask: How?\n    rubric:\n      1: Poor.\n      5: Great.\n`, 'no-rubric'), []);
    assert.deepEqual(findings(team, `${GAFFER}questions:\n  - id: rigging\n    ask: How?\n    rubric: [x]\n`, 'no-rubric'), []);
    // An empty `rubric:` sets nothing: the question still has none.
    assert.deepEqual(findings(team, `${GAFFER}questions:\n  - id: rigging\n    ask: How?\n    rubric:\n`, 'no-rubric'), ['no-rubric 5:9-5:16 "rigging"']);
  });

  it('is not raised for a waived question, a recommended one, or a question the profile does not define', () => {
    assert.deepEqual(findings(team, `${GAFFER}questions:\n  - id: rigging\n    ask: How?\nwaive:\n  rigging: Asked by the DP.\n`, 'no-rubric'), []);
    assert.deepEqual(findings(team, `${GAFFER}questions:\n  - id: rigging\n    ask: How?\nwaive:\n  questions: Interviews are the DP's.\n`, 'no-rubric'), []);
    assert.deepEqual(findings(team, `${GAFFER}questions:\n  - id: crew\n    ask: Who?\n  - id: own-question\n    ask: Why lighting?\n`, 'no-rubric'), []);
    assert.deepEqual(findings(team, 'hire: 1\nrole: Gaffer\nquestions:\n  - id: rigging\n    ask: How?\n', 'no-rubric'), []);
  });

  it('is not raised by the built-in profile, whose questions all have rubrics', () => {
    const text = `${HEAD}questions:\n${['management-style', 'experience', 'conflict', 'superiors', 'detail-or-big-picture'].map((id) => `  - id: ${id}\n    ask: ${id}?\n`).join('')}`;
    assert.deepEqual(findings(service, text, 'no-rubric'), []);
  });

  it('can be turned off or raised like every code', () => {
    const text = `${GAFFER}questions:\n  - id: rigging\n    ask: How?\n`;
    assert.deepEqual(team.validate(brief(text), { severity: { 'no-rubric': 'off' } }).filter((diagnostic) => diagnostic.code === 'no-rubric'), []);
    assert.equal(team.validate(brief(text), { severity: { 'no-rubric': 'warning' } }).find((diagnostic) => diagnostic.code === 'no-rubric')?.severity, DiagnosticSeverity.Warning);
  });

  it('follows a rubric the team profile gains: the finding goes', () => {
    const text = `${GAFFER}questions:\n  - id: rigging\n    ask: How?\n`;
    const service = teamService();
    assert.equal(findings(service, text, 'no-rubric').length, 1);
    service.profiles.set(TEAM, parseProfile('hire-profile: 1\nid: gaffer\nquestions:\n  - id: rigging\n    ask: How?\n    rubric:\n      1: Poor.\n      5: Great.\n', TEAM));
    assert.deepEqual(findings(service, text, 'no-rubric'), []);
  });
});

describe('rubric: completion', () => {
  const QUESTION = `${HEAD}questions:\n  - id: own\n    ask: How?\n`;

  it('offers `rubric` among a question\'s keys and inserts anchors 1, 3 and 5 as a snippet', () => {
    assert.ok(labelsAt(`${QUESTION}    |`).includes('rubric'));
    const item = completionsAt(`${QUESTION}    ru|`).find((candidate) => candidate.label === 'rubric')!;
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(
      (item.textEdit as { newText: string }).newText,
      'rubric:\n      1: ${1:What a poor answer sounds like}\n      3: ${2:What an adequate answer sounds like}\n      5: ${3:What an excellent answer sounds like}',
    );
    assert.equal(
      applyCompletion(`${QUESTION}    ru|`, 'rubric'),
      `${QUESTION}    rubric:\n      1: What a poor answer sounds like\n      3: What an adequate answer sounds like\n      5: What an excellent answer sounds like`,
    );
  });

  it('inserts the same anchors as plain text for a client without snippets', () => {
    const plain = getLanguageService({ snippetSupport: false });
    const item = completionsAt(`${QUESTION}    ru|`, plain).find((candidate) => candidate.label === 'rubric')!;
    assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal(
      (item.textEdit as { newText: string }).newText,
      'rubric:\n      1: What a poor answer sounds like\n      3: What an adequate answer sounds like\n      5: What an excellent answer sounds like',
    );
  });

  it('follows the file\'s indentation', () => {
    const text = 'hire: 1\r\nprofile: production-coordinator\r\nquestions:\r\n    -   id: own\r\n        ask: How?\r\n        ru|';
    assert.equal(
      applyCompletion(text, 'rubric'),
      'hire: 1\r\nprofile: production-coordinator\r\nquestions:\r\n    -   id: own\r\n        ask: How?\r\n        rubric:\r\n            1: What a poor answer sounds like\r\n            3: What an adequate answer sounds like\r\n            5: What an excellent answer sounds like',
    );
  });

  it('offers the scores a rubric lacks, with what each means', () => {
    const text = `${QUESTION}    rubric:\n      1: Poor.\n      |\n      5: Great.\n`;
    assert.deepEqual(labelsAt(text), ['2', '3', '4']);
    assert.equal(applyCompletion(text, '3'), `${QUESTION}    rubric:\n      1: Poor.\n      3: \n      5: Great.\n`);
    assert.equal(completionsAt(text).find((candidate) => candidate.label === '3')?.detail, 'An answer that scores 3 (adequate).');
  });

  it('offers as a score\'s value the profile question\'s anchor for that score, quoted where YAML needs it', () => {
    const conflict = ProfileRegistry.withBuiltins().get('production-coordinator')!.questions.find((question) => question.id === 'conflict')!.rubric!;
    const text = `${HEAD}questions:\n  - id: conflict\n    ask: How?\n    rubric:\n      1: Walks away.\n      5: |\n`;
    assert.deepEqual(labelsAt(text), [conflict[5]]);
    assert.equal(completionsAt(text)[0].detail, "The profile's anchor for 5");
    assert.equal(applyCompletion(text, conflict[5]!), `${HEAD}questions:\n  - id: conflict\n    ask: How?\n    rubric:\n      1: Walks away.\n      5: ${JSON.stringify(conflict[5])}\n`);
    // Nothing for a score the profile leaves out, or a question it does not define.
    assert.deepEqual(labelsAt(`${HEAD}questions:\n  - id: conflict\n    ask: How?\n    rubric:\n      2: |\n`), []);
    assert.deepEqual(labelsAt(`${HEAD}questions:\n  - id: own\n    ask: How?\n    rubric:\n      1: |\n`), []);
  });

  it('offers a parent profile\'s anchor in a profile that extends it', () => {
    const superiors = ProfileRegistry.withBuiltins().get('production-coordinator')!.questions.find((question) => question.id === 'superiors')!.rubric!;
    const text = 'hire-profile: 1\nid: x\nextends: production-coordinator\nquestions:\n  - id: superiors\n    rubric:\n      1: ';
    const document = TextDocument.create('file:///team/x.hire-profile.yaml', 'hire-profile-yaml', 1, text);
    const items = service.doComplete(document, document.positionAt(text.length)).items;
    assert.deepEqual(items.map((item) => item.label), [superiors[1]]);
  });

  it('offers `rubric` in a profile\'s question too', () => {
    const document = TextDocument.create('file:///team/x.hire-profile.yaml', 'hire-profile-yaml', 1, 'hire-profile: 1\nid: x\nquestions:\n  - id: q\n    ru');
    const items = service.doComplete(document, document.positionAt(document.getText().length)).items;
    assert.match((items.find((candidate) => candidate.label === 'rubric')?.textEdit as { newText: string }).newText, /^rubric:\n {6}1: \$\{1:/);
  });
});

describe('rubric: hover', () => {
  const hoverAt = (text: string) => {
    const { document, position } = withCursor(text);
    return (service.doHover(document, position)?.contents as MarkupContent | undefined)?.value ?? '';
  };

  it('shows a question\'s anchors: its own over the profile\'s', () => {
    const inherited = hoverAt(`${HEAD}questions:\n  - id: confl|ict\n    ask: How?\n`);
    const conflict = ProfileRegistry.withBuiltins().get('production-coordinator')!.questions.find((question) => question.id === 'conflict')!.rubric!;
    assert.ok(inherited.includes(`**Rubric**\n- **1** ${conflict[1]}\n- **3** ${conflict[3]}\n- **5** ${conflict[5]}`), inherited);
    const own = hoverAt(`${HEAD}questions:\n  - id: confl|ict\n    ask: How?\n    rubric:\n      1: Walks away.\n      5: Settles it for good.\n`);
    assert.ok(own.includes('**Rubric**\n- **1** Walks away.\n- **5** Settles it for good.'), own);
    assert.ok(!own.includes(conflict[3]!));
  });

  it('explains the `rubric` key and each score', () => {
    assert.match(hoverAt(`${HEAD}questions:\n  - id: own\n    ask: How?\n    rub|ric:\n      1: a\n      5: b\n`), /^How to score the answer/);
    assert.match(hoverAt(`${HEAD}questions:\n  - id: own\n    ask: How?\n    rubric:\n      |1: a\n      5: b\n`), /^An answer that scores \*\*1\*\* \(poor\)/);
  });

  it('shows a profile question\'s anchors in the profile document', () => {
    const text = 'hire-profile: 1\nid: x\nextends: production-coordinator\nquestions:\n  - id: conf|lict\n    rubric:\n      1: Shrugs.\n      5: Settles it.\n';
    const offset = text.indexOf('|');
    const document = TextDocument.create('file:///team/x.hire-profile.yaml', 'hire-profile-yaml', 1, text.replace('|', ''));
    const markdown = (service.doHover(document, document.positionAt(offset))?.contents as MarkupContent).value;
    assert.ok(markdown.includes('**Rubric**\n- **1** Shrugs.\n- **5** Settles it.'), markdown);
  });
});
