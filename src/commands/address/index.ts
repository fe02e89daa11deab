/**
 * `csr address <csr> [document]`: record (or with --remove, withdraw) where a CSR is addressed.
 * Each new link is pinned to what it was made against (pin.ts), so csr/suspect-link can tell when
 * either end changes; `--confirm` pins a link afresh once someone has checked that it still holds,
 * `--pin-all` pins the links recorded before pins existed.
 */
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { documentSections, sectionLabel } from "../../model/sections.js";
import { editFile, findCsrById, findDocumentById, need, withEditSession, personById, saveChanges } from "../shared/edit.js";
import { addAddressed, addressedEntry, removeAddressed } from "./addressed.js";
import { UserError } from "../../core/errors.js";
import { dateOption } from "../options.js";
import { linkToConfirm, pinAll, pinFor } from "./pin.js";

export interface AddressFlags {
  section?: string;
  remove?: boolean;
  /** The link still holds after a change at one of its ends: pin it afresh. */
  confirm?: boolean;
  /** Pin every link that has no pin yet. */
  pinAll?: boolean;
  /** Who links or confirms (a person of people.yaml); required with --confirm. */
  by?: string;
  /** Date of the pin (default today). */
  date?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function addressCommand(ctx: CommandContext, csrId: string | undefined, documentId: string | undefined, flags: AddressFlags): Promise<number> {
  return addressCsr(ctx, csrId, documentId, flags);
}

export async function addressCsr(ctx: CommandContext, csrId: string | undefined, documentId: string | undefined, flags: AddressFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const by = flags.by === undefined ? undefined : personById(session, flags.by, "--by").id;
    const date = dateOption(flags.date, "--date");
    if (flags.pinAll) {
      if (csrId !== undefined || flags.confirm || flags.remove) throw new UserError("--pin-all pins every link of the repository; give it no CSR, no document, no --confirm and no --remove.");
      const changes = pinAll(session.root, session.repo, by, date);
      const line = changes.length === 0 ? "Every link is pinned already." : `Pinned the links of ${changes.length} CSR(s) to the current documents (${date}).`;
      await saveChanges(ctx, session, changes, [line], { commit: flags.commit && changes.length > 0, message: `csr address --pin-all: ${changes.length} CSR(s)` });
      return 0;
    }
    if (csrId === undefined) throw new UserError("csr address needs a CSR, e.g. 'csr address DYA-001 QP-014 --section 5.2' (or --pin-all).");
    const { value: csr, file } = findCsrById(session, csrId);
    if (flags.confirm) {
      if (by === undefined) throw new UserError("--confirm records who confirms that the link still holds: give --by <person>.");
      const target = documentId ?? (await need(session.ask, "<document>", "the document", (p) => p.select({ message: "Confirm the link to which document", choices: [...new Set((csr.addressed ?? []).map((e) => e.document))].map((d) => ({ value: d })) })));
      const document = findDocumentById(session, target).value;
      const at = linkToConfirm(csr, document, flags.section);
      const place = csr.addressed![at]!;
      const change = editFile(session.root, file.path, "csr", (doc) => doc.setIn(["addressed", at, "pin"], doc.createNode(pinFor(csr, document, place.section, by, date))));
      const where = `${document.id}${place.section ? ` section ${place.section}` : ""}`;
      await saveChanges(ctx, session, [change], [`Confirmed that ${where} still addresses ${csr.id} (${by}, ${date}).`], { commit: flags.commit, message: `csr address --confirm ${csr.id} ${where}` });
      return 0;
    }
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
    const entry = { ...addressedEntry(document, section) };
    entry.pin = pinFor(csr, document, entry.section, by, date);
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
  });
}
