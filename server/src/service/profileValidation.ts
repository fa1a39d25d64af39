/**
 * The findings of a role profile document (`*.hire-profile.yaml`): YAML
 * syntax, the profile schema (`schemas/hire-profile.schema.json`) with the
 * same precise ranges as a brief's, an `extends` that names no profile,
 * makes a cycle or a chain deeper than MAX_EXTENDS_DEPTH (`profile-extends`,
 * on the `extends` value), and an id that
 * another workspace profile also uses (`duplicate-profile`, on the `id` value),
 * and a value with hidden characters (`hidden-text`, hiddenText.ts).
 * The registry must already hold this document's profile.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createDiagnostic } from './codes';
import { checkHiddenText } from './hiddenText';
import { isStringScalar } from './model';
import { findPair, firstLine, hasSyntaxErrors, nodeSpan, toRange, type ParsedDocument } from './parse';
import type { ProfileRegistry } from './profiles';
import { closest } from './text';
import { syntaxDiagnostics, validateSchema, type SchemaProblem } from './validation';

/** The `data` of a `duplicate-profile` finding. */
export interface DuplicateProfileData {
  readonly id: string;
  /** The other profiles' sources (URIs) with this id. */
  readonly others: readonly string[];
}

/** The `data` of a `profile-extends` finding. */
export interface ProfileExtendsData {
  readonly value: string;
  readonly problem: 'unknown' | 'cycle' | 'deep';
  /** For a cycle: the ids along it, back to this profile; for a chain too deep: the parent's chain. */
  readonly chain?: readonly string[];
  /** For an unknown parent: the closest known id. */
  readonly suggestion?: string;
}

/** The findings of a profile document at their default severities. */
export function validateProfile(document: TextDocument, parsed: ParsedDocument, profiles: ProfileRegistry): Diagnostic[] {
  const diagnostics = syntaxDiagnostics(document, parsed, 'profile');
  if (hasSyntaxErrors(parsed)) return diagnostics;
  const root = parsed.yaml?.contents;
  if (!YAML.isMap(root)) {
    const span = nodeSpan(root);
    diagnostics.push(
      createDiagnostic(
        toRange(document, span && span.end > span.start ? firstLine(parsed.text, span) : { start: 0, end: 0 }),
        'not-a-brief',
        `This profile is ${root ? 'not a mapping' : 'empty'}: a profile is a YAML mapping of keys such as \`hire-profile: 1\`, \`id\`, \`title\` and \`questions\`.`,
      ),
    );
    return diagnostics;
  }
  // Concatenated, never spread into a call: a file may have hundreds of thousands of findings.
  for (const found of [validateSchema(document, parsed, 'profile'), checkNewItems(document, root, profiles), checkHiddenText(document, parsed)]) {
    for (const diagnostic of found) diagnostics.push(diagnostic);
  }

  const idNode = findPair(root, 'id')?.value;
  const idSpan = nodeSpan(idNode);
  if (isStringScalar(idNode) && idSpan) {
    const sources = profiles.sourcesOf(idNode.value);
    const others = sources.filter((source) => source !== document.uri);
    if (sources.includes(document.uri) && others.length > 0) {
      diagnostics.push(
        createDiagnostic(
          toRange(document, idSpan),
          'duplicate-profile',
          `Another profile also has the id '${idNode.value}' (${others.map(displayPath).join(', ')}): profile ids must be unique.`,
          { id: idNode.value, others } satisfies DuplicateProfileData,
        ),
      );
    }
  }

  const extendsNode = findPair(root, 'extends')?.value;
  const extendsSpan = nodeSpan(extendsNode);
  const problem = profiles.extendsProblem(document.uri);
  if (problem && isStringScalar(extendsNode) && extendsSpan) {
    const value = extendsNode.value;
    let message: string;
    let data: ProfileExtendsData;
    if (problem.kind === 'unknown') {
      const known = profiles.all().map((profile) => profile.id);
      const suggestion = closest(value, known);
      message = `This profile extends '${value}', which is no known profile.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Known profiles: ${known.join(', ')}.`;
      data = { value, problem: 'unknown', suggestion };
    } else if (problem.kind === 'cycle') {
      message = `The profiles extend each other in a cycle (${shortChain(problem.chain)}): a profile cannot inherit from itself.`;
      data = { value, problem: 'cycle', chain: problem.chain };
    } else {
      message = `'${value}' heads a chain of ${problem.chain.length} profiles (${shortChain(problem.chain)}), the most a chain may hold: this profile does not inherit from it. Extend a profile higher up the chain.`;
      data = { value, problem: 'deep', chain: problem.chain };
    }
    diagnostics.push(createDiagnostic(toRange(document, extendsSpan), 'profile-extends', message, data));
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * A skill needs a `name` and a question an `ask`, unless it overrides an
 * entry of the parent profile, which supplies them: the schema cannot know
 * the parent, so this check reports what it leaves out, as the schema would.
 */
function checkNewItems(document: TextDocument, root: YAML.YAMLMap, profiles: ProfileRegistry): Diagnostic[] {
  const own = profiles.declaredAt(document.uri);
  const parents = own?.extends === undefined ? [] : profiles.chain(own.extends).filter((parent) => parent.id !== own.id);
  const inherited = (list: 'skills' | 'questions', id: unknown) => parents.some((parent) => parent[list].some((item) => item.id === id));
  const diagnostics: Diagnostic[] = [];
  for (const [list, property] of [['skills', 'name'], ['questions', 'ask']] as const) {
    const items = findPair(root, list)?.value;
    if (!YAML.isSeq(items)) continue;
    for (const item of items.items) {
      if (!YAML.isMap(item) || findPair(item, property)) continue;
      const id = findPair(item, 'id')?.value;
      if (YAML.isScalar(id) && inherited(list, id.value)) continue;
      const span = nodeSpan(item.items[0]?.key as YAML.Node);
      if (!span) continue;
      diagnostics.push(
        createDiagnostic(toRange(document, span), 'schema', `This item of '${list}' lacks the required property '${property}' (only an entry the parent profile declares may leave it out).`, {
          kind: 'required',
          property,
        } satisfies SchemaProblem),
      );
    }
  }
  return diagnostics;
}

/** A chain of ids as a message shows it: `a → b → c`, its middle left out when it is long. */
function shortChain(chain: readonly string[]): string {
  return (chain.length <= 6 ? chain : [...chain.slice(0, 3), '…', ...chain.slice(-2)]).join(' → ');
}

/** A source as a message shows it: a file's path, else the URI. */
function displayPath(source: string): string {
  try {
    return source.startsWith('file:') ? filePath(source) : source;
  } catch {
    return source;
  }
}

/**
 * The path of a `file:` URI, as Node's `fileURLToPath` gives it (without
 * Node: the service runs in a browser too): percent-escapes decoded, and a
 * drive letter's path (`file:///c:/x`) in Windows form. Throws for a URI
 * with a host or an escaped separator, as that does.
 */
function filePath(uri: string): string {
  const url = new URL(uri);
  if (url.hostname !== '' && url.hostname !== 'localhost') throw new TypeError(`${uri} has a host`);
  if (/%2f/i.test(url.pathname)) throw new TypeError(`${uri} has an escaped separator`);
  const decoded = decodeURIComponent(url.pathname);
  return /^\/[A-Za-z]:/.test(decoded) ? decoded.slice(1).replace(/\//g, '\\') : decoded;
}
