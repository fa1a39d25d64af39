import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { relativeBriefPath, resolveBriefUri } from '../../server/src/service/model/scorecard';
import { compareScorecards, comparisonHtml, comparisonMarkdown } from '../../server/src/service/scorecard/compare';
import { readScorecard } from '../../server/src/service/model/scorecard';
import { ROOT } from '../support/documents';

const BRIEF_URI = 'file:///hiring/night-market.hire.yaml';
const CARD_URI = 'file:///hiring/scores/rivera.hire-score.yaml';

const BRIEF = `hire: 1
role: Production Coordinator
profile: production-coordinator
rate:
  amount: 350
  currency: USD
  per: day
  max: 400
questions:
  - id: management-style
    ask: What type of management style do you typically employ?
  - id: experience
    ask: What is your previous work experience?
  - id: conflict
    ask: How do you handle conflict?
    rubric:
      1: Cannot name a conflict, or blames others for every one.
      3: Describes a conflict and a fix, with little of their own part in it.
      5: A concrete conflict between departments, what they did, and what changed after.
  - id: superiors
    ask: Have you ever had a problem with your superiors?
  - id: detail-or-big-picture
    ask: Are you a details person or a big picture person?
  - id: charges
    ask: What do you charge, and what hours does that cover?
  - id: night-shoots
    ask: How do you keep an office running through night shoots?
    assesses: [coordination]
waive:
  decision-split: Covered by the producer.
  needs-from-us: Asked at the offer.
`;

const HEAD = `hire-score: 1
brief: ../night-market.hire.yaml
candidate: A. Rivera
interviewer: J. Smith
date: 2027-01-12
`;

const ALL_RATED = `ratings:
  management-style: 4
  experience: 3
  conflict: 3
  superiors: 4
  detail-or-big-picture: 5
  night-shoots: 4
recommendation: yes
`;

/** A service whose briefs are the given texts by URI. */
function serviceWith(briefs: Record<string, string> = { [BRIEF_URI]: BRIEF }): LanguageService {
  const documents = new Map(Object.entries(briefs).map(([uri, text]) => [uri, TextDocument.create(uri, 'hire-yaml', 1, text)] as const));
  return getLanguageService({ readBrief: (uri) => documents.get(uri) });
}

function scorecard(text: string, uri = CARD_URI): TextDocument {
  return TextDocument.create(uri, 'hire-score-yaml', 1, text);
}

/** The findings of a scorecard as `code text-at-range`. */
function findings(text: string, service = serviceWith()): string[] {
  const document = scorecard(text);
  return service.validate(document).map((diagnostic: Diagnostic) => `${diagnostic.code} ${document.getText(diagnostic.range)}`);
}

/** A document with the `|` cursor removed, and the cursor's position. */
function atCursor(text: string) {
  const offset = text.indexOf('|');
  const document = scorecard(text.slice(0, offset) + text.slice(offset + 1));
  return { document, position: document.positionAt(offset) };
}

