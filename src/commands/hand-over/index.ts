/**
 * `csr hand-over --from <holder> --to <holder>`: the controlled copies a person holds pass to the one who takes over (a 军代表
 * rotated out of the 军代表室, a line leader replaced), each keeping its 受控号: the copy's `holder` becomes the new one and its
 * `handovers` records the day, both people, who handled it and the paper record (交接单), so that the distribution record
 * (文件发放/回收记录) still accounts for every copy without a recall and a new issue under new numbers (IATF 16949 7.5.3.2.1,
 * GJB 9001C 7.5.3: control of distribution). The copies of the documents and of the customers' source documents, all that
 * the person holds unless --document (and --copy) name some.
 */
import { isMap, isSeq, type YAMLSeq } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { stillControlled } from "../../model/distribution.js";
import { servesUnit } from "../../model/person-work.js";
import { eventLabel } from "../../model/recorded-events.js";
import { sourceAsDocument } from "../../model/source-copies.js";
import { compareIds } from "../../report/registers/context.js";
import type { ControlledCopy, ControlledDocument } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { COPY_KEYS } from "../distribute/index.js";
import { eventDateOption, refuseBefore } from "../options.js";
import { departmentLabel, personLabel } from "../shared/people.js";
import { editFile, listOption, personOption, saveChanges, setInMapOrder, withEditSession, type EditSession } from "../shared/edit.js";

export interface HandOverFlags {
  /** The holder handing the copies over (交出人): a person of people.yaml by id or name, one who has left too. */
  from?: string;
  /** The holder receiving them and signing for them (签收人): a person at work on the day who belongs to (or serves) each copy's unit. */
  to?: string;
  /** Only the copies of these documents (ids of documents or customers' source documents). */
  document?: string[];
  /** With one --document: only these copies (受控号). */
  copy?: string[];
  /** Who handled the hand-over (经办人), usually the document controller. */
  by?: string;
  /** The paper record of the hand-over (交接单号). */
  record?: string;
  date?: string;
  yes?: boolean;
  commit?: boolean;
}

/** A document whose copies are handed over: where its `distribution` is written. */
interface Holding {
  document: ControlledDocument;
  path: string;
  kind: "document" | "customer";
  at: (string | number)[];
  copies: ControlledCopy[];
}

/**
 * Records the hand-over. Errors (UserError, one line, nothing written): --from or --to missing, unknown or the same person;
 * --to not at work on the day, or of a unit another than a copy's (naming the copy); --copy without exactly one --document;
 * a document or copy unknown, or not held by --from; --from holding no copy out; a date before a copy was handed out or last
 * handed over, or after today.
 */
