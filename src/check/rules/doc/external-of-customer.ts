import { localized, shellArgument } from "../../../core/text.js";
import { language, sentences, t } from "../../../i18n/index.js";
import { DEFAULT_REVIEW_DAYS } from "../../../model/csr-status.js";
import { customerPublishing, sourceIdOf } from "../../../model/customers.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.5.3.2.2: every customer engineering standard or specification, and each revision of it, is reviewed within ten
 * working days of receipt (`csr.review_days`), with the date each change is implemented in production on record. A customer's
 * documents are on that clock as source documents of the customer (`csr source add`: csr/source-unreviewed, the review of the
 * CSRs taken from them, their 导入生产 date in the 外来文件清单); an external document (`kind: external`) whose publisher is a
 * customer (customerPublishing: its code or name, as the command line takes a customer) is not, and `csr new external` refuses
 * one since tester82 A7. Reported at its `external.publisher`, one finding per document in force (a withdrawn one is history).
 */
export const rule: Rule = {
  id: "doc/external-of-customer",
  severity: "warning",
  dependsOn: ["qms.yaml"],
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.kind, f.data.status, f.data.external, f.data.title, f.data.department] : f.kind === "customer" ? [f.data.code, f.data.name, f.data.name_en] : null) },
  summary: "An external document is published by a customer: a customer's engineering specification is not on the review clock of customer documents.",
  docs: {
    description:
      "An external document (`kind: external`, registered with `csr new external`) whose `external.publisher` is a customer of `customers/` — its code, its name or English name, a part of its name no other customer's has, or a text containing its name (东岳汽车股份有限公司技术中心). {{cite:requirements-review}} has every customer engineering standard or specification and each revision of it reviewed within `csr.review_days` working days of receipt (10 by default) and the date each change is implemented in production recorded. A customer's documents are on that clock as its source documents (`csr source add`): `csr/source-unreviewed` reports a revision not reviewed in time, the CSRs taken from it carry the review and the implementation, and the 外来文件清单 (`csr list external`) lists them as 顾客文件 with the day each revision went into production. An external document has none of this: it is listed as 外部标准, with no review deadline and no date in production. `csr new external` refuses such a publisher and names the `csr source add` to run; this rule finds the documents registered before it did. A withdrawn document is not reported.",
    bad: `
id: DYA-MS-0123
title: 东岳制动软管材料规范
kind: external
external:
  publisher: 东岳汽车股份有限公司   # customer DYA
  revision: E
  received: 2026-11-16
`,
    good: `
# customers/DYA.yaml
sources:
  - id: DYA-MS-0123
    title: 东岳制动软管材料规范
    revisions:
      - {revision: E, issued: 2026-11-10, received: 2026-11-16}
`,
    fix: "Register it as the customer's source document with the revision and dates received (`csr source add <customer> --id … --title … --revision … --issued … --received … --department …`), review it (register its requirements with `csr add --source`, or record that it holds none with `csr source update … --without-requirements`), then withdraw the external document (`csr obsolete <number> --reason …`). A publisher that is not the customer (a standards body with a similar name) is corrected in `external.publisher`.",
  },
  check(ctx) {
    const customers = ctx.repo.customers.map((c) => c.value);
    if (customers.length === 0) return;
    const days = ctx.repo.config?.value.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      if (doc.kind !== "external" || doc.status === "obsolete" || !doc.external?.publisher) continue;
      const customer = customerPublishing(customers, doc.external.publisher);
      if (!customer) continue;
      const { revision, issued, received, effective } = doc.external;
      const flags = [
        ["--id", sourceIdOf(doc.id)],
        ["--title", doc.title],
        ["--revision", revision],
        ["--issued", issued],
        ["--effective", effective],
        ["--received", received],
        ["--department", doc.department],
      ].flatMap(([flag, value]) => (value ? [`${flag} ${shellArgument(value)}`] : []));
      ctx.report(
        { file, path: [...path, "external", "publisher"] },
        sentences(
          t("rule.doc/external-of-customer", { document: doc.id, title: doc.title, publisher: doc.external.publisher, customer: customer.code, name: localized(language(), customer.name, customer.name_en), days }),
          t("rule.doc/external-of-customer.fix", { command: ["csr source add", customer.code, ...flags].join(" "), numberArg: shellArgument(doc.id) }),
        ),
      );
    }
  },
};
