import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/languageService';
import { parseProfile, ProfileRegistry } from '../../server/src/service/profiles';
import { applyCompletion, completionsAt, labelsAt } from '../support/completion';
import { brief, sample } from '../support/documents';

const HEAD = 'hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\n';

describe('completion right after the `:` or `-` that triggered it', () => {
  it('inserts the space a value or an item needs', () => {
    assert.equal(applyCompletion(`${HEAD}engagement:|`, 'freelance'), `${HEAD}engagement: freelance`);
    assert.equal(applyCompletion(`${HEAD}rate:\n  per:|\n`, 'day'), `${HEAD}rate:\n  per: day\n`);
    assert.equal(applyCompletion(`${HEAD}questions:\n  - id:|`, 'experience'), `${HEAD}questions:\n  - id: experience`);
    assert.equal(applyCompletion(`${HEAD}skills:\n  -|`, 'accounting'), `${HEAD}skills:\n  - accounting`);
  });

  it('keeps a whole question aligned under its first line', () => {
    const result = applyCompletion(`${HEAD}questions:\n  -|`, 'needs-from-us');
    assert.match(result, /\n {2}- id: needs-from-us\n {4}ask: What do you need from us to do this job well\?\n {4}why: /);
  });
});

describe('completion of keys', () => {
  it('offers the root keys the brief lacks, in the schema order', () => {
    assert.deepEqual(labelsAt(`${HEAD}|`), [
      'engagement', 'reports_to', 'project', 'summary', 'duties', 'skills', 'authority', 'rate', 'workspace', 'questions', 'apply', 'waive', 'notes',
    ]);
  });

  it('replaces the partly typed key and leaves the cursor after `: `', () => {
    assert.equal(applyCompletion(`${HEAD}eng|`, 'engagement'), `${HEAD}engagement: `);
  });

  it('documents a key with its description and re-triggers suggestions for an enum', () => {
    const item = completionsAt(`${HEAD}|`).find((candidate) => candidate.label === 'engagement')!;
    assert.equal(item.kind, CompletionItemKind.Property);
    assert.equal(item.detail, 'How the person is engaged: freelance, contract, part-time or full-time.');
    assert.match((item.documentation as { value: string }).value, /^How the person is engaged for this job\. The guide is written for hiring a \*\*freelance\*\*/);
    assert.equal(item.command?.command, 'editor.action.triggerSuggest');
  });

  it('inserts `hire: 1` for the version', () => {
    assert.equal(applyCompletion('role: Production Coordinator\nh|', 'hire'), 'role: Production Coordinator\nhire: 1');
  });

  it('inserts an object section from its schema snippet, indented', () => {
    assert.equal(
      applyCompletion(`${HEAD}ra|`, 'rate'),
      `${HEAD}rate:\n  amount: 0\n  currency: USD\n  per: day\n  hours: 12\n  max: 0`,
    );
  });

  it('inserts a list section as `key:` and a first dash', () => {
    const item = completionsAt(`${HEAD}|`).find((candidate) => candidate.label === 'duties')!;
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(applyCompletion(`${HEAD}|`, 'duties'), `${HEAD}duties:\n  - `);
  });

  it('only renames a key that already has its `:`', () => {
    assert.equal(applyCompletion(`${HEAD}sumary|: Runs the office\n`, 'summary'), `${HEAD}summary: Runs the office\n`);
  });

  it('offers the keys of `project` that are not there yet, on an empty line of its block', () => {
    const text = `${HEAD}project:\n  name: Night Market\n  |\nrate:\n  amount: 1\n`;
    assert.deepEqual(labelsAt(text), ['type', 'start', 'end', 'location']);
    assert.equal(applyCompletion(text, 'start'), `${HEAD}project:\n  name: Night Market\n  start: \nrate:\n  amount: 1\n`);
  });

  it('offers the keys of `rate` while one is half typed', () => {
    const text = `${HEAD}rate:\n  amount: 350\n  cur|\n  per: day\n`;
    assert.deepEqual(labelsAt(text), ['currency', 'hours', 'max', 'kit_fee']);
    assert.equal(applyCompletion(text, 'currency'), `${HEAD}rate:\n  amount: 350\n  currency: \n  per: day\n`);
  });

  it('offers the keys of a question under its list item, without its `id`', () => {
    const text = `${HEAD}questions:\n  - id: conflict\n    |\n`;
    assert.deepEqual(labelsAt(text), ['ask', 'why', 'listen_for', 'red_flags', 'rubric', 'assesses']);
    assert.equal(applyCompletion(text, 'listen_for'), `${HEAD}questions:\n  - id: conflict\n    listen_for:\n      - \n`);
  });

  it('offers nothing inside a comment or a block of text', () => {
    assert.deepEqual(labelsAt(`${HEAD}# eng|`), []);
    assert.deepEqual(labelsAt(`${HEAD}summary: >\n  Runs the office\n  |\n`), []);
  });
});

