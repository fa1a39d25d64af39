import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { readBrief } from '../../server/src/service/model';
import { getLanguageService } from '../../server/src/service/languageService';
import { parseProfile, ProfileRegistry } from '../../server/src/service/profiles';
import { brief, sample } from '../support/documents';

const service = getLanguageService();

/** A finding as `code L:C-L:C text-at-range`, 1-based, for whole-result comparisons. */
function findings(text: string, options: { service?: typeof service } = {}): string[] {
  const document = brief(text);
  return (options.service ?? service).validate(document).map((d: Diagnostic) => {
    const { start, end } = d.range;
    return `${d.code} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${JSON.stringify(document.getText(d.range))}`;
  });
}

function only(text: string, code: string): string[] {
  return findings(text).filter((line) => line.startsWith(`${code} `));
}

/** A brief that satisfies the built-in profile, to break one piece at a time. */
const COMPLETE = sample('complete.hire.yaml').getText();

/** A brief's first lines, with a role that matches no profile. */
const HEAD = 'hire: 1\nrole: Key Grip\n';

describe('the samples', () => {
  it('finds nothing in complete.hire.yaml', () => {
    assert.deepEqual(findings(COMPLETE), []);
  });

  it('finds the gaps of gaps.hire.yaml', () => {
    const codes = new Set(service.validate(sample('gaps.hire.yaml')).map((d) => d.code));
    assert.deepEqual([...codes].sort(), ['missing-question', 'missing-section', 'missing-skill', 'unassessed-skill']);
  });

  it('forgets what it read of a document when the document is closed, and finds the same again after', () => {
    const own = getLanguageService();
    const document = sample('gaps.hire.yaml');
    const parsed = own.parse(document);
    const model = readBrief(parsed);
    const found = own.validate(document);
    own.close(document.uri);
    // Not left to a weak map: a model kept until a full collection keeps the whole tree alive through young ones.
    assert.notEqual(readBrief(parsed), model);
    assert.deepEqual(own.validate(document), found);
  });

  it('finds schema errors in errors.hire.yaml', () => {
    const codes = service.validate(sample('errors.hire.yaml')).map((d) => d.code);
    assert.ok(codes.filter((code) => code === 'schema').length >= 5);
  });
});

describe('yaml-syntax', () => {
  it('reports a parse error at its position and nothing else', () => {
    assert.deepEqual(findings(`${HEAD}duties: [a, b\nrate: 1\n`), ['yaml-syntax 4:1-4:2 "r"']);
  });

  it('puts a quote or bracket left open at the end on the line that opens it, not at the end of the file', () => {
    assert.deepEqual(findings(`${HEAD}summary: "Runs the office\n`), ['yaml-syntax 3:10-3:26 "\\"Runs the office"']);
    assert.deepEqual(findings(`${HEAD}summary: 'It''s\n`), ['yaml-syntax 3:10-3:16 "\'It\'\'s"']);
    assert.deepEqual(findings(`${HEAD}duties: [a, b\n`), ['yaml-syntax 3:9-3:14 "[a, b"']);
    assert.deepEqual(findings(`${HEAD}rate: {amount: 1\n\n`), ['yaml-syntax 3:7-3:17 "{amount: 1"']);
  });

  it('reports a duplicate key on the key', () => {
    assert.deepEqual(findings(`${HEAD}role: Again\n`), ['yaml-syntax 3:1-3:5 "role"']);
  });

  it('stops a billion-laughs file quickly with one finding on an alias', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = findings(`${lines.join('\n')}\n`);
    assert.equal(result.length, 1);
    assert.match(result[0], /^yaml-syntax 2:\d+-2:\d+ "\*a"$/);
  });
});

