/**
 * `file/merge-conflict` says to keep the right version of each conflicting part. For a CSR file
 * whose two sides are two different CSRs with one id (two-csrs.ts) that advice drops a customer
 * requirement, so the finding names `csr renumber` instead. Only `csr check` of a repository with
 * conflict markers in a CSR file asks git.
 */
import type { Finding } from "../core/diagnostic.js";
import { t } from "../i18n/index.js";
import { twoCsrsInConflict } from "./two-csrs.js";

/** The findings, each file/merge-conflict finding of a CSR file that is two CSRs with the message that names `csr renumber`. */
export function adviseTwoCsrs(root: string, findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => {
    if (finding.rule !== "file/merge-conflict" || !finding.file.startsWith("csr/")) return finding;
    const two = twoCsrsInConflict(root, finding.file);
    return two ? { ...finding, message: t("load.merge-conflict.two-csrs", { id: two.id, ours: two.ours.title, theirs: two.theirs.title, line: finding.line, path: finding.file }) } : finding;
  });
}
