/**
 * Navigation across the workspace: go to definition, find references and
 * rename, for profile ids (a brief's `profile`, a profile's `id` and
 * `extends`) and for skill and question ids (in briefs: `skills`, question
 * ids, `assesses`, `waive` keys; in profiles: their declarations and
 * `assesses`). The workspace's briefs and profiles come in as documents.
 *
 * A skill or question id belongs to the first profile up the `extends` chain
 * that declares it: a child's entry with the same id is the same symbol. An
 * id no profile declares belongs to its brief alone.
 */
import * as YAML from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { nodeAt, pathPattern } from './cursor';
import { isStringScalar, profileDocumentChain, readBrief, resolveBrief } from './model';
import { PROFILE_LANGUAGE_ID } from './names';
import { findPair, keyName, nodeSpan, toRange, type ParsedDocument, type Span } from './parse';
import { builtinProfileTexts, isBuiltin, type DeclaredProfile, type ProfileRegistry } from './profiles';
import { ID } from './schema';
import { isProfileDocument } from './documents';

/** The workspace a navigation request looks across. */
export interface WorkspaceDocuments {
  /** Every brief and profile of the workspace (open documents over their files). */
  readonly documents: readonly TextDocument[];
  /** The parse of a document (cached per version). */
  parse(document: TextDocument): ParsedDocument;
  readonly profiles: ProfileRegistry;
}

/** What can be navigated: a profile, or a skill or question of the profile that declares it first (or of one brief). */
type Target =
  | { readonly kind: 'profile'; readonly id: string }
  | { readonly kind: 'skill' | 'question'; readonly id: string; readonly owner: { readonly profile: string } | { readonly brief: string } };

/** A place a target's id is written. */
interface Occurrence {
  readonly document: TextDocument;
  readonly node: YAML.Scalar;
  /** Whether this is where the target is declared. */
  readonly declaration: boolean;
}

/** Where the profile, skill or question at a position is declared. */
export function findDefinition(document: TextDocument, position: Position, workspace: WorkspaceDocuments): Location[] {
  const at = targetAt(document, position, workspace);
  if (!at) return [];
  const { target } = at;
  if (target.kind === 'profile') {
    const profile = workspace.profiles.chain(target.id)[0];
    return profile ? locations(declarationsIn(profileDocument(profile.source, workspace), target, workspace)) : [];
  }
  // The nearest declaration: the profile the position's document uses, then up its chain.
  for (const profile of chainFrom(document, workspace)) {
    if (!declares(profile, target)) continue;
    return locations(declarationsIn(profileDocument(profile.source, workspace), target, workspace));
  }
  return locations(occurrencesIn(document, target, workspace).filter((occurrence) => occurrence.declaration));
}

/** Every place the profile, skill or question at a position is written, across the workspace. */
export function findReferences(document: TextDocument, position: Position, workspace: WorkspaceDocuments, includeDeclaration: boolean): Location[] {
  const at = targetAt(document, position, workspace);
  if (!at) return [];
  return locations(allOccurrences(document, at.target, workspace).filter((occurrence) => includeDeclaration || !occurrence.declaration));
}

/** What a rename at a position would change: the id's range and text, or why it cannot be renamed. */
export type RenameTarget = { readonly range: Range; readonly placeholder: string } | { readonly reason: string };

/** Whether the id at a position can be renamed. */
export function prepareRename(document: TextDocument, position: Position, workspace: WorkspaceDocuments): RenameTarget | undefined {
  const at = targetAt(document, position, workspace);
  if (!at) return undefined;
  const builtin = allOccurrences(document, at.target, workspace).find((occurrence) => occurrence.declaration && isBuiltin({ source: occurrence.document.uri }));
  if (builtin) {
    return { reason: `'${at.target.id}' is declared by a built-in profile, which cannot be edited. Copy it into a workspace profile (*.hire-profile.yaml) to rename it.` };
  }
  return { range: toRange(document, at.span), placeholder: at.target.id };
}