describe('not-a-brief', () => {
  it('flags a second document on its start marker', () => {
    assert.deepEqual(only(`${HEAD}---\nrole: Other\n`, 'not-a-brief'), ['not-a-brief 3:1-3:4 "---"']);
  });

  it('flags a root that is not a mapping, on its first line', () => {
    assert.deepEqual(findings('- hire: 1\n- role: x\n'), ['not-a-brief 1:1-1:10 "- hire: 1"']);
  });

  it('flags an empty file and a file that is only a comment, without crashing', () => {
    assert.deepEqual(findings(''), ['not-a-brief 1:1-1:1 ""']);
    assert.deepEqual(findings('# just a comment\n'), ['not-a-brief 1:1-1:1 ""']);
  });
});

describe('schema', () => {
  it('puts an enum error on the value and names the closest value', () => {
    const document = brief(`${HEAD}engagement: freelanse\n`);
    const [diagnostic] = service.validate(document);
    assert.equal(document.getText(diagnostic.range), 'freelanse');
    assert.match(diagnostic.message as string, /Did you mean 'freelance'\?/);
    assert.deepEqual(diagnostic.data, { kind: 'enum', value: 'freelanse', allowed: ['freelance', 'contract', 'part-time', 'full-time'], suggestion: 'freelance' });
  });

  it('puts an unknown key on the key and names the closest key', () => {
    const document = brief(`${HEAD}reprots_to: PM\n`);
    const [diagnostic] = service.validate(document);
    assert.equal(document.getText(diagnostic.range), 'reprots_to');
    assert.match(diagnostic.message as string, /Did you mean 'reports_to'\?/);
  });

  it('puts a nested unknown key on that key', () => {
    assert.deepEqual(only(`${HEAD}rate:\n  amount: 1\n  currency: USD\n  per: day\n  maxx: 3\n`, 'schema'), ['schema 7:3-7:7 "maxx"']);
  });

  it('puts a type error on the value, or on the key when the value is empty', () => {
    assert.deepEqual(only(`${HEAD}duties: call sheets\n`, 'schema'), ['schema 3:9-3:20 "call sheets"']);
    assert.deepEqual(only(`${HEAD}rate:\n`, 'schema'), ['schema 3:1-3:5 "rate"']);
  });

  it('puts a missing property on the key of the mapping that lacks it', () => {
    assert.deepEqual(only(`${HEAD}rate:\n  amount: 1\n  per: day\n`, 'schema'), ['schema 3:1-3:5 "rate"']);
    assert.deepEqual(only(`${HEAD}workspace:\n  tools: [laptop]\n`, 'schema'), ['schema 3:1-3:10 "workspace"']);
  });

  it("puts a list item's missing property on the item's first key", () => {
    assert.deepEqual(only(`${HEAD}questions:\n  - why: because\n    id: conflict\n`, 'schema'), ['schema 4:5-4:8 "why"']);
  });

  it("puts the root's missing property on its first key", () => {
    assert.deepEqual(only('role: Production Coordinator\n', 'schema'), ['schema 1:1-1:5 "role"']);
  });

  it('checks id patterns, currency, dates and the format version on the value', () => {
    assert.deepEqual(only(`${HEAD}skills: [Problem Solving]\n`, 'schema'), ['schema 3:10-3:25 "Problem Solving"']);
    assert.deepEqual(only(`hire: 2\nrole: x\n`, 'schema'), ['schema 1:7-1:8 "2"']);
    assert.deepEqual(only(`${HEAD}rate: {amount: 1, currency: usd, per: day}\n`, 'schema'), ['schema 3:29-3:32 "usd"']);
    assert.deepEqual(only(`${HEAD}project:\n  start: 2027-13-01\n`, 'schema'), ['schema 4:10-4:20 "2027-13-01"']);
  });

  it('gives one finding a node: the type, not also the constant', () => {
    const document = brief(`hire: "1"\nrole: Key Grip\n`);
    assert.deepEqual(service.validate(document).map((d) => d.message), ["'hire' should be a whole number, not text ('1')."]);
  });

  it('puts a bad waive key on the key', () => {
    assert.deepEqual(only(`${HEAD}waive:\n  Bad Key: reason\n`, 'schema'), ['schema 4:3-4:10 "Bad Key"']);
  });

  it('puts a list, mapping or null key on the key itself, once', () => {
    assert.deepEqual(only(`${HEAD}? [a, b]\n: c\n`, 'schema'), ['schema 3:3-3:9 "[a, b]"']);
    assert.deepEqual(only(`${HEAD}waive:\n  {a: 1}: reason\n  ~: reason\n`, 'schema'), ['schema 4:3-4:9 "{a: 1}"', 'schema 5:3-5:4 "~"']);
    assert.deepEqual(only(`${HEAD}rate:\n  amount: 1\n  currency: USD\n  per: day\n  ? [max]\n  : 2\n`, 'schema'), ['schema 7:5-7:10 "[max]"']);
    const [diagnostic] = service.validate(brief(`${HEAD}[a]: b\n`));
    assert.equal(diagnostic.message, "A key must be a word, such as 'role', not a list or a mapping.");
  });

  it('says a merge key (<<) is not YAML 1.2, on the key', () => {
    const document = brief(`${HEAD}x: &r {amount: 1}\nrate:\n  <<: *r\n  currency: USD\n  per: day\n`);
    const merge = service.validate(document).find((d) => document.getText(d.range) === '<<');
    assert.match(merge?.message as string, /^Unknown key '<<' in 'rate'\. Merge keys \(<<\) are not part of YAML 1\.2/);
  });

  it('puts an error inside the value an alias brings in on the alias', () => {
    assert.deepEqual(only(`${HEAD}duties: &d\n  - Bad Id\nskills: *d\n`, 'schema'), ['schema 5:9-5:11 "*d"']);
    // notes is no mapping; rate lacks amount, currency and per (on its key), and the alias brings in an unknown key.
    assert.deepEqual(only(`${HEAD}notes: &m\n  x: 1\nrate: *m\n`, 'schema'), [
      'schema 4:3-4:7 "x: 1"', 'schema 5:1-5:5 "rate"', 'schema 5:1-5:5 "rate"', 'schema 5:1-5:5 "rate"', 'schema 5:7-5:9 "*m"',
    ]);
    const [alias] = service.validate(brief(`${HEAD}duties: &d\n  - Bad Id\nskills: *d\n`));
    assert.match(alias.message as string, /^'Bad Id' is not a valid id: .* The value comes from the alias \*d\.$/);
  });

  it('accepts shorthand and object skills', () => {
    assert.deepEqual(only(`${HEAD}skills:\n  - communication\n  - id: accounting\n    need: preferred\n`, 'schema'), []);
  });
});

