/**
 * `csr numbering remove <pattern|family> [--kind <kind>] [--commit]`: takes a numbering family out of
 * qms.yaml `numbering` (one declared by mistake, or an old family whose documents were renumbered).
 * The family is named by its pattern or its name; --kind chooses when the same pattern or name is
 * declared for two kinds. Refused while documents are numbered in it: they would fit no pattern
 * (id/number-pattern) and `csr new` would count no longer in their family; the message names them.
 * The entry goes through the YAML document (its neighbours and comments stay) and the file is
 * written atomically, only if `csr check` finds nothing new (saveChanges).
 */
import { isMap, isSeq } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { conjunction, list, t } from "../../i18n/index.js";
import { documentsInFamily } from "../../model/numbering.js";
import type { DocumentKind } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { DOCUMENT_KINDS } from "../new/index.js";
import { choiceOption } from "../options.js";
import { editFile, saveChanges, withEditSession } from "../shared/edit.js";

export interface NumberingRemoveFlags {
  kind?: string;
  yes?: boolean;
  commit?: boolean;
}

/** Documents named in the refusal: enough to find them. */
const SHOWN = 10;

export async function numberingRemoveCommand(ctx: CommandContext, given: string, flags: NumberingRemoveFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const { repo } = session;
    const config = repo.config;
    if (!config) throw new UserError(t("numbering.no-qms"));
    const kind = flags.kind === undefined ? undefined : choiceOption<DocumentKind>(flags.kind, "--kind", DOCUMENT_KINDS, "procedure");
    const declared = config.value.numbering ?? [];
    const name = given.trim();
    const matching = declared.filter((n) => (n.pattern === name || n.family === name) && (kind === undefined || n.kind === kind));
    if (matching.length === 0) {
      const known = declared.flatMap((n) => [n.pattern, ...(n.family ? [n.family] : [])]);
      throw new UserError(t("numbering.remove.unknown", { family: name }) + didYouMean(name, known), t("numbering.remove.unknown.hint"));
    }
    if (matching.length > 1) {
      throw new UserError(t("numbering.remove.ambiguous", { family: name, kinds: conjunction(matching.map((n) => n.kind)) }), t("numbering.remove.ambiguous.hint", { family: name, kind: matching[0]!.kind }));
    }
    const entry = matching[0]!;
    const kindName = t(`new.kind.${entry.kind}`);
    // '*' holds the numbers no other family of the kind fits: only those leave with it.
    const users = documentsInFamily(entry, declared, repo.documents.map((d) => d.value))
      .map((d) => d.id)
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    if (users.length > 0) {
      const more = users.length > SHOWN ? t("numbering.remove.more", { count: users.length - SHOWN }) : "";
      throw new UserError(t("numbering.remove.in-use", { count: users.length, pattern: entry.pattern, kind: kindName, ids: list(users.slice(0, SHOWN)), more }), t("numbering.remove.in-use.hint"));
    }
    const position = declared.indexOf(entry);
    const change = editFile(repo.root, config.file.path, "qms", (doc) => {
      const entries = doc.get("numbering", true);
      // The parsed list is the one the config was read from: the entry sits at the same index.
      if (!isSeq(entries) || !isMap(entries.items[position])) throw new Error("qms.yaml numbering changed while it was read");
      entries.items.splice(position, 1);
    });
    const lines = [t(entry.family ? "numbering.removed-family" : "numbering.removed", { pattern: entry.pattern, family: entry.family ?? "", kind: kindName, path: config.file.path })];
    // The first family of a kind is the one csr new numbers from when none is named.
    const wasDefault = declared.find((n) => n.kind === entry.kind) === entry;
    const successor = declared.find((n) => n !== entry && n.kind === entry.kind);
    if (wasDefault && successor) lines.push(t("numbering.removed.default", { kind: kindName, pattern: successor.pattern }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.numbering-remove", { kind: kindName, pattern: entry.pattern }) });
    return 0;
  });
}
