/**
 * What a CSR's review decision commits the organisation to (model/types.ts Decision).
 */
import type { Decision } from "./types.js";

/**
 * Whether a decision is one the organisation meets: must (必须满足), optional (可选), or rejected as written
 * with an alternative agreed with the customer (decision.alternative, IATF 16949 4.3.2: the agreed alternative
 * is then the requirement). Such a CSR is addressed, implemented, trained and flowed down like a must-meet
 * one; a plain rejection or not-applicable is not. False without a decision.
 */
export function decidedToMeet(decision: Decision | undefined): boolean {
  const disposition = decision?.disposition;
  return disposition === "must" || disposition === "optional" || (disposition === "rejected" && decision?.alternative !== undefined);
}

/** Whether a decision rejects the requirement outright: rejected, no alternative agreed with the customer. */
export function rejectedOutright(decision: Decision | undefined): boolean {
  return decision?.disposition === "rejected" && decision.alternative === undefined;
}

/**
 * How a decision is named in every output (`value.disposition.*`, `register.disposition.*`): its disposition, or
 * `rejected-alternative` for one rejected as written whose alternative the customer agreed (decidedToMeet).
 */
export function dispositionKey(decision: Decision): Decision["disposition"] | "rejected-alternative" {
  return decision.disposition === "rejected" && decision.alternative !== undefined ? "rejected-alternative" : decision.disposition;
}