describe('profile rules', () => {
  const without = (pattern: RegExp) => COMPLETE.replace(pattern, '');

  it('unknown-profile on the profile value, naming the closest profile', () => {
    const text = COMPLETE.replace('profile: production-coordinator', 'profile: production-cordinator');
    const document = brief(text);
    const found = service.validate(document).filter((d) => d.code === 'unknown-profile');
    assert.equal(found.length, 1);
    assert.equal(document.getText(found[0].range), 'production-cordinator');
    assert.deepEqual(found[0].data, { value: 'production-cordinator', suggestion: 'production-coordinator' });
  });

  it('duplicate-id on the repeated id', () => {
    const text = COMPLETE.replace('  - teamwork\n', '  - teamwork\n  - teamwork\n');
    assert.deepEqual(only(text, 'duplicate-id'), [`duplicate-id ${lineOf(text, '  - teamwork', 2)}:5-${lineOf(text, '  - teamwork', 2)}:13 "teamwork"`]);
  });

  it('missing-section on the profile value, one per section', () => {
    const text = without(/^authority:\n(  .*\n)+/m);
    const document = brief(text);
    const found = service.validate(document);
    assert.deepEqual(found.map((d) => [d.code, document.getText(d.range), d.data]), [
      ['missing-section', 'production-coordinator', { id: 'authority', profile: 'production-coordinator' }],
    ]);
  });

  it('missing-skill on the skills key, or on the profile value without skills', () => {
    const text = without(/^  - id: computer\n.*\n/m);
    assert.deepEqual(only(text, 'missing-skill'), [`missing-skill ${lineOf(text, 'skills:')}:1-${lineOf(text, 'skills:')}:7 "skills"`]);
    const noSkills = `${HEAD}profile: production-coordinator\n`;
    const skillFindings = service.validate(brief(noSkills)).filter((d) => d.code === 'missing-skill');
    assert.equal(skillFindings.length, 8);
    assert.ok(skillFindings.every((d) => d.range.start.line === 2 && d.range.start.character === 9));
  });

  it('waiving a section waives its items: skills, then questions', () => {
    const noSkills = without(/^skills:\n(  .*\n)+/m);
    assert.ok(findings(noSkills).filter((line) => line.startsWith('missing-skill ')).length > 0, 'without the waiver');
    const waivedSkills = findings(`${noSkills}waive:\n  skills: The studio tests skills on a trial day.\n`);
    assert.ok(!waivedSkills.some((line) => line.startsWith('missing-') || line.startsWith('unassessed-')), waivedSkills.join('\n'));
    const noQuestions = without(/^questions:\n(  .*\n)+/m);
    assert.ok(findings(noQuestions).filter((line) => line.startsWith('missing-question ')).length > 0, 'without the waiver');
    const found = findings(`${noQuestions}waive:\n  questions: Interviews are run by the studio.\n`);
    assert.ok(!found.some((line) => line.startsWith('missing-')), found.join('\n'));
  });

  it('missing-question: warning when required, information when recommended, quoting the question', () => {
    const text = without(/^  - id: superiors\n.*\n/m).replace(/^  - id: charges\n.*\n/m, '');
    const document = brief(text);
    const found = service.validate(document);
    assert.deepEqual(found.map((d) => [d.code, d.severity, document.getText(d.range), (d.data as { id: string }).id]), [
      // teamwork is required, and the superiors question was what assessed it.
      ['unassessed-skill', 3, 'teamwork', 'teamwork'],
      ['missing-question', 2, 'questions', 'superiors'],
      ['missing-question', 3, 'questions', 'charges'],
    ]);
    assert.match(found[1].message as string, /"Have you ever had a problem with your superiors\?"/);
  });

  it('waive silences missing and unassessed findings', () => {
    const text = `${without(/^  - id: superiors\n.*\n/m).replace(/^authority:\n(  .*\n)+/m, '')}waive:\n  superiors: References cover it.\n  teamwork: References cover it.\n  authority: Decided on the day.\n`;
    assert.deepEqual(findings(text), []);
  });

  it('unassessed-skill on the skill id when nothing assesses a required skill', () => {
    const text = COMPLETE.replace('    evidence: Reconciled petty cash on a 40-person shoot\n', '');
    assert.deepEqual(only(text, 'unassessed-skill'), [`unassessed-skill ${lineOf(text, '  - id: accounting')}:9-${lineOf(text, '  - id: accounting')}:19 "accounting"`]);
  });

  it('a question inherits assesses from the profile', () => {
    // `management-style` sets no assesses; the profile's [leadership, coordination] counts.
    const text = `${HEAD}profile: production-coordinator\nskills:\n  - coordination\nquestions:\n  - id: management-style\n    ask: How do you lead?\n`;
    assert.deepEqual(only(text, 'unassessed-skill'), []);
    assert.deepEqual(only(text.replace('management-style', 'leading'), 'unassessed-skill'), ['unassessed-skill 5:5-5:17 "coordination"']);
  });

  it('unknown-skill on the assesses item', () => {
    const text = `${HEAD}questions:\n  - id: q\n    ask: Why?\n    assesses: [budgeting]\n`;
    assert.deepEqual(only(text, 'unknown-skill'), ['unknown-skill 6:16-6:25 "budgeting"']);
  });

  it('rate-over-max, no-workspace and dates-order on the value at fault', () => {
    const text = `${HEAD}project:\n  start: 2027-02-01\n  end: 2027-01-31\nrate:\n  amount: 450\n  currency: USD\n  per: day\n  max: 400\nworkspace:\n  office: none\n`;
    assert.deepEqual(findings(text), [
      'dates-order 5:8-5:18 "2027-01-31"',
      'no-hours 6:1-6:5 "rate"',
      'rate-over-max 7:11-7:14 "450"',
      'no-tools 11:1-11:10 "workspace"',
      'no-workspace 12:11-12:15 "none"',
    ]);
  });

  it('no dates-order when a date is not on the calendar: the schema reports that date', () => {
    assert.deepEqual(findings(`${HEAD}project:\n  start: 2027-02-30\n  end: 2027-01-01\n`), ['schema 4:10-4:20 "2027-02-30"']);
  });

  it('no-profile on the role value when it matches a profile title or alias', () => {
    assert.deepEqual(findings('hire: 1\nrole: production office coordinator\n'), ['no-profile 2:7-2:36 "production office coordinator"']);
    assert.deepEqual(findings('hire: 1\nrole: Gaffer\n'), []);
  });
});

