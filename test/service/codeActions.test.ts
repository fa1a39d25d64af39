import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { ADD_MISSING_KIND, WAIVE_REASON } from '../../server/src/service/codeActions';
import { getLanguageService } from '../../server/src/service/languageService';
import { brief, sample } from '../support/documents';

const service = getLanguageService();
const EVERYWHERE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** The code actions for every diagnostic of a document. */
function actionsOf(document: TextDocument, only?: string[]): CodeAction[] {
  const diagnostics = service.validate(document);
  return service.getCodeActions(document, EVERYWHERE, { diagnostics, only });
}

function titles(text: string): string[] {
  return actionsOf(brief(text)).map((action) => action.title);
}

/** A document's text after an action's edit. */
function applied(document: TextDocument, action: CodeAction): string {
  return TextDocument.applyEdits(document, action.edit!.changes![document.uri]);
}

/**
 * The whole text after applying the action with this title, checked to
 * validate: no schema or YAML error, and the findings it addresses are gone.
 */
function fix(text: string, title: string): string {
  const document = brief(text);
  const action = actionsOf(document).find((candidate) => candidate.title === title);
  assert.ok(action, `no action '${title}' among ${JSON.stringify(actionsOf(document).map((candidate) => candidate.title))}`);
  const result = applied(document, action);
  const after = service.validate(brief(result));
  assert.deepEqual(after.filter((d) => d.code === 'schema' || d.code === 'yaml-syntax').map((d) => d.message), []);
  for (const fixed of action.diagnostics ?? []) {
    const still = after.find((d) => d.code === fixed.code && JSON.stringify(d.data) === JSON.stringify(fixed.data));
    assert.equal(still, undefined, `still reported: ${fixed.message}`);
  }
  return result;
}

const HEAD = 'hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\n';

/** The built-in profile's `detail-or-big-picture` question, as an item at column 0 of a list indented by two. */
const DETAIL_ITEM = `- id: detail-or-big-picture
  ask: Are you a details person or a big picture person?
  why: The job needs both sides; the answer to hope for mixes care for the details with a view of the whole.
  listen_for:
    - A little of both
    - Moments they moved from the fine print to the overall plan and back
  red_flags:
    - Treats one side as beneath them
  assesses: [detail-and-big-picture]
`;

/** Indents every line of a block. */
function indent(block: string, spaces: number): string {
  return block.replace(/^(?=.)/gm, ' '.repeat(spaces));
}

