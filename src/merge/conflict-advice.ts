/**
 * `file/merge-conflict` says to keep the right version of each conflicting part. For a CSR file
 * whose two sides are two different CSRs with one id (two-csrs.ts) that advice drops a customer
 * requirement, so the finding names `csr renumber` instead; so it does for a document file whose sides
 * are two drafts of one number (two-drafts.ts). A document file in conflict in a
 * repository whose .gitattributes does not route documents to the merge driver (set up before the
 * driver merged them) is told how to get it. Only `csr check` of a repository with conflict
 * markers in a CSR or document file asks git.
 */
import { spawnSync } from "node:child_process";
import type { Finding } from "../core/diagnostic.js";
import { t } from "../i18n/index.js";
import { twoCsrsInConflict } from "./two-csrs.js";
import { twoDraftsInConflict } from "./two-drafts.js";

/** The findings, each file/merge-conflict finding of a file that is two CSRs or two drafts with the message that names `csr renumber`. */
export function adviseTwoCsrs(root: string, findings: readonly Finding[]): Finding[] {
  const withoutDriver = documentsWithoutDriver(root, findings.filter((f) => f.rule === "file/merge-conflict" && f.file.startsWith("documents/")).map((f) => f.file));
  return findings.map((finding) => {
    if (finding.rule !== "file/merge-conflict") return finding;
    // Two drafts are no versions to merge, by the driver or by hand: that advice comes first.
    const drafts = finding.file.startsWith("documents/") ? twoDraftsInConflict(root, finding.file) : undefined;
    if (drafts) return { ...finding, message: t("load.merge-conflict.two-drafts", { id: drafts.id, ours: drafts.ours.data.title, theirs: drafts.theirs.data.title, line: finding.line }) };
    if (withoutDriver.has(finding.file)) return { ...finding, message: t("load.merge-conflict.no-driver", { message: finding.message }) };
    if (!finding.file.startsWith("csr/")) return finding;
    const two = twoCsrsInConflict(root, finding.file);
    return two ? { ...finding, message: t("load.merge-conflict.two-csrs", { id: two.id, ours: two.ours.title, theirs: two.theirs.title, line: finding.line, path: finding.file }) } : finding;
  });
}

/** Of `files` (repository-relative), those whose git attribute `merge` is not `csr` (one `git check-attr`). */
function documentsWithoutDriver(root: string, files: string[]): Set<string> {
  if (files.length === 0) return new Set();
  const result = spawnSync("git", ["check-attr", "-z", "merge", "--", ...files], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) return new Set();
  // -z: path NUL attribute NUL value NUL, for each path.
  const parts = result.stdout.split("\0");
  const without = new Set<string>();
  for (let i = 0; i + 2 < parts.length; i += 3) if (parts[i + 2] !== "csr") without.add(parts[i]!);
  return without;
}
