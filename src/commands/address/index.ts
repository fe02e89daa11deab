/**
 * `csr address <csr> [document]`: record (or with --remove, withdraw) where a CSR is addressed.
 * Each new link is pinned to what it was made against (pin.ts), so csr/suspect-link can tell when
 * either end changes; `--confirm` pins a link afresh once someone has checked that it still holds,
 * `--pin-all` pins the links recorded before pins existed.
 */
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { classificationName, classificationRank, csrClassification, documentClassification, isStateSecret } from "../../model/classification.js";
import { documentSections, sectionLabel } from "../../model/sections.js";
import { personLabel } from "../shared/people.js";
import { editFile, findCsrById, findDocumentById, need, withEditSession, personOption, saveChanges } from "../shared/edit.js";
import { addAddressed, addressedEntry, removeAddressed } from "./addressed.js";
import { UserError } from "../../core/errors.js";
import { language, list, t } from "../../i18n/index.js";
import { personToType } from "../../model/people.js";
import { currentRevision } from "../../model/index.js";
import type { ControlledDocument } from "../../model/types.js";
import { eventDateOption, refuseBefore } from "../options.js";
import { eventLabel } from "../../model/recorded-events.js";
import { rejectedOutright } from "../../model/decision.js";
import { heldThrough, linkedToDraft, linkToConfirm, pinAll, pinFor, replacedPins } from "./pin.js";

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
    const date = eventDateOption(flags.date, "--date");
    const by = flags.by === undefined ? undefined : personOption(session, flags.by, "--by", date).id;
    if (flags.pinAll) {
      if (csrId !== undefined || flags.confirm || flags.remove) throw new UserError(t("address.pin-all-alone"));
      const changes = pinAll(session.root, session.repo, by, date);
      const line = changes.length === 0 ? t("address.all-pinned") : t("address.pinned", { count: changes.length, date });
      await saveChanges(ctx, session, changes, [line], { commit: flags.commit && changes.length > 0, message: t("commit.address.pin-all", { count: changes.length }) });
      return 0;
    }
    if (csrId === undefined) throw new UserError(t("address.needs-csr"));
    const { value: csr, file } = findCsrById(session, csrId);
    refuseBefore(date, "--date", { what: eventLabel("rule.date/event.csr-received"), of: csr.id, date: csr.received });
    if (flags.confirm) {
      if (by === undefined) {
        const linkedBy = (csr.addressed ?? []).filter((a) => documentId === undefined || a.document === documentId).map((a) => a.pin?.by);
        throw new UserError(t("address.confirm-needs-by", { by: personToType(session.index.people, [...linkedBy, csr.implementation?.owner, csr.review?.decision?.by], language(), date) }));
      }
      const target = documentId ?? (await need(session.ask, "<document>", t("address.needs.document"), (p) => p.select({ message: t("prompt.address.confirm-document"), choices: [...new Set((csr.addressed ?? []).map((e) => e.document))].map((d) => ({ value: d })) })));
      const located = findDocumentById(session, target);
      const document = located.value;
      const at = linkToConfirm(csr, document, flags.section);
      const place = csr.addressed![at]!;
      const draft = await linkedToDraft(session.root, document, located.file.path, place.section);
      const held = draft ? undefined : heldThrough(place, document, csr, date);
      // The confirmation replaced is kept (pin.history): from it the link may address the requirement since an earlier revision (tester54a A12).
      const pin = { ...pinFor(csr, document, place.section, by, date, held?.previous), ...(draft ? { draft: true } : {}), ...(place.pin ? { history: replacedPins(place.pin) } : {}) };
      const change = editFile(session.root, file.path, "csr", (doc) => doc.setIn(["addressed", at, "pin"], doc.createNode(pin)));
      const where = place.section ? t("address.document-section", { document: document.id, section: place.section }) : document.id;
      const lines = [t("address.confirmed", { where, id: csr.id, by: by === undefined ? by : personLabel(session.index, by), date })];
      if (held) lines.push(t("address.confirmed-pending", { document: document.id, version: held.pending, date: held.until, id: csr.id, previous: held.previous }));
      if (draft) lines.push(draftLine(csr.id, document, place.section));
      await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.address.confirm", { id: csr.id, where }) });
      return 0;
    }
    const { ask } = session;
    if (flags.remove) {
      const listed = csr.addressed ?? [];
      if (listed.length === 0) throw new UserError(t("address.nothing-to-remove", { id: csrId }));
      const target =
        documentId ??
        (await need(ask, "<document>", t("address.needs.document-to-remove"), (p) =>
          p.select({ message: t("prompt.address.remove-document"), choices: [...new Set(listed.map((e) => e.document))].map((d) => ({ value: d })) }),
        ));
      let removed = 0;
      const change = editFile(session.root, file.path, "csr", (doc) => (removed = removeAddressed(csr, doc, target, flags.section)));
      if (removed === 0) {
        const listedText = list(listed.map((e) => `${e.document}${e.section ? ` ${e.section}` : ""}`));
        throw new UserError(flags.section ? t("address.not-in-section", { id: csrId, document: target, section: flags.section, listed: listedText }) : t("address.not-in", { id: csrId, document: target, listed: listedText }));
      }
      await saveChanges(ctx, session, [change], [t("address.removed", { id: csrId, where: `${target}${flags.section ? ` ${flags.section}` : ""}`, count: removed })], {
        commit: flags.commit,
        message: t("commit.address.remove", { id: csrId, target }),
      });
      return 0;
    }
    const target =
      documentId ??
      (await need(ask, "<document>", t("address.needs.document"), (p) =>
        p.search({
          message: t("prompt.address.document"),
          source: (term) =>
            session.repo.documents
              .map((d) => d.value)
              .filter((d) => d.status !== "obsolete" && (!term || `${d.id} ${d.title}`.toLowerCase().includes(term.toLowerCase())))
              .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }))
              .map((d) => ({ value: d.id, name: `${d.id}  ${d.title}` })),
        }),
      ));
    const located = findDocumentById(session, target);
    const document = located.value;
    if (document.status === "obsolete") throw new UserError(t("address.obsolete", { id: target }));
    const sections = documentSections(document);
    const section =
      flags.section ??
      (ask && sections.length > 0
        ? await ask.select({ message: t("prompt.address.section"), choices: [{ value: "", name: t("prompt.address.whole-document") }, ...sections.map((s) => ({ value: s.number, name: sectionLabel(s, "zh-CN") }))] })
        : undefined);
    const secret = isStateSecret(session.repo, document);
    const entry = { ...addressedEntry(document, section, secret) };
    const draft = await linkedToDraft(session.root, document, located.file.path, entry.section);
    entry.pin = { ...pinFor(csr, document, entry.section, by, date), ...(draft ? { draft: true as const } : {}) };
    let added = false;
    const change = editFile(session.root, file.path, "csr", (doc) => (added = addAddressed(csr, doc, entry)));
    const where = `${entry.document}${entry.section ? ` ${entry.section}` : ""}`;
    if (!added) {
      ctx.stdout(t("address.already", { id: csrId, where }) + "\n");
      return 0;
    }
    const lines = [t("address.addressed", { id: csrId, where })];
    if (secret && entry.section) lines.push(t("address.number-only", { document: target, classification: classificationName(language(), documentClassification(session.repo, document)) }));
    // The section now carries the requirement: a document marked lower than the CSR would print and publish it so (doc/classification-below-csr).
    const csrLevel = csrClassification(session.index.customers.get(csr.customer)?.value, csr);
    const docLevel = documentClassification(session.repo, document);
    if (classificationRank(csrLevel) > classificationRank(docLevel)) {
      const name = (value: string) => (value === "" ? t("rule.doc/classification-below-csr.unmarked") : classificationName(language(), value));
      lines.push(t("address.classification-below-csr", { id: csr.id, csrClassification: name(csrLevel), level: csrLevel, document: target, classification: name(docLevel) }));
    }
    // A requirement rejected without an alternative is not addressed by a link (csrStatus): said, with how to record one agreed with the customer.
    if (rejectedOutright(csr.review?.decision)) lines.push(t("address.not-to-meet", { id: csr.id, disposition: t("value.disposition.rejected"), where }));
    // A document never released: its first release pins the link to the text it approves (release/repin.ts, tester64 N12).
    const never = (document.revisions ?? []).length === 0;
    if (document.status !== "released") lines.push(t(never ? "address.not-released.first" : "address.not-released", { id: target, status: t(`value.document-status.${document.status}`) }));
    if (draft) lines.push(draftLine(csr.id, document, entry.section));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.address.add", { id: csrId, where }) });
    return 0;
  });
}

/** The line that says a link was made against the draft of the document's next revision (tester56 D2). */
function draftLine(id: string, document: ControlledDocument, section: string | undefined): string {
  const where = section === undefined ? document.id : t("address.document-section", { document: document.id, section });
  return t("address.draft-only", { id, where, document: document.id, version: currentRevision(document)?.version ?? "", since: document.revising?.since ?? "" });
}