describe('scorecard findings', () => {
  it('finds nothing in a complete scorecard of its brief', () => {
    assert.deepEqual(findings(HEAD + ALL_RATED), []);
  });

  it('puts each finding about the brief on its node', () => {
    const text = `${HEAD}ratings:
  management-style: 4
  conflcit: {score: 3, notes: Settled a parking dispute.}
  experience: 3
  superiors: 4
  detail-or-big-picture: 5
  night-shoots: 4
skills:
  acounting: 4
  accounting: 5
quote:
  amount: 480
  currency: USD
  per: day
recommendation: yes
`;
    assert.deepEqual(findings(text), [
      'unrated-question ratings',
      'unknown-question conflcit',
      'unknown-skill acounting',
      'quote-over-max 480',
    ]);
    const document = scorecard(text);
    const [unrated, unknown] = serviceWith().validate(document);
    assert.deepEqual(unrated.data, { id: 'conflict' });
    assert.equal(unrated.severity, 2);
    assert.deepEqual(unknown.data, { value: 'conflcit', suggestion: 'conflict' });
    assert.match(String(unknown.message), /Did you mean 'conflict'\?/);
    assert.equal(unknown.severity, 1);
  });

  it('asks for a rating of each required, not waived question (not of the brief\'s own ones), and counts an empty rating as none', () => {
    const unrated = serviceWith().validate(scorecard(`${HEAD}ratings:\n  experience:\n  charges: 3\nrecommendation: no\n`)).filter((diagnostic) => diagnostic.code === 'unrated-question');
    assert.deepEqual(unrated.map((diagnostic) => (diagnostic.data as { id: string }).id), ['management-style', 'experience', 'conflict', 'superiors', 'detail-or-big-picture']);
  });

  it('puts unrated questions on `brief` when there are no ratings', () => {
    const found = findings(`${HEAD}recommendation: yes\n`);
    assert.equal(found.length, 5);
    assert.ok(found.every((finding) => finding === 'unrated-question ../night-market.hire.yaml'));
  });

  it('leaves a quote in another currency or unit alone', () => {
    const quote = (currency: string, per: string) => `${HEAD}${ALL_RATED}quote: {amount: 900, currency: ${currency}, per: ${per}}\n`;
    assert.deepEqual(findings(quote('USD', 'day')), ['quote-over-max 900']);
    assert.deepEqual(findings(quote('CAD', 'day')), []);
    assert.deepEqual(findings(quote('USD', 'week')), []);
  });

  it('reports a brief that cannot be read on the `brief` value, and checks nothing against it', () => {
    const text = HEAD.replace('../night-market.hire.yaml', '../nigth-market.hire.yaml') + ALL_RATED + 'skills:\n  nothing-known: 3\n';
    assert.deepEqual(findings(text), ['unknown-brief ../nigth-market.hire.yaml']);
    assert.deepEqual(findings(HEAD + ALL_RATED, getLanguageService()), ['unknown-brief ../night-market.hire.yaml']);
    const untitled = TextDocument.create('untitled:Untitled-1', 'hire-score-yaml', 1, HEAD + ALL_RATED);
    const [finding] = serviceWith().validate(untitled);
    assert.equal(finding.code, 'unknown-brief');
    assert.match(String(finding.message), /not been saved/);
  });

  it('reports a file that is no brief', () => {
    assert.deepEqual(findings(HEAD + ALL_RATED, serviceWith({ [BRIEF_URI]: '- a list\n' })), ['unknown-brief ../night-market.hire.yaml']);
  });

  it('checks nothing against a brief that does not parse', () => {
    assert.deepEqual(findings(`${HEAD}ratings:\n  anything: 3\nrecommendation: yes\n`, serviceWith({ [BRIEF_URI]: `${BRIEF}questions: [\n` })), []);
  });

  it('validates against the scorecard schema, each error on its node', () => {
    const text = `hire-score: 1
brief: ../night-market.hire.yaml
candidate: A. Rivera
date: 2027-02-30
ratings:
  management-style: 7
  experience: {score: 3, note: typo}
  conflict: good
  superiors: 4
  detail-or-big-picture: 5
  night-shoots: 2.5
recommendation: maybe
`;
    assert.deepEqual(findings(text), [
      'schema hire-score',
      'schema 2027-02-30',
      'schema 7',
      'schema note',
      'schema good',
      'schema 2.5',
      'schema maybe',
    ]);
    const messages = serviceWith().validate(scorecard(text)).map((diagnostic) => String(diagnostic.message));
    assert.match(messages[0], /The scorecard lacks the required property 'interviewer'/);
    assert.match(messages.at(-1)!, /Allowed: strong-no, no, yes, strong-yes/);
  });

  it('reports a root that is no mapping, and a second document', () => {
    assert.deepEqual(findings('- a\n- b\n'), ['not-a-brief - a']);
    assert.deepEqual(findings(`${HEAD}${ALL_RATED}---\nmore: 1\n`), ['not-a-brief ---']);
  });

  it('finds a question renamed in the brief when the brief changes', () => {
    const briefs = new Map([[BRIEF_URI, TextDocument.create(BRIEF_URI, 'hire-yaml', 1, BRIEF)]]);
    const service = getLanguageService({ readBrief: (uri) => briefs.get(uri) });
    const document = scorecard(HEAD + ALL_RATED);
    assert.deepEqual(service.validate(document), []);
    briefs.set(BRIEF_URI, TextDocument.create(BRIEF_URI, 'hire-yaml', 2, BRIEF.replace('id: night-shoots', 'id: late-shoots').replace('id: conflict', 'id: conflicts')));
    // `conflicts` is no question of the profile: the brief's own, which is not required.
    assert.deepEqual(service.validate(document).map((diagnostic) => `${diagnostic.code} ${document.getText(diagnostic.range)}`), [
      'unknown-question conflict',
      'unknown-question night-shoots',
    ]);
  });
});

