/**
 * Findings about substance: placeholders, an empty authority, a rate without
 * hours or a ceiling, a workspace without tools, a waiver of nothing. Each on
 * its node, with its hover and its quick fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/languageService';
import { placeholderIn } from '../../server/src/service/substance';
import { brief, sample, withCursor } from '../support/documents';

const service = getLanguageService();
const EVERYWHERE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const SUBSTANCE = new Set(['placeholder', 'empty-authority', 'no-hours', 'no-ceiling', 'no-tools', 'unknown-waive']);

/** The substance findings of a text as `code L:C-L:C "text at the range"`, 1-based. */
function findings(text: string): string[] {
  const document = brief(text);
  return service
    .validate(document)
    .filter((d: Diagnostic) => SUBSTANCE.has(String(d.code)))
    .map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${JSON.stringify(document.getText(d.range))}`);
}

const COMPLETE = sample('complete.hire.yaml').getText();
const HEAD = 'hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\n';

function hoverText(hover: Hover | null): string {
  return hover ? (hover.contents as MarkupContent).value : '';
}

/** The actions offered for every finding of a text. */
function actions(text: string): { document: TextDocument; actions: CodeAction[] } {
  const document = brief(text);
  const diagnostics = service.validate(document);
  return { document, actions: service.getCodeActions(document, EVERYWHERE, { diagnostics, only: ['quickfix'] }) };
}

/** The text after the action with this title; asserts the edit only inserts or removes whole lines of the user's text as it says. */
function apply(text: string, title: string): string {
  const { document, actions: found } = actions(text);
  const action = found.find((candidate) => candidate.title === title);
  assert.ok(action?.edit, `no action '${title}' among ${JSON.stringify(found.map((candidate) => candidate.title))}`);
  return TextDocument.applyEdits(document, action.edit.changes![document.uri]);
}

/** Whether every character of `before` is still in `after`, in order (the edit only inserted). */
function onlyInserted(before: string, after: string): boolean {
  let at = 0;
  for (const char of before) {
    at = after.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

describe('placeholder', () => {
  it('finds none in the complete sample', () => {
    assert.deepEqual(findings(COMPLETE), []);
  });

  it('flags scaffold text on the value, whole or marked in capitals', () => {
    const text = `${HEAD}reports_to: TBD\nproject:\n  name: Untitled production\n  location: To be confirmed.\nduties:\n  - "..."\n  - Call sheets (TODO check with the PM)\nnotes: TODO\n`;
    assert.deepEqual(findings(text), [
      'placeholder 4:13-4:16 "TBD"',
      'placeholder 6:9-6:28 "Untitled production"',
      'placeholder 7:13-7:29 "To be confirmed."',
      'placeholder 9:5-9:10 "\\"...\\""',
      'placeholder 10:5-10:41 "Call sheets (TODO check with the PM)"',
      'placeholder 11:8-11:12 "TODO"',
    ]);
  });

  it('covers a block scalar without its final line break', () => {
    const text = `${HEAD}summary: >\n  TODO: two or three\n  sentences.\nnotes: Fine.\n`;
    assert.deepEqual(findings(text), ['placeholder 4:10-6:13 ">\\n  TODO: two or three\\n  sentences."']);
  });

  it('leaves ordinary words alone', () => {
    for (const value of [
      'the office to-do list',
      'Keeps the todo list of the office',
      'Todd Smith',
      'Tbilisi, Georgia',
      'Dates to be confirmed with the studio are listed below',
      'An untitled documentary about bees',
      'Call sheets, crew lists...',
      'Are you free in March?',
      'Standards such as ISO 9001, not TBDs',
      'Production Manager',
    ]) {
      assert.equal(placeholderIn(value), undefined, value);
      assert.deepEqual(findings(`${HEAD}notes: ${JSON.stringify(value)}\n`), [], value);
    }
  });

  it('reads values, never keys or comments', () => {
    assert.deepEqual(findings(`${HEAD}# TODO: fill in the rest\nnotes: Fine.   # TBD\n`), []);
  });

  it('gives the reason on hover, before the key’s description', () => {
    const { document, position } = withCursor(`${HEAD}project:\n  name: Untitled pro|duction\n`);
    assert.match(hoverText(service.doHover(document, position)), /^\*\*Placeholder\*\* \(`Untitled production`\): scaffold text/);
  });

  it('offers to select the placeholder, through a server command that keeps the text as it is', () => {
    const text = `${HEAD}project:\n  location: To be confirmed\n`;
    const { actions: found } = actions(text);
    const select = found.find((action) => action.title === "Select the placeholder 'To be confirmed' to replace it");
    assert.ok(select);
    assert.equal(select.edit, undefined);
    assert.deepEqual(select.command, {
      title: 'Select the placeholder',
      command: 'hire.selectRange',
      arguments: [{ uri: 'file:///test/brief.hire.yaml', range: { start: { line: 4, character: 12 }, end: { line: 4, character: 27 } } }],
    });
  });
});

