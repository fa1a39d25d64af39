import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/languageService';
import { ProfileRegistry } from '../../server/src/service/profiles';
import { schemaOf } from '../../server/src/service/schema';
import { brief, withCursor } from '../support/documents';

const service = getLanguageService();
const schema = schemaOf('brief');

/** The hover at the `|` cursor: its markdown and the text its range covers, or null. */
function hoverAt(text: string): { markdown: string; covers: string } | null {
  const { document, position } = withCursor(text);
  const hover = service.doHover(document, position);
  if (!hover) return null;
  return { markdown: (hover.contents as MarkupContent).value, covers: document.getText(hover.range!) };
}

const HEAD = 'hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\n';

describe('hover on keys', () => {
  it('explains a top-level key with its schema description, over the key', () => {
    assert.deepEqual(hoverAt('hire: 1\nro|le: Production Coordinator\n'), { markdown: schema.properties!.role.markdownDescription, covers: 'role' });
    assert.deepEqual(hoverAt(`${HEAD}w|orkspace:\n  office: provided\n  tools: [Laptop]\n`), { markdown: schema.properties!.workspace.markdownDescription, covers: 'workspace' });
  });

  it('explains nested keys and keys of list items', () => {
    assert.deepEqual(hoverAt(`${HEAD}rate:\n  amount: 350\n  p|er: day\n`), {
      markdown: 'The unit the amount pays for. Day rates are common for freelance coordinators; `project` means a flat fee.',
      covers: 'per',
    });
    assert.deepEqual(hoverAt(`${HEAD}questions:\n  - id: conflict\n    listen|_for: [Examples]\n`), {
      markdown: 'What a good answer contains. For *Are you a details person or a big picture person?* the guide says to listen for *a little of both*.',
      covers: 'listen_for',
    });
    assert.deepEqual(hoverAt(`${HEAD}skills:\n  - i|d: accounting\n`), {
      markdown: "The skill's kebab-case id, such as `communication` or `problem-solving`. Use a profile's id to inherit its name, need and description; a new id adds a skill of your own.",
      covers: 'id',
    });
  });

  it('explains an enum value', () => {
    assert.deepEqual(hoverAt(`${HEAD}workspace:\n  office: no|ne\n`), {
      markdown: 'No workspace is provided. The guide calls this unwise, so it raises the `no-workspace` warning.',
      covers: 'none',
    });
  });

  it('says nothing on free text, whitespace or an unknown key', () => {
    assert.equal(hoverAt('hire: 1\nrole: Production Coor|dinator\n'), null);
    assert.equal(hoverAt('hire: 1\n|\nrole: x\n'), null);
    assert.equal(hoverAt('hire: 1\nbo|nus: 3\n'), null);
  });
});

