/**
 * The JSON Schemas of briefs, role profiles and scorecards (`schemas/`), as data: the
 * one place that holds them, what a feature reads of them, the schema at a
 * path, and the form of an id.
 */
import briefSchema from '../../../schemas/hire.schema.json';
import profileSchema from '../../../schemas/hire-profile.schema.json';
import scoreSchema from '../../../schemas/hire-score.schema.json';
import type { PathSegment } from './cursor';

/** Which schema a document is validated against. */
export type SchemaKind = 'brief' | 'profile' | 'score';

/** The parts of a JSON Schema the features read. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  const?: unknown;
  pattern?: string;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  defaultSnippets?: { label?: string; description?: string; body: unknown }[];
  examples?: unknown[];
}

const schemas = { brief: briefSchema, profile: profileSchema, score: scoreSchema } as const;

/** The JSON Schema of a kind of document, as data (for validation, completion, hover, formatting and quick fixes). */
export function schemaOf(kind: SchemaKind): JsonSchema {
  return schemas[kind] as JsonSchema;
}

/** The top-level properties of the brief schema, in the order the schema lists them (and ajv checks them). */
export const BRIEF_PROPERTIES: readonly string[] = Object.keys(briefSchema.properties);

/** The schema of the node at a path of a brief or a profile (`$ref`s resolved); undefined where the schema allows nothing. */
export function schemaAt(path: readonly PathSegment[], kind: SchemaKind = 'brief'): JsonSchema | undefined {
  const root = schemaOf(kind);
  let schema: JsonSchema | undefined = root;
  for (const segment of path) {
    if (!schema) return undefined;
    const additional: JsonSchema | undefined = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    const next: JsonSchema | undefined = typeof segment === 'number' ? schema.items : (schema.properties?.[segment] ?? additional);
    // A `$ref` gives the definition; the referring schema's own fields (its description) win.
    schema = next?.$ref ? { ...root.definitions?.[next.$ref.replace('#/definitions/', '')], ...next, $ref: undefined } : next;
  }
  return schema;
}

/** The form of skill, question and profile ids (kebab-case), as the brief schema's `id` definition writes it. */
export const ID_PATTERN: string = briefSchema.definitions.id.pattern;

/** ID_PATTERN as a regular expression. */
export const ID = new RegExp(ID_PATTERN);