describe('empty-authority', () => {
  it('flags an authority with nothing decided or escalated, on its key', () => {
    for (const value of ['{}', '\n  decides: []\n  escalates: []', '\n  decides:\n  escalates: []']) {
      assert.deepEqual(findings(`${HEAD}authority: ${value}\n`), ['empty-authority 4:1-4:10 "authority"'], value);
    }
  });

  it('is satisfied by one item on either side, and silenced by a waiver', () => {
    assert.deepEqual(findings(`${HEAD}authority:\n  escalates:\n    - Anything that moves the schedule\n`), []);
    assert.deepEqual(findings(`${HEAD}authority: {}\nwaive:\n  authority: The production manager decides everything on this one.\n`), []);
  });

  it('explains on hover of the key', () => {
    const { document, position } = withCursor(`${HEAD}auth|ority: {}\n`);
    assert.match(hoverText(service.doHover(document, position)), /^\*\*Nothing decided, nothing passed up\.\*\*/);
    const full = withCursor(`${HEAD}auth|ority:\n  decides: [Petty cash]\n`);
    assert.doesNotMatch(hoverText(service.doHover(full.document, full.position)), /Nothing decided/);
  });
});

describe('no-hours and no-ceiling', () => {
  const RATE = 'rate:\n  amount: 300\n  currency: USD\n  per: day\n';

  it('flag a rate without hours (warning) and without max (information), on the rate key', () => {
    const document = brief(`${HEAD}${RATE}`);
    const found = service.validate(document).filter((d) => d.code === 'no-hours' || d.code === 'no-ceiling');
    assert.deepEqual(found.map((d) => [d.code, d.severity, document.getText(d.range), d.data]), [
      ['no-hours', 2, 'rate', { section: 'rate', key: 'hours', per: 'day' }],
      ['no-ceiling', 3, 'rate', { section: 'rate', key: 'max', per: 'day' }],
    ]);
    assert.match(found[0].message as string, /how many hours one day covers/);
  });

  it('count an empty value as absent; an hourly rate needs no hours; a waived rate nothing', () => {
    assert.deepEqual(findings(`${HEAD}${RATE}  hours:\n  max: 400\n`), ['no-hours 4:1-4:5 "rate"']);
    assert.deepEqual(findings(`${HEAD}${RATE.replace('per: day', 'per: hour')}  max: 40\n`), []);
    assert.deepEqual(findings(`${HEAD}${RATE}waive:\n  rate: Paid on the studio's scale.\n`), []);
  });

  it('add hours and max with a placeholder, keeping every line', () => {
    const text = `${HEAD}${RATE}  kit_fee: 50   # a note\nworkspace:\n  office: provided\n  tools: [Laptop]\n`;
    const withHours = apply(text, "Add 'hours' to rate");
    assert.equal(withHours, text.replace('   # a note\n', '   # a note\n  hours: "TODO: hours one day covers"\n'));
    const withMax = apply(text, "Add 'max' to rate");
    assert.equal(withMax, text.replace('   # a note\n', '   # a note\n  max: "TODO: the most you will pay a day"\n'));
    assert.ok(onlyInserted(text, withMax));
    assert.match(apply(text.replace('per: day', 'per: hour'), "Add 'max' to rate"), /\n  max: "TODO: the most you will pay an hour"\n/);
    // What was inserted is itself a finding until replaced.
    assert.deepEqual(findings(withHours), ['no-ceiling 4:1-4:5 "rate"', 'placeholder 9:10-9:38 "\\"TODO: hours one day covers\\""']);
  });

  it('explain on hover of the rate key only what is missing', () => {
    const { document, position } = withCursor(`${HEAD}ra|te:\n  amount: 1\n  currency: USD\n  per: day\n  hours: 10\n`);
    const text = hoverText(service.doHover(document, position));
    assert.match(text, /ceiling \(`max`\)/);
    assert.doesNotMatch(text, /\(`hours`\)/);
  });
});

describe('no-tools', () => {
  it('flags a workspace without tools or with an empty list, on its key', () => {
    assert.deepEqual(findings(`${HEAD}workspace:\n  office: provided\n`), ['no-tools 4:1-4:10 "workspace"']);
    assert.deepEqual(findings(`${HEAD}workspace:\n  office: remote\n  tools: []\n`), ['no-tools 4:1-4:10 "workspace"']);
    assert.deepEqual(findings(`${HEAD}workspace:\n  office: remote\n  tools: [Laptop]\n`), []);
  });

  it('adds tools with a placeholder item, in a 4-space file too', () => {
    const text = `${HEAD}workspace:\n    office: provided   # the office on Main St\n# end\n`;
    assert.equal(apply(text, "Add 'tools' to workspace"), `${HEAD}workspace:\n    office: provided   # the office on Main St\n    tools:\n        - "TODO: what they will work with"\n# end\n`);
  });

  it('offers no insertion when tools is there but empty', () => {
    assert.ok(!actions(`${HEAD}workspace:\n  office: remote\n  tools: []\n`).actions.some((action) => action.title === "Add 'tools' to workspace"));
  });
});

