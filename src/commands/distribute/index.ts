/**
 * `csr distribute <document> --to <dept>…` hands out controlled copies of the current version,
 * each with its own number (受控号); `csr recall <document>` records copies taken back. Both are
 * entries of the document's `distribution` list (文件发放/回收记录), which is not a revision.
 */
import { UserError } from "../../core/errors.js";
import { list as inline, t } from "../../i18n/index.js";
import { copiesToRecall, nextCopyNumber } from "../../model/distribution.js";
import { currentRevision } from "../../model/index.js";
import { eventLabel, revisionEvent } from "../../model/recorded-events.js";
import type { ControlledCopy, ControlledDocument } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { eventDateOption, refuseBefore } from "../options.js";
import { appendIn } from "../shared/persist.js";
import { copyList, departmentLabel, personLabel } from "../shared/people.js";
import { departmentByCode, editFile, findDocumentById, listOption, need, withEditSession, personOption, saveChanges } from "../shared/edit.js";

export interface DistributeFlags {
  to?: string[];
  copies?: string;
  holder?: string;
  date?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function distributeCommand(ctx: CommandContext, id: string, flags: DistributeFlags): Promise<number> {
  return distribute(ctx, id, flags);
}

export async function distribute(ctx: CommandContext, id: string, flags: DistributeFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { value: document, file } = findDocumentById(session, id);
    const version = currentRevision(document)?.version;
    if (document.status !== "released" || !version) throw new UserError(t("distribute.not-released", { id, status: t(`value.document-status.${document.status}`) }), notReleasedHint(document));
    const departments = session.repo.config?.value.departments ?? [];
    const given = listOption(flags.to);
    const to = (
      given.length > 0
        ? given
        : listOption(
            await need(session.ask, "--to", t("distribute.needs.to"), (p) =>
              p.input({ message: t("prompt.distribute.to", { departments: inline(departments.map((d) => `${d.code} ${d.name}`)) }), required: true }),
            ),
          )
    ).map((code) => departmentByCode(session, code, "--to"));
    const copies = flags.copies === undefined ? 1 : Number(flags.copies);
    if (!Number.isInteger(copies) || copies < 1 || copies > 99) throw new UserError(t("distribute.copies-range", { value: flags.copies ?? "" }));
    const holderPerson = flags.holder === undefined ? undefined : personOption(session, flags.holder, "--holder");
    // A controlled copy is held in the department it is issued to (IATF 16949 7.5.3.2.1, GJB 9001C
    // 7.5.3: documents available where they are used); a holder from elsewhere is a slip of the keyboard.
    if (holderPerson && !to.includes(holderPerson.department)) {
      throw new UserError(
        t("distribute.holder-elsewhere", { holder: personLabel(session.index, holderPerson.id), department: departmentLabel(session.index, holderPerson.department), to: inline(to.map((d) => departmentLabel(session.index, d))) }),
        t("distribute.holder-elsewhere.hint", { department: departmentLabel(session.index, holderPerson.department), code: holderPerson.department }),
      );
    }
    const holder = holderPerson?.id;
    const date = eventDateOption(flags.date, "--date", { follows: { ...revisionEvent(currentRevision(document)!), of: id } });
    let number = nextCopyNumber(document);
    const entries: ControlledCopy[] = to.flatMap((dept) => Array.from({ length: copies }, () => ({ copy: number++, version, to: dept, ...(holder ? { holder } : {}), date })));
    const change = editFile(session.root, file.path, "document", (doc) => {
      for (const entry of entries) appendIn(doc, ["distribution"], doc.createNode(entry, { flow: true }));
    });
    const lines = [
      t("distribute.handed-out", { id, version, count: entries.length, date }),
      ...entries.map((e) => {
        const to = departmentLabel(session.index, e.to);
        return `  ${t("distribute.copy-number", { copy: e.copy })}  ${e.holder ? t("distribute.holder", { to, holder: personLabel(session.index, e.holder) }) : to}`;
      }),
    ];
    const old = copiesToRecall(document);
    if (old.length > 0) lines.push(t("distribute.still-to-recall", { copies: copyList(session.index, old), id }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.distribute", { id, version, copies: inline(entries.map((e) => String(e.copy))) }) });
    return 0;
  });
}

export interface RecallFlags {
  copy?: string[];
  date?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function recallCommand(ctx: CommandContext, id: string, flags: RecallFlags): Promise<number> {
  return recall(ctx, id, flags);
}

/** Without --copy: every copy that is due back (of an earlier version, or of a withdrawn document). */
export async function recall(ctx: CommandContext, id: string, flags: RecallFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { value: document, file } = findDocumentById(session, id);
    const list = document.distribution ?? [];
    const date = eventDateOption(flags.date, "--date");
    const named = listOption(flags.copy);
    let chosen = copiesToRecall(document);
    if (named.length > 0) {
      chosen = named.map((n) => {
        const copy = list.find((c) => String(c.copy) === n);
        if (!copy) throw new UserError(t("recall.no-copy", { id, copy: n, copies: inline(list.map((c) => String(c.copy))) || t("recall.no-copies") }));
        if (copy.recalled) throw new UserError(t("recall.already", { id, copy: n, date: copy.recalled }));
        return copy;
      });
    } else if (session.ask && chosen.length === 0) {
      const out = list.filter((c) => !c.recalled);
      if (out.length === 0) throw new UserError(t("recall.none-out", { id }));
      const pick = await session.ask.select({ message: t("prompt.recall.copy"), choices: out.map((c) => ({ value: String(c.copy), name: `${t("distribute.copy-number", { copy: c.copy })}  ${c.version}  ${departmentLabel(session.index, c.to)}` })) });
      chosen = out.filter((c) => String(c.copy) === pick);
    }
    if (chosen.length === 0) throw new UserError(t("recall.none-due", { id }), t("recall.none-due.hint"));
    for (const copy of chosen) refuseBefore(date, "--date", { what: eventLabel("rule.date/event.doc-copy-handed-out", { copy: copy.copy, version: copy.version }), of: id, date: copy.date });
    const change = editFile(session.root, file.path, "document", (doc) => {
      for (const copy of chosen) doc.setIn(["distribution", list.indexOf(copy), "recalled"], date);
    });
    const left = copiesToRecall(document).filter((c) => !chosen.includes(c));
    const lines = [t("recall.taken-back", { id, count: chosen.length, date, copies: copyList(session.index, chosen) })];
    lines.push(left.length > 0 ? t("recall.still-to-recall", { copies: copyList(session.index, left) }) : t("recall.all-back"));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.recall", { id, copies: inline(chosen.map((c) => String(c.copy))) }) });
    return 0;
  });
}

/** What to do instead: release a draft; an obsolete document is not released again, its successor is distributed. */
function notReleasedHint(document: ControlledDocument): string {
  if (document.status !== "obsolete") return t("distribute.not-released.hint", { id: document.id });
  const successor = document.obsolete?.superseded_by;
  return successor ? t("distribute.obsolete.hint", { successor }) : t("distribute.obsolete.hint.no-successor");
}
