/**
 * The findings of `csr check` that concern each entity with a page: those reported in its own file
 * (a document, CSR or customer file), or at its entry of people.yaml / processes.yaml / tooling.yaml / first-articles.yaml (where the
 * rule reported them, reportedAt); and those reported on a CSR about another entity's part in it:
 * a link of `addressed` (suspect, section missing, obsolete document) also concerns the document it
 * points at, an overdue implementation also its owner, and every finding on a CSR also its customer
 * (a customer's page answers "what is open with this customer"). The same findings as findings.html,
 * grouped.
 */
import { reportedAt, type Finding } from "../core/diagnostic.js";
import type { Repository } from "../load/repository.js";
import type { EntityKind } from "./pages.js";
import type { EntityRef } from "./view.js";

export type EntityFindings = (kind: EntityKind, id: string) => Finding[];

/** `entityOfFile`: the entity a document, CSR or customer file defines (build.ts fileEntities). */
export function entityFindings(repo: Repository, findings: readonly Finding[], entityOfFile: (file: string) => EntityRef | undefined): EntityFindings {
  const csrOfFile = new Map(repo.csrs.map((c) => [c.file.path, c.value]));
  // Entries of the files that hold many (people.yaml, processes.yaml), by file and the index of the entry.
  const entries = new Map<string, { kind: EntityKind; id: string }>();
  for (const p of repo.people) entries.set(`${p.file.path}\n${p.path.join("\n")}`, { kind: "person", id: p.value.id });
  for (const p of repo.processes) entries.set(`${p.file.path}\n${p.path.join("\n")}`, { kind: "process", id: p.value.code });
  for (const p of repo.tooling) entries.set(`${p.file.path}\n${p.path.join("\n")}`, { kind: "tooling", id: p.value.id });
  for (const p of repo.firstArticles) entries.set(`${p.file.path}\n${p.path.join("\n")}`, { kind: "first-article", id: p.value.id });

  const map = new Map<string, Finding[]>();
  const add = (kind: EntityKind, id: string, finding: Finding) => {
    const key = `${kind}:${id}`;
    const list = map.get(key);
    // Once each: csr check hands over each finding once, and the entities one finding is added to differ in kind.
    if (!list) map.set(key, [finding]);
    else list.push(finding);
  };
  for (const finding of findings) {
    const own = entityOfFile(finding.file);
    const at = reportedAt.get(finding)?.path;
    if (own) add(own.kind, own.id, finding);
    else if (at && at.length >= 2) {
      const entry = entries.get(`${finding.file}\n${at.slice(0, 2).join("\n")}`);
      if (entry) add(entry.kind, entry.id, finding);
    }
    const csr = csrOfFile.get(finding.file);
    if (!csr) continue;
    add("customer", csr.customer, finding);
    if (at?.[0] === "addressed" && typeof at[1] === "number") {
      const document = csr.addressed?.[at[1]]?.document;
      if (document) add("document", document, finding);
    }
    if (finding.rule === "csr/implementation-overdue" && csr.implementation?.owner) add("person", csr.implementation.owner, finding);
  }
  for (const list of map.values()) list.sort(bySeverity);
  return (kind, id) => map.get(`${kind}:${id}`) ?? [];
}

/** Errors before warnings (as the dashboard puts them), then in the order csr check gives them. */
export function bySeverity(a: Finding, b: Finding): number {
  return (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1);
}