describe('completion of values', () => {
  it('offers the enum values of `engagement` with their descriptions', () => {
    const items = completionsAt(`${HEAD}engagement: |`);
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [
      ['freelance', 'Self-employed, hired for this production.'],
      ['contract', 'A fixed-term contract.'],
      ['part-time', 'A part-time position.'],
      ['full-time', 'A full-time position.'],
    ]);
    assert.equal(items[0].kind, CompletionItemKind.EnumMember);
    assert.equal(applyCompletion(`${HEAD}engagement: free|\n`, 'freelance'), `${HEAD}engagement: freelance\n`);
  });

  it('offers the enum values of nested keys: project.type, rate.per, workspace.office', () => {
    assert.deepEqual(labelsAt(`${HEAD}project:\n  type: |\n`), ['feature', 'series', 'commercial', 'documentary', 'music-video', 'live-event', 'corporate', 'other']);
    assert.deepEqual(labelsAt(`${HEAD}rate:\n  per: |\n`), ['hour', 'day', 'week', 'month', 'project']);
    assert.equal(applyCompletion(`${HEAD}workspace:\n  office: sh|`, 'shared'), `${HEAD}workspace:\n  office: shared`);
  });

  it('offers the `need` of a skill', () => {
    assert.deepEqual(labelsAt(`${HEAD}skills:\n  - id: accounting\n    need: |\n`), ['required', 'preferred']);
  });

  it('offers common ISO 4217 currencies with their names', () => {
    const items = completionsAt(`${HEAD}rate:\n  amount: 350\n  currency: |\n`);
    assert.deepEqual(items.slice(0, 4).map((item) => [item.label, item.detail]), [
      ['USD', 'US dollar'],
      ['EUR', 'Euro'],
      ['GBP', 'Pound sterling'],
      ['CAD', 'Canadian dollar'],
    ]);
    for (const code of ['AUD', 'NZD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'INR', 'ZAR', 'MXN', 'BRL']) assert.ok(items.some((item) => item.label === code), code);
    assert.equal(applyCompletion(`${HEAD}rate:\n  currency: GB|\n  per: day\n`, 'GBP'), `${HEAD}rate:\n  currency: GBP\n  per: day\n`);
  });

  it('offers every known profile, with its title', () => {
    const profiles = ProfileRegistry.withBuiltins();
    profiles.set('file:///p/gaffer.hire-profile.yaml', parseProfile('hire-profile: 1\nid: gaffer\ntitle: Gaffer\n', 'file:///p/gaffer.hire-profile.yaml'));
    const service = getLanguageService({ profiles });
    const items = completionsAt('hire: 1\nprofile: pro|\n', service);
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [['gaffer', 'Gaffer'], ['production-coordinator', 'Production Coordinator']]);
    assert.equal(applyCompletion('hire: 1\nprofile: pro|\n', 'production-coordinator', service), 'hire: 1\nprofile: production-coordinator\n');
  });
});

