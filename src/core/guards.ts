/** Type guards for data read from a file before its schema has vouched for it. */

/** A plain mapping (a YAML map, a JSON object): not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
