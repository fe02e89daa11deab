/** `csr list [what]`: the CSR list by default, or one of the registers. */
import { UserError } from "../../core/errors.js";
import { closest } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import type { CommandContext } from "../context.js";
import { MANAGEMENT_REVIEW_PREFIX } from "../../model/management-reviews.js";
import { LISTS, refuseInapplicableOptions, type ListName } from "./options.js";

/** A management review's number as nextManagementReviewId gives it: MR-2026, MR-2026-2. */
const MANAGEMENT_REVIEW_NUMBER = new RegExp(`^${MANAGEMENT_REVIEW_PREFIX}-\\d{4}(-\\d+)?$`, "i");

/**
 * `document`, a number after the register's name (`csr list distribution QP-003`), is the same as
 * `--document QP-003`; after `management-review` it is a management review's number (`csr list management-review
 * MR-2026`: the inputs of the period that review reviewed); it is refused for the other lists, which list no single
 * document's records.
 */
export async function listCommand(ctx: CommandContext, what: string, document: string | undefined, flags: Record<string, unknown>): Promise<number> {
  if (document !== undefined && what === "management-review") flags = { ...flags, review: document };
  else if (document !== undefined) {
    // A management review's number (MR-2026) is not a document's: its hint names what there is for the review.
    const hint = MANAGEMENT_REVIEW_NUMBER.test(document) ? "list.document-argument-only.review-hint" : "list.document-argument-only.hint";
    if (what !== "distribution") throw new UserError(t("list.document-argument-only", { what, document }), t(hint, { document }));
    if (flags.document !== undefined && flags.document !== document) throw new UserError(t("list.document-twice", { document, flag: String(flags.document) }));
    flags = { ...flags, document };
  }
  if (!(LISTS as readonly string[]).includes(what)) {
    const near = closest(what, LISTS);
    throw new UserError(t("list.unknown", { what, suggestion: near ? t("cli.error.did-you-mean", { suggestion: near }) : "", choices: list(LISTS) }));
  }
  // Refused rather than ignored: a whole register must not pass for a filtered one (the reviews done for the reviews due).
  refuseInapplicableOptions(what as ListName, flags);
  if (what === "csr") return (await import("./csr.js")).listCsrCommand(ctx, flags);
  return (await import("./registers.js")).listRegisterCommand(ctx, what, flags);
}
