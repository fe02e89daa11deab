/**
 * `csr address`: where a CSR is addressed, pinned to what the link was made against.
 *
 *   csr address <csr> <document> [--section S] [--by P]   link (refuses a section the document lacks)
 *   csr address --confirm <csr> <document> [--section S] --by P
 *                                                          the link still holds: pin it afresh
 *   csr address --pin-all [--by P]                         pin every link that has no pin yet
 *
 * csr/suspect-link reports a link whose ends changed since its pin.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { findRoot } from "../../load/discover.js";
import { refuseOnConflicts } from "../../load/git.js";
import { loadRepository, type Repository } from "../../load/repository.js";
import { linkedSection } from "../../model/fingerprint.js";
import { documentSections, sectionLabel } from "../../model/sections.js";
import type { AddressedIn, ControlledDocument } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { appendIn, commitFiles, verifyChanges, writeChanges, yamlText, type FileChange } from "../shared/persist.js";
import { findCsr } from "../show/lookup.js";
import { linkToConfirm, pinAll, pinFor } from "./pin.js";

export interface AddressFlags {
  section?: string;
  confirm?: boolean;
  pinAll?: boolean;
  by?: string;
  date?: string;
  commit?: boolean;
}

export async function addressCommand(ctx: CommandContext, csrId: string | undefined, documentId: string | undefined, flags: AddressFlags): Promise<number> {
  const root = findRoot(ctx.dir);
  await refuseOnConflicts(root);
  const repo = loadRepository(root);
  const date = dateOption(flags.date, "--date", localToday());
  const by = flags.by === undefined ? undefined : person(repo, flags.by);
  let changes: FileChange[];
  let message: string;
  if (flags.pinAll) {
    if (csrId !== undefined || flags.confirm) throw new UserError("--pin-all pins every link of the repository; give it no CSR, no document and no --confirm.");
    changes = pinAll(root, repo, by, date);
    message = changes.length === 0 ? "Every link is pinned already." : `Pinned the links of ${changes.length} CSR(s) to the current documents (${date}).`;
  } else {
    if (csrId === undefined || documentId === undefined) throw new UserError("csr address needs a CSR and a document, e.g. 'csr address DYA-001 QP-014 --section 5.2'.");
    const { value: csr, file } = findCsr(repo, csrId);
    const doc = documentOf(repo, documentId);
    const section = flags.section;
    if (section !== undefined && !linkedSection(doc, section)) {
      throw new UserError(`${doc.id} has no section '${section}'.`, `Its sections: ${sectionList(doc).join(", ") || "none"}.`);
    }
    const text = readFileSync(join(root, file.path), "utf8");
    const yaml = parseDocument(text);
    if (flags.confirm) {
      if (by === undefined) throw new UserError("--confirm records who confirms that the link still holds: give --by <person>.");
      const at = linkToConfirm(csr, doc, section);
      const place = csr.addressed![at]!;
      yaml.setIn(["addressed", at, "pin"], yaml.createNode(pinFor(csr, doc, place.section, by, date)));
      message = `Confirmed that ${doc.id}${place.section ? ` section ${place.section}` : ""} still addresses ${csr.id} (${by}, ${date}).`;
    } else {
      if ((csr.addressed ?? []).some((p) => p.document === doc.id && p.section === section)) {
        throw new UserError(`${csr.id} is already addressed in ${doc.id}${section ? ` section ${section}` : ""}.`, `To record that the link still holds, run 'csr address --confirm ${csr.id} ${doc.id}${section ? ` --section "${section}"` : ""} --by <person>'.`);
      }
      const entry: AddressedIn = { document: doc.id, ...(section !== undefined ? { section } : {}), pin: pinFor(csr, doc, section, by, date) };
      appendIn(yaml, ["addressed"], entry);
      message = `${csr.id} is addressed in ${doc.id}${section ? ` section ${section}` : ""} (${doc.title}${entry.pin!.revision ? ` ${entry.pin!.revision}` : ""}).`;
    }
    changes = [{ path: file.path, kind: "csr", text: yamlText(yaml, text) }];
  }
  verifyChanges(repo, changes, date);
  writeChanges(root, changes);
  ctx.stdout(`${message}\n`);
  if (flags.commit && changes.length > 0) {
    const subject = flags.pinAll ? `csr address --pin-all: ${changes.length} CSR(s)` : `csr address ${flags.confirm ? "--confirm " : ""}${csrId} ${documentId}`;
    ctx.stdout(`Committed ${await commitFiles(root, changes.map((c) => c.path), subject)}: ${subject}\n`);
  }
  return 0;
}

function person(repo: Repository, id: string): string {
  const ids = repo.people.map((p) => p.value.id);
  if (!ids.includes(id)) throw new UserError(`--by ${id}: no such person in people.yaml.${didYouMean(id, ids)}`);
  return id;
}

function documentOf(repo: Repository, id: string): ControlledDocument {
  const doc = repo.documents.find((d) => d.value.id === id)?.value;
  if (!doc) throw new UserError(`No document '${id}' in documents/.${didYouMean(id, repo.documents.map((d) => d.value.id))}`);
  return doc;
}

/** "1 目的", "5.2 符号转换" …: the sections as the document numbers them. */
function sectionList(doc: ControlledDocument): string[] {
  return documentSections(doc).map((s) => sectionLabel(s, "zh-CN"));
}
