/**
 * The words for a printed layout of qms.yaml `document_layouts` (model/index.ts documentLayout chooses it): whose
 * documents it is for, as messages say it ("2 级文件", "工艺规程（CSGY-XX3-###）文件", "作业指导书"), and the
 * `csr organisation layout set` command that gives those documents a layout from a day on, which a hint prints.
 */
import { shellArgument } from "../core/text.js";
import { t } from "../i18n/index.js";
import { documentLayout, type LayoutSubject } from "./index.js";
import { numberingFamilyOf } from "./numbering.js";
import type { DocumentLayout, QmsConfig, SignatureRole } from "./types.js";
import type { Repository } from "../load/repository.js";

/** What a layout entry names, as `csr organisation layout` options give it: numbering families, kinds, levels (each one named must fit). */
export interface LayoutSelector {
  families?: string[];
  kinds?: string[];
  levels?: number[];
}

/**
 * The documents a layout is for, as a message says them: "工艺规程（CSGY-XX3-###）文件" for a numbering family (its
 * name and pattern, or its pattern alone), a kind's name ("作业指导书") for a kind, "3 级文件" for a level; several
 * joined. `config`: qms.yaml, for the patterns of the families named.
 */
export function layoutOwner(config: QmsConfig | undefined, selector: LayoutSelector): string {
  const numbering = config?.numbering ?? [];
  if (selector.families !== undefined) {
    const names = selector.families.map((f) => {
      const entry = numbering.find((n) => n.family === f) ?? numbering.find((n) => n.pattern === f);
      return entry?.family !== undefined && entry.family !== entry.pattern ? t("layout.owner.family-named", { family: entry.family, pattern: entry.pattern }) : f;
    });
    return t("layout.owner.family", { families: names.join(t("common.list-separator")) });
  }
  if (selector.kinds !== undefined) return t("layout.owner.kind", { kinds: selector.kinds.map((k) => t(`value.kind.${k}` as "value.kind.instruction")).join(t("common.list-separator")) });
  return t("layout.owner.level", { level: (selector.levels ?? []).join(t("common.list-separator")) });
}

/**
 * Whose layout a document's is: the selector of the layout in force for it on `date` (documentLayout), else its level.
 * What messages about the document's printed cells name ("2 级文件的版式").
 */
export function documentLayoutOwner(repo: Pick<Repository, "config">, doc: LayoutSubject, date?: string): string {
  const layout = documentLayout(repo, doc, date);
  const selector = layout === undefined ? undefined : layoutSelector(layout);
  // A level's layout is said as the document's level (3 级文件), not every level the entry lists.
  return layoutOwner(repo.config?.value, selector === undefined || selector.levels !== undefined ? { levels: [doc.level] } : selector);
}

/** The selector of a layout entry (what it names, families first); undefined for an entry that names nothing. */
export function layoutSelector(layout: DocumentLayout): LayoutSelector | undefined {
  if (layout.families !== undefined) return { families: layout.families };
  if (layout.kinds !== undefined) return { kinds: layout.kinds };
  if (layout.levels !== undefined) return { levels: layout.levels };
  return undefined;
}

/** The signature names `csr organisation layout set --signatures` takes and prints (zh-CN, as the printed cells are labelled). */
export const SIGNATURE_NAMES: Readonly<Record<SignatureRole, string>> = {
  prepared: "编制",
  reviewed: "审核",
  countersigned: "会签",
  standardization: "标准化审查",
  approved: "批准",
  military_representative: "军代表",
};

/**
 * The `csr organisation layout set` command that gives the documents of `doc`'s layout the `signatures` from `since`
 * (YYYY-MM-DD) on, its other fields as in the layout in force (label, 密级): for the document's numbering family where
 * the family has a name of its own (工艺规程: a kind of document csr has no kind for), else for what the layout in force
 * names (a family, a kind), else for the document's level. What the release refusal and doc/signature-missing print.
 */
export function layoutSetCommand(repo: Pick<Repository, "config">, doc: LayoutSubject, since: string, signatures: readonly SignatureRole[]): string {
  const config = repo.config?.value;
  const layout = documentLayout(repo, doc, since);
  const family = doc.id === undefined ? undefined : numberingFamilyOf(config?.numbering ?? [], { kind: doc.kind, id: doc.id });
  const selector = family?.family !== undefined ? `--family ${shellArgument(family.family)}` : layout?.families !== undefined ? `--family ${shellArgument(layout.families[0]!)}` : layout?.kinds !== undefined ? `--kind ${layout.kinds[0]}` : `--level ${doc.level}`;
  const kept = [
    ...(layout?.label !== undefined ? [`--label ${shellArgument(layout.label)}`] : []),
    ...(layout?.classification !== undefined ? [`--classification ${shellArgument(layout.classification)}`] : []),
  ];
  return ["csr organisation layout set", selector, `--since ${since}`, `--signatures ${signatures.map((r) => SIGNATURE_NAMES[r]).join(",")}`, ...kept].join(" ");
}
