/**
 * The dashboard's banner on csr check's errors (tester59 G3, tester80 M11): it names them, so that a 总经理 reading
 * "数据有 1 个错误" knows which without opening the findings page. One to ERRORS_NAMED errors: each with its rule id, the
 * record it concerns and what is wrong as a reader of the site reads it (findingReader: no csr command), linking to
 * the record's findings (its page's #findings) or to the findings page; more: how many each rule reported, linking to
 * the findings page.
 */
import type { Finding } from "../core/diagnostic.js";
import { t, type RegisterContext } from "../report/registers/context.js";
import type { Reading } from "./attention.js";
import type { EntityRef } from "./view.js";

/** Errors named one by one in the banner; more are counted per rule. */
export const ERRORS_NAMED = 3;

/** One line of the banner: its words and where it links. */
export interface ErrorLine {
  rule: string;
  text: string;
  href: string;
}

export interface ErrorBannerInput {
  rc: RegisterContext;
  /** csr check's findings; the banner reads its errors. */
  findings: readonly Finding[];
  read: (finding: Finding) => Reading;
  entityOfFile: (file: string) => EntityRef | undefined;
  /** The link from the dashboard to an entity's page and fragment; undefined for one without a page. */
  link: (entity: EntityRef, fragment: string) => string | undefined;
  /** The link from the dashboard to the findings page. */
  findingsHref: string;
}

/** The lines of the banner, in the order csr check gives the errors (per rule: by rule id); none without errors. */
export function errorLines(input: ErrorBannerInput): ErrorLine[] {
  const { rc } = input;
  const errors = input.findings.filter((f) => f.severity === "error");
  if (errors.length <= ERRORS_NAMED) {
    return errors.map((finding) => {
      const entity = input.entityOfFile(finding.file);
      return {
        rule: finding.rule,
        text: t(rc, "site.dashboard.error-line", { id: entity?.id ?? finding.file, what: input.read(finding).what }),
        href: (entity && input.link(entity, "findings")) ?? input.findingsHref,
      };
    });
  }
  const byRule = new Map<string, number>();
  for (const finding of errors) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  return [...byRule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, count]) => ({ rule, text: t(rc, "site.dashboard.error-count", { count }), href: input.findingsHref }));
}