describe('missing-question', () => {
  it('adds to a flow list of questions in flow style, its assesses a flow list', () => {
    const text = `${HEAD}questions: [{id: conflict, ask: How do you handle conflict?}]\n`;
    const result = fix(text, "Add interview question 'management-style'");
    assert.match(result, /^questions: \[\{id: conflict, ask: How do you handle conflict\?\}, \{id: management-style, ask: What type of management style do you typically employ\?, .*assesses: \[leadership, coordination\]\}\]$/m);
  });

  it('appends the question after the last item and the comments indented under it, before a comment at the item column', () => {
    const text = `${HEAD}questions:
  - id: experience
    ask: What is your previous work experience?
  # between items
  - id: superiors   # same-line comment
    ask: Have you ever had a problem with your superiors?
    # about superiors
  # after the last item
waive:
  skills: Not here.
`;
    assert.equal(
      fix(text, "Add interview question 'detail-or-big-picture'"),
      `${HEAD}questions:
  - id: experience
    ask: What is your previous work experience?
  # between items
  - id: superiors   # same-line comment
    ask: Have you ever had a problem with your superiors?
    # about superiors
${indent(DETAIL_ITEM, 2)}  # after the last item
waive:
  skills: Not here.
`,
    );
  });

  it('follows a 4-space file whose sequences start at the key column', () => {
    const text = `${HEAD}project:
    name: Night Market
questions:
- id: experience
  ask: What is your previous work experience?
`;
    assert.equal(
      fix(text, "Add interview question 'detail-or-big-picture'"),
      `${HEAD}project:
    name: Night Market
questions:
- id: experience
  ask: What is your previous work experience?
- id: detail-or-big-picture
  ask: Are you a details person or a big picture person?
  why: The job needs both sides; the answer to hope for mixes care for the details with a view of the whole.
  listen_for:
  - A little of both
  - Moments they moved from the fine print to the overall plan and back
  red_flags:
  - Treats one side as beneath them
  assesses: [detail-and-big-picture]
`,
    );
  });

  it('follows a 4-space file with indented sequences', () => {
    const text = `${HEAD}project:
    name: Night Market
questions:
    - id: experience
      ask: What is your previous work experience?
`;
    assert.equal(
      fix(text, "Add interview question 'detail-or-big-picture'"),
      `${HEAD}project:
    name: Night Market
questions:
    - id: experience
      ask: What is your previous work experience?
    - id: detail-or-big-picture
      ask: Are you a details person or a big picture person?
      why: The job needs both sides; the answer to hope for mixes care for the details with a view of the whole.
      listen_for:
          - A little of both
          - Moments they moved from the fine print to the overall plan and back
      red_flags:
          - Treats one side as beneath them
      assesses: [detail-and-big-picture]
`,
    );
  });

  it('turns `questions: []` into a block list, keeping the comment on its line', () => {
    assert.equal(
      fix(`${HEAD}questions: []   # none yet\nwaive: {}\n`, "Add interview question 'detail-or-big-picture'"),
      `${HEAD}questions:   # none yet\n${indent(DETAIL_ITEM, 2)}waive: {}\n`,
    );
  });

  it('fills an empty `questions:`', () => {
    assert.equal(
      fix(`${HEAD}questions:\nwaive:\n  experience: Known.\n`, "Add interview question 'detail-or-big-picture'"),
      `${HEAD}questions:\n${indent(DETAIL_ITEM, 2)}waive:\n  experience: Known.\n`,
    );
  });

  it('creates `questions` after the last section before it, separated by blank lines like the others', () => {
    const text = `${HEAD}\nworkspace:\n  office: shared\n\n# reviewed in git\nwaive:\n  experience: Known.\n`;
    assert.equal(
      fix(text, "Add interview question 'detail-or-big-picture'"),
      `${HEAD}\nworkspace:\n  office: shared\n\nquestions:\n${indent(DETAIL_ITEM, 2)}\n# reviewed in git\nwaive:\n  experience: Known.\n`,
    );
  });

  it('keeps CRLF line endings', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const text = crlf(`${HEAD}questions:\n  - id: experience\n    ask: What?\n`);
    assert.equal(
      fix(text, "Add interview question 'detail-or-big-picture'"),
      crlf(`${HEAD}questions:\n  - id: experience\n    ask: What?\n${indent(DETAIL_ITEM, 2)}`),
    );
  });

  it('keeps a file without a final line break without one', () => {
    const text = `${HEAD}questions:\n  - id: experience\n    ask: What?`;
    assert.equal(
      fix(text, "Add interview question 'detail-or-big-picture'"),
      `${HEAD}questions:\n  - id: experience\n    ask: What?\n${indent(DETAIL_ITEM, 2).trimEnd()}`,
    );
  });

  it('writes out a question without `assesses` when the profile has none', () => {
    assert.equal(
      fix(`${HEAD}questions:\n  - id: experience\n    ask: What?\n`, "Add interview question 'charges'"),
      `${HEAD}questions:
  - id: experience
    ask: What?
  - id: charges
    ask: What do you charge, and what hours does that cover?
    why: No authority sets what coordinators charge, and rates vary a lot; find out how many hours the price buys, and whether that is worth it to you.
    listen_for:
      - A rate with its unit and the hours it includes
      - Whether overtime and kit fees come on top
    red_flags:
      - Cannot say what hours the rate includes
`,
    );
  });

  it('adds all missing questions in one edit; the single one is preferred', () => {
    const asked = ['management-style', 'experience', 'conflict', 'superiors', 'decision-split', 'needs-from-us'];
    const text = `${HEAD}questions:\n${asked.map((id) => `  - id: ${id}\n    ask: Asked.\n`).join('')}`;
    const actions = actionsOf(brief(text));
    const one = actions.find((action) => action.title === "Add interview question 'charges'");
    const all = actions.find((action) => action.title === 'Add all 2 missing interview questions');
    assert.equal(one?.isPreferred, true);
    assert.equal(all?.isPreferred, undefined);
    assert.deepEqual(all?.diagnostics?.map((d) => (d.data as { id: string }).id), ['detail-or-big-picture', 'charges']);
    const result = fix(text, 'Add all 2 missing interview questions');
    assert.equal(result, `${text}${indent(DETAIL_ITEM, 2)}  - id: charges
    ask: What do you charge, and what hours does that cover?
    why: No authority sets what coordinators charge, and rates vary a lot; find out how many hours the price buys, and whether that is worth it to you.
    listen_for:
      - A rate with its unit and the hours it includes
      - Whether overtime and kit fees come on top
    red_flags:
      - Cannot say what hours the rate includes
`);
    assert.deepEqual(service.validate(brief(result)).filter((d) => d.code === 'missing-question'), []);
  });

  it('offers no "add all" when one question is missing', () => {
    const asked = ['management-style', 'experience', 'conflict', 'superiors', 'detail-or-big-picture', 'decision-split', 'needs-from-us'];
    const text = `${HEAD}questions:\n${asked.map((id) => `  - {id: ${id}, ask: Asked.}\n`).join('')}`;
    assert.deepEqual(titles(text).filter((title) => /question|charges/.test(title)), ["Add interview question 'charges'", "Waive 'charges'…"]);
  });
});

