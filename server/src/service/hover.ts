/**
 * Hover: what a key means (the schema's description), which profile a
 * `profile` value names, and what a skill or question id stands for, with
 * the brief's own fields over the profile's; on a gender-coded word of a
 * candidate-facing field, what the wording study found. In a profile
 * document: keys and enum values from the profile schema, the parent an
 * `extends` value names, and skills and questions with the profile's own
 * fields over its parent's. On a value that holds hidden characters, in
 * either kind of document, which they are first.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { nodeAt, pathPattern, type NodeAt } from './cursor';
import { hiddenTextHover } from './hiddenText';
import { readBrief, readProfileDocument, resolveBrief, resolveProfileDocument, type ResolvedBrief } from './model';
import { nodeSpan, toRange, type ParsedDocument, type Span } from './parse';
import type { Profile, ProfileRegistry } from './profiles';
import { anchors } from './rubric';
import { schemaAt, type SchemaKind } from './schema';
import { substanceHover } from './substance';
import { codedWordAt, codedWordHover } from './wording';

/** The hover at a position of a brief; null where there is nothing to say. */
export function doHover(document: TextDocument, position: Position, parsed: ParsedDocument, profiles: ProfileRegistry): Hover | null {
  const at = nodeAt(parsed, document.offsetAt(position));
  const span = at && nodeSpan(at.node);
  if (!at || !span) return null;
  const brief = readBrief(parsed);
  const coded = brief && codedWordAt(parsed.text, brief, document.offsetAt(position));
  if (coded) return { contents: { kind: MarkupKind.Markdown, value: codedWordHover(coded) }, range: toRange(document, coded.span) };
  const model = brief && resolveBrief(brief, profiles);
  const value = YAML.isScalar(at.node) ? String(at.node.value) : '';
  let markdown: string | undefined;
  switch (at.isKey ? `key:${pathPattern(at.path.slice(0, -1))}` : pathPattern(at.path)) {
    case 'key:waive':
      markdown = skillHover(value, model) ?? questionHover(value, model) ?? schemaAt([value])?.markdownDescription;
      break;
    case 'profile':
      markdown = profileHover(profiles.get(value));
      break;
    case 'skills.*':
    case 'skills.*.id':
    case 'questions.*.assesses.*':
      markdown = skillHover(value, model);
      break;
    case 'questions.*.id':
      markdown = questionHover(value, model);
      break;
    default:
      markdown = schemaHover(at, 'brief');
  }
  const substance = substanceHover(at.path, at.node, at.isKey, brief, profiles);
  return hover(document, span, paragraphs(at.isKey ? undefined : hiddenTextHover(at.node), substance, markdown));
}

/** The hover at a position of a role profile document; null where there is nothing to say. */
export function doProfileHover(document: TextDocument, position: Position, parsed: ParsedDocument, profiles: ProfileRegistry): Hover | null {
  const at = nodeAt(parsed, document.offsetAt(position));
  const span = at && nodeSpan(at.node);
  if (!at || !span) return null;
  // The profile's own skills and questions, read as a brief's are, over those of the profile it extends.
  const own = readProfileDocument(parsed);
  const model = own && resolveProfileDocument(own, profiles);
  const value = YAML.isScalar(at.node) ? String(at.node.value) : '';
  let markdown: string | undefined;
  switch (at.isKey ? `key:${pathPattern(at.path.slice(0, -1))}` : pathPattern(at.path)) {
    case 'extends':
      markdown = profileHover(profiles.get(value));
      break;
    case 'skills.*.id':
    case 'questions.*.assesses.*':
      markdown = skillHover(value, model, true);
      break;
    case 'questions.*.id':
      markdown = questionHover(value, model, true);
      break;
    default:
      markdown = schemaHover(at, 'profile');
  }
  return hover(document, span, paragraphs(at.isKey ? undefined : hiddenTextHover(at.node), markdown));
}

/** A hover of Markdown over a span; null when there is nothing to say. */
function hover(document: TextDocument, span: Span, markdown: string): Hover | null {
  return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(document, span) } : null;
}

/** A key's meaning, or an enum value's, from a document's schema. */
function schemaHover(at: NodeAt, kind: SchemaKind): string | undefined {
  const schema = schemaAt(at.path, kind);
  const index = !at.isKey && YAML.isScalar(at.node) ? (schema?.enum?.indexOf(at.node.value) ?? -1) : -1;
  return at.isKey ? schema?.markdownDescription : (schema?.markdownEnumDescriptions ?? schema?.enumDescriptions)?.[index];
}

function profileHover(profile: Profile | undefined): string | undefined {
  if (!profile) return undefined;
  return paragraphs(`**${profile.title}** (\`${profile.id}\`)`, profile.about);
}

/**
 * A skill of the brief or its profile: name, need, why it matters and the
 * evidence to look for. In a brief, the profile's evidence is a suggestion
 * until the brief writes its own, and what assesses the skill is said as the
 * check sees it. `inProfile`: the document is a profile, whose evidence is the hint itself.
 */
function skillHover(id: string, model: ResolvedBrief | undefined, inProfile = false): string | undefined {
  const skill = model?.skill(id);
  if (!model || !skill) return undefined;
  const header = `**${skill.name ?? id}** (\`${id}\`): ${skill.need} skill`;
  if (inProfile) {
    const evidence = skill.evidence ?? skill.declared?.evidence;
    return paragraphs(header, skill.about, evidence && `*Evidence:* ${evidence}`);
  }
  const hint = skill.declared?.evidence;
  const questions = model.questions.filter((question) => question.assesses.includes(id)).map((question) => question.id);
  return paragraphs(
    header,
    skill.about,
    skill.evidence ? `*Evidence:* ${skill.evidence}` : hint && `*Suggested evidence* (the profile's hint, not an assessment until the brief writes its own \`evidence\`): ${hint}`,
    questions.length > 0
      ? `*Assessed by:* ${questions.map((question) => `\`${question}\``).join(', ')}`
      : skill.origin === 'brief' && !skill.evidence && skill.need === 'required' && !model.isWaived(id, 'skills') && '*Not assessed yet:* no question assesses it and the brief gives no evidence of its own.',
  );
}

/**
 * A question of the brief or its profile: the question, why, what to listen
 * for, red flags, the rubric's anchors and the skills it assesses. `ownPriority`: the document is a
 * profile, whose questions set their own `priority`.
 */
function questionHover(id: string, model: ResolvedBrief | undefined, ownPriority = false): string | undefined {
  const question = model?.question(id);
  if (!question) return undefined;
  const bullets = (title: string, lines: readonly string[]) => lines.length > 0 && `**${title}**\n${lines.map((line) => `- ${line}`).join('\n')}`;
  const priority = ownPriority ? (question.priority ?? 'required') : question.declared?.priority;
  return paragraphs(
    `**${question.ask ?? id}** (\`${id}\`${priority ? `, ${priority}` : ''})`,
    question.why,
    bullets('Listen for', question.listenFor),
    bullets('Red flags', question.redFlags),
    bullets('Rubric', anchors(question.rubric).map((anchor) => `**${anchor.score}** ${anchor.text}`)),
    question.assesses.length > 0 && `**Assesses:** ${question.assesses.map((skill) => `\`${skill}\``).join(', ')}`,
  );
}

function paragraphs(...parts: (string | false | undefined)[]): string {
  return parts.filter((part): part is string => !!part).join('\n\n');
}