export async function handOverCommand(ctx: CommandContext, flags: HandOverFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    if (flags.from === undefined) throw new UserError(t("hand-over.needs", { flag: "--from" }));
    if (flags.to === undefined) throw new UserError(t("hand-over.needs", { flag: "--to" }));
    const date = eventDateOption(flags.date, "--date");
    const from = personOption(session, flags.from, "--from");
    // The one who takes over signs for the copies that day: someone at work then.
    const to = personOption(session, flags.to, "--to", date);
    if (from.id === to.id) throw new UserError(t("hand-over.same", { person: personLabel(session.index, from.id) }));
    const by = flags.by === undefined ? undefined : personOption(session, flags.by, "--by", date);
    const record = flags.record?.trim();
    if (record === "") throw new UserError(t("hand-over.record-empty"));
    const held = holdings(session, from.id, flags);
    if (held.length === 0) throw new UserError(t("hand-over.none", { person: personLabel(session.index, from.id), id: shellArgument(from.id) }));
    for (const { document, copies } of held) {
      for (const copy of copies) {
        // Handed over after it was handed out and after its last hand-over, and to someone of the copy's unit.
        const last = copy.handovers?.at(-1);
        refuseBefore(date, "--date", last ? { what: eventLabel("rule.date/event.doc-copy-handover", { copy: copy.copy }), of: document.id, date: last.date } : { what: eventLabel("rule.date/event.doc-copy-handed-out", { copy: copy.copy, version: copy.version }), of: document.id, date: copy.date });
        if (!servesUnit(to, copy.to, session.index.departments)) {
          throw new UserError(t("hand-over.elsewhere", { person: personLabel(session.index, to.id), department: departmentLabel(session.index, to.department), id: document.id, copy: copy.copy, unit: departmentLabel(session.index, copy.to) }));
        }
      }
    }
    const entry = { date, from: from.id, to: to.id, ...(by ? { by: by.id } : {}), ...(record ? { record } : {}) };
    // One change per file: a customer's file holds the copies of each of its source documents.
    const files = new Map<string, Holding[]>();
    for (const holding of held) files.set(holding.path, [...(files.get(holding.path) ?? []), holding]);
    const changes = [...files].map(([path, holdings]) =>
      editFile(session.root, path, holdings[0]!.kind, (doc) => {
        for (const holding of holdings) {
          const all = holding.document.distribution ?? [];
          for (const copy of holding.copies) {
            const node = doc.getIn([...holding.at, all.indexOf(copy)], true);
            if (!isMap(node)) throw new Error(`${path}: distribution entry ${copy.copy} is not a mapping`);
            setInMapOrder(doc, node, COPY_KEYS, "holder", doc.createNode(to.id));
            // Each hand-over a one-line entry {date, from, to, …}, as the copies themselves are written.
            const item = doc.createNode(entry);
            item.flow = true;
            const handovers = node.get("handovers", true);
            if (isSeq(handovers)) handovers.add(item);
            else {
              const seq = doc.createNode([]) as YAMLSeq;
              seq.add(item);
              setInMapOrder(doc, node, COPY_KEYS, "handovers", seq);
            }
          }
        }
      }),
    );
    const count = held.reduce((n, h) => n + h.copies.length, 0);
    const lines = [
      t("hand-over.done", { count, from: personLabel(session.index, from.id), to: personLabel(session.index, to.id), date }),
      ...held.flatMap(({ document, copies }) => copies.map((c) => `  ${t("hand-over.line", { id: document.id, version: c.version, copy: c.copy, unit: departmentLabel(session.index, c.to) })}`)),
      ...(record || by ? [t("hand-over.details", { record: record ?? "—", by: by ? personLabel(session.index, by.id) : "—" })] : []),
    ];
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message: t("commit.hand-over", { from: from.id, to: to.id, count, date }) });
    return 0;
  });
}

/**
 * The copies `holder` holds that are still out (stillControlled), by document id (the customers' source documents among them); those of --document only (and of --copy with one --document). Errors: an unknown document (with the nearest
 * ids), --copy without exactly one --document, a copy named that does not exist or that `holder` does not hold out.
 */
function holdings(session: EditSession, holder: string, flags: HandOverFlags): Holding[] {
  const all: Holding[] = [
    ...session.repo.documents.map(({ value, file }) => ({ document: value, path: file.path, kind: "document" as const, at: ["distribution"], copies: [] })),
    ...session.repo.customers.flatMap(({ value: customer, file }) =>
      (customer.sources ?? []).map((source, i) => ({ document: sourceAsDocument(customer, source), path: file.path, kind: "customer" as const, at: ["sources", i, "distribution"], copies: [] })),
    ),
  ];
  const named = listOption(flags.document);
  const numbers = listOption(flags.copy);
  if (numbers.length > 0 && named.length !== 1) throw new UserError(t("hand-over.copy-one-document"));
  for (const id of named) if (!all.some((h) => h.document.id === id)) throw new UserError(t("hand-over.no-document", { id }) + didYouMean(id, all.map((h) => h.document.id)));
  const chosen = named.length > 0 ? all.filter((h) => named.includes(h.document.id)) : all;
  const out = (c: ControlledCopy) => c.holder === holder && stillControlled(c);
  if (numbers.length > 0) {
    const holding = chosen[0]!;
    const copies = numbers.map((n) => {
      const copy = (holding.document.distribution ?? []).find((c) => String(c.copy) === n);
      if (!copy || !out(copy)) throw new UserError(t("hand-over.not-held", { id: holding.document.id, copy: n, person: personLabel(session.index, holder) }));
      return copy;
    });
    return [{ ...holding, copies }];
  }
  return chosen
    .flatMap((h) => {
      const copies = (h.document.distribution ?? []).filter(out);
      return copies.length > 0 ? [{ ...h, copies }] : [];
    })
    .sort((a, b) => compareIds(a.document.id, b.document.id));
}

