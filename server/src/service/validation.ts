/**
 * Schema validation: the brief's plain value against `schemas/hire.schema.json`
 * (ajv, compiled once, every error), each error mapped to the YAML node at
 * fault by the rules of docs/format.md ("Findings"):
 * - a wrong value (type, enum, pattern, format, const, bounds): the value;
 * - an unknown key: the key;
 * - a missing required property: the key of the mapping that lacks it, or,
 *   for a list item (and the root), its first key.
 */
import type { ErrorObject } from 'ajv';
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createDiagnostic } from './codes';
import { closest } from './text';
import { findNode, firstLine, isEmptyNode, nodeSpan, toRange, type ParsedDocument, type Span } from './parse';
import { BRIEF_PROPERTIES, ID_PATTERN, type JsonSchema, type SchemaKind } from './schema';
import { getValidator, ITEM_VALIDATORS, PROPERTY_VALIDATORS } from './validators';

/** The `data` of a `schema` diagnostic: what a quick fix needs. */
export type SchemaProblem =
  | { kind: 'unknown-key'; key: string; allowed: string[]; suggestion?: string }
  | { kind: 'enum'; value: unknown; allowed: unknown[]; suggestion?: string }
  | { kind: 'required'; property: string }
  | { kind: 'value'; keyword: string };

/** Errors of a part of a brief, by the part's plain value (unchanged parts keep their value object). */
const partErrors = new Map<string, WeakMap<object, readonly ErrorObject[]>>();

/** The errors of a validator on a value, with `instancePath` under a prefix; cached for objects. */
function errorsOf(name: string, value: unknown, prefix: string): readonly ErrorObject[] {
  let cache = partErrors.get(name);
  if (!cache) partErrors.set(name, (cache = new WeakMap()));
  const cacheable = typeof value === 'object' && value !== null;
  let errors = cacheable ? cache.get(value) : undefined;
  if (!errors) {
    const validate = getValidator(name);
    errors = validate(value) ? [] : [...(validate.errors ?? [])];
    if (cacheable) cache.set(value, errors);
  }
  return prefix && errors.length ? errors.map((error) => ({ ...error, instancePath: prefix + error.instancePath })) : errors;
}

/**
 * The schema errors of a document's value. A brief is validated part by part
 * (the root's keywords, each top-level property, each list item), in the
 * order the whole schema reports them, so that an edit revalidates only the
 * parts whose value changed.
 */
export function schemaErrors(kind: SchemaKind, value: unknown): readonly ErrorObject[] {
  if (kind !== 'brief' || typeof value !== 'object' || value === null || Array.isArray(value)) return errorsOf(kind, value, '');
  const record = value as Record<string, unknown>;
  const errors = [...errorsOf('briefRoot', record, '')];
  for (const key of BRIEF_PROPERTIES) {
    if (!Object.hasOwn(record, key)) continue;
    const part = record[key];
    const prefix = `/${key}`;
    // Appended one by one, never spread into a call: a list may have hundreds of thousands of errors.
    for (const error of errorsOf(PROPERTY_VALIDATORS[key], part, prefix)) errors.push(error);
    const items = ITEM_VALIDATORS[key];
    if (items && Array.isArray(part)) part.forEach((item, index) => { for (const error of errorsOf(items, item, `${prefix}/${index}`)) errors.push(error); });
  }
  return errors;
}

/** Validates a parsed document's value; returns `schema` diagnostics on the nodes at fault. */
export function validateSchema(document: TextDocument, parsed: ParsedDocument, kind: SchemaKind = 'brief'): Diagnostic[] {
  const root = parsed.yaml?.contents;
  if (!YAML.isMap(root) || parsed.value === undefined) return [];
  const errors = schemaErrors(kind, parsed.value);
  if (errors.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  let unplaced = false;
  // One finding a node: `hire: "1"` is text where a number should be, and saying it is not 1 as well adds nothing.
  // A key that lacks several properties says so once for each.
  const seen = new Set<string>();
  for (const error of errors) {
    const finding = describe(error, root, parsed.text, kind);
    if (!finding) {
      unplaced = true;
      continue;
    }
    const key = finding.data.kind === 'required' ? `${finding.span.start}:${finding.span.end}:${finding.message}` : `${finding.span.start}:${finding.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(createDiagnostic(toRange(document, finding.span), 'schema', finding.message, finding.data));
  }
  // An error no node holds: the plain value names a list, mapping or null key by a text that matches no
  // key node. Report those keys themselves (looked for only then: it reads the whole tree).
  if (unplaced) {
    const keys = keysThatAreNotWords(root).map(({ span, what }) =>
      createDiagnostic(toRange(document, span), 'schema', `A key must be a word, such as 'role', not ${what}.`, { kind: 'value', keyword: 'propertyNames' } satisfies SchemaProblem),
    );
    return keys.concat(diagnostics);
  }
  return diagnostics;
}

/**
 * The findings about the YAML itself: syntax errors and warnings, and any
 * document after the first (a brief or a profile is one document).
 */
export function syntaxDiagnostics(document: TextDocument, parsed: ParsedDocument, kind: SchemaKind): Diagnostic[] {
  const diagnostics: Diagnostic[] = parsed.problems.map((problem) =>
    createDiagnostic(toRange(document, problem.span), 'yaml-syntax', problem.message, undefined, problem.severity),
  );
  for (const extra of parsed.extraDocuments) {
    const start = extra.range[0];
    diagnostics.push(
      createDiagnostic(
        toRange(document, firstLine(parsed.text, { start, end: Math.max(start, extra.range[1]) })),
        'not-a-brief',
        `A ${kind === 'score' ? 'scorecard' : kind} is one YAML document: move this document to a file of its own, or remove the \`---\` that starts it.`,
      ),
    );
  }
  return diagnostics;
}