describe('missing-skill', () => {
  const skillsText = `${HEAD}skills:
  - communication
  - problem-solving   # assessed by conflict
  - coordination
questions:
  - id: conflict
    ask: How do you handle conflict?
`;

  it('adds the skill with its need and the profile evidence, so it is not left unassessed', () => {
    const result = fix(skillsText, "Add skill 'accounting'");
    assert.equal(
      result,
      skillsText.replace(
        '  - coordination\n',
        `  - coordination
  - id: accounting
    need: required
    evidence: Petty cash they reconciled, purchase orders they tracked, or time spent working beside a production accountant.
`,
      ),
    );
    assert.deepEqual(service.validate(brief(result)).filter((d) => JSON.stringify(d.data ?? {}).includes('"accounting"')), []);
  });

  it('adds all missing skills in one edit', () => {
    const result = fix(skillsText, 'Add all 5 missing skills');
    assert.equal(
      result,
      skillsText.replace(
        '  - coordination\n',
        `  - coordination
  - id: accounting
    need: required
    evidence: Petty cash they reconciled, purchase orders they tracked, or time spent working beside a production accountant.
  - id: computer
    need: required
    evidence: Software they name and use (spreadsheets, scheduling, production management) and documents they made with it.
  - id: multitasking
    need: required
    evidence: A résumé that shows several jobs run at the same time, or a group they were in charge of.
  - id: teamwork
    need: required
    evidence: References from production managers they worked for; a record of getting on with the people above them.
  - id: detail-and-big-picture
    need: required
    evidence: Paperwork that is careful and accurate, together with a grasp of the production's overall plan.
`,
      ),
    );
    assert.deepEqual(service.validate(brief(result)).filter((d) => d.code === 'missing-skill'), []);
  });

  it('adds to a flow list in flow style', () => {
    const text = `${HEAD}skills: [communication, problem-solving, coordination, computer, multitasking]  # short\n`;
    assert.equal(
      fix(text, "Add skill 'accounting'"),
      `${HEAD}skills: [communication, problem-solving, coordination, computer, multitasking, {id: accounting, need: required, evidence: "Petty cash they reconciled, purchase orders they tracked, or time spent working beside a production accountant."}]  # short\n`,
    );
  });
});