describe('hover on profiles, skills and questions', () => {
  it('shows the profile a `profile` value names', () => {
    assert.deepEqual(hoverAt('hire: 1\nprofile: production-coor|dinator\n'), {
      markdown:
        '**Production Coordinator** (`production-coordinator`)\n\nThe production coordinator (also production office coordinator, or POC) runs the production office for the production manager: the hub that keeps paperwork, people and plans moving. Much of the job is making sure every department has what it needs on the day, switching between tasks as the shoot changes.',
      covers: 'production-coordinator',
    });
    assert.equal(hoverAt('hire: 1\nprofile: key-g|rip\n'), null);
  });

  it("shows a shorthand skill from the profile: name, need, why it matters, the profile's evidence as a suggestion, and that nothing assesses it", () => {
    assert.deepEqual(hoverAt(`${HEAD}skills:\n  - communi|cation\n`), {
      markdown:
        '**Effective communication** (`communication`): required skill\n\nCast, crew and the office learn most of what changes through the coordinator, so what they send out has to be clear, complete and on time.\n\n' +
        "*Suggested evidence* (the profile's hint, not an assessment until the brief writes its own `evidence`): A clear, well-organized application and answers; references who say they kept people informed.\n\n" +
        '*Not assessed yet:* no question assesses it and the brief gives no evidence of its own.',
      covers: 'communication',
    });
    // The check agrees: the hint alone does not assess the skill.
    assert.deepEqual(service.validate(brief(`${HEAD}skills:\n  - communication\n`)).filter((d) => d.code === 'unassessed-skill').map((d) => (d.data as { id: string }).id), ['communication']);
  });

  it('names the questions that assess a skill, inherited from the profile too, and leaves out a waived one', () => {
    const text = `${HEAD}skills:\n  - communi|cation\nquestions:\n  - id: conflict\n    ask: How?\n`;
    assert.match(hoverAt(text)!.markdown, /\n\n\*Assessed by:\* `conflict`$/);
    assert.doesNotMatch(hoverAt(`${HEAD}skills:\n  - communi|cation\nwaive:\n  communication: Known.\n`)!.markdown, /Not assessed/);
  });

  it("shows the brief's own fields over the profile's, also where `assesses` names the skill", () => {
    const text = `${HEAD}skills:\n  - id: leadership\n    need: required\n    evidence: Ran an office of four\nquestions:\n  - id: conflict\n    ask: How?\n    assesses: [communication, leader|ship]\n`;
    assert.deepEqual(hoverAt(text), {
      markdown:
        '**Leadership and management style** (`leadership`): required skill\n\nThe coordinator pulls the team together, so the way they lead shapes the way the production is coordinated.\n\n*Evidence:* Ran an office of four\n\n*Assessed by:* `conflict`',
      covers: 'leadership',
    });
    assert.deepEqual(hoverAt(`${HEAD}skills:\n  - id: budg|eting\n    name: Budgeting\n`), {
      markdown: '**Budgeting** (`budgeting`): required skill\n\n*Not assessed yet:* no question assesses it and the brief gives no evidence of its own.',
      covers: 'budgeting',
    });
  });

  it('shows a question: the ask, why, what to listen for, red flags, the rubric and the skills it assesses', () => {
    const rubric = ProfileRegistry.withBuiltins().get('production-coordinator')!.questions.find((question) => question.id === 'superiors')!.rubric!;
    assert.deepEqual(hoverAt(`${HEAD}questions:\n  - id: superi|ors\n    ask: Any trouble with a boss?\n`), {
      markdown: [
        '**Any trouble with a boss?** (`superiors`, required)',
        'However independent the job, the coordinator answers to the production manager, so you want someone who can disagree with a boss and still pull with the team.',
        '**Listen for**\n- A candid example, handled with respect and brought to an end\n- Taking a disagreement to the right person',
        '**Red flags**\n- Runs down former managers\n- Says they have never disagreed with anyone',
        `**Rubric**\n- **1** ${rubric[1]}\n- **3** ${rubric[3]}\n- **5** ${rubric[5]}`,
        '**Assesses:** `teamwork`',
      ].join('\n\n'),
      covers: 'superiors',
    });
  });

  it('shows what a waived id stands for', () => {
    assert.deepEqual(hoverAt(`${HEAD}waive:\n  charg|es: Fixed by the union agreement.\n`)?.markdown.split('\n\n')[0], '**What do you charge, and what hours does that cover?** (`charges`, recommended)');
    assert.deepEqual(hoverAt(`${HEAD}waive:\n  author|ity: Decided by the producer.\n`), { markdown: schema.properties!.authority.markdownDescription, covers: 'authority' });
  });

  it('counts positions in UTF-16 on CRLF lines', () => {
    const hover = hoverAt('hire: 1\r\nrole: Coordinatrice — 🎬\r\nprofile: production-coordinator\r\nskills:\r\n  - teamw|ork\r\n');
    assert.equal(hover?.covers, 'teamwork');
    assert.match(hover!.markdown, /^\*\*Team player\*\* \(`teamwork`\): required skill/);
  });
});