/** The keys, anywhere in a tree, that are lists or mappings (`? [a, b]`, `[a]: x`) or null (`~: x`). */
function keysThatAreNotWords(root: YAML.YAMLMap): { span: Span; what: string }[] {
  const keys: { span: Span; what: string }[] = [];
  YAML.visit(root, {
    Pair(_, pair) {
      const what = YAML.isCollection(pair.key) ? 'a list or a mapping' : YAML.isScalar(pair.key) && pair.key.value === null ? 'null' : undefined;
      const span = what ? nodeSpan(pair.key as YAML.Node) : undefined;
      if (what && span && span.end > span.start) keys.push({ span, what });
    },
  });
  return keys;
}

interface Finding {
  span: Span;
  message: string;
  data: SchemaProblem;
}

function pathOf(error: ErrorObject): string[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describe(error: ErrorObject, root: YAML.YAMLMap, text: string, kind: SchemaKind): Finding | undefined {
  const path = pathOf(error);
  const where = findNode(root, path);
  // A key inside an alias's value has no node of its own here.
  const inAlias = YAML.isAlias(where?.node) && (error.keyword === 'additionalProperties' || error.propertyName !== undefined);
  if (!where || inAlias) return atAlias(error, root, path);
  const label = fieldLabel(path);

  if (error.propertyName !== undefined || error.keyword === 'propertyNames') {
    // A key that breaks `propertyNames` (a waive key that is not an id).
    if (error.keyword === 'propertyNames') return undefined;
    const name = error.propertyName!;
    const pair = YAML.isMap(where.node) ? findNode(where.node, [name])?.pair : undefined;
    // No key node holds the name: a list or mapping key, reported as such.
    const span = nodeSpan(pair?.key as YAML.Node);
    return span && { span, message: `'${name}' is not a valid id: use kebab-case, such as '${kebab(name)}'.`, data: { kind: 'value', keyword: 'propertyNames' } };
  }

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const pair = YAML.isMap(where.node) ? findNode(where.node, [key])?.pair : undefined;
      const span = nodeSpan(pair?.key as YAML.Node);
      if (!span) return undefined;
      const allowed = Object.keys((error.parentSchema as JsonSchema | undefined)?.properties ?? {});
      const place = path.length ? ` in '${label}'` : '';
      // A rubric's keys are scores: the closest spelling of '6' is no better score.
      if (path.at(-1) === 'rubric') return { span, message: `'${key}' is not a score${place}: a rubric's keys are the scores ${allowed.join(', ')}.`, data: { kind: 'unknown-key', key, allowed } };
      const suggestion = key === '<<' ? undefined : closest(key, allowed);
      const hint = key === '<<'
        ? ` Merge keys (<<) are not part of YAML 1.2, which ${{ brief: 'briefs', profile: 'profiles', score: 'scorecards' }[kind]} are read as: write the keys out.`
        : suggestion ? ` Did you mean '${suggestion}'?` : ` Allowed keys: ${allowed.join(', ')}.`;
      return { span, message: `Unknown key '${key}'${place}.${hint}`, data: { kind: 'unknown-key', key, allowed, suggestion } };
    }
    case 'required': {
      const property = (error.params as { missingProperty: string }).missingProperty;
      const span = requiredSpan(where, path, text);
      if (!span) return undefined;
      if (path.at(-1) === 'rubric') return { span, message: `'${label}' has no anchor for a ${property}: a rubric says at least what a 1 and a 5 sound like.`, data: { kind: 'required', property } };
      const owner = path.length === 0 ? `The ${kind === 'score' ? 'scorecard' : kind}` : isIndex(path.at(-1)) ? `This item of '${fieldLabel(path.slice(0, -1))}'` : `'${label}'`;
      return { span, message: `${owner} lacks the required property '${property}'.`, data: { kind: 'required', property } };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const span = valueSpan(where, text);
      if (!span) return undefined;
      const suggestion = typeof error.data === 'string' ? closest(error.data, allowed.map(String)) : undefined;
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      return {
        span,
        message: `${show(error.data)} is not a valid value for '${label}'.${hint} Allowed: ${allowed.join(', ')}.`,
        data: { kind: 'enum', value: error.data, allowed, suggestion },
      };
    }
    default: {
      const span = valueSpan(where, text);
      if (!span) return undefined;
      return { span, message: valueMessage(error, label), data: { kind: 'value', keyword: error.keyword } };
    }
  }
}

