/**
 * `csr distribute <document> --to <dept>…` hands out controlled copies of the current version,
 * each with its own number (受控号); `csr recall <document>` records copies taken back. Both are
 * entries of the document's `distribution` list (文件发放/回收记录), which is not a revision.
 */
import { UserError } from "../../core/errors.js";
import { copiesToRecall, nextCopyNumber } from "../../model/distribution.js";
import { currentRevision } from "../../model/index.js";
import type { ControlledCopy } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { appendIn } from "../shared/persist.js";
import { departmentByCode, editFile, findDocumentById, listOption, need, withEditSession, personById, saveChanges } from "../shared/edit.js";

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
    if (document.status !== "released" || !version) throw new UserError(`${id} is ${document.status}; only a released document is distributed as controlled copies.`, `Release it first: 'csr release ${id} ...'.`);
    const departments = session.repo.config?.value.departments ?? [];
    const given = listOption(flags.to);
    const to = (
      given.length > 0
        ? given
        : listOption(
            await need(session.ask, "--to", "the receiving departments", (p) =>
              p.input({ message: `Receiving departments (${departments.map((d) => `${d.code} ${d.name}`).join(", ")})`, required: true }),
            ),
          )
    ).map((code) => departmentByCode(session, code, "--to"));
    const copies = flags.copies === undefined ? 1 : Number(flags.copies);
    if (!Number.isInteger(copies) || copies < 1 || copies > 99) throw new UserError(`--copies expects a number of copies per department from 1 to 99, got '${flags.copies}'.`);
    const holder = flags.holder === undefined ? undefined : personById(session, flags.holder, "--holder").id;
    const date = dateOption(flags.date, "--date");
    let number = nextCopyNumber(document);
    const entries: ControlledCopy[] = to.flatMap((dept) => Array.from({ length: copies }, () => ({ copy: number++, version, to: dept, ...(holder ? { holder } : {}), date })));
    const change = editFile(session.root, file.path, "document", (doc) => {
      for (const entry of entries) appendIn(doc, ["distribution"], doc.createNode(entry, { flow: true }));
    });
    const lines = [
      `${id} ${version}: ${entries.length} controlled cop${entries.length === 1 ? "y" : "ies"} handed out on ${date}:`,
      ...entries.map((e) => `  受控号 ${e.copy}  ${e.to}${e.holder ? ` (${e.holder})` : ""}`),
    ];
    const old = copiesToRecall(document);
    if (old.length > 0) lines.push(`Still to recall: ${old.map((c) => `${c.copy} (${c.version}, ${c.to})`).join(", ")}; record their return with 'csr recall ${id}'.`);
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: `csr distribute ${id} ${version}: copies ${entries.map((e) => e.copy).join(", ")}` });
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
    const date = dateOption(flags.date, "--date");
    const named = listOption(flags.copy);
    let chosen = copiesToRecall(document);
    if (named.length > 0) {
      chosen = named.map((n) => {
        const copy = list.find((c) => String(c.copy) === n);
        if (!copy) throw new UserError(`${id} has no controlled copy ${n}; its copies: ${list.map((c) => c.copy).join(", ") || "none"}.`);
        if (copy.recalled) throw new UserError(`Copy ${n} of ${id} was taken back on ${copy.recalled} already.`);
        return copy;
      });
    } else if (session.ask && chosen.length === 0) {
      const out = list.filter((c) => !c.recalled);
      if (out.length === 0) throw new UserError(`No controlled copy of ${id} is out.`);
      const pick = await session.ask.select({ message: "Copy taken back", choices: out.map((c) => ({ value: String(c.copy), name: `受控号 ${c.copy}  ${c.version}  ${c.to}` })) });
      chosen = out.filter((c) => String(c.copy) === pick);
    }
    if (chosen.length === 0) throw new UserError(`No copy of ${id} is due back (every copy out is of the version in force).`, "Name a copy with --copy N to take back a copy of the current version.");
    const change = editFile(session.root, file.path, "document", (doc) => {
      for (const copy of chosen) doc.setIn(["distribution", list.indexOf(copy), "recalled"], date);
    });
    const left = copiesToRecall(document).filter((c) => !chosen.includes(c));
    const lines = [`${id}: ${chosen.length} cop${chosen.length === 1 ? "y" : "ies"} taken back on ${date}: ${chosen.map((c) => `${c.copy} (${c.version}, ${c.to})`).join(", ")}.`];
    lines.push(left.length > 0 ? `Still to recall: ${left.map((c) => `${c.copy} (${c.version}, ${c.to})`).join(", ")}.` : "No copy is due back any more.");
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: `csr recall ${id}: copies ${chosen.map((c) => c.copy).join(", ")}` });
    return 0;
  });
}
