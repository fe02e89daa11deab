import { classificationName, classificationRank, documentClassification } from "../../../model/classification.js";
import { noticeClassification } from "../../../model/confidentiality.js";
import type { Rule } from "../../rule.js";
import { language, list, t } from "../../../i18n/index.js";

/** The ids named in the finding: enough to see which levels are concerned; the count says how many there are. */
const SHOWN = 10;

/**
 * qms.yaml's confidentiality notice is printed on every controlled copy of the organisation's own
 * documents (model/confidentiality.ts): when its wording gives them a 密级 (本文件为…内部受控文件),
 * a released document marked lower or not at all is one fact told two ways — the copy in hand says
 * 内部, the document list, `csr show` and the site do not (GJB 9001C 7.5.3 and the 保密 rules: a
 * document's 密级 is marked, and the register agrees with it). Only in a repository that marks 密级
 * at all: elsewhere (an IATF 16949 supplier) 内部 in a notice is plain language, and no register
 * prints a 密级 to disagree with. One finding, on the notice, for all the documents.
 */
export const rule: Rule = {
  id: "config/notice-claims-classification",
  severity: "warning",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.kind, f.data.status, f.data.level, f.data.classification] : null) },
  summary: "qms.yaml's confidentiality notice calls every controlled copy 内部 (or higher), but some released documents are not marked so.",
  docs: {
    description:
      "`confidentiality` in qms.yaml, the notice printed under the header block of every controlled copy of the organisation's own documents, names a 密级 (本文件为…**内部**受控文件; 秘密 in 商业秘密, 工作秘密 or 国家秘密 names none), while released documents of the repository are marked lower or not at all (their own `classification`, else their level's in `document_layouts`). The copy in hand then calls the document 内部, while the document list, `csr show` and the site give it another 密级 or none: one fact, two answers ({{cite:documents-in-use}}; under GJB 9001C the 保密 rules require a document's 密级 to be marked and its register to agree). Reported only where some document is marked with a 密级: elsewhere 内部 in a notice is plain language. A document marked 秘密, 机密 or 绝密 prints a notice naming its own 密级 instead, and an external document csr's default notice, so neither is concerned.",
    bad: `
confidentiality: 本文件为本公司内部受控文件，未经批准不得外借、复印。
document_layouts:
  - levels: [1, 2]
    classification: 内部   # and nothing for levels 3 and 4
`,
    good: `
confidentiality: 本文件为本公司内部受控文件，未经批准不得外借、复印。
document_layouts:
  - levels: [1, 2, 3, 4]
    classification: 内部
`,
    fix: "Mark the documents as the notice says: `classification: 内部` for their levels under `document_layouts` in qms.yaml (a layout may give only a 密级), or `csr set <document> --classification 内部` for each (register data, no new revision). If they are truly not 内部, word the notice without the 密级 (`csr organisation update --confidentiality …`).",
  },
  check(ctx) {
    const config = ctx.repo.config;
    const claimed = noticeClassification(config?.value.confidentiality ?? "");
    if (!config || claimed === "") return;
    const own = [...ctx.index.documents.values()].map((d) => d.value).filter((d) => d.kind !== "external");
    if (!own.some((d) => documentClassification(ctx.repo, d) !== "")) return;
    const below = own.filter((d) => d.status === "released" && classificationRank(documentClassification(ctx.repo, d)) < classificationRank(claimed)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (below.length === 0) return;
    const ids = below.map((d) => d.id);
    const more = ids.length > SHOWN ? t("rule.config/notice-claims-classification.more", { count: ids.length - SHOWN }) : "";
    const levels = list([...new Set(below.map((d) => d.level))].sort().map(String));
    ctx.report(
      { file: config.file, path: ["confidentiality"] },
      t("rule.config/notice-claims-classification", { count: ids.length, ids: list(ids.slice(0, SHOWN)), more, claimed: classificationName(language(), claimed), level: claimed, levels }),
    );
  },
};