describe('scorecard editing', () => {
  it('completes the questions not yet rated, required first, each with its question', () => {
    const { document, position } = atCursor(`${HEAD}ratings:\n  conflict: 3\n  |\n`);
    const items = serviceWith().doComplete(document, position).items;
    assert.deepEqual(items.map((item) => item.label), ['management-style', 'experience', 'superiors', 'detail-or-big-picture', 'charges', 'night-shoots']);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((item) => item.label);
    assert.deepEqual(sorted, ['management-style', 'experience', 'superiors', 'detail-or-big-picture', 'charges', 'night-shoots'], 'the required questions first');
    assert.ok(items[0].sortText! < items[4].sortText! && items[3].sortText! < items[4].sortText!);
    const item = items.find((candidate) => candidate.label === 'experience')!;
    assert.equal(item.detail, 'What is your previous work experience?');
    const edit = item.textEdit as TextEdit;
    assert.equal(TextDocument.applyEdits(document, [edit]), `${HEAD}ratings:\n  conflict: 3\n  experience: \n`);
  });

  it('completes scores 1 to 5 with the anchors of the question\'s rubric', () => {
    const { document, position } = atCursor(`${HEAD}ratings:\n  conflict: |\n`);
    const items = serviceWith().doComplete(document, position).items;
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [
      ['1', 'Cannot name a conflict, or blames others for every one.'],
      ['2', 'Weak'],
      ['3', 'Describes a conflict and a fix, with little of their own part in it.'],
      ['4', 'Good'],
      ['5', 'A concrete conflict between departments, what they did, and what changed after.'],
    ]);
    assert.equal(TextDocument.applyEdits(document, [items[4].textEdit as TextEdit]), `${HEAD}ratings:\n  conflict: 5\n`);
    const nested = atCursor(`${HEAD}ratings:\n  conflict:\n    score: |\n`);
    assert.equal(serviceWith().doComplete(nested.document, nested.position).items.length, 5);
  });

  it('completes scores with the anchors a question inherits from the profile', () => {
    const service = serviceWith();
    const rubric = service.profiles.get('production-coordinator')!.questions.find((question) => question.id === 'management-style')!.rubric!;
    assert.ok(rubric[1] && rubric[3] && rubric[5], 'the built-in profile has anchors 1, 3 and 5');
    const { document, position } = atCursor(`${HEAD}ratings:\n  management-style: |\n`);
    assert.deepEqual(service.doComplete(document, position).items.map((item) => item.detail), [rubric[1], 'Weak', rubric[3], 'Good', rubric[5]]);
    const hover = atCursor(`${HEAD}ratings:\n  management-style: |5\n`);
    assert.ok((service.doHover(hover.document, hover.position)!.contents as MarkupContent).value.includes(`**5: ${rubric[5]}**`));
  });

  it('completes skills, keys and recommendations', () => {
    const skills = atCursor(`${HEAD}skills:\n  |\n`);
    assert.ok(serviceWith().doComplete(skills.document, skills.position).items.some((item) => item.label === 'accounting'));
    const keys = atCursor(`${HEAD}|\n`);
    assert.deepEqual(serviceWith().doComplete(keys.document, keys.position).items.map((item) => item.label), ['stage', 'ratings', 'skills', 'quote', 'recommendation', 'takeaways', 'notes']);
    const recommendation = atCursor(`${HEAD}recommendation: |\n`);
    assert.deepEqual(serviceWith().doComplete(recommendation.document, recommendation.position).items.map((item) => item.label), ['strong-no', 'no', 'yes', 'strong-yes']);
  });

  it('shows the question and its anchors over a score, that score\'s anchor in bold', () => {
    const { document, position } = atCursor(`${HEAD}ratings:\n  conflict: |3\n`);
    const hover = serviceWith().doHover(document, position)!;
    const markdown = (hover.contents as MarkupContent).value;
    assert.equal(document.getText(hover.range!), '3');
    assert.match(markdown, /^\*\*How do you handle conflict\?\*\* \(`conflict`, required\)/);
    assert.match(markdown, /- \*\*3: Describes a conflict and a fix, with little of their own part in it\.\*\*/);
    assert.match(markdown, /- 1: Cannot name a conflict/);
    assert.match(markdown, /Assesses: problem-solving, communication/);
  });

  it('explains keys and recommendations from the scorecard schema', () => {
    const hoverAt = (text: string) => {
      const { document, position } = atCursor(text);
      return (serviceWith().doHover(document, position)?.contents as MarkupContent | undefined)?.value;
    };
    assert.match(hoverAt(`${HEAD}recom|mendation: strong-yes\n`)!, /forced four-point scale/);
    assert.equal(hoverAt(`${HEAD}recommendation: strong|-yes\n`), 'Hire, and you would argue for it.');
    assert.match(hoverAt(`${HEAD}rat|ings:\n  conflict: 3\n`)!, /question by question/);
    assert.match(hoverAt(`${HEAD}skills:\n  accounting: |4\n`)!, /^\*\*Basic accounting\*\*|accounting/);
  });

  it('goes from a rating to its question in the brief', () => {
    const { document, position } = atCursor(`${HEAD}ratings:\n  confl|ict: 3\n`);
    const [location] = serviceWith().findDefinition(document, position, []);
    const brief = TextDocument.create(BRIEF_URI, 'hire-yaml', 1, BRIEF);
    assert.equal(location.uri, BRIEF_URI);
    assert.equal(brief.getText(location.range), 'conflict');
    assert.equal(location.range.start.line, 13);
    const value = atCursor(`${HEAD}ratings:\n  conflict: {score: |3}\n`);
    assert.equal(brief.getText(serviceWith().findDefinition(value.document, value.position, [])[0].range), 'conflict');
  });

  it('outlines the keys, with each rating under `ratings`', () => {
    const symbols = serviceWith().findDocumentSymbols(scorecard(HEAD + ALL_RATED));
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['hire-score', 'brief', 'candidate', 'interviewer', 'date', 'ratings', 'recommendation']);
    const ratings = symbols.find((symbol) => symbol.name === 'ratings')!;
    assert.equal(ratings.children!.length, 6);
    assert.equal(ratings.children![2].detail, '3 of 5 · How do you handle conflict?');
  });
});