/** The edit that renames the id at a position everywhere it is written; a reason when it cannot. */
export function doRename(document: TextDocument, position: Position, newName: string, workspace: WorkspaceDocuments): WorkspaceEdit | { readonly reason: string } | undefined {
  const prepared = prepareRename(document, position, workspace);
  if (!prepared || 'reason' in prepared) return prepared;
  if (!ID.test(newName)) return { reason: `'${newName}' is not a valid id: use kebab-case (lowercase letters, digits, single hyphens).` };
  const at = targetAt(document, position, workspace)!;
  const changes: Record<string, TextEdit[]> = {};
  for (const occurrence of allOccurrences(document, at.target, workspace)) {
    const span = innerSpan(occurrence.document.getText(), nodeSpan(occurrence.node)!);
    (changes[occurrence.document.uri] ??= []).push({ range: toRange(occurrence.document, span), newText: newName });
  }
  return { changes };
}

/** The target at a position and the span of its id there. */
function targetAt(document: TextDocument, position: Position, workspace: WorkspaceDocuments): { target: Target; span: Span } | undefined {
  const parsed = workspace.parse(document);
  const offset = document.offsetAt(position);
  // A cursor just after an id is still on it.
  const at = nodeAt(parsed, offset) ?? (offset > 0 ? nodeAt(parsed, offset - 1) : undefined);
  if (!at || !isStringScalar(at.node)) return undefined;
  const id = at.node.value;
  const span = nodeSpan(at.node)!;
  const path = pathPattern(at.path);
  const item = (kind: 'skill' | 'question'): { target: Target; span: Span } => ({ target: { kind, id, owner: ownerOf(document, kind, id, workspace) }, span });
  if (isProfileDocument(document)) {
    if (at.isKey) return undefined;
    switch (path) {
      case 'id':
      case 'extends':
        return { target: { kind: 'profile', id }, span };
      case 'skills.*.id':
      case 'questions.*.assesses.*':
        return item('skill');
      case 'questions.*.id':
        return item('question');
      default:
        return undefined;
    }
  }
  if (at.isKey) {
    if (path !== 'waive.' + id) return undefined;
    const kind = waivedKind(document, id, workspace);
    return kind && item(kind);
  }
  switch (path) {
    case 'profile':
      return { target: { kind: 'profile', id }, span };
    case 'skills.*':
    case 'skills.*.id':
    case 'questions.*.assesses.*':
      return item('skill');
    case 'questions.*.id':
      return item('question');
    default:
      return undefined;
  }
}

/** Whether a waived id is a skill or a question of the brief or its profile (a section otherwise). */
function waivedKind(document: TextDocument, id: string, workspace: WorkspaceDocuments): 'skill' | 'question' | undefined {
  const brief = readBrief(workspace.parse(document));
  const chain = chainFrom(document, workspace);
  if (brief?.skills.some((skill) => skill.id === id) || chain.some((profile) => declares(profile, { kind: 'skill', id }))) return 'skill';
  if (brief?.questions.some((question) => question.id === id) || chain.some((profile) => declares(profile, { kind: 'question', id }))) return 'question';
  return undefined;
}

/** The profile that declares a skill or question first up the chain of a document's profile; else the brief itself. */
function ownerOf(document: TextDocument, kind: 'skill' | 'question', id: string, workspace: WorkspaceDocuments): { profile: string } | { brief: string } {
  const owner = chainFrom(document, workspace).filter((profile) => declares(profile, { kind, id })).at(-1);
  return owner ? { profile: owner.id } : { brief: document.uri };
}

/** The profiles a document's ids refer to: a brief's profile and its parents; a profile document itself and its parents. */
function chainFrom(document: TextDocument, workspace: WorkspaceDocuments): DeclaredProfile[] {
  if (isProfileDocument(document)) return profileDocumentChain(document.uri, workspace.profiles);
  const brief = readBrief(workspace.parse(document));
  return brief ? [...resolveBrief(brief, workspace.profiles).chain] : [];
}

function declares(profile: DeclaredProfile, target: { kind: 'skill' | 'question'; id: string }): boolean {
  return (target.kind === 'skill' ? profile.skills : profile.questions).some((item) => item.id === target.id);
}