describe('completion of questions', () => {
  const ASKED = `${HEAD}questions:\n  - id: conflict\n    ask: How do you handle conflict?\n`;

  it('offers after `- id: ` the profile question ids the brief does not ask yet, with the question', () => {
    const items = completionsAt(`${ASKED}  - id: |`);
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [
      ['management-style', 'What type of management style do you typically employ?'],
      ['experience', 'What is your previous work experience?'],
      ['superiors', 'Have you ever had a problem with your superiors?'],
      ['detail-or-big-picture', 'Are you a details person or a big picture person?'],
      ['decision-split', 'Which issues would you resolve yourself, and which would you pass up to the production manager?'],
      ['charges', 'What do you charge, and what hours does that cover?'],
      ['needs-from-us', 'What do you need from us to do this job well?'],
    ]);
    assert.equal(applyCompletion(`${ASKED}  - id: sup|`, 'superiors'), `${ASKED}  - id: superiors`);
  });

  it('writes out a whole profile question on a new item, but for its rubric, which it inherits', () => {
    assert.equal(
      applyCompletion(`${ASKED}  - |\n`, 'superiors'),
      `${ASKED}  - id: superiors
    ask: Have you ever had a problem with your superiors?
    why: However independent the job, the coordinator answers to the production manager, so you want someone who can disagree with a boss and still pull with the team.
    listen_for:
      - A candid example, handled with respect and brought to an end
      - Taking a disagreement to the right person
    red_flags:
      - Runs down former managers
      - Says they have never disagreed with anyone
    assesses:
      - teamwork
`,
    );
  });

  it('quotes question text where YAML needs it', () => {
    const profiles = ProfileRegistry.withBuiltins();
    profiles.set('file:///p/x.hire-profile.yaml', parseProfile('hire-profile: 1\nid: x\nquestions:\n  - id: cost\n    ask: "Rate: per day or per week?"\n', 'file:///p/x.hire-profile.yaml'));
    const text = 'hire: 1\nprofile: x\nquestions:\n  - |';
    assert.equal(applyCompletion(text, 'cost', getLanguageService({ profiles })), `hire: 1\nprofile: x\nquestions:\n  - id: cost\n    ask: "Rate: per day or per week?"`);
  });

  it('offers the schema question snippet too, and a dash on the items column', () => {
    assert.ok(labelsAt(`${ASKED}  - |`).includes('question'));
    assert.equal(
      applyCompletion(`${ASKED}  |`, 'question'),
      `${ASKED}  - id: question-id
    ask: The question?
    why: What the answer tells you
    listen_for:
      - Sign of a good answer
    red_flags:
      - Warning sign
    rubric:
      1: What a poor answer sounds like
      3: What an adequate answer sounds like
      5: What an excellent answer sounds like
    assesses:
      - skill-id`,
    );
  });

  it('offers skill ids of the brief and the profile in a flow `assesses`, without those listed', () => {
    const text = `${HEAD}skills:\n  - id: budgeting\n    name: Budgeting\nquestions:\n  - id: conflict\n    ask: How?\n    assesses: [problem-solving, |]\n`;
    assert.deepEqual(labelsAt(text), [
      'coordination', 'communication', 'accounting', 'computer', 'multitasking', 'teamwork', 'detail-and-big-picture', 'leadership', 'budgeting',
    ]);
    assert.equal(
      applyCompletion(text, 'communication'),
      `${HEAD}skills:\n  - id: budgeting\n    name: Budgeting\nquestions:\n  - id: conflict\n    ask: How?\n    assesses: [problem-solving, communication]\n`,
    );
    assert.equal(
      applyCompletion(`${HEAD}questions:\n  - id: conflict\n    assesses: [problem-solving, comm|]`, 'communication'),
      `${HEAD}questions:\n  - id: conflict\n    assesses: [problem-solving, communication]`,
    );
  });

  it('offers skill ids in a flow `assesses` that spans lines, without those listed on the lines above', () => {
    const text = `${HEAD}questions:\n  - id: conflict\n    ask: How?\n    assesses: [\n      problem-solving,\n      teamwork, |\n    ]\n`;
    assert.deepEqual(labelsAt(text), ['coordination', 'communication', 'accounting', 'computer', 'multitasking', 'detail-and-big-picture', 'leadership']);
    assert.equal(
      applyCompletion(text, 'leadership'),
      `${HEAD}questions:\n  - id: conflict\n    ask: How?\n    assesses: [\n      problem-solving,\n      teamwork, leadership\n    ]\n`,
    );
    // The second item typed on the line below an unclosed `[`.
    assert.equal(
      applyCompletion(`${HEAD}questions:\n  - id: conflict\n    assesses: [problem-solving,\n      communic|`, 'communication'),
      `${HEAD}questions:\n  - id: conflict\n    assesses: [problem-solving,\n      communication`,
    );
    assert.equal(applyCompletion(`${HEAD}skills: [\n  communication,\n  mul|\n]\n`, 'multitasking'), `${HEAD}skills: [\n  communication,\n  multitasking\n]\n`);
  });

  it("offers a profile's skills in its flow `assesses` that spans lines", () => {
    const text = 'hire-profile: 1\nid: apc\nextends: production-coordinator\nskills:\n  - id: filing\nquestions:\n  - id: q\n    assesses: [\n      communication,\n      fi|\n    ]\n';
    const service = getLanguageService();
    const offset = text.indexOf('|');
    const document = TextDocument.create('file:///team/apc.hire-profile.yaml', 'hire-profile-yaml', 1, text.slice(0, offset) + text.slice(offset + 1));
    const items = service.doComplete(document, document.positionAt(offset)).items;
    assert.deepEqual(items.map((item) => item.label), [
      'filing', 'coordination', 'problem-solving', 'accounting', 'computer', 'multitasking', 'teamwork', 'detail-and-big-picture', 'leadership',
    ]);
    const edit = items.find((item) => item.label === 'filing')!.textEdit as TextEdit;
    assert.equal(TextDocument.applyEdits(document, [edit]), text.replace('fi|', 'filing'));
  });
});

