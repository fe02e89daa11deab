import { numberPatternToRegExp, patternOf } from "../../../model/numbering.js";
import type { Rule } from "../../rule.js";
import { list, sentences, t } from "../../../i18n/index.js";
import { codeWithLabel } from "../../../i18n/values.js";
import type { DocumentKind } from "../../../model/types.js";

export const rule: Rule = {
  id: "id/number-pattern",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A document number fits none of the numbering patterns configured in qms.yaml.",
  docs: {
    description:
      "(Only when `numbering` is configured in `qms.yaml`.) A document number fits none of the patterns configured for its kind. Several numbering families may coexist; `#` stands for one digit, e.g. `- {kind: form, pattern: \"HSD-F-####\", family: HSD}`. When the number fits another kind's pattern, the message says so: the document's `kind` is probably wrong.",
    bad: `
id: QP-20   # qms.yaml: procedures are numbered QP-###
`,
    good: `
id: QP-020
`,
    fix: "Renumber the document, correct its kind, or declare its family with `csr numbering add <pattern> --kind <kind>` (the message gives the pattern of the number).",
  },
  check(ctx) {
    const numbering = ctx.repo.config?.value.numbering;
    if (!numbering || numbering.length === 0) return;
    const compiled = numbering.map((n) => ({ ...n, re: numberPatternToRegExp(n.pattern) }));
    for (const { value, file } of ctx.repo.documents) {
      const own = compiled.filter((n) => n.kind === value.kind);
      if (own.some((n) => n.re.test(value.id))) continue;
      const other = compiled.find((n) => n.re.test(value.id));
      const patterns = own.length > 0 ? list(own.map((n) => n.pattern)) : t("rule.id/number-pattern.none");
      ctx.report(
        { file, path: ["id"] },
        sentences(
          t("rule.id/number-pattern", { id: value.id, kind: kindWithLabel(value.kind), patterns }),
          other && t("rule.id/number-pattern.other-kind", { kind: kindWithLabel(other.kind), pattern: other.pattern }),
          // A number of a family not declared yet (an imported register): the command that declares it, ready to run.
          other ? t("rule.id/number-pattern.fix") : t("rule.id/number-pattern.fix-family", { pattern: shellWord(patternOf(value.id)), kind: value.kind }),
        ),
      );
    }
  },
};

/** The kind as qms.yaml's `numbering` spells it, with its meaning in Chinese: procedure（程序文件）. */
function kindWithLabel(kind: DocumentKind): string {
  return codeWithLabel(kind, t(`value.kind.${kind}`));
}

/** A pattern as typed in a shell: quoted when it starts with '#', which would begin a comment. */
function shellWord(pattern: string): string {
  return pattern.startsWith("#") ? `"${pattern}"` : pattern;
}