describe('unassessed-skill', () => {
  const EVIDENCE = 'evidence: Credits across several departments or kinds of production, with duties that reached many parts of the shoot.';

  /**
   * The text after "Add evidence for 'id'", checked to only insert (every
   * character of the text kept, in order) and to clear that skill's finding.
   */
  function addEvidence(text: string, id = 'coordination'): string {
    const result = fix(text, `Add evidence for '${id}'`);
    assertKept(text, result);
    const still = service.validate(brief(result)).filter((d) => d.code === 'unassessed-skill' && (d.data as { id: string }).id === id);
    assert.deepEqual(still, []);
    return result;
  }

  it('adds the profile evidence after the last pair of a block item, at its keys, as the preferred fix', () => {
    const text = `${HEAD}skills:\n  - id: coordination\n    need: required   # the core of the job\n  - communication\n`;
    assert.equal(addEvidence(text), `${HEAD}skills:\n  - id: coordination\n    need: required   # the core of the job\n    ${EVIDENCE}\n  - communication\n`);
    const [preferred] = actionsOf(brief(text)).filter((action) => action.title === "Add evidence for 'coordination'");
    assert.equal(preferred.isPreferred, true);
  });

  it('adds after the comments indented under a block item, before a comment at the dash', () => {
    const text = `${HEAD}skills:
  - id: coordination
    need: required
    # about coordination
      # more
  # between items
  - communication
`;
    assert.equal(addEvidence(text), `${HEAD}skills:
  - id: coordination
    need: required
    # about coordination
      # more
    ${EVIDENCE}
  # between items
  - communication
`);
  });

  it('turns a shorthand item into a mapping, keeping its comment', () => {
    const text = `${HEAD}skills:\n  - communication\n  - coordination   # core\n  - problem-solving\n`;
    assert.equal(addEvidence(text), `${HEAD}skills:\n  - communication\n  - id: coordination   # core\n    ${EVIDENCE}\n  - problem-solving\n`);
  });

  it('turns a quoted shorthand item into a mapping, keeping its quotes', () => {
    for (const quoted of ['"coordination"', "'coordination'"]) {
      const text = `${HEAD}skills:\n- ${quoted}\n`;
      assert.equal(addEvidence(text), `${HEAD}skills:\n- id: ${quoted}\n  ${EVIDENCE}\n`);
    }
  });

  it('adds to a flow-mapping item in flow style', () => {
    const text = `${HEAD}skills:\n  - {id: coordination, need: required}   # short\n`;
    assert.equal(addEvidence(text), `${HEAD}skills:\n  - {id: coordination, need: required, ${EVIDENCE.replace(': ', ': "')}"}   # short\n`);
  });

  it('keeps CRLF line endings and a missing final line break', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    assert.equal(
      addEvidence(crlf(`${HEAD}skills:\n  - id: coordination\n    need: required\n  - communication\n`)),
      crlf(`${HEAD}skills:\n  - id: coordination\n    need: required\n    ${EVIDENCE}\n  - communication\n`),
    );
    assert.equal(addEvidence(crlf(`${HEAD}skills:\n  - coordination`)), crlf(`${HEAD}skills:\n  - id: coordination\n    ${EVIDENCE}`));
  });

  it('writes the placeholder when no profile gives a hint', () => {
    const text = 'hire: 1\nrole: Runner\nskills:\n  - coordination\n';
    assert.equal(addEvidence(text), 'hire: 1\nrole: Runner\nskills:\n  - id: coordination\n    evidence: "TODO: how you will know"\n');
  });

  it('offers no evidence fix for an item in a flow list, an anchored item or a repeated id; waiving stays', () => {
    for (const skills of ['skills: [communication, coordination]', 'skills: [{id: coordination}]', 'skills:\n  - &core coordination', 'skills:\n  - coordination\n  - id: coordination']) {
      const all = titles(`${HEAD}${skills}\n`);
      assert.ok(!all.includes("Add evidence for 'coordination'"), `${skills}: ${JSON.stringify(all)}`);
      assert.ok(all.includes("Waive 'coordination'…"), skills);
    }
  });

  it('offers no evidence fix when the skill is no longer in the brief', () => {
    const document = brief(`${HEAD}skills:\n  - communication\n`);
    const stale: Diagnostic = {
      range: { start: { line: 4, character: 4 }, end: { line: 4, character: 17 } },
      code: 'unassessed-skill',
      message: 'stale',
      data: { id: 'coordination', profile: 'production-coordinator' },
    };
    const actions = service.getCodeActions(document, EVERYWHERE, { diagnostics: [stale], only: ['quickfix'] });
    assert.deepEqual(actions.map((action) => action.title), ["Waive 'coordination'…"]);
  });
});

