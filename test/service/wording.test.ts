/**
 * Candidate-facing wording: the word lists, stem matching, the allowlist,
 * the fields that are checked and those that are not, the hover and the
 * preview's balance.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import wordList from '../../schemas/wording/gendered-words.json';
import { getLanguageService } from '../../server/src/service/languageService';
import { findCodedWords } from '../../server/src/service/wording';
import { brief, withCursor } from '../support/documents';

const service = getLanguageService();

/** `word stem coding` of each coded word in a text. */
const coded = (text: string) => findCodedWords(text).map((found) => `${found.word} ${found.stem} ${found.coding}`);

/** `coded-wording` findings of a brief as `line:start-end word coding`. */
function findings(text: string): string[] {
  const document = brief(text);
  return service
    .validate(document)
    .filter((diagnostic) => diagnostic.code === 'coded-wording')
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${document.getText(d.range)} ${(d.data as { coding: string }).coding}`);
}

describe('the word lists', () => {
  it('hold the 42 masculine and 40 feminine words and stems of Appendix A, with the citation and what they were checked against', () => {
    assert.equal(wordList.masculine.length, 42);
    assert.equal(wordList.feminine.length, 40);
    assert.equal(new Set(wordList.masculine).size, 42);
    assert.equal(new Set(wordList.feminine).size, 40);
    // The appendix's first and last entries, in its order.
    assert.deepEqual(wordList.masculine.slice(0, 3), ['active', 'adventurous', 'aggress*']);
    assert.deepEqual(wordList.masculine.slice(-3), ['self-confiden*', 'self-sufficien*', 'self-relian*']);
    assert.deepEqual(wordList.feminine.slice(0, 3), ['affectionate', 'child*', 'cheer*']);
    assert.deepEqual(wordList.feminine.slice(-3), ['warm*', 'whin*', 'yield*']);
    // Whole words stay whole words, stems keep their *, both forms where the appendix lists both.
    for (const stem of ['decide', 'decisive', 'decision*', 'dominant', 'domina*', 'persist', 'logic', 'opinion', 'masculine', 'impulsive', 'lead*', 'superior']) {
      assert.ok(wordList.masculine.includes(stem), stem);
    }
    for (const stem of ['feminine', 'flatterable', 'interpersonal', 'interpersona*', 'interdependen*', 'kind', 'kinship', 'modesty', 'nag', 'support*', 'respon*']) {
      assert.ok(wordList.feminine.includes(stem), stem);
    }
    // Not in the appendix: Gender Decoder's additions and variants, and the appendix's misprint.
    for (const stem of ['decid*', 'implusive', 'driven', 'fearless', 'battle*', 'champion*', 'fight*', 'defend*', 'unreasonab*', 'head-strong']) {
      assert.ok(!wordList.masculine.includes(stem), stem);
    }
    for (const stem of ['supporti*', 'agree*', 'collab*', 'co-operat*', 'feel*', 'enthusias*', 'inclusive', 'share*', 'inter-personal']) {
      assert.ok(!wordList.feminine.includes(stem), stem);
    }
    assert.deepEqual(wordList.masculine.filter((stem) => wordList.feminine.includes(stem)), []);
    assert.equal(wordList.source.year, 2011);
    assert.match(wordList.source.journal, /Journal of Personality and Social Psychology/);
    assert.match(wordList.transcription, /checked stem by stem/);
    assert.match(wordList.source_note, /lovedaybrooke\/gender-decoder/);
    assert.match(wordList.source_note, /Implusive/);
  });

  it('finds a word of every stem in each list', () => {
    for (const coding of ['masculine', 'feminine'] as const) {
      for (const stem of wordList[coding]) {
        const word = stem.endsWith('*') ? `${stem.slice(0, -1)}ness` : stem;
        assert.deepEqual(coded(word), [`${word} ${stem} ${coding}`], stem);
      }
    }
  });
});

describe('matching stems', () => {
  it('matches a * stem as a word prefix, and a plain stem as the whole word only, ignoring case', () => {
    assert.deepEqual(coded('Leadership and LEADING'), ['Leadership lead* masculine', 'LEADING lead* masculine']);
    assert.deepEqual(coded('decisive, decisively, undecided'), ['decisive decisive masculine']);
    assert.deepEqual(coded('kind; kindness'), ['kind kind feminine']);
    assert.deepEqual(coded('mislead, unsupported, overcompetitive'), []);
  });

  it('matches hyphenated words whole, then by part, and possessives', () => {
    assert.deepEqual(coded('self-confident'), ['self-confident self-confiden* masculine']);
    assert.deepEqual(coded('team-leading'), ['leading lead* masculine']);
    assert.deepEqual(coded("the leader's call"), ["leader's lead* masculine"]);
  });

  it('leaves the allowlist alone: responsibilities, lead time, child performers, depending on', () => {
    assert.deepEqual(coded('Responsibilities: lead time for permits, child performers, depending on the schedule'), []);
    assert.deepEqual(coded('lead the office; lead\n  time'), ['lead lead* masculine']);
    assert.deepEqual(coded('a responsive coordinator'), ['responsive respon* feminine']);
  });
});

describe('coded-wording findings', () => {
  it('are on the exact word of role, summary and each duty, as information with word, stem and coding', () => {
    const text = [
      'hire: 1',
      'role: Lead Coordinator',
      'summary: >',
      '  An ambitious coordinator who will support',
      '  the office. Responsibilities include lead time.',
      'duties:',
      '  - "Decisive\\tcalls on travel"',
      '  - Keep a warm front desk',
      '',
    ].join('\n');
    assert.deepEqual(findings(text), [
      '1:6-10 Lead masculine',
      '3:5-14 ambitious masculine',
      '3:36-43 support feminine',
      '6:5-13 Decisive masculine',
      '7:11-15 warm feminine',
    ]);
    const [first] = service.validate(brief(text)).filter((d) => d.code === 'coded-wording');
    assert.equal(first.severity, 3);
    assert.deepEqual(first.data, { word: 'Lead', stem: 'lead*', coding: 'masculine' });
  });

  it('are not raised in interviewer-only fields', () => {
    const text = [
      'hire: 1',
      'role: Production Coordinator',
      'reports_to: Lead producer',
      'skills:',
      '  - id: leadership',
      '    evidence: Led a competitive, aggressive schedule',
      'authority:',
      '  decides: [Decisive calls]',
      'questions:',
      '  - id: conflict',
      '    ask: How would a leader handle a dominant crew member?',
      '    listen_for: [Supportive, warm answers]',
      'waive:',
      '  rate: Our superior decides.',
      'notes: Confident and ambitious.',
      '',
    ].join('\n');
    assert.deepEqual(findings(text), []);
  });

  it('follow the user\'s severity setting', () => {
    const document = brief('hire: 1\nrole: Lead Coordinator\n');
    assert.deepEqual(service.validate(document, { severity: { 'coded-wording': 'off' } }), []);
    assert.equal(service.validate(document, { severity: { 'coded-wording': 'warning' } })[0].severity, 2);
  });
});

describe('the hover and the preview', () => {
  it('explains the finding over a coded word, with the word as its range', () => {
    const { document, position } = withCursor('hire: 1\nsummary: An ambi|tious coordinator\n');
    const hover = service.doHover(document, position);
    assert.deepEqual(hover?.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 21 } });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /Masculine-coded word\*\* `ambitious` \(stem `ambitio\*`\)/);
    assert.match(value, /less appealing by women/);
    assert.match(value, /Gaucher, Friesen and Kay found/);
    assert.match(value, /\(2011\), “Evidence That Gendered Wording/);
  });

  it('shows the balance in the live preview\'s posting, not in standalone pages or Markdown', () => {
    const document = brief('hire: 1\nrole: Lead Coordinator\nsummary: Ambitious, supportive and warm.\n');
    const fragment = service.render(document, { format: 'html', view: 'posting' })!.content;
    assert.match(fragment, /<aside class="wording-balance" data-masculine="2" data-feminine="2">/);
    assert.match(fragment, /Wording balanced:<\/strong> 2 masculine-coded words, 2 feminine-coded words/);
    assert.doesNotMatch(service.render(document, { format: 'html', view: 'posting', standalone: true })!.content, /<aside class="wording-balance"/);
    assert.doesNotMatch(service.render(document, { format: 'md', view: 'posting' })!.content, /coded/);
    assert.doesNotMatch(service.render(brief('hire: 1\nrole: Coordinator\n'), { format: 'html', view: 'posting' })!.content, /<aside/);
  });
});
