/** What a withdrawal (作废, `obsolete`) records of its approval, as csr show, the document and the 作废文件清单 say it. */
import { translate, type Lang } from "../i18n/index.js";
import type { ControlledDocument } from "./types.js";

/**
 * Who approved the withdrawal and, where recorded, the 军代表 who agreed (csr obsolete --approved-by,
 * --military-representative; tester68 G6), each named by `name` (a person's id → their name):
 * 批准：刘志明；军代表：王建东. "" when the withdrawal records neither (one recorded before csr asked).
 */
export function withdrawalApproval(lang: Lang, obsolete: ControlledDocument["obsolete"], name: (id: string) => string): string {
  const parts = [
    obsolete?.approved_by ? translate(lang, "withdrawal.approved-by", { name: name(obsolete.approved_by) }) : "",
    obsolete?.military_representative ? translate(lang, "withdrawal.military-representative", { name: name(obsolete.military_representative) }) : "",
  ];
  return parts.filter(Boolean).join(translate(lang, "register.remarks-separator"));
}
