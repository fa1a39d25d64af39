/**
 * Editing a role profile document (`*.hire-profile.yaml`): completion, hover
 * and the outline, driven by the profile schema and the other profiles; and
 * the brief's own completions kept out of profiles and the other way round.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, SymbolKind, type CompletionItem, type DocumentSymbol, type MarkupContent, type Position, type TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { builtinProfileTexts, builtinProfileUri } from '../../server/src/service/profiles';
import { schemaAt, schemaOf } from '../../server/src/service/schema';
import { labelsAt, snippetText } from '../support/completion';

const URI = 'file:///team/line-producer.hire-profile.yaml';
const schema = schemaOf('profile');

function profile(name: string, text: string): TextDocument {
  return TextDocument.create(`file:///team/${name}.hire-profile.yaml`, 'hire-profile-yaml', 1, text);
}

/**
 * A service whose registry holds the built-in profile and these workspace
 * ones: a gaffer, and a unit production manager that extends the line
 * producer (so the line producer cannot extend it).
 */
function workspaceService(): LanguageService {
  const service = getLanguageService();
  service.updateProfile(profile('gaffer', 'hire-profile: 1\nid: gaffer\ntitle: Gaffer\nabout: Heads the lighting department.\n'));
  service.updateProfile(profile('upm', 'hire-profile: 1\nid: unit-production-manager\ntitle: Unit Production Manager\nextends: line-producer\n'));
  return service;
}

/** The profile document at `URI` holding a text with one `|`, and the cursor's position; the registry holds it, as the server's would. */
function withCursor(text: string, service: LanguageService): { document: TextDocument; position: Position } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('no | cursor in the text');
  const document = TextDocument.create(URI, 'hire-profile-yaml', 1, text.slice(0, offset) + text.slice(offset + 1));
  service.updateProfile(document);
  return { document, position: document.positionAt(offset) };
}

function completionsAt(text: string, service = workspaceService()): CompletionItem[] {
  const { document, position } = withCursor(text, service);
  return service.doComplete(document, position).items;
}

function labels(text: string, service = workspaceService()): string[] {
  return completionsAt(text, service).map((item) => item.label);
}

