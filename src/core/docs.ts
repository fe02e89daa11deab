/** Where a rule's documentation lives; every finding links to it. */
export const DOCS_BASE = "docs/rules.md";

export function ruleAnchor(ruleId: string): string {
  return ruleId.replace(/[^a-z0-9]+/g, "-");
}

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE}#${ruleAnchor(ruleId)}`;
}
