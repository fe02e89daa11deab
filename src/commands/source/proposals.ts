/**
 * The part of `csr source update` that reads the customer's two files: it compares the previous
 * revision's file with the new one, proposes for each CSR whether its section is unchanged,
 * changed or removed, and lets the user confirm (a prompt per CSR, or --accept) or overrule
 * (--unchanged, --removed) before anything is written.
 */
import { join } from "node:path";
import { extractText } from "../../compare/extract.js";
import { compareRevisions, type CsrProposal, type RevisionComparison } from "../../compare/revisions.js";
import { splitSections } from "../../compare/sections.js";
import { UserError } from "../../core/errors.js";
import type { Csr } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";

/** What happens to a CSR taken from the source: reviewed again, decision kept, or superseded. */
export type CsrChoice = "changed" | "unchanged" | "removed";

export async function compareFiles(root: string, previousFile: string, newFile: string, csrs: readonly Csr[]): Promise<RevisionComparison> {
  const [older, newer] = await Promise.all([extractText(join(root, previousFile), previousFile), extractText(join(root, newFile), newFile)]);
  return compareRevisions(splitSections(older), splitSections(newer), csrs.map((c) => ({ id: c.id, section: c.source.section })));
}

const sectionLabel = (s: { number: string | null; title: string } | undefined) => (s ? [s.number, s.title].filter(Boolean).join(" ") : "");

const VERDICT: Record<CsrProposal["verdict"], string> = {
  unchanged: "unchanged",
  changed: "changed",
  removed: "removed",
  "not-found": "section not found in the previous revision: review it",
};

/** The comparison as the user reads it before confirming: one line per CSR, the diff of each changed section, the new sections. */
export function describeComparison(comparison: RevisionComparison, previousFile: string, newFile: string): string[] {
  const out = [`Compared ${previousFile} with ${newFile}:`];
  for (const p of comparison.proposals) {
    const moved = p.old && p.new && sectionLabel(p.old) !== sectionLabel(p.new) ? ` (now ${sectionLabel(p.new)})` : "";
    out.push(`  ${p.csr}  ${p.cited || "(no section cited)"}: ${VERDICT[p.verdict]}${moved}`);
    for (const line of p.diff ?? []) if (line.op !== " ") out.push(`      ${line.op} ${line.text}`);
  }
  if (comparison.added.length > 0) {
    out.push("New sections that no CSR cites yet (register them with 'csr add' if they are requirements):");
    for (const s of comparison.added) out.push(`  ${sectionLabel(s)}`);
  }
  return out;
}

export interface ChoiceInput {
  affected: readonly Csr[];
  comparison?: RevisionComparison;
  unchanged: readonly string[];
  removed: readonly string[];
  /** Take the comparison's proposal for every CSR not named in --unchanged / --removed. */
  accept: boolean;
  /** Ask per CSR, the proposal preselected; undefined when csr may not prompt. */
  prompts?: Prompts;
}

/**
 * The choice for each affected CSR. Named CSRs win; then the confirmed proposal; a CSR nobody
 * confirmed anything for is reviewed again, which is what IATF 16949 7.5.3.2.2 asks by default.
 * @throws UserError for an id that is not among the affected CSRs, or named twice.
 */
export async function chooseFor(input: ChoiceInput): Promise<Map<string, CsrChoice>> {
  const ids = new Set(input.affected.map((c) => c.id));
  for (const [flag, list] of [["--unchanged", input.unchanged], ["--removed", input.removed]] as const) {
    for (const id of list) {
      if (!ids.has(id)) throw new UserError(`${flag} ${id}: not one of the CSRs taken from an earlier revision of this source (${[...ids].join(", ") || "none"}).`);
    }
  }
  const both = input.unchanged.find((id) => input.removed.includes(id));
  if (both) throw new UserError(`${both} is named in both --unchanged and --removed.`);
  const proposal = new Map((input.comparison?.proposals ?? []).map((p) => [p.csr, p]));
  const choices = new Map<string, CsrChoice>();
  for (const csr of input.affected) {
    const proposed: CsrChoice = toChoice(proposal.get(csr.id));
    if (input.unchanged.includes(csr.id)) choices.set(csr.id, "unchanged");
    else if (input.removed.includes(csr.id)) choices.set(csr.id, "removed");
    else if (input.accept) choices.set(csr.id, proposed);
    else if (input.prompts && input.comparison) {
      choices.set(
        csr.id,
        await input.prompts.select<CsrChoice>({
          message: `${csr.id} ${csr.title}`,
          choices: [
            { value: "changed", name: "changed: review it again" },
            { value: "unchanged", name: "unchanged: keep its decision (confirmation recorded)" },
            { value: "removed", name: "removed: mark it superseded" },
          ],
          default: proposed,
        }),
      );
    } else choices.set(csr.id, "changed");
  }
  return choices;
}

function toChoice(proposal: CsrProposal | undefined): CsrChoice {
  if (proposal?.verdict === "unchanged") return "unchanged";
  if (proposal?.verdict === "removed") return "removed";
  return "changed";
}