/** The whole text after accepting the completion with this label (snippet placeholders at their defaults). */
function apply(text: string, label: string, service = workspaceService()): string {
  const { document, position } = withCursor(text, service);
  const item = service.doComplete(document, position).items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no completion '${label}' at the cursor`);
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? snippetText(edit.newText) : edit.newText;
  return TextDocument.applyEdits(document, [{ range: edit.range, newText }]);
}

/** The hover at the `|` cursor: its markdown and the text its range covers, or null. */
function hoverAt(text: string, service = workspaceService()): { markdown: string; covers: string } | null {
  const { document, position } = withCursor(text, service);
  const hover = service.doHover(document, position);
  if (!hover) return null;
  return { markdown: (hover.contents as MarkupContent).value, covers: document.getText(hover.range!) };
}

const HEAD = 'hire-profile: 1\nid: line-producer\ntitle: Line Producer\n';

describe('completion of profile keys', () => {
  it('offers the root keys the profile lacks, in the schema order, with their descriptions', () => {
    const items = completionsAt(`${HEAD}|`);
    assert.deepEqual(items.map((item) => item.label), ['aliases', 'extends', 'about', 'sections', 'skills', 'questions']);
    const extendsItem = items[1];
    assert.equal(extendsItem.kind, CompletionItemKind.Property);
    assert.equal(extendsItem.detail, 'Id of a profile to inherit sections, skills and questions from.');
    assert.equal((extendsItem.documentation as MarkupContent).value, schema.properties!.extends.markdownDescription);
    assert.equal(extendsItem.command?.command, 'editor.action.triggerSuggest');
  });

  it('replaces the partly typed key: `hire-profile: 1`, a value, a list, the usual sections', () => {
    assert.equal(apply('id: line-producer\nhi|', 'hire-profile'), 'id: line-producer\nhire-profile: 1');
    assert.equal(apply(`${HEAD}ext|\n`, 'extends'), `${HEAD}extends: \n`);
    assert.equal(apply(`${HEAD}sk|`, 'skills'), `${HEAD}skills:\n  - `);
    assert.equal(apply(`${HEAD}sec|`, 'sections'), `${HEAD}sections:\n  - skills\n  - authority\n  - rate\n  - workspace\n  - questions`);
    // A key that has its `:` is only renamed.
    assert.equal(apply(`${HEAD}abut|: Runs the money\n`, 'about'), `${HEAD}about: Runs the money\n`);
  });

  it('offers the keys of a skill item it does not have yet, and replaces the typed word there', () => {
    const text = `${HEAD}skills:\n  - id: budgeting\n    name: Budgeting\n    |\n`;
    assert.deepEqual(labels(text), ['need', 'about', 'evidence']);
    assert.equal(apply(`${HEAD}skills:\n  - id: budgeting\n    ne|\n`, 'need'), `${HEAD}skills:\n  - id: budgeting\n    need: \n`);
  });

  it('offers the keys of a question item it does not have yet, lists with a first dash', () => {
    const text = `${HEAD}questions:\n  - id: cost-report\n    ask: How do you build a cost report?\n    |\n`;
    assert.deepEqual(labels(text), ['why', 'listen_for', 'red_flags', 'rubric', 'assesses', 'priority']);
    assert.equal(apply(text, 'listen_for'), `${HEAD}questions:\n  - id: cost-report\n    ask: How do you build a cost report?\n    listen_for:\n      - \n`);
  });

  it('offers a whole profile from the schema in an empty document, and no brief', () => {
    const all = labels('|');
    assert.deepEqual(all, ['hire-profile', 'id', 'title', 'aliases', 'extends', 'about', 'sections', 'skills', 'questions', 'role profile']);
    assert.equal(
      apply('|', 'role profile'),
      [
        'hire-profile: 1',
        'id: role-id',
        'title: Role title',
        'aliases:',
        '  - Other title',
        'about: What the role is',
        'sections:',
        '  - skills',
        '  - authority',
        '  - rate',
        '  - workspace',
        '  - questions',
        'skills:',
        '  - id: skill-id',
        '    name: Skill name',
        '    need: required',
        '    about: Why it matters',
        '    evidence: How you would know',
        'questions:',
        '  - id: question-id',
        '    ask: The question?',
        '    why: What it tells you',
        '    listen_for:',
        '      - Sign of a good answer',
        '    assesses:',
        '      - skill-id',
        '    priority: required',
      ].join('\n'),
    );
  });

  it('offers the schema snippet of a skill and of a question on a new item', () => {
    assert.deepEqual(labels(`${HEAD}skills:\n  - |`), ['skill']);
    assert.equal(
      apply(`${HEAD}skills:\n  |`, 'skill'),
      `${HEAD}skills:\n  - id: skill-id\n    name: Skill name\n    need: required\n    about: Why it matters\n    evidence: How you would know`,
    );
    assert.deepEqual(labels(`${HEAD}questions:\n  - |`), ['question']);
  });
});

describe('completion of profile values', () => {
  it('offers the `need` of a skill and the `priority` of a question, with their descriptions', () => {
    const needs = completionsAt(`${HEAD}skills:\n  - id: budgeting\n    need: |\n`);
    assert.deepEqual(needs.map((item) => [item.label, item.kind, item.detail]), [
      ['required', CompletionItemKind.EnumMember, 'A candidate must have this skill.'],
      ['preferred', CompletionItemKind.EnumMember, 'Nice to have; it will not rule a candidate out.'],
    ]);
    const text = `${HEAD}questions:\n  - id: cost-report\n    priority: rec|\n`;
    assert.deepEqual(labels(text), ['required', 'recommended']);
    assert.equal(apply(text, 'recommended'), `${HEAD}questions:\n  - id: cost-report\n    priority: recommended\n`);
    const item = completionsAt(text).find((candidate) => candidate.label === 'recommended')!;
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 5, character: 14 }, end: { line: 5, character: 17 } });
  });

  it('offers the sections not listed yet', () => {
    const text = `${HEAD}sections:\n  - rate\n  - |\n  - questions\n`;
    assert.deepEqual(labels(text), ['skills', 'authority', 'workspace', 'project', 'summary', 'duties', 'engagement', 'reports_to', 'apply']);
    assert.equal(apply(`${HEAD}sections: [rate, sum|]\n`, 'summary'), `${HEAD}sections: [rate, summary]\n`);
  });

  it('offers `extends` the other profiles with their titles: not itself, not one that extends it', () => {
    const items = completionsAt(`${HEAD}extends: |\n`);
    assert.deepEqual(items.map((item) => [item.label, item.kind, item.detail]), [
      ['gaffer', CompletionItemKind.Module, 'Gaffer'],
      ['production-coordinator', CompletionItemKind.Module, 'Production Coordinator'],
    ]);
    assert.equal((items[0].documentation as MarkupContent).value, 'Heads the lighting department.');
    assert.equal(apply(`${HEAD}extends: prod|\n`, 'production-coordinator'), `${HEAD}extends: production-coordinator\n`);
  });

  it("offers `assesses` the profile's own skill ids not listed yet, in a flow and a block list", () => {
    const skills = `${HEAD}skills:\n  - id: budgeting\n    name: Budgeting\n  - id: scheduling\n    name: Scheduling\n  - id: negotiation\n`;
    const flow = `${skills}questions:\n  - id: cost-report\n    assesses: [scheduling, |]\n`;
    assert.deepEqual(completionsAt(flow).map((item) => [item.label, item.detail]), [['budgeting', 'Budgeting'], ['negotiation', undefined]]);
    assert.equal(apply(flow, 'budgeting'), `${skills}questions:\n  - id: cost-report\n    assesses: [scheduling, budgeting]\n`);
    const block = `${skills}questions:\n  - id: cost-report\n    assesses:\n      - budgeting\n      - neg|\n`;
    assert.deepEqual(labels(block), ['scheduling', 'negotiation']);
    assert.equal(apply(block, 'negotiation'), `${skills}questions:\n  - id: cost-report\n    assesses:\n      - budgeting\n      - negotiation\n`);
    // On the items' column before the dash is typed, the dash comes with the id.
    assert.equal(
      apply(`${skills}questions:\n  - id: cost-report\n    assesses:\n      |\n`, 'scheduling'),
      `${skills}questions:\n  - id: cost-report\n    assesses:\n      - scheduling\n`,
    );
  });

  it('offers `assesses` the parent profile skills after its own, with the names the parent gives', () => {
    const text = 'hire-profile: 1\nid: apc\nextends: production-coordinator\nskills:\n  - id: accounting\n  - id: filing\n    name: Filing\nquestions:\n  - id: q\n    assesses: [|]\n';
    assert.deepEqual(completionsAt(text).map((item) => [item.label, item.detail]), [
      ['accounting', 'Basic accounting'],
      ['filing', 'Filing'],
      ['coordination', 'Coordinating a whole production'],
      ['communication', 'Effective communication'],
      ['problem-solving', 'Problem solving'],
      ['computer', 'Computer skills'],
      ['multitasking', 'Multitasking'],
      ['teamwork', 'Team player'],
      ['detail-and-big-picture', 'Details and the big picture'],
      ['leadership', 'Leadership and management style'],
    ]);
  });
});

describe('completion keeps briefs and profiles apart', () => {
  it('gives a profile none of the brief ids, profiles, currencies or snippets', () => {
    // A brief completes these from its profile; in a profile they are ids of its own.
    assert.deepEqual(labels(`${HEAD}skills:\n  - id: |\n`), []);
    assert.deepEqual(labels(`${HEAD}questions:\n  - id: |\n`), []);
    assert.deepEqual(labels(`${HEAD}skills:\n  - |`), ['skill']);
    assert.ok(!labels('|').some((label) => label.startsWith('hiring brief')));
  });

  it('gives a brief none of the profile keys and no role profile skeleton', () => {
    const brief = labelsAt('|');
    assert.ok(brief.includes('hire') && !brief.includes('hire-profile') && !brief.includes('extends'));
    assert.ok(!brief.includes('role profile'));
    assert.deepEqual(labelsAt('hire: 1\nquestions:\n  - id: q\n    |\n'), ['ask', 'why', 'listen_for', 'red_flags', 'rubric', 'assesses']);
  });
});

describe('hover in a profile', () => {
  it('explains a key with the profile schema, at the top and in items', () => {
    assert.deepEqual(hoverAt(`${HEAD}ext|ends: production-coordinator\n`), { markdown: schema.properties!.extends.markdownDescription, covers: 'extends' });
    assert.deepEqual(hoverAt(`hire-pro|file: 1\nid: line-producer\n`), { markdown: 'The version of the profile format. Always `1` for now.', covers: 'hire-profile' });
    assert.deepEqual(hoverAt(`${HEAD}questions:\n  - id: cost-report\n    prio|rity: required\n`), {
      markdown: schemaAt(['questions', 0, 'priority'], 'profile')!.markdownDescription,
      covers: 'priority',
    });
    assert.deepEqual(hoverAt(`${HEAD}skills:\n  - i|d: budgeting\n`), {
      markdown: "The skill's kebab-case id, used by briefs in `skills` and by questions in `assesses`.",
      covers: 'id',
    });
  });

  it('explains an enum value', () => {
    assert.deepEqual(hoverAt(`${HEAD}questions:\n  - id: cost-report\n    priority: recomm|ended\n`), {
      markdown: 'Briefs should include this question; a missing one is reported as **information**.',
      covers: 'recommended',
    });
    assert.deepEqual(hoverAt(`${HEAD}sections: [rate, work|space]\n`), { markdown: 'The brief must describe the workspace.', covers: 'workspace' });
  });

  it('shows the parent profile an `extends` value names, and nothing for an unknown one', () => {
    assert.deepEqual(hoverAt(`${HEAD}extends: gaf|fer\n`), { markdown: '**Gaffer** (`gaffer`)\n\nHeads the lighting department.', covers: 'gaffer' });
    assert.match(hoverAt(`${HEAD}extends: production-coord|inator\n`)?.markdown ?? '', /^\*\*Production Coordinator\*\* \(`production-coordinator`\)\n\nThe production coordinator/);
    assert.equal(hoverAt(`${HEAD}extends: key-g|rip\n`), null);
  });

  it("shows an assessed skill and an entry's question with the profile's fields over its parent's", () => {
    const text = [
      'hire-profile: 1',
      'id: apc',
      'extends: production-coordinator',
      'skills:',
      '  - id: accounting',
      '    need: preferred',
      'questions:',
      '  - id: superiors',
      '    priority: recommended',
      '    assesses: [accou|nting]',
      '',
    ].join('\n');
    assert.deepEqual(hoverAt(text)?.markdown.split('\n\n')[0], '**Basic accounting** (`accounting`): preferred skill');
    assert.deepEqual(hoverAt(text.replace('|', '').replace('id: superiors', 'id: superi|ors'))?.markdown.split('\n\n')[0], '**Have you ever had a problem with your superiors?** (`superiors`, recommended)');
  });

  it('says nothing on free text or an unknown key, and no brief hover leaks in', () => {
    assert.equal(hoverAt(`${HEAD}about: Runs the mo|ney\n`), null);
    assert.equal(hoverAt(`${HEAD}bo|nus: 3\n`), null);
    // `role` and `profile` are brief keys: in a profile they are unknown.
    assert.equal(hoverAt(`${HEAD}pro|file: production-coordinator\n`), null);
    assert.equal(hoverAt(`${HEAD}profile: production-coor|dinator\n`), null);
  });
});

describe('the outline of a profile', () => {
  /** A symbol as `name [detail] range-text | selection-text`, children indented. */
  function outline(document: TextDocument, symbols: DocumentSymbol[], indent = ''): string[] {
    return symbols.flatMap((symbol) => [
      `${indent}${symbol.name}${symbol.detail ? ` [${symbol.detail}]` : ''} ${JSON.stringify(document.getText(symbol.range))} | ${JSON.stringify(document.getText(symbol.selectionRange))}`,
      ...outline(document, symbol.children ?? [], `${indent}  `),
    ]);
  }

  it('lists the keys with the id and title, skills by id with their name and questions by id with their ask', () => {
    const service = workspaceService();
    const document = profile(
      'apc',
      [
        'hire-profile: 1',
        'id: apc   # the id',
        'title: Assistant Production Coordinator',
        'extends: production-coordinator',
        'sections: [skills, rate]',
        'skills:',
        '  - id: accounting',
        '    need: preferred',
        '  - id: filing',
        '    name: Filing',
        'questions:',
        '  - id: conflict',
        '    ask: Two departments want the same van. What do you do?',
        '  - id: superiors',
        '    priority: recommended',
        '',
        '# the end',
        '',
      ].join('\n'),
    );
    service.updateProfile(document);
    const symbols = service.findDocumentSymbols(document);
    assert.deepEqual(outline(document, symbols), [
      'hire-profile [1] "hire-profile: 1" | "hire-profile"',
      'id [apc] "id: apc" | "id"',
      'title [Assistant Production Coordinator] "title: Assistant Production Coordinator" | "title"',
      'extends [production-coordinator] "extends: production-coordinator" | "extends"',
      'sections "sections: [skills, rate]" | "sections"',
      'skills "skills:\\n  - id: accounting\\n    need: preferred\\n  - id: filing\\n    name: Filing" | "skills"',
      '  accounting [Basic accounting] "id: accounting\\n    need: preferred" | "accounting"',
      '  filing [Filing] "id: filing\\n    name: Filing" | "filing"',
      'questions "questions:\\n  - id: conflict\\n    ask: Two departments want the same van. What do you do?\\n  - id: superiors\\n    priority: recommended" | "questions"',
      '  conflict [Two departments want the same van. What do you do?] "id: conflict\\n    ask: Two departments want the same van. What do you do?" | "conflict"',
      '  superiors [Have you ever had a problem with your superiors?] "id: superiors\\n    priority: recommended" | "superiors"',
    ]);
    assert.deepEqual(
      symbols.map((symbol) => symbol.kind),
      [SymbolKind.Number, SymbolKind.String, SymbolKind.String, SymbolKind.String, SymbolKind.Array, SymbolKind.Array, SymbolKind.Array],
    );
    assert.deepEqual([symbols[5].children![0].kind, symbols[6].children![0].kind], [SymbolKind.Field, SymbolKind.Event]);
    assert.deepEqual(symbols[6].children![1].selectionRange, { start: { line: 13, character: 8 }, end: { line: 13, character: 17 } });
  });

  it('outlines the built-in profile: nine skills and eight questions', () => {
    const service = getLanguageService();
    const document = profile('production-coordinator', builtinProfileTexts.get(builtinProfileUri('production-coordinator'))!);
    const symbols = service.findDocumentSymbols(document);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['hire-profile', 'id', 'title', 'aliases', 'about', 'sections', 'skills', 'questions']);
    assert.equal(symbols.find((symbol) => symbol.name === 'skills')!.children!.length, 9);
    assert.deepEqual(symbols.find((symbol) => symbol.name === 'questions')!.children!.map((symbol) => symbol.name), [
      'management-style', 'experience', 'conflict', 'superiors', 'detail-or-big-picture', 'decision-split', 'charges', 'needs-from-us',
    ]);
  });

  it('has no outline for a profile that is not a mapping', () => {
    const service = getLanguageService();
    assert.deepEqual(service.findDocumentSymbols(profile('list', '- a\n- b\n')), []);
    assert.deepEqual(service.findDocumentSymbols(profile('empty', '')), []);
  });
});
