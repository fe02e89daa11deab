/** `csr address <csr> [document]`: record (or with --remove, withdraw) where a CSR is addressed. */
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { documentSections, sectionLabel } from "../../model/sections.js";
import { editFile, findCsrById, findDocumentById, need, openForEdit, saveChanges } from "../shared/edit.js";
import { addAddressed, addressedEntry, removeAddressed } from "./addressed.js";
import { UserError } from "../../core/errors.js";

export interface AddressFlags {
  section?: string;
  remove?: boolean;
  yes?: boolean;
  commit?: boolean;
}

export async function addressCommand(ctx: CommandContext, csrId: string, documentId: string | undefined, flags: AddressFlags): Promise<number> {
  return addressCsr(ctx, csrId, documentId, flags);
}

export async function addressCsr(ctx: CommandContext, csrId: string, documentId: string | undefined, flags: AddressFlags, prompts?: Prompts): Promise<number> {
  const session = await openForEdit(ctx, flags.yes, prompts);
  const { value: csr, file } = findCsrById(session, csrId);
  const { ask } = session;
  if (flags.remove) {
    const listed = csr.addressed ?? [];
    if (listed.length === 0) throw new UserError(`${csrId} is not addressed in any document; there is nothing to remove.`);
    const target =
      documentId ??
      (await need(ask, "<document>", "the document to remove", (p) =>
        p.select({ message: "Remove which document", choices: [...new Set(listed.map((e) => e.document))].map((d) => ({ value: d })) }),
      ));
    let removed = 0;
    const change = editFile(session.root, file.path, "csr", (doc) => (removed = removeAddressed(csr, doc, target, flags.section)));
    if (removed === 0) throw new UserError(`${csrId} is not addressed in ${target}${flags.section ? ` section '${flags.section}'` : ""}; listed: ${listed.map((e) => `${e.document}${e.section ? ` ${e.section}` : ""}`).join(", ")}.`);
    await saveChanges(ctx, session, [change], [`${csrId}: no longer addressed in ${target}${flags.section ? ` ${flags.section}` : ""} (${removed} entr${removed === 1 ? "y" : "ies"} removed).`], {
      commit: flags.commit,
      message: `csr address ${csrId}: remove ${target}`,
    });
    return 0;
  }
  const target =
    documentId ??
    (await need(ask, "<document>", "the document", (p) =>
      p.search({
        message: "Document where it is addressed (type a number or words of its title)",
        source: (term) =>
          session.repo.documents
            .map((d) => d.value)
            .filter((d) => d.status !== "obsolete" && (!term || `${d.id} ${d.title}`.toLowerCase().includes(term.toLowerCase())))
            .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }))
            .map((d) => ({ value: d.id, name: `${d.id}  ${d.title}` })),
      }),
    ));
  const document = findDocumentById(session, target).value;
  if (document.status === "obsolete") throw new UserError(`${target} is obsolete; a CSR is addressed in a document in force.`);
  const sections = documentSections(document);
  const section =
    flags.section ??
    (ask && sections.length > 0
      ? await ask.select({ message: "Section", choices: [{ value: "", name: "(the whole document)" }, ...sections.map((s) => ({ value: s.number, name: sectionLabel(s, "zh-CN") }))] })
      : undefined);
  const entry = addressedEntry(document, section);
  let added = false;
  const change = editFile(session.root, file.path, "csr", (doc) => (added = addAddressed(csr, doc, entry)));
  const where = `${entry.document}${entry.section ? ` ${entry.section}` : ""}`;
  if (!added) {
    ctx.stdout(`${csrId} is already addressed in ${where}; nothing changed.\n`);
    return 0;
  }
  const lines = [`${csrId}: addressed in ${where}.`];
  if (document.status !== "released") lines.push(`${target} is ${document.status}; the CSR counts as addressed once it is released.`);
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: `csr address ${csrId}: ${where}` });
  return 0;
}
