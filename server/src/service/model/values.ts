/**
 * Reading a brief's values to show them: the one lenient node→value reader.
 * Text is trimmed (empty text is no value), numbers and booleans are shown as
 * text, aliases are followed (within the limits `plainValue` enforces: a
 * document whose value breaks them shows nothing), a key written twice reads
 * its last value, and a document with YAML errors shows what the parser
 * recovered. The checks read the tree strictly instead (`nodes.ts`).
 */
import * as YAML from 'yaml';
import { MAX_ALIAS_COUNT, plainValue } from '../limits';
import type { ParsedDocument } from '../parse';

/** A brief's values, read leniently from its tree. */
export class ValueReader {
  constructor(private readonly document: YAML.Document) {}

  /** The node itself, or the node an alias refers to; undefined for no node or an unknown anchor. */
  resolve(node: unknown): YAML.Node | undefined {
    let current = node;
    // An anchor is never on an alias, so one step is enough; the bound guards a malformed tree.
    for (let step = 0; step < 8 && YAML.isAlias(current); step++) current = current.resolve(this.document);
    return YAML.isNode(current) && !YAML.isAlias(current) ? current : undefined;
  }

  /** The pair of a mapping with a key, the last one when written twice (as plain data reads it). */
  private pair(map: unknown, key: string): YAML.Pair | undefined {
    const resolved = this.resolve(map);
    if (!YAML.isMap(resolved)) return undefined;
    let found: YAML.Pair | undefined;
    for (const pair of resolved.items) if (this.keyOf(pair) === key) found = pair;
    return found;
  }

  /** Whether a mapping has a key, whatever its value. */
  has(map: unknown, key: string): boolean {
    return this.pair(map, key) !== undefined;
  }

  /** The value of a key of a mapping, aliases followed. */
  field(map: unknown, key: string): YAML.Node | undefined {
    return this.resolve(this.pair(map, key)?.value);
  }

  /** Whether a node is a mapping. */
  isMap(node: unknown): boolean {
    return YAML.isMap(this.resolve(node));
  }

  /** A scalar as text: trimmed, a number or boolean written out; undefined for anything else or empty text. */
  text(node: unknown): string | undefined {
    const resolved = this.resolve(node);
    if (!YAML.isScalar(resolved)) return undefined;
    const value = resolved.value;
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** The items of a list, aliases followed; none for anything else. */
  items(node: unknown): YAML.Node[] {
    const resolved = this.resolve(node);
    if (!YAML.isSeq(resolved)) return [];
    return resolved.items.flatMap((item) => {
      const value = this.resolve(item);
      return value ? [value] : [];
    });
  }

  /** The text items of a list. */
  texts(node: unknown): string[] {
    return this.items(node).flatMap((item) => {
      const text = this.text(item);
      return text === undefined ? [] : [text];
    });
  }

  /** The text values of a mapping by key, in the order plain data gives them (a key written twice keeps its first place and its last value). */
  textEntries(node: unknown): [string, string | undefined][] {
    const resolved = this.resolve(node);
    if (!YAML.isMap(resolved)) return [];
    const entries: Record<string, string | undefined> = {};
    for (const pair of resolved.items) {
      Object.defineProperty(entries, this.keyOf(pair), { value: this.text(pair.value), enumerable: true, configurable: true, writable: true });
    }
    return Object.entries(entries);
  }

  /** A node as plain data, aliases written out; undefined for no node or one that cannot be read. */
  plain(node: unknown): unknown {
    const resolved = this.resolve(node);
    if (!resolved) return undefined;
    try {
      return resolved.toJS(this.document, { maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      return undefined;
    }
  }

  /** A key as plain data names it: an empty key as the empty string, an alias by its value. */
  private keyOf(pair: YAML.Pair): string {
    const key = YAML.isAlias(pair.key) ? this.resolve(pair.key) : pair.key;
    if (YAML.isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
    return key === null || key === undefined ? '' : String(key);
  }
}

/**
 * The value reader of a brief; undefined when its root is not a mapping or
 * its value cannot be read (an unknown alias, aliases past the limits).
 */
export function readValues(parsed: ParsedDocument): ValueReader | undefined {
  const document = parsed.yaml;
  if (!document || !YAML.isMap(document.contents)) return undefined;
  if (parsed.value === undefined && plainValue(document, parsed.text).value === undefined) return undefined;
  return new ValueReader(document);
}
