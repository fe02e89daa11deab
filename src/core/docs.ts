/**
 * Where a rule's documentation lives; every finding links to it. The link is the rules page shipped
 * in the installed package, as the npm CDN serves it for that exact version
 * (https://unpkg.com/<name>@<version>/docs/rules.md), so it exists for whoever reads a CI report once
 * the version is published, and it shows the text of the rules that produced the finding rather than
 * whatever a branch says later (CSR_DOCS_URL overrides it, below). Name and version come from the
 * package's own package.json.
 */
import { language } from "../i18n/index.js";
import { packageManifest } from "../load/package.js";

const pkg = packageManifest();

/** The package's page on npm (package.json `homepage`). */
export const HOMEPAGE_URL = pkg.homepage;

/**
 * docs/rules.md of the installed version; `csr explain <rule-id>` prints the same text offline.
 * While the package is not published on npm, the CDN has no copy: the environment variable
 * CSR_DOCS_URL names the docs/ folder the links should use instead (e.g. the csr repository's own,
 * https://git.example.com/qa/csr/-/blob/v0.1.0/docs), read at each call so a CI job can set it.
 */
export function rulesDocUrl(): string {
  const base = process.env.CSR_DOCS_URL?.trim().replace(/\/+$/, "") || `https://unpkg.com/${pkg.name}@${pkg.version}/docs`;
  return `${base}/rules.md`;
}

/** The anchor a Markdown renderer gives the rule's heading `### ref/unresolved`: `#refunresolved`. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
}

/** The rule's section in the rules page of the language of the run (docs/rules.zh-CN.md in Chinese). */
export function ruleDocUrl(ruleId: string): string {
  const page = language() === "en" ? rulesDocUrl() : rulesDocUrl().replace(/\.md$/, `.${language()}.md`);
  return `${page}#${ruleAnchor(ruleId)}`;
}
