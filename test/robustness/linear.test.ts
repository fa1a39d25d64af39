/**
 * Work that grows linearly with the input, on the inputs that once made it
 * quadratic: Markdown escaping of long runs of line breaks (U+2028, blank
 * lines), the wording check and its hover on a text full of allowed phrases
 * and coded words, and profiles that extend each other in a long chain.
 * Each case is timed in CPU time (not wall time, which other processes on
 * the machine stretch) at a size and at eight times that size, against a
 * reference of the same size that is linear; a quadratic case grows 64
 * times where the reference grows about 8, so the bound is generous: three
 * times the reference's growth. No absolute times are asserted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { brief } from '../support/documents';

/** The CPU time of one call of `run`, in milliseconds: the best of several rounds, each repeating it until it has taken long enough to measure. */
function cpuTime(run: () => void): number {
  let repeats = 1;
  for (;;) {
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const started = process.cpuUsage();
      for (let index = 0; index < repeats; index++) run();
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1000 / repeats);
    }
    if (best * repeats >= 20 || repeats >= 64) return best;
    repeats *= 4;
  }
}

/** How many times longer a case takes at eight times the size. */
function growth(prepare: (size: number) => () => void, size: number): number {
  const small = prepare(size);
  const large = prepare(8 * size);
  small();
  large();
  return cpuTime(large) / cpuTime(small);
}

/** Asserts that a case grows at most three times as fast as a linear reference of the same sizes. */
function assertLinear(what: string, hostile: (size: number) => () => void, reference: (size: number) => () => void, size: number): void {
  const linear = Math.max(8, growth(reference, size));
  const grown = growth(hostile, size);
  assert.ok(grown <= 3 * linear, `${what}: ${grown.toFixed(1)} times longer at 8 times the size (a linear reference: ${linear.toFixed(1)} times)`);
}

let documents = 0;
/** A brief of this text, validated once (the parse is cached), for `run` to time. */
function prepared(service: LanguageService, text: string, run: (document: TextDocument) => unknown): () => void {
  const document = brief(text, `file:///linear/${++documents}.hire.yaml`);
  service.validate(document);
  return () => void run(document);
}

describe('work grows linearly with the input', () => {
  const service = getLanguageService();
  const markdown = (document: TextDocument) => service.render(document, { format: 'md' });

  it('Markdown export of a role with a long run of U+2028 (LINE SEPARATOR)', { timeout: 120_000 }, () => {
    assertLinear(
      'a run of U+2028',
      (size) => prepared(service, `hire: 1\nrole: "a${'\u2028'.repeat(size)}b"\n`, markdown),
      (size) => prepared(service, `hire: 1\nrole: "a${'x'.repeat(size)}b"\n`, markdown),
      100_000,
    );
  });

  it('Markdown export of a role with a long run of blank lines, and of spaces and line breaks', { timeout: 120_000 }, () => {
    assertLinear(
      'blank lines',
      (size) => prepared(service, `hire: 1\nrole: |-\n  a\n${'\n'.repeat(size)}  b\n`, markdown),
      (size) => prepared(service, `hire: 1\nrole: |-\n  a\n${'x'.repeat(size)}\n  b\n`, markdown),
      100_000,
    );
    assertLinear(
      'spaces and line breaks',
      (size) => prepared(service, `hire: 1\nrole: "a${' \\n'.repeat(size / 2)}b"\n`, markdown),
      (size) => prepared(service, `hire: 1\nrole: "a${'x'.repeat(size)}b"\n`, markdown),
      100_000,
    );
  });

  it('the wording check and its hover on "lead time leader " repeated', { timeout: 120_000 }, () => {
    const text = (words: string, size: number) => `hire: 1\nrole: x\nsummary: "${words.repeat(size / words.length)}"\n`;
    const validate = (words: string) => (size: number) => {
      const source = text(words, size);
      return () => void service.validate(brief(source, `file:///linear/${++documents}.hire.yaml`));
    };
    assertLinear('validation', validate('lead time leader '), validate('stage plot cable '), 50_000);
    const hover = (words: string) => (size: number) =>
      prepared(service, text(words, size), (document) => service.doHover(document, document.positionAt(document.getText().length - 4)));
    assertLinear('hover', hover('lead time leader '), hover('stage plot cable '), 50_000);
  });

  it('the placeholder check on a value that is a long run of closing brackets, dots or TODOs', { timeout: 120_000 }, () => {
    const validate = (value: (size: number) => string) => (size: number) => {
      const source = `hire: 1\nrole: x\nnotes: '${value(size)}x'\n`;
      return () => void service.validate(brief(source, `file:///linear/${++documents}.hire.yaml`));
    };
    const reference = validate((size) => 'y'.repeat(size));
    assertLinear('closing brackets', validate((size) => ')'.repeat(size)), reference, 50_000);
    assertLinear('dots', validate((size) => '.'.repeat(size)), reference, 50_000);
    assertLinear('TODO', validate((size) => 'TODO '.repeat(size / 5)), reference, 50_000);
  });

  it('profiles that extend each other in a long chain: read, check each, and render a brief against the last', { timeout: 120_000 }, () => {
    // Each profile resolved once; a chain of n profiles used to take n² merges (1,000 profiles: 53 s for one render).
    const profiles = (chained: boolean) => (size: number) => {
      const team = Array.from({ length: size }, (_, index) =>
        TextDocument.create(
          `file:///linear/team/p${index}.hire-profile.yaml`,
          'hire-profile-yaml',
          1,
          `hire-profile: 1\nid: p${index}\ntitle: P${index}\n${chained && index > 0 ? `extends: p${index - 1}\n` : ''}skills:\n  - id: s${index}\n    name: S${index}\n`,
        ),
      );
      const last = brief(`hire: 1\nrole: x\nprofile: p${size - 1}\n`, `file:///linear/${++documents}.hire.yaml`);
      return () => {
        const checker = getLanguageService();
        for (const document of team) checker.updateProfile(document);
        for (const document of team) checker.validate(document);
        checker.render(last, { format: 'html', view: 'kit' });
      };
    };
    assertLinear('a chain of profiles', profiles(true), profiles(false), 125);
  });
});
