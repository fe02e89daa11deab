/**
 * The external document list (外来文件清单): documents the organisation controls but did not
 * write. Two kinds are kept: the customers' own documents (CSR sources: supplier manuals,
 * specifications), one row per revision received so that a superseded revision stays on record
 * (IATF 16949 7.5.3.2.2 asks when each revision was received and reviewed); and external
 * standards kept as controlled documents of kind `external` (GB/T, GJB, ISO ...).
 */
import { latestRevision } from "../../model/csr-status.js";
import type { ControlledDocument } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, customerName, departmentName, documentTitle, documentVersion, t, type RegisterContext } from "./context.js";

export function externalList(ctx: RegisterContext): Table {
  const customers = ctx.repo.customers.map((c) => c.value).sort((a, b) => compareIds(a.code, b.code));
  const sourceRows = customers.flatMap((customer) =>
    (customer.sources ?? []).flatMap((source) => {
      const latest = latestRevision(source);
      return source.revisions.map((revision) => {
        const superseded = revision.status === "superseded" || revision !== latest;
        const successor = source.revisions.find((r) => r.supersedes === revision.revision)?.revision;
        return {
          kind: t(ctx, "顾客文件", "customer document"),
          number: source.id,
          title: ctx.lang === "en" ? (source.title_en ?? source.title) : source.title,
          issuer: customerName(ctx, customer.code),
          revision: revision.revision,
          issued: revision.issued ?? null,
          received: revision.received,
          status: superseded
            ? successor
              ? t(ctx, `已被 ${successor} 版替代`, `superseded by ${successor}`)
              : t(ctx, "已替代", "superseded")
            : t(ctx, "现行", "current"),
          keeper: "",
        };
      });
    }),
  );
  const standards = ctx.repo.documents
    .map((d) => d.value)
    .filter((d) => d.kind === "external")
    .sort((a, b) => compareIds(a.id, b.id));
  const standardRows = standards.map((doc) => ({
    kind: t(ctx, "外部标准", "external standard"),
    number: doc.id,
    title: documentTitle(ctx, doc),
    issuer: doc.external?.publisher ?? "",
    revision: doc.external?.revision ?? documentVersion(doc),
    issued: doc.external?.issued ?? null,
    received: doc.external?.received ?? null,
    status: externalStatus(ctx, doc),
    keeper: departmentName(ctx, doc.department),
  }));
  const rows = [...sourceRows, ...standardRows].map((row, i) => ({ no: i + 1, ...row }));
  const current = rows.filter((r) => r.status === t(ctx, "现行", "current")).length;
  return {
    id: "external",
    title: ctx.lang === "en" ? `External document list (${rows.length} in total)` : `外来文件清单（共 ${rows.length} 份）`,
    sheet: t(ctx, "外来文件清单", "External documents"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "kind", header: t(ctx, "类别", "Kind") },
      { key: "number", header: t(ctx, "文件编号", "Number") },
      { key: "title", header: t(ctx, "文件名称", "Title") },
      { key: "issuer", header: t(ctx, "发布单位", "Issued by") },
      { key: "revision", header: t(ctx, "版本", "Revision") },
      { key: "issued", header: t(ctx, "发布日期", "Issued"), date: true },
      { key: "received", header: t(ctx, "接收日期", "Received"), date: true },
      { key: "status", header: t(ctx, "状态", "Status") },
      { key: "keeper", header: t(ctx, "保管部门", "Kept by") },
    ],
    rows,
    notes: [t(ctx, `现行 ${current} 份；已替代的版本保留在清单中，作为接收和评审的记录。`, `${current} current; superseded revisions stay on the list as the record of what was received and reviewed.`)],
  };
}

function externalStatus(ctx: RegisterContext, doc: ControlledDocument): string {
  if (doc.status === "obsolete") return doc.obsolete?.superseded_by ? t(ctx, `已作废，由 ${doc.obsolete.superseded_by} 替代`, `withdrawn, superseded by ${doc.obsolete.superseded_by}`) : t(ctx, "已作废", "withdrawn");
  return doc.status === "released" ? t(ctx, "现行", "current") : t(ctx, "未发布", "not released");
}