describe('completion of skills', () => {
  const LISTED = `${HEAD}skills:\n  - communication\n  - id: accounting\n`;

  it('offers the profile skill ids the brief lacks after `- `, with their names', () => {
    const items = completionsAt(`${LISTED}  - |`);
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [
      ['coordination', 'Coordinating a whole production'],
      ['problem-solving', 'Problem solving'],
      ['computer', 'Computer skills'],
      ['multitasking', 'Multitasking'],
      ['teamwork', 'Team player'],
      ['detail-and-big-picture', 'Details and the big picture'],
      ['leadership', 'Leadership and management style'],
      ['skill', 'A skill with need and evidence'],
    ]);
    assert.equal(applyCompletion(`${LISTED}  - mul|`, 'multitasking'), `${LISTED}  - multitasking`);
  });

  it('inserts a skill mapping from the schema snippet', () => {
    assert.equal(applyCompletion(`${LISTED}  - |`, 'skill'), `${LISTED}  - id: skill-id\n    need: required\n    evidence: How you will know`);
  });

  it('offers skill ids after `- id: `, and adds the dash on an empty line of the list', () => {
    assert.deepEqual(labelsAt(`${LISTED}  - id: co|`).slice(0, 2), ['coordination', 'problem-solving']);
    assert.equal(applyCompletion(`${LISTED}  |`, 'computer'), `${LISTED}  - computer`);
  });
});

describe('completion of waive ids', () => {
  it('offers the sections and questions the brief lacks, and every skill, not yet waived', () => {
    const head = `${HEAD}skills:\n  - id: budgeting\nquestions:\n  - id: conflict\n    ask: How?\nwaive:\n  authority: Decided by the producer.\n`;
    const labels = labelsAt(`${head}  |`);
    assert.deepEqual(labels, [
      'rate', 'workspace',
      'coordination', 'communication', 'problem-solving', 'accounting', 'computer', 'multitasking', 'teamwork', 'detail-and-big-picture', 'leadership', 'budgeting',
      'management-style', 'experience', 'superiors', 'detail-or-big-picture', 'decision-split', 'charges', 'needs-from-us',
    ]);
    assert.equal(applyCompletion(`${head}  |`, 'superiors'), `${head}  superiors: `);
  });
});

