import { numberPatternToRegExp, patternOf, tellingPatterns } from "../../../model/numbering.js";
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
      "(Only when `numbering` is configured in `qms.yaml`.) A document number fits none of the patterns configured for its kind, or its kind has no pattern at all. Several numbering families may coexist; `#` stands for one digit, e.g. `- {kind: form, pattern: \"HSD-F-####\", family: HSD}`; a pattern of `*` alone takes any number, as external documents keep their publisher's (`- {kind: external, pattern: \"*\"}` for GB/T 19001-2016, GJB 9001C-2017). When the number fits another kind's pattern, the message says so: the document's `kind` is probably wrong.",
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
      const other = tellingPatterns(compiled).find((n) => n.re.test(value.id));
      const kind = kindWithLabel(value.kind);
      ctx.report(
        { file, path: ["id"] },
        sentences(
          own.length > 0 ? t("rule.id/number-pattern", { id: value.id, kind, patterns: list(own.map((n) => n.pattern)) }) : t("rule.id/number-pattern.no-pattern", { id: value.id, kind }),
          other && t("rule.id/number-pattern.other-kind", { kind: kindWithLabel(other.kind), pattern: other.pattern }),
          // A number of a family not declared yet (an imported register): the command that declares it, ready to run;
          // an external document's number is its publisher's, which only '*' takes.
          other ? t("rule.id/number-pattern.fix") : value.kind === "external" ? t("rule.id/number-pattern.external-any") : t("rule.id/number-pattern.fix-family", { pattern: shellWord(patternOf(value.id)), kind: value.kind }),
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
