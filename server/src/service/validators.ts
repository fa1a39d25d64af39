/**
 * The compiled JSON Schema validators, by name: the whole brief, profile and
 * scorecard schemas, and the brief split into parts (the root's own keywords, each
 * top-level property, each list's items) so that big briefs validate part by
 * part.
 *
 * Under tsx (tests) this module compiles the schemas with ajv at first use.
 * The bundles never load it: esbuild.mjs replaces it with ajv's standalone
 * code generated at build time from `createAjv()` and `VALIDATOR_REFS` (see
 * scripts/validators.mjs), so the shipped server and CLI generate no code at
 * run time.
 */
import Ajv, { type AnySchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import briefSchema from '../../../schemas/hire.schema.json';
import profileSchema from '../../../schemas/hire-profile.schema.json';
import scoreSchema from '../../../schemas/hire-score.schema.json';

const BRIEF_ID = briefSchema.$id;
const SPLIT_ID = 'https://hiring-briefs.dev/schemas/split/';
const ROOT_ID = `${SPLIT_ID}root.json`;

/** A brief property whose value is a list, validated item by item. */
function isList(schema: AnySchemaObject): boolean {
  return schema.type === 'array' && typeof schema.items === 'object';
}

const properties = briefSchema.properties as Record<string, AnySchemaObject>;

/** The validator of each top-level brief property's value (of its list shell, for a list), by key. */
export const PROPERTY_VALIDATORS: Readonly<Record<string, string>> = Object.fromEntries(Object.keys(properties).map((key) => [key, `brief_${key}`]));

/** The validator of one item of each top-level list property, by key. */
export const ITEM_VALIDATORS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(properties).flatMap((key) => (isList(properties[key]) ? [[key, `brief_${key}_item`]] : [])),
);

/** Every validator: its name and the schema reference it compiles. */
export const VALIDATOR_REFS: Readonly<Record<string, string>> = {
  brief: BRIEF_ID,
  profile: profileSchema.$id,
  score: scoreSchema.$id,
  briefRoot: ROOT_ID,
  ...Object.fromEntries(Object.keys(properties).map((key) => [PROPERTY_VALIDATORS[key], isList(properties[key]) ? `${SPLIT_ID}${key}.json` : `${BRIEF_ID}#/properties/${key}`])),
  ...Object.fromEntries(Object.entries(ITEM_VALIDATORS).map(([key, name]) => [name, `${BRIEF_ID}#/properties/${key}/items`])),
};

/**
 * The brief schema's own keywords at the root and on each list, without what
 * they contain: validating the parts with these and the property and item
 * schemas gives the same errors as the whole schema, in the same order.
 */
function splitSchemas(): AnySchemaObject[] {
  const { properties: _, definitions: __, $schema: ___, ...root } = briefSchema as AnySchemaObject;
  const schemas: AnySchemaObject[] = [
    { ...root, $id: ROOT_ID, properties: Object.fromEntries(Object.keys(properties).map((key) => [key, true])) },
  ];
  for (const [key, schema] of Object.entries(properties)) {
    if (!isList(schema)) continue;
    const { items: _items, ...shell } = schema;
    schemas.push({ ...shell, $id: `${SPLIT_ID}${key}.json` });
  }
  return schemas;
}

/** An ajv instance holding every schema, with the options the project validates with. */
export function createAjv(options: { code?: { source?: boolean; esm?: boolean } } = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, ...options });
  addFormats(ajv, ['date']);
  ajv.addVocabulary(['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets']);
  ajv.addSchema(briefSchema);
  ajv.addSchema(profileSchema);
  ajv.addSchema(scoreSchema);
  for (const schema of splitSchemas()) ajv.addSchema(schema);
  return ajv;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The validator of a name in `VALIDATOR_REFS`. */
export function getValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.getSchema(VALIDATOR_REFS[name]);
    if (!validate) throw new Error(`No schema for validator '${name}'`);
    compiled.set(name, validate);
  }
  return validate;
}