describe('completion in flow mappings', () => {
  it('offers currencies for the `currency` of a flow `rate`', () => {
    const text = 'hire: 1\nrate: {amount: 3, per: day, currency: |}';
    assert.deepEqual(labelsAt(text).slice(0, 3), ['USD', 'EUR', 'GBP']);
    assert.equal(applyCompletion(text, 'EUR'), 'hire: 1\nrate: {amount: 3, per: day, currency: EUR}');
    assert.equal(applyCompletion('hire: 1\nrate: {amount: 3, currency:|}', 'GBP'), 'hire: 1\nrate: {amount: 3, currency: GBP}');
  });

  it('offers the `office` values of a flow `workspace`', () => {
    assert.deepEqual(labelsAt('hire: 1\nworkspace: {office: |}'), ['provided', 'shared', 'remote', 'none']);
    assert.equal(applyCompletion('hire: 1\nworkspace: {tools: [Laptop], office: prov|}', 'provided'), 'hire: 1\nworkspace: {tools: [Laptop], office: provided}');
  });

  it('offers the keys a flow `rate` lacks, each as a plain `key: `', () => {
    const text = 'hire: 1\nrate: {amount: 3, |}';
    assert.deepEqual(labelsAt(text), ['currency', 'per', 'hours', 'max', 'kit_fee']);
    assert.equal(applyCompletion(text, 'per'), 'hire: 1\nrate: {amount: 3, per: }');
    assert.equal(applyCompletion('hire: 1\nrate: {amount: 3, cu|: USD}', 'currency'), 'hire: 1\nrate: {amount: 3, currency: USD}');
  });

  it('inserts an object or list key in a flow mapping without a block snippet', () => {
    assert.equal(applyCompletion('hire: 1\nrole: X\n{|}', 'rate'), 'hire: 1\nrole: X\n{rate: }');
    assert.equal(applyCompletion(`${HEAD}workspace: {office: shared, |}`, 'tools'), `${HEAD}workspace: {office: shared, tools: }`);
    assert.deepEqual(labelsAt('{|}').filter((label) => label.startsWith('hiring brief')), []);
  });

  it('offers the ids a flow `waive` does not name yet', () => {
    const text = `${HEAD}waive: {experience: x, |}`;
    const labels = labelsAt(text);
    assert.ok(labels.includes('superiors') && !labels.includes('experience'), labels.join());
    assert.equal(applyCompletion(text, 'superiors'), `${HEAD}waive: {experience: x, superiors: }`);
  });

  it('offers skill ids in a flow `assesses` of a flow question', () => {
    const text = `${HEAD}questions:\n  - {id: conflict, ask: "How", assesses: [problem-solving, comm|]}`;
    assert.ok(!labelsAt(text).includes('problem-solving'));
    assert.equal(applyCompletion(text, 'communication'), `${HEAD}questions:\n  - {id: conflict, ask: "How", assesses: [problem-solving, communication]}`);
  });

  it('offers question ids in a flow question of a flow list, and no whole question', () => {
    const text = `${HEAD}questions: [{id: conflict}, {id: |}]`;
    const items = completionsAt(text);
    assert.ok(items.every((item) => item.insertTextFormat !== InsertTextFormat.Snippet && !(item.textEdit as TextEdit).newText.includes('\n')));
    assert.deepEqual(items.map((item) => item.label).slice(0, 3), ['management-style', 'experience', 'superiors']);
    assert.equal(applyCompletion(text, 'superiors'), `${HEAD}questions: [{id: conflict}, {id: superiors}]`);
    assert.equal(applyCompletion(`${HEAD}questions: [{id: |}]`, 'experience'), `${HEAD}questions: [{id: experience}]`);
    assert.deepEqual(labelsAt(`${HEAD}questions: [|]`), []);
  });
});

