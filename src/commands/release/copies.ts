/**
 * What a release leaves to do at the points of use (IATF 16949 7.5.3.2.1: the version released is available where it
 * is used and obsolete copies are withdrawn; GJB 9001C 7.5.3), against the distribution record (文件发放/回收记录):
 * the controlled copies still out to recall and the units to hand the new version to, the electronic issue of the
 * version replaced with the one that replaces it, or, where the repository records distribution and the record holds
 * no copy of the document, that it holds none (tester65 N7). Each with the commands that record it.
 */
import { shellArgument } from "../../core/text.js";
import { conjunction, list, t } from "../../i18n/index.js";
import { stillControlled, issuedToPointsOfUse, recordsIssues, unitsOfUse, withEdition } from "../../model/distribution.js";
import { electronicLabel } from "../../model/labels.js";
import type { RepoIndex } from "../../model/index.js";
import type { ControlledCopy, ControlledDocument } from "../../model/types.js";
import { copyList, departmentLabel } from "../shared/people.js";

export interface Released {
  /** The version released now. */
  version: string;
  /** The version it replaces: undefined at a first release. */
  previous?: string;
  /** The release's date, and the day the version takes effect (the same, or later). */
  date: string;
  effective: string;
  /** The release recorded an electronic issue of the version (qms.yaml document_control.electronic_issue). */
  issued: boolean;
  /** The version replaced was released before csr and no copy of it is recorded: release.no-copies-recorded says what to do. */
  unrecordedImport: boolean;
  /** A temporary version whose last day (--until) is before today: nothing may be worked to it (release.until-past), so none is to be handed out. */
  ended: boolean;
}

/**
 * The lines for stdout (the copies to recall, the electronic issues to replace: work the release leaves) and for
 * stderr (the note that the record holds no copy out). `doc`: the document as it was before the release, whose
 * distribution record the release does not change. The note is said only where the repository records distribution
 * (recordsIssues) and of a document handed out to its places of use, as doc/not-issued reports it.
 */
export function pointsOfUseLines(index: RepoIndex, doc: ControlledDocument, released: Released): { stdout: string[]; stderr: string[] } {
  const { version, previous, date, effective } = released;
  const arg = shellArgument(doc.id);
  const stdout: string[] = [];
  const out = (doc.distribution ?? []).filter(stillControlled);
  if (out.length > 0) {
    // Released to take effect later, the old copies stay in use until then: due back from that day.
    const key = effective > date ? "release.to-recall-from" : "release.to-recall";
    stdout.push(t(key, { copies: copyList(index, out), arg, version, effective, distribute: conjunction(handOut(arg, out).map((command) => `'${command}'`)) }));
  }
  // An electronic issue is of one version: the new one needs its own, which replaces the old on the system.
  if (!released.issued && !released.ended && previous !== undefined) {
    for (const [system, units] of bySystem(doc, previous)) {
      const command = `csr distribute ${arg} --electronic --to ${units.join(" ")}${system === undefined ? "" : ` --system ${shellArgument(system)}`}`;
      const departments = list(units.map((code) => departmentLabel(index, code)));
      stdout.push(t("release.electronic-to-replace", { document: withEdition(doc.id, previous), how: electronicLabel(system), departments, version, command }));
    }
  }
  if (stdout.length > 0 || released.issued || released.unrecordedImport || released.ended || !issuedToPointsOfUse(doc) || !recordsIssues([...index.documents.values()].map(({ value }) => value))) return { stdout, stderr: [] };
  const csrs = [...index.csrs.values()].map(({ value }) => value).filter((csr) => !csr.superseded && (csr.addressed ?? []).some((a) => a.document === doc.id));
  const codes = unitsOfUse(doc, csrs).join(" ");
  const data = { id: doc.id, version, paper: `csr distribute ${arg} --to ${codes}`, electronic: `csr distribute ${arg} --electronic --to ${codes}` };
  return { stdout, stderr: [t(previous === undefined ? "release.no-copies-first" : "release.no-copies", data)] };
}

/**
 * The `csr distribute` commands that hand the new version to the units that held `copies`, as many to each as it
 * held, each at the place of use (使用场所) its copies had: one command for the units that held the same number at
 * the same place (or at none), in the order of the record, so that a copy put up at 压接工位 OP20 is replaced there
 * (IATF 16949 7.5.3.2.1: the version in force available at its points of use).
 */
function handOut(arg: string, copies: readonly ControlledCopy[]): string[] {
  const held = new Map<string, { unit: string; location: string | undefined; count: number }>();
  for (const copy of copies) {
    const key = `${copy.to}\u0000${copy.location ?? ""}`;
    const point = held.get(key) ?? { unit: copy.to, location: copy.location, count: 0 };
    held.set(key, { ...point, count: point.count + 1 });
  }
  const alike = new Map<string, { location: string | undefined; count: number; units: string[] }>();
  for (const { unit, location, count } of held.values()) {
    const key = `${count}\u0000${location ?? ""}`;
    alike.set(key, { location, count, units: [...new Set([...(alike.get(key)?.units ?? []), unit])] });
  }
  return [...alike.values()].map(
    ({ location, count, units }) => `csr distribute ${arg} --to ${units.join(" ")}${count > 1 ? ` --copies ${count}` : ""}${location === undefined ? "" : ` --location ${shellArgument(location)}`}`,
  );
}

/** The units given `version` electronically, by the system it is published on (undefined: none named), each once. */
function bySystem(doc: ControlledDocument, version: string): Map<string | undefined, string[]> {
  const systems = new Map<string | undefined, string[]>();
  for (const issue of (doc.electronic_issue ?? []).filter((e) => e.version === version)) {
    systems.set(issue.system, [...new Set([...(systems.get(issue.system) ?? []), ...issue.to])]);
  }
  return systems;
}
