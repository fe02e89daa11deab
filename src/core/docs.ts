/**
 * Where a rule's documentation lives; every finding links to it. The link is an https URL of the
 * rules page of the installed version in the project's repository (package.json `repository`), so it
 * works for whoever reads a CI report, not only on the machine that ran csr.
 */
import { readFileSync } from "node:fs";

interface PackageJson {
  version: string;
  repository: { url: string };
}

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as PackageJson;

/** `git+https://github.com/o/r.git` -> `https://github.com/o/r` */
export const REPOSITORY_URL = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");

/** The rules page on the main branch; `csr explain <rule-id>` prints the text of the installed version. */
export const RULES_DOC_URL = `${REPOSITORY_URL}/blob/main/docs/rules.md`;

/** The anchor GitHub gives the rule's heading `### ref/unresolved`: `#refunresolved`. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
}

export function ruleDocUrl(ruleId: string): string {
  return `${RULES_DOC_URL}#${ruleAnchor(ruleId)}`;
}