describe('completion at the edges', () => {
  it('works at the end of a file without a trailing newline', () => {
    assert.equal(applyCompletion(`${HEAD}workspace:\n  office: provided\n  to|`, 'tools'), `${HEAD}workspace:\n  office: provided\n  tools:\n    - `);
  });

  it('keeps CRLF line breaks and UTF-16 positions', () => {
    const text = 'hire: 1\r\nrole: Coordinatrice de production — bureau\r\nprofile: production-coordinator\r\nrate:\r\n  amount: 1\r\n  |\r\n';
    assert.deepEqual(labelsAt(text), ['currency', 'per', 'hours', 'max', 'kit_fee']);
    assert.equal(applyCompletion(text, 'per'), text.replace('|', 'per: '));
    assert.equal(
      applyCompletion('hire: 1\r\nrole: Coordinatrice — bureau\r\nwo|\r\n', 'workspace'),
      "hire: 1\r\nrole: Coordinatrice — bureau\r\nworkspace:\r\n  office: provided\r\n  tools:\r\n    - Laptop with the production's scheduling software\r\n",
    );
  });

  it("follows the file's indentation and list style", () => {
    const text = 'hire: 1\nproject:\n    name: Night Market\nduties:\n- Call sheets\n';
    assert.equal(
      applyCompletion(`${text}wo|`, 'workspace'),
      `${text}workspace:\n    office: provided\n    tools:\n    - Laptop with the production's scheduling software`,
    );
    assert.equal(applyCompletion(`${text}ski|`, 'skills'), `${text}skills:\n- `);
  });

  it('offers a whole brief for the profile in an empty document', () => {
    const labels = labelsAt('|');
    assert.equal(labels.at(-1), 'hiring brief (production-coordinator)');
    assert.equal(labels[0], 'hire');
    const text = applyCompletion('|', 'hiring brief (production-coordinator)');
    assert.equal(
      text,
      `hire: 1
role: Production Coordinator
profile: production-coordinator
engagement: freelance
reports_to: Production Manager
project:
  name: Production name
  type: feature
  start: 2027-01-01
  end: 2027-03-31
  location: City, Region
summary: What the person will do
skills:
  - coordination
  - communication
  - problem-solving
  - accounting
  - computer
  - multitasking
  - teamwork
  - detail-and-big-picture
authority:
  decides:
    - Issue they resolve themselves
  escalates:
    - Issue passed up to the production manager
rate:
  amount: 0
  currency: USD
  per: day
  hours: 12
  max: 0
workspace:
  office: provided
  tools:
    - Laptop
questions:
  - id: management-style
    ask: What type of management style do you typically employ?
  - id: experience
    ask: What is your previous work experience?
  - id: conflict
    ask: How do you handle conflict?
  - id: superiors
    ask: Have you ever had a problem with your superiors?
  - id: detail-or-big-picture
    ask: Are you a details person or a big picture person?`,
    );
    const codes = getLanguageService().validate(brief(text)).map((diagnostic) => diagnostic.code);
    assert.deepEqual(codes.filter((code) => code === 'schema' || code === 'yaml-syntax'), []);
  });

  it('does not offer the skeleton once the brief has keys', () => {
    assert.ok(!labelsAt(`${HEAD}|`).some((label) => label.startsWith('hiring brief')));
  });

  it('works on a sample', () => {
    const text = sample('gaps.hire.yaml').getText().replace('questions:                             # missing-question: several of the guide\'s questions\n', (line) => `${line}  - id: |\n`);
    assert.deepEqual(labelsAt(text).slice(0, 2), ['management-style', 'detail-or-big-picture']);
  });
});

describe('completion inside an existing item', () => {
  const ITEM = `${HEAD}questions:\n  - |id: conflict\n    ask: How do you handle conflict?\n`;

  it('offers at the start of a key on the dash line only the keys the item lacks, renaming that key', () => {
    assert.deepEqual(labelsAt(ITEM), ['why', 'listen_for', 'red_flags', 'rubric', 'assesses']);
    assert.deepEqual(labelsAt(ITEM.replace('|id', 'i|d')), ['why', 'listen_for', 'red_flags', 'rubric', 'assesses']);
    assert.equal(applyCompletion(ITEM, 'why'), ITEM.replace('|id', 'why'));
    assert.deepEqual(labelsAt(`${HEAD}skills:\n  - |id: accounting\n    need: required\n`), ['evidence', 'name', 'about']);
  });

  it('leaves the item valid YAML, its other keys untouched, whatever is accepted', () => {
    const places = [
      ITEM,
      ITEM.replace('|id', 'id|'),
      `${HEAD}questions:\n  - id: a\n    ask: b\n  - |id: conflict\n    why: x\n`,
      `${HEAD}questions:\n  - |\n    ask: How?\n`,
      `${HEAD}skills:\n  - |id: accounting\n    need: required\n`,
      `${HEAD}skills:\n  - |accounting\n`,
    ];
    for (const text of places) {
      const labels = labelsAt(text);
      assert.ok(labels.length > 0, text);
      for (const label of labels) {
        const result = applyCompletion(text, label);
        const codes = getLanguageService().validate(brief(result)).map((diagnostic) => diagnostic.code);
        assert.ok(!codes.includes('yaml-syntax'), `${label} at ${JSON.stringify(text)} gives:\n${result}`);
        for (const line of text.slice(text.indexOf('|')).split('\n').slice(1)) assert.ok(result.includes(line), `${label} keeps ${line}`);
      }
    }
  });

  it('offers the keys an item lacks on its empty dash line above its other keys, not a new item', () => {
    const text = `${HEAD}questions:\n  - |\n    ask: How?\n`;
    assert.deepEqual(labelsAt(text), ['id', 'why', 'listen_for', 'red_flags', 'rubric', 'assesses']);
    assert.equal(applyCompletion(text, 'id'), `${HEAD}questions:\n  - id: \n    ask: How?\n`);
  });

  it('offers nothing on the dash of an existing item, nor an item of several lines before text on its line', () => {
    assert.deepEqual(labelsAt(`${HEAD}questions:\n  |- id: conflict\n`), []);
    assert.deepEqual(labelsAt(`${HEAD}questions:\n  -| id: conflict\n`), []);
    assert.deepEqual(labelsAt(`${HEAD}questions:\n  - |Conflict at work\n`), []);
    // A new item is still a whole question, and a scalar item is still replaced whole.
    assert.ok(labelsAt(`${HEAD}questions:\n  - id: conflict\n  - |\n`).includes('superiors'));
    assert.equal(applyCompletion(`${HEAD}skills:\n  - |accounting # theirs\n`, 'computer'), `${HEAD}skills:\n  - computer # theirs\n`);
  });
});

