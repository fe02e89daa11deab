/**
 * The part of `csr source update` that reads the customer's two files: it compares the previous
 * revision's file with the new one and proposes for each CSR whether its section is unchanged,
 * changed or removed; update.ts lets the user confirm (a question per CSR with the proposal
 * preselected, or --accept) or overrule (--unchanged, --removed) before anything is written.
 */
import { join } from "node:path";
import { extractText } from "../../compare/extract.js";
import { compareRevisions, type CsrProposal, type RevisionComparison } from "../../compare/revisions.js";
import { splitSections } from "../../compare/sections.js";
import { isTable, tableSections } from "../../compare/table.js";
import { t } from "../../i18n/index.js";
import type { Csr } from "../../model/types.js";
import type { Verdict } from "./update.js";

/** The two files compared section by section; either may be a document or a table of requirements (compare/table.ts). */
export async function compareFiles(root: string, previousFile: string, newFile: string, csrs: readonly Csr[]): Promise<RevisionComparison> {
  const sectionsOf = async (file: string) => (isTable(file) ? tableSections(join(root, file), file) : splitSections(await extractText(join(root, file), file)));
  const [older, newer] = await Promise.all([sectionsOf(previousFile), sectionsOf(newFile)]);
  return compareRevisions(older, newer, csrs.map((c) => ({ id: c.id, section: c.source.section })));
}

const sectionLabel = (s: { number: string | null; title: string } | undefined) => (s ? [s.number, s.title].filter(Boolean).join(" ") : "");

const VERDICT = {
  unchanged: "source.compare.unchanged",
  changed: "source.compare.changed",
  removed: "source.compare.removed",
  "not-found": "source.compare.not-found",
} as const satisfies Record<CsrProposal["verdict"], string>;

/** The comparison as the user reads it before confirming: one line per CSR, the diff of each changed section, the new sections. */
export function describeComparison(comparison: RevisionComparison, previousFile: string, newFile: string): string[] {
  const out = [t("source.compare.compared", { previous: previousFile, new: newFile })];
  for (const p of comparison.proposals) {
    const moved = p.old && p.new && sectionLabel(p.old) !== sectionLabel(p.new) ? t("source.compare.moved", { section: sectionLabel(p.new) }) : "";
    out.push(`  ${p.csr}  ${p.cited || t("source.compare.no-section")}${t("source.compare.colon")}${t(VERDICT[p.verdict])}${moved}`);
    for (const line of p.diff ?? []) if (line.op !== " ") out.push(`      ${line.op} ${line.text}`);
  }
  if (comparison.added.length > 0) {
    out.push(t("source.compare.added"));
    for (const s of comparison.added) out.push(`  ${sectionLabel(s)}`);
  }
  return out;
}

/** The verdict each comparison proposes: a CSR whose section could not be found is reviewed again. */
export function proposedVerdicts(comparison: RevisionComparison): Map<string, Verdict> {
  const verdict = (p: CsrProposal): Verdict => (p.verdict === "unchanged" ? "unchanged" : p.verdict === "removed" ? "removed" : "changed");
  return new Map(comparison.proposals.map((p) => [p.csr, verdict(p)]));
}