/** Whether a document's chain reaches the profile that owns a target. */
function inFamily(document: TextDocument, owner: string, workspace: WorkspaceDocuments): boolean {
  return chainFrom(document, workspace).some((profile) => profile.id === owner);
}

/** Every occurrence of a target: in one brief for a brief's own id, else across the workspace. */
function allOccurrences(document: TextDocument, target: Target, workspace: WorkspaceDocuments): Occurrence[] {
  if (target.kind !== 'profile' && 'brief' in target.owner) return occurrencesIn(document, target, workspace);
  const documents = new Map(workspace.documents.map((candidate) => [candidate.uri, candidate] as const));
  documents.set(document.uri, document);
  // The built-in profiles are searched too (read-only), so that their declarations are found.
  for (const source of builtinProfileTexts.keys()) {
    const builtin = documents.has(source) ? undefined : profileDocument(source, workspace);
    if (builtin) documents.set(source, builtin);
  }
  return [...documents.values()].flatMap((candidate) => occurrencesIn(candidate, target, workspace));
}

/** The declarations of a target in a profile document. */
function declarationsIn(document: TextDocument | undefined, target: Target, workspace: WorkspaceDocuments): Occurrence[] {
  return document ? occurrencesIn(document, target, workspace).filter((occurrence) => occurrence.declaration) : [];
}

/** Where a target's id is written in one document. */
function occurrencesIn(document: TextDocument, target: Target, workspace: WorkspaceDocuments): Occurrence[] {
  const root = workspace.parse(document).yaml?.contents;
  if (!YAML.isMap(root)) return [];
  const found: Occurrence[] = [];
  const add = (node: unknown, declaration: boolean) => {
    if (YAML.isScalar(node) && node.value === target.id && node.range) found.push({ document, node, declaration });
  };
  const inProfile = isProfileDocument(document);
  if (target.kind === 'profile') {
    if (inProfile) {
      add(findPair(root, 'id')?.value, true);
      add(findPair(root, 'extends')?.value, false);
    } else {
      add(findPair(root, 'profile')?.value, false);
    }
    return found;
  }
  if ('profile' in target.owner ? !inFamily(document, target.owner.profile, workspace) : document.uri !== target.owner.brief) return [];
  const skills = findPair(root, 'skills')?.value;
  const questions = findPair(root, 'questions')?.value;
  const items = (list: unknown) => (YAML.isSeq(list) ? list.items : []);
  if (target.kind === 'skill') {
    for (const skill of items(skills)) add(YAML.isMap(skill) ? findPair(skill, 'id')?.value : skill, inProfile || 'brief' in target.owner);
    for (const question of items(questions)) for (const skill of items(findPair(question, 'assesses')?.value)) add(skill, false);
  } else {
    for (const question of items(questions)) add(findPair(question, 'id')?.value, inProfile || 'brief' in target.owner);
  }
  const waive = findPair(root, 'waive')?.value;
  if (!inProfile && YAML.isMap(waive)) for (const pair of waive.items) if (keyName(pair) === target.id) add(pair.key, false);
  return found;
}

/** A profile's document: the workspace's (open or on disk), or a built-in profile's text. */
function profileDocument(source: string, workspace: WorkspaceDocuments): TextDocument | undefined {
  const open = workspace.documents.find((document) => document.uri === source);
  if (open) return open;
  const text = builtinProfileTexts.get(source);
  return text === undefined ? undefined : TextDocument.create(source, PROFILE_LANGUAGE_ID, 0, text);
}

/** The span of a scalar's text inside its quotes, if it is quoted. */
function innerSpan(text: string, span: Span): Span {
  const first = text[span.start];
  return (first === '"' || first === "'") && span.end - span.start >= 2 ? { start: span.start + 1, end: span.end - 1 } : span;
}

function locations(occurrences: readonly Occurrence[]): Location[] {
  return occurrences.map((occurrence) => ({ uri: occurrence.document.uri, range: toRange(occurrence.document, nodeSpan(occurrence.node)!) }));
}
