import { sentences, t } from "../../../i18n/index.js";
import { suppliers } from "../../../model/suppliers.js";
import type { Rule } from "../../rule.js";

/**
 * A supplier's record (suppliers/<code>.yaml) whose code names no outside party of kind supplier in
 * qms.yaml: the supplier has no name and is on no approved supplier list, its approvals and
 * certificates are read by nothing — a record kept but silently ignored. Also a second file with the
 * code of a record already read (suppliers/czxs.yaml beside suppliers/CZXS.yaml).
 */
export const rule: Rule = {
  id: "supplier/unknown",
  severity: "error",
  scope: { files: "own" },
  dependsOn: ["qms.yaml"],
  summary: "A supplier's record names no outside party of kind supplier in qms.yaml.",
  docs: {
    description:
      "A file of `suppliers/` is the record of a supplier whose code and name are those of an entry of `external_parties` in qms.yaml with `kind: supplier` (written together by `csr supplier add`). A record whose `code` names no such entry — none at all, or an outside party of another kind — is on no approved supplier list (`csr list suppliers`), and its approvals and certificates are checked by nothing. A second record with the code of one already read is reported too.",
    bad: `
code: NJBZ   # no outside party NJBZ in qms.yaml
supplies: [纸箱]
`,
    good: `
code: CZXS
supplies: [O型圈, 橡胶密封件]
`,
    fix: "Make it a supplier with `csr supplier add <code> --name <name>` after moving the file away (or add the entry `{code, name, kind: supplier}` to `external_parties` in qms.yaml), correct the `code` to the supplier's, or delete the file.",
  },
  check(ctx) {
    const known = new Map(suppliers(ctx.repo).map((s) => [s.code, s.record]));
    for (const record of ctx.repo.suppliers) {
      if (!ctx.keeps(record.file)) continue;
      const { code } = record.value;
      const at = { file: record.file, path: [...record.path, "code"] };
      if (!known.has(code)) {
        const party = ctx.index.parties.get(code);
        ctx.report(at, sentences(party ? t("rule.supplier/unknown.kind", { code, kind: party.kind ?? "other" }) : t("rule.supplier/unknown", { code }), t("rule.supplier/unknown.fix", { code })));
      } else if (known.get(code) !== record) {
        ctx.report(at, t("rule.supplier/unknown.second", { code, first: known.get(code)!.file.path }));
      }
    }
  },
};