describe('unknown-waive', () => {
  it('flags a key that is no section, skill or question of the brief or its profile, on the key', () => {
    const text = `${HEAD}skills:\n  - id: driving\n    evidence: Licence.\nwaive:\n  superiors: Known.\n  driving: Not needed.\n  authority: Decided later.\n  teamwrk: Typo.\n  catering: Not ours.\n`;
    const document = brief(text);
    const found = service.validate(document).filter((d) => d.code === 'unknown-waive');
    assert.deepEqual(found.map((d) => [document.getText(d.range), d.range.start.line, d.data]), [
      ['teamwrk', 10, { value: 'teamwrk', suggestion: 'teamwork' }],
      ['catering', 11, { value: 'catering' }],
    ]);
  });

  it('knows the ids of a brief without a profile, and says nothing when the profile is unknown', () => {
    assert.deepEqual(findings('hire: 1\nrole: Gaffer\nquestions:\n  - id: rigging\n    ask: How?\nwaive:\n  rigging: Done.\n  duties: None.\n  lighting: None.\n'), [
      'unknown-waive 9:3-9:11 "lighting"',
    ]);
    assert.deepEqual(findings('hire: 1\nrole: Gaffer\nprofile: gaffer\nwaive:\n  lighting: None.\n'), []);
  });

  it('changes a misspelt key to the id it was close to, or removes the waiver, keeping the other lines', () => {
    const text = `${HEAD}waive:   # reviewed\n  teamwrk: Typo.   # see notes\n  # keep this\n  superiors: Known.\nnotes: x\n`;
    assert.equal(apply(text, "Change to 'teamwork'"), text.replace('teamwrk:', 'teamwork:'));
    assert.equal(apply(text, "Remove the waiver of 'teamwrk'"), text.replace('  teamwrk: Typo.   # see notes\n', ''));
  });

  it('removes the whole waive section when the waiver was its only entry', () => {
    const text = `${HEAD}waive:\n  catering: Not ours.\nnotes: x\n`;
    assert.equal(apply(text, "Remove the waiver of 'catering'"), `${HEAD}notes: x\n`);
  });

  it('explains on hover of the key', () => {
    const { document, position } = withCursor(`${HEAD}waive:\n  cater|ing: Not ours.\n`);
    assert.match(hoverText(service.doHover(document, position)), /^\*\*Waives nothing\*\*: `catering`/);
  });
});

describe("the profile's evidence hint", () => {
  const text = `${HEAD}skills:\n  - accoun|ting\nquestions:\n  - id: conflict\n    ask: How?\n`;

  /** What the check, the hover, the code lens and the kit say of `accounting` in a brief. */
  function sayings(source: string) {
    const { document, position } = withCursor(source);
    const diagnostics = service.validate(document);
    const kit = service.render(document, { format: 'md', view: 'kit' })!.content;
    return {
      check: diagnostics.some((d) => d.code === 'unassessed-skill' && (d.data as { id: string }).id === 'accounting'),
      hover: hoverText(service.doHover(document, position)),
      lens: service.getCodeLenses(document, diagnostics).map((lens) => lens.command?.title ?? '').join(' | '),
      row: kit.split('\n').find((line) => line.startsWith('| Basic accounting')) ?? '',
      lookFor: kit.split('\n').find((line) => line.startsWith('- **Basic accounting:**')) ?? '',
    };
  }

  it('is a suggestion, not an assessment, for the check, the hover, the code lens and the kit alike', () => {
    const hint = sayings(text);
    assert.equal(hint.check, true);
    assert.match(hint.hover, /\*Suggested evidence\* \(the profile's hint, not an assessment until the brief writes its own `evidence`\): Petty cash/);
    assert.match(hint.hover, /\*Not assessed yet:\*/);
    assert.match(hint.lens, /1 skill not assessed/);
    assert.match(hint.row, /\| {3}\| {3}\|$/, 'no mark in the evidence column');
    assert.match(hint.lookFor, /Petty cash .* \*\(the profile’s suggestion\)\*$/);
  });

  it("stops being one once the brief writes its own evidence, or a question assesses the skill", () => {
    const own = sayings(text.replace('  - accoun|ting\n', '  - id: accoun|ting\n    evidence: Ran petty cash on two features\n'));
    assert.equal(own.check, false);
    assert.match(own.hover, /\*Evidence:\* Ran petty cash on two features/);
    assert.doesNotMatch(own.hover, /Suggested|Not assessed/);
    assert.doesNotMatch(own.lens, /not assessed/);
    assert.match(own.row, /\| ✓ \|$/);
    assert.equal(own.lookFor, '- **Basic accounting:** Ran petty cash on two features');

    const asked = sayings(text.replace('    ask: How?\n', '    ask: How?\n    assesses: [accounting]\n'));
    assert.equal(asked.check, false);
    assert.match(asked.hover, /\*Assessed by:\* `conflict`/);
    assert.doesNotMatch(asked.lens, /not assessed/);
  });
});
