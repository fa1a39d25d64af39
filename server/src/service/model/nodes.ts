/**
 * Reading YAML nodes leniently: the one place that says what "a scalar whose
 * value is a string" is. A node of another shape reads as undefined, and the
 * schema reports it.
 */
import * as YAML from 'yaml';

/** Whether a node is a scalar whose value is a string. */
export function isStringScalar(node: unknown): node is YAML.Scalar<string> {
  return YAML.isScalar(node) && typeof node.value === 'string';
}

/** The string value of a scalar node; undefined for any other node or value. */
export function stringOf(node: unknown): string | undefined {
  return isStringScalar(node) ? node.value : undefined;
}

/** The string items of a list node, as their scalars; undefined when the node is not a list. */
export function stringItems(node: unknown): YAML.Scalar<string>[] | undefined {
  return YAML.isSeq(node) ? node.items.filter(isStringScalar) : undefined;
}