describe('the code action "Add ratings for every question of the brief"', () => {
  const addRatings = (text: string, service = serviceWith()): string | undefined => {
    const document = scorecard(text);
    const diagnostics = service.validate(document);
    const actions: CodeAction[] = service.getCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics });
    const action = actions.find((candidate) => candidate.title === 'Add ratings for every question of the brief');
    return action && TextDocument.applyEdits(document, action.edit!.changes![CARD_URI]);
  };

  it('adds an empty rating for each question not listed, after the others, keeping every other byte', () => {
    const text = `${HEAD}ratings:   # what I heard\n  conflict: {score: 3, notes: "Owned their part."}   # keep this\n  # a comment that stays\nrecommendation: yes\n`;
    assert.equal(
      addRatings(text),
      `${HEAD}ratings:   # what I heard\n  conflict: {score: 3, notes: "Owned their part."}   # keep this\n  management-style:\n  experience:\n  superiors:\n  detail-or-big-picture:\n  charges:\n  night-shoots:\n  # a comment that stays\nrecommendation: yes\n`,
    );
  });

  it('adds `ratings` after the date when there is none, with the file\'s line endings', () => {
    const text = `${HEAD}recommendation: yes\n`.replace(/\n/g, '\r\n');
    const result = addRatings(text)!;
    assert.equal(result, `${HEAD}ratings:\n  management-style:\n  experience:\n  conflict:\n  superiors:\n  detail-or-big-picture:\n  charges:\n  night-shoots:\nrecommendation: yes\n`.replace(/\n/g, '\r\n'));
  });

  it('changes a misspelt question or skill id to the brief\'s, keeping the rest of the line', () => {
    const text = `${HEAD}ratings:\n  conflcit: {score: 3}   # heard\nskills:\n  acounting: 4\nrecommendation: yes\n`;
    const service = serviceWith();
    const document = scorecard(text);
    const diagnostics = service.validate(document).filter((diagnostic) => diagnostic.code === 'unknown-question' || diagnostic.code === 'unknown-skill');
    assert.equal(diagnostics.length, 2);
    const fixed = diagnostics.map((diagnostic) => {
      const action = service.getCodeActions(document, diagnostic.range, { diagnostics: [diagnostic] }).find((candidate) => candidate.title.startsWith('Change to'))!;
      return [action.title, TextDocument.applyEdits(document, action.edit!.changes![CARD_URI])];
    });
    assert.deepEqual(fixed, [
      ["Change to 'conflict'", text.replace('conflcit', 'conflict')],
      ["Change to 'accounting'", text.replace('acounting', 'accounting')],
    ]);
  });

  it('is not offered when every question is listed, or the brief is unknown', () => {
    assert.equal(addRatings(`${HEAD}${ALL_RATED}`.replace('recommendation', '  charges: 2\nrecommendation')), undefined);
    assert.equal(addRatings(`${HEAD}recommendation: yes\n`, getLanguageService()), undefined);
  });
});

