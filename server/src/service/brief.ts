/**
 * The brief model: the parts of a parsed brief that the profile checks,
 * completion, symbols and code actions read, each with the YAML node it came
 * from. Reading is lenient: a malformed part is skipped here and reported by
 * the schema.
 */
import * as YAML from 'yaml';
import { findPair, keyName, type ParsedDocument } from './parse';

/** The top-level keys of a brief, in the order docs/format.md lists them. */
export const BRIEF_KEYS = [
  'hire', 'role', 'profile', 'engagement', 'reports_to', 'project', 'summary', 'duties',
  'skills', 'authority', 'rate', 'workspace', 'questions', 'apply', 'waive', 'notes',
] as const;

/** A top-level key of a brief. */
export type BriefKey = (typeof BRIEF_KEYS)[number];

/** A pair of the brief whose key is a plain string. */
export type BriefPair = YAML.Pair<YAML.Scalar, YAML.Node | null>;

/** A skill or question of the brief. */
export interface BriefItem {
  readonly id: string;
  /** The id's scalar: the item itself for a shorthand skill. */
  readonly idNode: YAML.Scalar;
  /** The list item: a mapping, or the id scalar for a shorthand skill. */
  readonly node: YAML.Node;
  readonly index: number;
  /** The item as a mapping; undefined for a shorthand skill. */
  readonly map?: YAML.YAMLMap;
}

/** The parts of a brief the features read. */
export interface Brief {
  readonly root: YAML.YAMLMap;
  /** Top-level pairs by key. */
  readonly sections: ReadonlyMap<string, BriefPair>;
  readonly skills: readonly BriefItem[];
  readonly questions: readonly BriefItem[];
  /** Waived ids, with the pair that waives each. */
  readonly waived: ReadonlyMap<string, BriefPair>;
}

/** The brief model of each parse, read once: every feature of a version reads the same model. */
const briefs = new WeakMap<ParsedDocument, Brief | undefined>();

/**
 * Forgets the model of a parse that is no longer used. Left to the collector,
 * a weak map's entry goes only in a full collection: until then its model, and
 * the tree it points into, survive young-generation collections and are copied
 * to the old generation (checking many files copied every tree there).
 */
export function forgetBrief(parsed: ParsedDocument): void {
  briefs.delete(parsed);
}

/** Reads the brief model of a parsed document; undefined when its root is not a mapping. */
export function readBrief(parsed: ParsedDocument): Brief | undefined {
  if (!briefs.has(parsed)) briefs.set(parsed, read(parsed));
  return briefs.get(parsed);
}

function read(parsed: ParsedDocument): Brief | undefined {
  const root = parsed.yaml?.contents;
  if (!YAML.isMap(root)) return undefined;
  const sections = new Map<string, BriefPair>();
  for (const pair of root.items) {
    const name = keyName(pair);
    if (!sections.has(name)) sections.set(name, pair as BriefPair);
  }
  const waived = new Map<string, BriefPair>();
  const waive = findPair(root, 'waive')?.value;
  if (YAML.isMap(waive)) for (const pair of waive.items) waived.set(keyName(pair), pair as BriefPair);
  return {
    root,
    sections,
    skills: readItems(findPair(root, 'skills')?.value, true),
    questions: readItems(findPair(root, 'questions')?.value, false),
    waived,
  };
}

function readItems(list: YAML.Node | null | undefined, allowShorthand: boolean): BriefItem[] {
  if (!YAML.isSeq(list)) return [];
  const items: BriefItem[] = [];
  list.items.forEach((node, index) => {
    if (allowShorthand && YAML.isScalar(node) && typeof node.value === 'string') {
      items.push({ id: node.value, idNode: node, node, index });
    } else if (YAML.isMap(node)) {
      const idNode = findPair(node, 'id')?.value;
      if (YAML.isScalar(idNode) && typeof idNode.value === 'string') {
        items.push({ id: idNode.value, idNode, node, index, map: node });
      }
    }
  });
  return items;
}

/** A string field of an item's mapping, if set. */
export function itemString(item: BriefItem, key: string): string | undefined {
  const value = findPair(item.map, key)?.value;
  return YAML.isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

/** A list-of-strings field of an item's mapping, with its nodes; undefined if not set. */
export function itemStrings(item: BriefItem, key: string): YAML.Scalar<string>[] | undefined {
  const value = findPair(item.map, key)?.value;
  if (!YAML.isSeq(value)) return undefined;
  return value.items.filter((node): node is YAML.Scalar<string> => YAML.isScalar(node) && typeof node.value === 'string');
}