/**
 * An error inside a value that an alias brings in (`skills: *list`): on the
 * alias, where the value became wrong (the anchored value may be right where
 * it is defined).
 */
function atAlias(error: ErrorObject, root: YAML.YAMLMap, path: readonly string[]): Finding | undefined {
  let node: YAML.Node | null | undefined = root;
  for (const segment of path) {
    if (YAML.isAlias(node)) break;
    node = findNode(node, [segment])?.node;
    if (!node) return undefined;
  }
  const span = YAML.isAlias(node) ? nodeSpan(node) : undefined;
  if (!YAML.isAlias(node) || !span) return undefined;
  const label = fieldLabel(path);
  const params = error.params as Record<string, unknown>;
  const problem =
    error.keyword === 'additionalProperties' ? `Unknown key '${String(params.additionalProperty)}' in '${label}'.`
    : error.keyword === 'required' ? `'${label}' lacks the required property '${String(params.missingProperty)}'.`
    : error.keyword === 'enum' ? `${show(error.data)} is not a valid value for '${label}'.`
    : error.propertyName !== undefined ? `'${error.propertyName}' is not a valid id in '${label}'.`
    : valueMessage(error, label);
  return { span, message: `${problem} The value comes from the alias *${node.source}.`, data: { kind: 'value', keyword: error.keyword } };
}

/** The value at fault; its key when the value is empty. */
function valueSpan(where: NonNullable<ReturnType<typeof findNode>>, text: string): Span | undefined {
  if (isEmptyNode(where.node) && where.pair) return nodeSpan(where.pair.key as YAML.Node);
  const span = nodeSpan(where.node);
  return span && firstLine(text, span);
}

/** Where a missing property is reported: the owner's key, or a list item's (or the root's) first key. */
function requiredSpan(where: NonNullable<ReturnType<typeof findNode>>, path: string[], text: string): Span | undefined {
  if (path.length > 0 && !isIndex(path.at(-1)) && where.pair) return nodeSpan(where.pair.key as YAML.Node);
  const node = where.node;
  if (YAML.isMap(node) && node.items.length > 0) return nodeSpan(node.items[0].key as YAML.Node);
  const span = nodeSpan(node);
  return span && firstLine(text, span);
}

function valueMessage(error: ErrorObject, label: string): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `'${label}' should be ${typeName(String(params.type))}, not ${describeValue(error.data)}.`;
    case 'const':
      return `'${label}' must be ${show(params.allowedValue)}.`;
    case 'pattern':
      if (params.pattern === ID_PATTERN) {
        return `${show(error.data)} is not a valid id: use kebab-case (lowercase letters, digits, single hyphens), such as '${kebab(String(error.data))}'.`;
      }
      if (label.endsWith('apply.contact')) return `${show(error.data)} is neither an email address nor a web address: write it as jobs@example.com or https://example.com/jobs.`;
      if (label.endsWith('currency')) return `${show(error.data)} is not a currency code: use three capital letters (ISO 4217), such as USD, EUR or GBP.`;
      return `${show(error.data)} does not have the expected form for '${label}'.`;
    case 'format':
      return `${show(error.data)} is not a valid ${params.format} for '${label}': write it as YYYY-MM-DD, such as 2027-02-01.`;
    case 'minLength':
      return `'${label}' must not be empty.`;
    case 'minItems':
      return `'${label}' needs at least ${params.limit} item${params.limit === 1 ? '' : 's'}.`;
    case 'uniqueItems':
      return `'${label}' lists an item twice.`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `'${label}' must be ${boundWords[error.keyword]} ${params.limit}.`;
    default:
      return `'${label}' ${error.message ?? 'is not valid'}.`;
  }
}

const boundWords: Record<string, string> = {
  minimum: 'at least',
  exclusiveMinimum: 'more than',
  maximum: 'at most',
  exclusiveMaximum: 'less than',
};

function typeName(type: string): string {
  return type
    .split(',')
    .map((name) => ({ object: 'a mapping', array: 'a list', string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'empty' })[name] ?? name)
    .join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text (${show(value)})`;
  return `${typeof value === 'number' ? 'a number' : typeof value} (${show(value)})`;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isIndex(segment: string | undefined): boolean {
  return segment !== undefined && /^\d+$/.test(segment);
}

/** A path as a user reads it: `skills[2].need`. */
function fieldLabel(path: readonly string[]): string {
  return path.reduce((label, segment) => (isIndex(segment) ? `${label}[${segment}]` : label ? `${label}.${segment}` : segment), '') || 'brief';
}

/** The kebab-case form of a would-be id. */
export function kebab(text: string): string {
  const id = text
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return id || 'id';
}