describe('missing-section', () => {
  const separated = `${HEAD}\nskills:\n  - communication\n\nworkspace:\n  office: shared\n`;

  it('adds an authority skeleton in its place, with blank lines like the other sections', () => {
    assert.equal(
      fix(separated, "Add section 'authority'"),
      `${HEAD}\nskills:\n  - communication\n\nauthority:
  decides:
    - Day-to-day issue they resolve
  escalates:
    - Issue passed up to the production manager
\nworkspace:\n  office: shared\n`,
    );
  });

  it('adds a rate skeleton with amount, currency and per', () => {
    assert.equal(
      fix(separated, "Add section 'rate'"),
      `${HEAD}\nskills:\n  - communication\n\nrate:\n  amount: 0\n  currency: USD\n  per: day\n  hours: 12\n  max: 0\n\nworkspace:\n  office: shared\n`,
    );
  });

  it('adds a workspace skeleton at the end of a file without blank lines, in 4-space indentation', () => {
    const text = `${HEAD}rate:\n    amount: 1\n    currency: USD\n    per: day\n`;
    assert.equal(
      fix(text, "Add section 'workspace'"),
      `${text}workspace:\n    office: provided\n    tools:\n        - Laptop with the production's scheduling software\n`,
    );
  });

  it('adds the required questions when `questions` is missing', () => {
    const result = fix(`${HEAD}waive:\n  management-style: Known.\n  experience: Known.\n  conflict: Known.\n  superiors: Known.\n`, "Add section 'questions'");
    assert.equal(
      result,
      `${HEAD}questions:\n${indent(DETAIL_ITEM, 2)}waive:\n  management-style: Known.\n  experience: Known.\n  conflict: Known.\n  superiors: Known.\n`,
    );
  });
});

describe('waive', () => {
  it('creates `waive` with a placeholder reason that validates', () => {
    assert.equal(
      fix(`${HEAD}skills:\n  - communication\n`, "Waive 'workspace'…"),
      `${HEAD}skills:\n  - communication\nwaive:\n  workspace: "${WAIVE_REASON}"\n`,
    );
  });

  it('adds to an existing `waive` after its last entry and the comments under it', () => {
    const text = `${HEAD}waive:   # reviewed
    experience: Known.
      # why: see notes
# end
`;
    assert.equal(
      fix(text, "Waive 'superiors'…"),
      `${HEAD}waive:   # reviewed
    experience: Known.
      # why: see notes
    superiors: "${WAIVE_REASON}"
# end
`,
    );
  });

  it('adds to a flow `waive` in flow style, and turns `waive: {}` into a block', () => {
    assert.equal(
      fix(`${HEAD}waive: {experience: Known.}\n`, "Waive 'superiors'…"),
      `${HEAD}waive: {experience: Known., superiors: "${WAIVE_REASON}"}\n`,
    );
    assert.equal(fix(`${HEAD}waive: {}\n`, "Waive 'superiors'…"), `${HEAD}waive:\n  superiors: "${WAIVE_REASON}"\n`);
  });

  it('waives an unassessed skill', () => {
    const text = `${HEAD}skills:\n  - coordination   # no evidence\n`;
    assert.ok(titles(text).includes("Waive 'coordination'…"));
    assert.equal(fix(text, "Waive 'coordination'…"), `${text}waive:\n  coordination: "${WAIVE_REASON}"\n`);
  });
});

