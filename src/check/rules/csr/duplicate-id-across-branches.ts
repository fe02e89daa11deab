import type { Located } from "../../../load/repository.js";
import type { Csr } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { conjunction, t } from "../../../i18n/index.js";

/**
 * Two CSR files with one id: what a merge produces when two branches each ran `csr add`.
 * Both paths are named so the controller can renumber the later one.
 */
export const rule: Rule = {
  id: "csr/duplicate-id-across-branches",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "csr" ? f.data.id : null) },
  summary: "Two CSR files claim the same id (typically two branches that each added a CSR).",
  docs: {
    description:
      "Two CSR files claim the same id; both paths are named. Each CSR is one file so that parallel work merges cleanly, but two people who each ran `csr add` on their own branch could pick the same next number. `csr add` takes 1 + the highest number used by that customer in the working tree *and* on every local and remote-tracking branch, so this happens only when the other branch was never fetched; `git fetch` before `csr add` closes that gap.",
    bad: `
# csr/DYA/DYA-001-branch.yaml
id: DYA-001
customer: DYA
`,
    good: `
# csr/DYA/DYA-002.yaml
id: DYA-002
customer: DYA
`,
    fix: "Give the later CSR the next free id with `csr renumber <its file>`: it renames the file as `git mv` does and rewrites `id`. (When both branches used the same file name, the merge stops with an add/add conflict instead, which `csr renumber <id>` resolves.)",
  },
  check(ctx) {
    // The index holds the first CSR of each id: only an id with another CSR is grouped. A list for
    // every CSR (25,000 at 50,000 entities) outlived the young generation's collections and was copied.
    const repeated = new Set<string>();
    for (const csr of ctx.repo.csrs) if (ctx.index.csrs.get(csr.value.id) !== csr) repeated.add(csr.value.id);
    if (repeated.size === 0) return;
    const byId = new Map<string, Located<Csr>[]>();
    for (const csr of ctx.repo.csrs) {
      if (!repeated.has(csr.value.id)) continue;
      const list = byId.get(csr.value.id) ?? [];
      list.push(csr);
      byId.set(csr.value.id, list);
    }
    for (const [id, list] of byId) {
      const paths = conjunction(list.map((c) => c.file.path));
      // The file already named after the id is the original; the others are the late arrivals.
      const original = list.find((c) => c.file.path.endsWith(`/${id}.yaml`)) ?? list[0]!;
      for (const csr of list.filter((c) => c !== original)) {
        ctx.report(
          { file: csr.file, path: ["id"] },
          t("rule.csr/duplicate-id-across-branches", { id, paths, path: csr.file.path }),
        );
      }
    }
  },
};
