/**
 * When an external document is in force (现行有效). A Chinese standard carries two dates of its
 * publisher's, 发布日期 (`external.issued`) and 实施日期 (`external.effective`: GB/T 19001-2016 was
 * issued on 2016-12-30 and in force from 2017-07-01), and the organisation adds the day it received
 * it. It is in force from the later of the day received and its 实施日期; before its 实施日期 it is
 * registered and controlled but 待实施 (not yet in force), and the edition it replaces stays in use.
 * Without `effective`, from the day received.
 */
import type { ControlledDocument, ExternalEdition } from "./types.js";

/** The day an external document is in force from: the later of `received` and `effective`; undefined when neither is recorded. */
export function externalInForceFrom(doc: ControlledDocument): string | undefined {
  return editionInForceFrom(doc.external ?? {});
}

/** The day an edition is in force from, as for the document (externalInForceFrom). */
export function editionInForceFrom(edition: Pick<ExternalEdition, "received" | "effective">): string | undefined {
  const { received, effective } = edition;
  if (received === undefined || effective === undefined) return received ?? effective;
  return effective > received ? effective : received;
}

/**
 * The 实施日期 of a released external document that is not yet in force on `today` (待实施); undefined
 * when it is in force or not external. The day received is a record, never after today (date/in-future).
 */
export function externalPendingUntil(doc: ControlledDocument, today: string): string | undefined {
  if (doc.kind !== "external" || doc.status !== "released") return undefined;
  const effective = doc.external?.effective;
  return effective !== undefined && effective > today ? effective : undefined;
}

/**
 * The category of an external standard, as a Chinese 外来文件清单 names it, from the code its
 * number begins with (标准化法 第二条: 国家标准、行业标准、地方标准、团体标准、企业标准; GJB 国家军用标准):
 * GJB → national-military, GB and GB/T (also written GBT) → national, DB → local, T/ → association, Q/ → enterprise,
 * ISO/IEC/IATF → international, a known industry code (QC 汽车, JB 机械, SJ 电子, HB 航空, QJ 航天,
 * WJ 兵器, CB 船舶, EJ 核, YD 通信 …) → industry; anything else → other (外部标准).
 */
export type ExternalCategory = "national-military" | "national" | "industry" | "local" | "association" | "enterprise" | "international" | "other";

const INDUSTRY_CODES = new Set(["QC", "JB", "SJ", "HB", "QJ", "WJ", "CB", "EJ", "YD", "HG", "DL", "NB", "SH", "TB", "MH", "JT", "GA", "AQ", "YY", "JJG", "JJF"]);

export function externalCategory(number: string): ExternalCategory {
  const code = /^\s*([A-Za-z]+)\s*(\/)?/.exec(number);
  if (!code) return "other";
  const letters = code[1]!.toUpperCase();
  // GJB/Z and GB/Z are 指导性技术文件; a file-safe id may drop the slash (GBT-19001).
  if (letters === "GJB" || letters === "GJBZ") return "national-military";
  if (letters === "GB" || letters === "GBT" || letters === "GBZ") return "national";
  if (letters === "DB") return "local";
  if (letters === "T" && code[2]) return "association";
  if (letters === "Q" && code[2]) return "enterprise";
  if (letters === "ISO" || letters === "IEC" || letters === "IATF") return "international";
  return INDUSTRY_CODES.has(letters) ? "industry" : "other";
}