describe('completion for a client without snippet support', () => {
  const plain = getLanguageService({ snippetSupport: false });

  it('sends plain text with no placeholders, inserting what the snippet would', () => {
    const places: [string, string][] = [
      ['|', 'hiring brief (production-coordinator)'],
      [`${HEAD}ra|`, 'rate'],
      [`${HEAD}|`, 'duties'],
      [`${HEAD}questions:\n  - id: conflict\n  - |\n`, 'superiors'],
      [`${HEAD}questions:\n  - id: conflict\n  - |\n`, 'question'],
      [`${HEAD}skills:\n  - |`, 'skill'],
    ];
    for (const [text, label] of places) {
      const items = completionsAt(text, plain);
      for (const item of items) {
        assert.equal(item.insertTextFormat, InsertTextFormat.PlainText, item.label);
        assert.doesNotMatch((item.textEdit as TextEdit).newText, /\$\d|\$\{/, item.label);
      }
      assert.equal(applyCompletion(text, label, plain), applyCompletion(text, label), `${label} at ${JSON.stringify(text)}`);
    }
    assert.equal(applyCompletion(`${HEAD}ra|`, 'rate', plain), `${HEAD}rate:\n  amount: 0\n  currency: USD\n  per: day\n  hours: 12\n  max: 0`);
    assert.equal(applyCompletion(`${HEAD}|`, 'duties', plain), `${HEAD}duties:\n  - `);
  });

  it("keeps a profile's text as written: no snippet escapes", () => {
    const profiles = ProfileRegistry.withBuiltins();
    profiles.set('file:///p/x.hire-profile.yaml', parseProfile('hire-profile: 1\nid: x\nquestions:\n  - id: cost\n    ask: "What is $5 {per} day \\\\ week?"\n', 'file:///p/x.hire-profile.yaml'));
    const text = 'hire: 1\nprofile: x\nquestions:\n  - |';
    const expected = 'hire: 1\nprofile: x\nquestions:\n  - id: cost\n    ask: What is $5 {per} day \\ week?';
    const item = completionsAt(text, getLanguageService({ profiles, snippetSupport: false })).find((candidate) => candidate.label === 'cost')!;
    assert.equal((item.textEdit as TextEdit).newText, 'id: cost\n    ask: What is $5 {per} day \\ week?');
    assert.equal(applyCompletion(text, 'cost', getLanguageService({ profiles, snippetSupport: false })), expected);
    assert.equal(applyCompletion(text, 'cost', getLanguageService({ profiles })), expected);
  });

  it('sends snippets by default, to a client that takes them', () => {
    const item = completionsAt(`${HEAD}questions:\n  - id: conflict\n  - |\n`).find((candidate) => candidate.label === 'question')!;
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.match((item.textEdit as TextEdit).newText, /^id: \$\{1:question-id\}/);
  });
});
