import { currentRevision } from "../../../model/index.js";
import { resolvesIn, successorSection } from "../../../model/sections.js";
import { shellArgument } from "../../../core/text.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { numberedSections } from "../doc/numbered-sections.js";

/**
 * While a released document is being revised (修订中), a CSR's link names the section of the version in
 * force (IATF 16949 7.5.1.1, GJB 9001C 7.5.1: the matrix an auditor is given today cites what the copies
 * in use say), and `csr release` moves it to the section the released draft gives the same title (renumbered,
 * or renamed with `csr edit --rename-section`). A link whose section the draft no longer has is a
 * release refused later: said now, on the CSR, while the draft can still keep the section or the
 * requirement be given another home.
 */
export const rule: Rule = {
  id: "csr/section-dropped-in-revision",
  severity: "warning",
  scope: { files: "all", reads: (f) => (f.kind === "csr" ? [f.data.id, f.data.addressed] : f.kind === "document" ? [f.data.id, f.data.sections, f.data.status, f.data.revising, f.data.revisions?.at(-1)?.version] : null) },
  summary: "A CSR cites a section of a document being revised that the draft of its next version no longer has.",
  docs: {
    description:
      "A CSR whose `addressed[].section` names a section of a released document being revised (修订中, `csr submit`) that the version in force has and the draft in the file does not: not under its number and title, not under its title (renumbered), nor renamed from it with `csr edit --rename-section` (the section's `renamed_from`). Until the revision is released the link is right: it names the section of the version in force, which the CSR matrix ({{cite:requirements-matrix}}), `csr show` and `csr site` print to auditors today. But `csr release` would refuse the draft for the link it breaks. A link made to the draft's own text (`csr address` while the document is revised: `pin.draft`) names the draft's section and is checked by [csr/section-missing](#csrsection-missing). The version in force is read from git (its release tag, else the commit that recorded it); without it (no git, a shallow clone) nothing is reported.",
    bad: `
# QP-020 being revised: A/0, in force, has 2.1 受理 and 2.2 评审, which DYA-001 cites
sections:
  - title: 目的
    text: 规定顾客投诉的处理。
  - title: 作业流程
    sections:
      - title: 登记   # was 受理, renamed by hand
        text: 市场部受理顾客投诉并登记。
      - title: 处理   # 评审 removed
        text: 品质部处理顾客投诉。
`,
    good: `
      - title: 登记
        renamed_from: 受理   # csr edit --rename-section
        text: 市场部受理顾客投诉并登记。
      - title: 调查
        text: 品质部调查原因。
      - title: 评审
        text: 品质部组织评审，24小时内回复顾客。
`,
    fix: "Keep the section in the draft (`csr edit <document> --add-section` puts one back; a new name is given with `csr edit <document> --rename-section <number> --title <title>`, which the link follows at the release); or give the requirement its place in the draft: `csr address <csr> <document> --section <the draft's section>` (a link that counts from the release), and at the release remove the old one with `csr address <csr> <document> --section <section> --remove` (not committed: `csr release` commits it with the revision).",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file) || csr.superseded) continue;
      csr.addressed?.forEach((place, i) => {
        if (place.section === undefined || place.pin?.draft) return;
        const doc = ctx.index.documents.get(place.document)?.value;
        if (!doc || doc.status !== "released" || doc.revising === undefined) return;
        const inForce = ctx.options.inForce?.get(doc.id);
        if (!inForce) return;
        const before = numberedSections(ctx.repo, inForce);
        // A link wrong in the version in force already is csr/section-missing's.
        if (!resolvesIn(before, place.section)) return;
        if (successorSection(numberedSections(ctx.repo, doc), before, place.section) !== undefined) return;
        const data = { csr: csr.id, document: doc.id, section: place.section, version: currentRevision(doc)?.version ?? "", csrArg: shellArgument(csr.id), documentArg: shellArgument(doc.id), sectionArg: shellArgument(place.section) };
        ctx.report({ file, path: ["addressed", i, "section"] }, t("rule.csr/section-dropped-in-revision.message", data));
      });
    }
  },
};
