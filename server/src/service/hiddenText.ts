/**
 * Hidden text (Trojan Source): a value that holds a bidirectional control
 * or another invisible format character reads differently from what it is.
 * Every scalar value of a brief or a profile is checked (`hidden-text`, on
 * the value), whether the character is written as it is or as an escape
 * (`"\u202E"`); the hover names the characters.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createDiagnostic } from './codes';
import { nodeSpan, toRange, type ParsedDocument } from './parse';
import { isStringScalar } from './model/nodes';

/**
 * A bidirectional control or another invisible format character: Unicode's
 * format characters (Cf), except the zero-width joiner and non-joiner, which
 * many scripts and emoji need between their letters.
 */
const HIDDEN_CHARACTER = /(?![\u200C\u200D])\p{Cf}/gu;

/** What may produce a hidden character in a value: the character itself, or an escape in a double-quoted scalar. */
const MAY_HIDE = /(?![\u200C\u200D])\p{Cf}|\\[uUx]/u;

/** The `data` of a `hidden-text` finding. */
export interface HiddenTextData {
  /** The hidden characters of the value, each once, as `U+202E`. */
  readonly characters: readonly string[];
}

const NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** The hidden characters of a text, each once, in order. */
export function hiddenCharacters(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(HIDDEN_CHARACTER), (match) => match[0]))];
}

/** A character's code point as Unicode writes it: `U+202E`. */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character as a message names it: `U+202E RIGHT-TO-LEFT OVERRIDE`. */
function characterName(character: string): string {
  return `${codePoint(character)} ${NAMES[character.codePointAt(0)!] ?? 'an invisible format character'}`;
}

/** The hidden characters of a scalar's value, if it is text that holds any. */
function scalarHiddenCharacters(node: unknown): string[] {
  return isStringScalar(node) ? hiddenCharacters(node.value) : [];
}

/** The `hidden-text` findings of a brief or a profile: one on each value that holds a hidden character. */
export function checkHiddenText(document: TextDocument, parsed: ParsedDocument): Diagnostic[] {
  // Most texts have neither such a character nor an escape that could make one: then no value is read.
  if (!parsed.yaml || !MAY_HIDE.test(parsed.text)) return [];
  const diagnostics: Diagnostic[] = [];
  YAML.visit(parsed.yaml, {
    Scalar(key, node) {
      const characters = key === 'key' ? [] : scalarHiddenCharacters(node);
      const span = nodeSpan(node);
      if (characters.length === 0 || !span) return;
      const names = characters.slice(0, 3).map(characterName).join(', ') + (characters.length > 3 ? ` and ${characters.length - 3} more` : '');
      diagnostics.push(
        createDiagnostic(
          toRange(document, span),
          'hidden-text',
          `This value holds ${names}: invisible characters can make text read differently from what it is (Trojan Source). Remove ${characters.length === 1 ? 'it' : 'them'} unless meant.`,
          { characters: characters.map(codePoint) } satisfies HiddenTextData,
        ),
      );
    },
  });
  return diagnostics;
}

/** The hover of a value that holds hidden characters: which, and why they matter; undefined for any other node. */
export function hiddenTextHover(node: unknown): string | undefined {
  const characters = scalarHiddenCharacters(node);
  if (characters.length === 0) return undefined;
  return [
    `**Hidden characters**: ${characters.map((character) => `\`${characterName(character)}\``).join(', ')}`,
    'A bidirectional control changes the order in which the text around it is shown, and an invisible character cannot be seen at all: ' +
      'the value reads differently from what it is (Trojan Source). Remove them unless they are meant (a right-to-left mark in Hebrew or Arabic text may be); ' +
      '`hire fmt` keeps them written as escapes (`\\u202E`) in double-quoted text, where they can be seen.',
  ].join('\n\n');
}