describe('a new scorecard', () => {
  it('lists every question to rate, and is a finding until filled', () => {
    const service = serviceWith();
    const text = service.newScorecard(TextDocument.create(BRIEF_URI, 'hire-yaml', 1, BRIEF), {
      brief: '../night-market.hire.yaml',
      candidate: 'A. Rivera',
      interviewer: 'J. Smith',
      stage: 'interview',
      today: new Date('2027-01-12T10:00:00Z'),
    })!;
    assert.match(text, /^brief: \.\.\/night-market\.hire\.yaml +#/m);
    assert.match(text, /^date: 2027-01-12 /m);
    assert.match(text, /^stage: interview$/m);
    assert.match(text, /^ {2}conflict: +# How do you handle conflict\?$/m);
    assert.doesNotMatch(text, /decision-split|needs-from-us/, 'waived questions are not rated');
    const document = scorecard(text);
    const found = service.validate(document).map((diagnostic) => `${diagnostic.code} ${document.getText(diagnostic.range)}`);
    assert.deepEqual(found, [...Array(5).fill('unrated-question ratings'), 'schema recommendation']);
    assert.match(text, /^ {2}night-shoots: +# \(optional\) How do you keep/m);
    const filled = text.replace(/^( {2}[a-z-]+):( +#)/gm, '$1: 3$2').replace(/^recommendation:/m, 'recommendation: yes');
    assert.deepEqual(service.validate(scorecard(filled)), []);
  });
});

describe('brief paths', () => {
  it('resolves a brief relative to its scorecard, and back', () => {
    assert.equal(resolveBriefUri(CARD_URI, '../night-market.hire.yaml'), BRIEF_URI);
    assert.equal(resolveBriefUri(CARD_URI, '..\\night market.hire.yaml'), 'file:///hiring/night%20market.hire.yaml');
    assert.equal(resolveBriefUri(CARD_URI, 'odd#name?.hire.yaml'), 'file:///hiring/scores/odd%23name%3F.hire.yaml');
    assert.equal(resolveBriefUri('untitled:Untitled-1', 'x.hire.yaml'), undefined);
    assert.equal(relativeBriefPath(CARD_URI, BRIEF_URI), '../night-market.hire.yaml');
    assert.equal(relativeBriefPath('file:///hiring/a.hire-score.yaml', 'file:///hiring/b%20c.hire.yaml'), 'b c.hire.yaml');
    assert.equal(relativeBriefPath('file:///a/b/c/x.hire-score.yaml', 'file:///a/d/y.hire.yaml'), '../../d/y.hire.yaml');
  });
});

describe('comparing candidates', () => {
  it('gives each candidate\'s means, spread, unrated scorecards and quote against the ceiling', () => {
    const service = serviceWith();
    const facts = service.briefForScoring(TextDocument.create(BRIEF_URI, 'hire-yaml', 1, BRIEF))!;
    const card = (text: string, uri: string) => readScorecard(service.parse(scorecard(text, uri)))!;
    const inputs = [
      { path: 'scores/b.hire-score.yaml', card: card(`${HEAD.replace('J. Smith', 'K. Lee').replace('01-12', '01-13')}ratings:\n  conflict: {score: 5}\n  management-style: 3\nskills:\n  accounting: 2\nquote: {amount: 420, currency: USD, per: day}\nrecommendation: strong-yes\n`, 'file:///hiring/scores/b.hire-score.yaml') },
      { path: 'scores/a.hire-score.yaml', card: card(HEAD + ALL_RATED, 'file:///hiring/scores/a.hire-score.yaml') },
      { path: 'scores/c.hire-score.yaml', card: card(`${HEAD.replace('A. Rivera', 'B. Chen')}${ALL_RATED.replace('recommendation: yes', 'recommendation: no')}quote: {amount: 380, currency: CAD, per: day}\n`, 'file:///hiring/scores/c.hire-score.yaml') },
    ];
    const comparison = compareScorecards('night-market.hire.yaml', facts, inputs);
    assert.equal(comparison.version, 1);
    assert.equal(comparison.brief, 'night-market.hire.yaml');
    assert.deepEqual(comparison.candidates.map((candidate) => candidate.candidate), ['A. Rivera', 'B. Chen']);
    const [rivera, chen] = comparison.candidates;
    assert.equal(rivera.scorecards, 2);
    assert.deepEqual(rivera.recommendations, { 'strong-no': 0, no: 0, yes: 1, 'strong-yes': 1 });
    assert.deepEqual(rivera.questions.conflict, { scores: [3, 5], mean: 4 });
    assert.deepEqual(rivera.questions['management-style'], { scores: [4, 3], mean: 3.5 });
    // problem-solving: conflict 3 and 5; communication likewise; accounting: its direct score only.
    assert.deepEqual(rivera.skills['problem-solving'], { mean: 4 });
    assert.deepEqual(rivera.skills.accounting, { mean: 2 });
    // coordination: management-style 4, 3, experience 3, night-shoots 4.
    assert.deepEqual(rivera.skills.coordination, { mean: 3.5 });
    assert.deepEqual(rivera.spread, [{ question: 'conflict', min: 3, max: 5 }]);
    assert.deepEqual(rivera.quote, { amount: 420, currency: 'USD', per: 'day', over_max: true });
    assert.deepEqual(rivera.unrated, [{ scorecard: 'scores/b.hire-score.yaml', interviewer: 'K. Lee', questions: ['experience', 'superiors', 'detail-or-big-picture'] }]);
    assert.deepEqual(chen.quote, { amount: 380, currency: 'CAD', per: 'day', over_max: false });
    assert.deepEqual(chen.spread, []);
    assert.deepEqual(chen.unrated, []);
    assert.doesNotMatch(JSON.stringify(comparison), /Owned|notes/);
  });

  it('writes Markdown with a column a skill and escapes what candidates and files are called', () => {
    const service = serviceWith();
    const facts = service.briefForScoring(TextDocument.create(BRIEF_URI, 'hire-yaml', 1, BRIEF))!;
    const card = readScorecard(service.parse(scorecard(`${HEAD.replace('A. Rivera', 'A | <b>Rivera</b>')}recommendation: yes\n`)))!;
    const comparison = compareScorecards('night-market.hire.yaml', facts, [{ path: 'scores/a.hire-score.yaml', card }]);
    const markdown = comparisonMarkdown(comparison, facts);
    assert.match(markdown, /^\| Candidate \| Scorecards \| strong-no \| no \| yes \| strong-yes \| Quote \|$/m);
    assert.match(markdown, /^\| A \\\| \\<b\\>Rivera\\<\/b\\> \| 1 \| 0 \| 0 \| 1 \| 0 \| none recorded \|$/m);
    const html = comparisonHtml(comparison, facts);
    assert.match(html, /<th scope="row">A \| &#60;b&#62;Rivera&#60;\/b&#62;<\/th>/);
    assert.doesNotMatch(html, /<b>Rivera/);
  });
});

describe('the Candidates view (the samples)', () => {
  const sample = (name: string, languageId: string) => TextDocument.create(pathToFileURL(path.join(ROOT, 'samples', name)).href, languageId, 1, readFileSync(path.join(ROOT, 'samples', name), 'utf8'));
  const brief = () => sample('complete.hire.yaml', 'hire-yaml');
  const cards = () => readdirSync(path.join(ROOT, 'samples/scorecards')).sort().map((name) => sample(`scorecards/${name}`, 'hire-score-yaml'));

  it('has three valid scorecards for complete.hire.yaml: the one finding is the quote over the ceiling', () => {
    const service = getLanguageService({ readBrief: (uri) => (uri === brief().uri ? brief() : undefined) });
    const found = cards().map((card) => `${card.uri.split('/').pop()}: ${service.validate(card).map((diagnostic) => diagnostic.code).join(', ')}`);
    assert.deepEqual(found, ['okafor.smith.hire-score.yaml: quote-over-max', 'rivera.chen.hire-score.yaml: ', 'rivera.smith.hire-score.yaml: ']);
  });

  it('shows the candidates × skills, the recommendations, the quotes against the ceiling and the spread, as hire compare does', () => {
    const service = getLanguageService();
    const view = service.candidates(brief(), cards(), { format: 'html' })!;
    assert.equal(view.scorecards, 3);
    assert.equal(view.title, 'Candidates for complete.hire.yaml');
    const rows = [...view.content.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((match) => [match[1], ...[...match[2].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => cell[1])]);
    const header = [...view.content.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((match) => match[1]);
    assert.deepEqual(header.slice(0, 6), ['Candidate', 'Scorecards', 'strong-no', 'no', 'yes', 'strong-yes']);
    const column = (id: string) => header.indexOf(id);
    assert.deepEqual(rows.map((row) => row[0]), ['A. Rivera', 'K. Okafor']);
    assert.deepEqual(rows.map((row) => [row[column('yes')], row[column('strong-yes')]]), [['1', '1'], ['1', '0']]);
    // accounting: Chen's direct score only; Okafor has none.
    assert.deepEqual(rows.map((row) => row[column('accounting')]), ['4', '–']);
    assert.match(view.content, /<td class="over">450 USD a day \(ceiling 400 USD a day\), over the ceiling<\/td>/);
    assert.match(view.content, /<td>380 USD a day \(ceiling 400 USD a day\)<\/td>/);
    assert.match(view.content, /<li>A\. Rivera: conflict \(2 to 5\)<\/li>/);
    assert.doesNotMatch(view.content, /blamed the grip|owned their part|trust them/i, 'no notes or take-aways');
    // One renderer: the page of `hire compare --format html` holds this very fragment.
    assert.ok(service.candidates(brief(), cards(), { format: 'html', standalone: true })!.content.includes(view.content));
  });

  it('lists a scorecard still missing a required rating, leaves out those of other briefs, and says how to begin without any', () => {
    const service = getLanguageService();
    const [okafor, ...rest] = cards();
    const unrated = TextDocument.create(okafor.uri, okafor.languageId, 2, okafor.getText().replace('  superiors: 4\n', ''));
    const other = TextDocument.create(okafor.uri.replace('okafor.smith', 'elsewhere'), okafor.languageId, 1, okafor.getText().replace('../complete.hire.yaml', '../gaps.hire.yaml'));
    const view = service.candidates(brief(), [unrated, other, ...rest], { format: 'html' })!;
    assert.equal(view.scorecards, 3);
    assert.match(view.content, /<li>K\. Okafor: scorecards\/okafor\.smith\.hire-score\.yaml \(J\. Smith\): superiors<\/li>/);
    const none = service.candidates(brief(), [other], { format: 'html' })!;
    assert.equal(none.scorecards, 0);
    assert.match(none.content, /No scorecards name this brief yet\. .*<strong>Hiring Briefs: New Scorecard<\/strong>/);
    assert.match(service.candidates(brief(), [], { format: 'md' })!.content, /Hiring Briefs: New Scorecard/);
    assert.equal(service.candidates(okafor, cards(), { format: 'html' }), undefined, 'a scorecard is no brief');
  });
});