describe('profile inheritance', () => {
  const registry = ProfileRegistry.withBuiltins();
  registry.set(
    'file:///apc.hire-profile.yaml',
    parseProfile(
      [
        'hire-profile: 1',
        'id: assistant-coordinator',
        'title: Assistant Production Coordinator',
        'extends: production-coordinator',
        'sections: [duties]',
        'questions:',
        '  - id: filing',
        '    ask: How do you keep the office paperwork in order?',
        '    priority: required',
        '',
      ].join('\n'),
      'file:///apc.hire-profile.yaml',
    ),
  );
  const inherited = getLanguageService({ profiles: registry });

  it("checks a brief against the parent's and the child's sections and questions", () => {
    const text = COMPLETE.replace('profile: production-coordinator', 'profile: assistant-coordinator').replace(/^duties:\n(  .*\n)+/m, '');
    const document = brief(text);
    const found = inherited.validate(document).map((d) => `${d.code}:${(d.data as { id: string }).id}`);
    assert.deepEqual(found, ['missing-section:duties', 'missing-question:filing']);
  });
});

describe('positions', () => {
  it('are right in CRLF files', () => {
    const document = brief(`${HEAD}engagement: freelanse\n`.replace(/\n/g, '\r\n'));
    const [diagnostic] = service.validate(document);
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 21 } });
  });

  it('count UTF-16 code units after emoji and accents', () => {
    const document = brief(`${HEAD}summary: "🎬 Café"\nengagement: freelanse\nduties: "🎬🎬" \n`);
    const ranges = service.validate(document).map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, document.getText(d.range)]);
    assert.deepEqual(ranges, [
      [3, 12, 21, 'freelanse'],
      [4, 8, 14, '"🎬🎬"'],
    ]);
  });
});

describe('severity settings', () => {
  it('changes a severity and turns a code off', () => {
    const document = sample('gaps.hire.yaml');
    const found = service.validate(document, { severity: { 'missing-question': 'off', 'missing-skill': 'error' } });
    assert.ok(!found.some((d) => d.code === 'missing-question'));
    assert.ok(found.filter((d) => d.code === 'missing-skill').every((d) => d.severity === 1));
  });
});

/** The 1-based line of the nth occurrence of a line's text. */
function lineOf(text: string, line: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (lines[index] === line && ++seen === occurrence) return index + 1;
  }
  throw new Error(`no line ${JSON.stringify(line)}`);
}
