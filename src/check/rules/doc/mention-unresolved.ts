import { closest } from "../../../core/text.js";
import type { Rule } from "../../rule.js";
import { numberedSections } from "./numbered-sections.js";
import { sentences, t, translate } from "../../../i18n/index.js";
import { REGISTER_COMMANDS, REGISTERS_WITH_FORMS, type RegisterWithForm } from "../../../model/register-forms.js";

/**
 * csr's own registers (model/register-forms.ts) by the titles a document cites them by, in Chinese and in English
 * (locales `register.cited.<id>`): the ids of each, as two registers may share one title (程序文件一览表: procedures,
 * procedures-gjb).
 */
const registersByTitle = (): Map<string, RegisterWithForm[]> => {
  const byTitle = new Map<string, RegisterWithForm[]>();
  for (const id of REGISTERS_WITH_FORMS) {
    for (const lang of ["zh-CN", "en"] as const) {
      const title = translate(lang, `register.cited.${id}`);
      const ids = byTitle.get(title) ?? [];
      if (!ids.includes(id)) byTitle.set(title, [...ids, id]);
    }
  }
  return byTitle;
};

const MENTION = /《([^《》\n]+)》/g;

/**
 * A document's text cites another document by its title in book-title marks (按《文件控制程序》执行).
 * The cited document must be in the repository, so a reader can find it and a renamed or withdrawn
 * document does not leave the text pointing nowhere. Documents named in the process map
 * (processes.yaml) are checked by ref/unresolved.
 */
export const rule: Rule = {
  id: "doc/mention-unresolved",
  severity: "error",
  scope: {
    files: "all",
    reads: (f) => (f.kind === "document" ? [f.data.id, f.data.title, f.data.title_en, f.data.sections] : f.kind === "customer" ? (f.data.sources ?? []).map((s) => [s.title, s.title_en]) : null),
  },
  summary: "A document's text mentions 《a document》 that is not in the repository.",
  docs: {
    description:
      "A document whose text mentions another document by its title in book-title marks, `《文件控制程序》`, when no document in the repository (nor any customer source document) has that title. The finding points at the mention. Documents that the process map (`processes.yaml`) names are checked by `ref/unresolved`. A procedure that says \"按《记录控制程序》执行\" sends its reader to that document; if the title is wrong or the document was never issued, the instruction cannot be followed, and an auditor following the trail finds nothing. While a document file cannot be read at all, its title is unknown and mentions are not checked: fix that file first.\n\nThe title of one of csr's own registers (`《特殊特性符号对照表》`, `《顾客特定要求清单》`, `《文件发放/回收记录》` …, in Chinese or English) resolves once the register is kept on a controlled form: its id names a form under `registers.forms` in `qms.yaml` (`symbols: QR-8.3-05`), as {{#IATF16949}}IATF 16949 8.3.3.3 expects of the symbol conversion table{{/IATF16949}}{{^IATF16949}}a record the procedure relies on is controlled{{/IATF16949}}; until then the finding names the register and the command that prints it.",
    bad: `
          按《顾客特定要求管理程式》评审，记录按《记录控制程序》保存。   # the procedure is titled 顾客特定要求管理程序
`,
    fix: "Correct the title (the message suggests the closest one), or add the document; a law, standard or customer document that is cited is an external document (`kind: external`). For one of csr's registers, create and release the form it is printed on (`csr new form --title 特殊特性符号对照表`, `csr release`) and name that form under `registers.forms` in `qms.yaml` (`symbols: <form number>`).",
  },
  check(ctx) {
    // A document file that cannot be read hides its title: every mention could be of it, and the
    // file's own finding is the one to fix first (one root cause, one finding).
    if (ctx.repo.unvalidated.titlesUnknown) return;
    // Every title the repository knows, made at the first mention (of the documents whose findings
    // are kept; see RuleContext.keeps).
    let known: Set<string> | undefined;
    const knownTitles = (): Set<string> => {
      if (known) return known;
      const titles = new Set<string>(ctx.repo.unvalidated.documentTitles);
      for (const { value } of ctx.repo.documents) {
        titles.add(value.title);
        if (value.title_en) titles.add(value.title_en);
      }
      for (const { value } of ctx.repo.customers) {
        for (const source of value.sources ?? []) {
          titles.add(source.title);
          if (source.title_en) titles.add(source.title_en);
        }
      }
      return (known = titles);
    };
    const forms = ctx.repo.config?.value.registers?.forms;
    let registers: Map<string, RegisterWithForm[]> | undefined;
    for (const { value: doc, file } of ctx.repo.documents) {
      if (!ctx.keeps(file)) continue;
      for (const section of numberedSections(ctx.repo, doc)) {
        const text = section.section.text;
        // Most sections mention no document: matchAll costs a copy of the expression per text.
        if (text === undefined || !text.includes("《")) continue;
        const titles = knownTitles();
        for (const match of text.matchAll(MENTION)) {
          const title = match[1]!.trim();
          if (titles.has(title)) continue;
          const cited = (registers ??= registersByTitle()).get(title);
          // One of csr's registers, kept on a controlled form (qms.yaml registers.forms): a record the reader can find, whatever the form's own title.
          if (cited?.some((id) => forms?.[id] !== undefined)) continue;
          const register = cited?.[0];
          if (register !== undefined) {
            ctx.report(
              { file, path: [...section.path, "text"], quote: match[0] },
              sentences(
                t("rule.doc/mention-unresolved.register", { section: section.number, document: doc.id, title, register, command: REGISTER_COMMANDS[register] }),
                t("rule.doc/mention-unresolved.register-fix", { title, register }),
              ),
              undefined,
              ["qms.yaml"],
            );
            continue;
          }
          const near = closest(title, titles);
          ctx.report(
            { file, path: [...section.path, "text"], quote: match[0] },
            sentences(
              t("rule.doc/mention-unresolved", { section: section.number, document: doc.id, title }),
              near && t("rule.doc/mention-unresolved.did-you-mean", { title: near }),
              t("rule.doc/mention-unresolved.fix"),
            ),
          );
        }
      }
    }
  },
};
