import { bodyOnPaper } from "../../../model/revision.js";
import type { ControlledDocument } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { list, t } from "../../../i18n/index.js";

/** The ids named in the finding: enough to plan the first Word imports; the count says how many there are. */
const SHOWN = 10;

/**
 * Released documents whose body is on their paper original only (model/revision.ts bodyOnPaper:
 * imported from a register without their text): their print and their page of `csr site` say so
 * where the body would be, and `csr render --copy` refuses them. One finding for all of them, with
 * the count and the ids, so that the document controller can plan the Word imports; not one per
 * document, which after an adoption would be every procedure of the register. Forms are left out:
 * a released form is normally registered from a Word or Excel original it is printed from (see
 * doc/form-no-fields).
 */
export const rule: Rule = {
  id: "doc/body-on-paper",
  severity: "warning",
  scope: { files: "all", reads: (file) => (file.kind === "document" ? [file.data.id, counted(file.data)] : undefined) },
  summary: "Released documents imported from a register have their body on paper only: it is not in the repository.",
  docs: {
    description:
      "Released documents (other than forms) whose current revision was imported (`imported: true`, from a register such as a 程序文件一览表) and which have no `sections`: the repository registers them, but their text, with the documents and records it lists, is on the paper original only. Their print and their page of `csr site` show “正文见纸质原件（导入时未带正文）” where the body would be, and `csr render --copy` refuses to print a controlled copy of them, which would hand a department a header and a revision record instead of the procedure ({{cite:documents-in-use}}). One finding names them all, with their number, on the first of them, so that the document controller can plan the Word imports.",
    bad: `
status: released
revisions:
  - version: A/2
    date: 2024-03-01
    imported: true   # from the register, and no sections
`,
    good: `
sections:
  - title: 目的
    text: 规定文件的编制、审批、发放和回收。   # the body, from the Word original
`,
    fix: "Import each document's Word original: `csr import \"QP-001 文件控制程序.docx\"` fills in the body (sections, 相关文件, 相关记录) of the imported revision and keeps what the register recorded; importing it completes the import and needs no new revision. A document without an electronic original stays as it is until its next revision, which writes its text.",
  },
  check(ctx) {
    const found = [...ctx.index.documents.values()].filter(({ value }) => counted(value)).sort((a, b) => (a.value.id < b.value.id ? -1 : a.value.id > b.value.id ? 1 : 0));
    if (found.length === 0) return;
    const ids = found.map(({ value }) => value.id);
    const { value: first, file } = found[0]!;
    const more = ids.length > SHOWN ? t("rule.doc/body-on-paper.more", { count: ids.length - SHOWN }) : "";
    ctx.report({ file, path: ["revisions", first.revisions!.length - 1, "imported"] }, t("rule.doc/body-on-paper", { count: ids.length, ids: list(ids.slice(0, SHOWN)), more }));
  },
};

function counted(doc: ControlledDocument): boolean {
  return doc.status === "released" && doc.kind !== "form" && bodyOnPaper(doc);
}