describe('values and keys', () => {
  it('changes an enum value to the closest one, keeping its quotes', () => {
    assert.equal(fix(`${HEAD}engagement: freelanc   # for now\n`, "Change to 'freelance'"), `${HEAD}engagement: freelance   # for now\n`);
    assert.equal(fix(`${HEAD}engagement: 'freelanc'\n`, "Change to 'freelance'"), `${HEAD}engagement: 'freelance'\n`);
    assert.equal(fix(`${HEAD}engagement: "freelanc"\n`, "Change to 'freelance'"), `${HEAD}engagement: "freelance"\n`);
  });

  it('offers each allowed value, none preferred, when nothing is close', () => {
    const document = brief(`${HEAD}engagement: zzzzzz\n`);
    const changes = actionsOf(document).filter((action) => action.title.startsWith('Change to'));
    assert.deepEqual(changes.map((action) => [action.title, action.isPreferred ?? false]), [
      ["Change to 'freelance'", false], ["Change to 'contract'", false], ["Change to 'part-time'", false], ["Change to 'full-time'", false],
    ]);
    assert.equal(fix(`${HEAD}engagement: zzzzzz\n`, "Change to 'contract'"), `${HEAD}engagement: contract\n`);
  });

  it('offers each known profile when none is close to an unknown one', () => {
    assert.equal(fix('hire: 1\nrole: Key Grip\nprofile: chef\n', "Change to 'production-coordinator'"), 'hire: 1\nrole: Key Grip\nprofile: production-coordinator\n');
  });

  it('renames an unknown key to the closest one', () => {
    assert.equal(fix(`${HEAD}report_to: Production Manager   # who\n`, "Rename to 'reports_to'"), `${HEAD}reports_to: Production Manager   # who\n`);
  });

  it('offers no rename that would duplicate a key', () => {
    assert.ok(!titles(`${HEAD}reports_to: A\nreport_to: B\n`).includes("Rename to 'reports_to'"));
  });

  it('changes an unknown profile to the closest known one', () => {
    assert.equal(
      fix('hire: 1\nrole: Production Coordinator\nprofile: production-coordinater  # typo\n', "Change to 'production-coordinator'"),
      'hire: 1\nrole: Production Coordinator\nprofile: production-coordinator  # typo\n',
    );
  });

  it('adds `profile` after the role it matches', () => {
    assert.equal(
      fix('hire: 1\nrole: Production Office Coordinator   # the title\nengagement: freelance\n', "Add 'profile: production-coordinator'"),
      'hire: 1\nrole: Production Office Coordinator   # the title\nprofile: production-coordinator\nengagement: freelance\n',
    );
  });

  it('changes an unknown skill in a flow `assesses` list', () => {
    const text = `${HEAD}questions:\n  - {id: conflict, ask: How?, assesses: [problem-solvin, communication]}\n`;
    assert.equal(fix(text, "Change to 'problem-solving'"), text.replace('problem-solvin,', 'problem-solving,'));
  });

  it('offers no replacement when the text no longer holds the reported value', () => {
    const document = brief(`${HEAD}engagement: contract\n`);
    const stale: Diagnostic = {
      range: { start: { line: 3, character: 12 }, end: { line: 3, character: 20 } },
      code: 'schema',
      message: 'stale',
      data: { kind: 'enum', value: 'freelanc', allowed: ['freelance'], suggestion: 'freelance' },
    };
    assert.deepEqual(service.getCodeActions(document, EVERYWHERE, { diagnostics: [stale], only: ['quickfix'] }), []);
  });
});

describe('add everything the profile recommends', () => {
  it('is a source action, returned only when asked for', () => {
    const document = sample('gaps.hire.yaml');
    const source = actionsOf(document, ['source']);
    assert.deepEqual(source.map((action) => [action.title, action.kind]), [['Add everything the profile recommends', ADD_MISSING_KIND]]);
    assert.ok(actionsOf(document, ['quickfix']).every((action) => action.kind === 'quickfix'));
  });

  it('uses the document diagnostics passed in, not only those of the request', () => {
    const document = sample('gaps.hire.yaml');
    const all = service.validate(document);
    const actions = service.getCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: [ADD_MISSING_KIND] }, all);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].diagnostics?.length, all.filter((d) => String(d.code).startsWith('missing-') || d.code === 'unassessed-skill').length);
  });

  it('adds the missing sections, skills and questions of gaps.hire.yaml, keeping every line', () => {
    const document = sample('gaps.hire.yaml');
    const [action] = actionsOf(document, [ADD_MISSING_KIND]);
    const result = applied(document, action);
    const codes = service.validate(brief(result)).map((d) => d.code);
    assert.deepEqual(codes, []);
    assertSubsequence(document.getText().split('\n'), result.split('\n'));
  });

  it('adds the evidence of a skill nothing assesses, unless a question it adds assesses the skill', () => {
    const skills = 'skills:\n  - communication\n  - problem-solving\n  - accounting\n  - computer\n  - coordination\n  - multitasking\n  - teamwork\n  - detail-and-big-picture\n';
    const questions = ['management-style', 'experience', 'conflict', 'superiors', 'detail-or-big-picture', 'decision-split', 'charges', 'needs-from-us'];
    const waived = `waive:\n  authority: x\n  rate: x\n  workspace: x\n  questions: x\n${questions.map((id) => `  ${id}: x\n`).join('')}`;
    const text = `${HEAD}${skills}${waived}`;
    assert.deepEqual(service.validate(brief(text)).map((d) => `${d.code} ${(d.data as { id: string }).id}`).sort(), [
      'unassessed-skill accounting', 'unassessed-skill communication', 'unassessed-skill computer',
      'unassessed-skill coordination', 'unassessed-skill detail-and-big-picture', 'unassessed-skill multitasking',
      'unassessed-skill problem-solving', 'unassessed-skill teamwork',
    ]);
    const document = brief(text);
    const result = applied(document, actionsOf(document, [ADD_MISSING_KIND])[0]);
    assertKept(text, result);
    assert.deepEqual(service.validate(brief(result)).map((d) => d.code), []);
    assert.equal(result.match(/evidence:/g)?.length, 8);

    // Unwaived, the questions come first: those that assess a skill make its evidence unneeded.
    const withQuestions = `${HEAD}${skills}waive:\n  authority: x\n  rate: x\n  workspace: x\n`;
    const all = brief(withQuestions);
    const added = applied(all, actionsOf(all, [ADD_MISSING_KIND])[0]);
    assert.deepEqual(service.validate(brief(added)).map((d) => d.code), []);
    assert.equal(added.match(/ {4}evidence: .*/g)?.length, 3, 'evidence for accounting, computer and multitasking, which no profile question assesses');
    for (const id of ['accounting', 'computer', 'multitasking']) assert.match(added, new RegExp(`- id: ${id}\\n {4}evidence: `));
  });

  it('is not offered for a brief without a profile, whose unassessed skills have only their own fix', () => {
    const document = brief('hire: 1\nrole: Key Grip\nskills:\n  - rigging\n');
    assert.deepEqual(service.validate(document).map((d) => d.code), ['unassessed-skill']);
    assert.deepEqual(actionsOf(document, [ADD_MISSING_KIND]), []);
    assert.ok(actionsOf(document).some((action) => action.title === "Add evidence for 'rigging'"));
  });

  it('adds everything to a brief with only its head, in the order of docs/format.md', () => {
    const result = applied(brief(HEAD), actionsOf(brief(HEAD), [ADD_MISSING_KIND])[0]);
    const keys = result.split('\n').filter((line) => /^\w+:/.test(line)).map((line) => line.split(':')[0]);
    assert.deepEqual(keys, ['hire', 'role', 'profile', 'skills', 'authority', 'rate', 'workspace', 'questions']);
    assert.deepEqual(service.validate(brief(result)).map((d) => d.code), []);
    assert.equal(result.match(/- id: conflict\n/g)?.length, 1);
  });
});

/** Asserts that every character of `original` appears in `result`, in order: an edit that only inserts. */
function assertKept(original: string, result: string): void {
  let next = 0;
  for (let index = 0; index < original.length; index++) {
    next = result.indexOf(original[index], next);
    assert.ok(next >= 0, `character ${index} lost: ${JSON.stringify(original.slice(Math.max(0, index - 20), index + 20))}`);
    next++;
  }
}

/** Asserts that every line of `lines` appears in `within`, in order. */
function assertSubsequence(lines: readonly string[], within: readonly string[]): void {
  let next = 0;
  for (const line of lines) {
    while (next < within.length && within[next] !== line) next++;
    assert.ok(next < within.length, `line lost or moved: ${JSON.stringify(line)}`);
    next++;
  }
}
