/**
 * What of another customer a customer's audit pack (csr site --customer, csr export --customer) must not show
 * (tester74 T2): a document's body, revision record, remarks, a finding's message or a change report's row that
 * names another customer — its code, its name or the short name it goes by (北辰 for 北辰汽车集团有限公司), the ids of
 * its CSRs and source documents — is withheld there with a visible note, at the smallest unit that carries it: a
 * section whose heading names one (with what is under it), a paragraph, a list item, a table row. The
 * organisation's own text about the customer audited is left as written. Every customer of customers/ is read, so
 * a new one is withheld without a list to keep up.
 *
 * Another customer's symbol names (安全特性, HI) are not marks by themselves: they are ordinary words of the
 * organisation's own symbol table as well (◆ 安全特性); a text giving them as that customer's names the customer too
 * (北辰安全特性（S）) and is withheld for that.
 */
import type { Customer, ControlledDocument, Section } from "../model/types.js";

/** Legal forms and trade words a customer's name carries after the name it goes by (东岳汽车股份有限公司 → 东岳). */
const NAME_ENDINGS = ["股份有限公司", "有限责任公司", "有限公司", "集团", "股份", "公司", "汽车零部件", "零部件", "汽车", "科技", "工业", "实业", "制造"];
const NAME_ENDINGS_EN = ["co., ltd.", "co.,ltd.", "co. ltd.", "ltd.", "ltd", "inc.", "inc", "corporation", "corp.", "company", "group", "motors", "motor", "automobile", "automotive", ","];

/** Whether a text names another customer: `names(text)`; `marks`, what it looks for (for a message or a test). */
export interface OtherCustomers {
  names(text: string | undefined): boolean;
  marks: readonly string[];
}

/**
 * The marks of every customer of `customers` but `code`, with `ids` (their CSRs' and source documents' ids): the
 * codes, the ids and the English names matched as whole words in any letter case, the Chinese names as written. A
 * mark also found in the audited customer's own names (two customers of one group) is not one.
 */
export function otherCustomers(customers: readonly Customer[], code: string, ids: Iterable<string>): OtherCustomers {
  const self = customers.find((c) => c.code === code);
  const selfNames = self ? [self.code, self.name, self.name_en ?? "", ...shortNames(self)].map((n) => n.toLowerCase()) : [];
  const marks = new Set<string>();
  for (const c of customers) {
    if (c.code === code) continue;
    for (const mark of [c.code, c.name, c.name_en ?? "", ...shortNames(c), ...(c.sources ?? []).map((s) => s.id)]) if (mark.trim().length >= 2) marks.add(mark.trim());
  }
  for (const id of ids) if (id.length >= 2) marks.add(id);
  const kept = [...marks].filter((m) => !selfNames.some((n) => n.includes(m.toLowerCase())));
  const words = kept.filter((m) => /^[\x20-\x7e]+$/.test(m));
  const plain = kept.filter((m) => !/^[\x20-\x7e]+$/.test(m));
  // A code or an English name as a word: BCM in BCM-003 or "BCM 要求", not inside ABCMX.
  const pattern = words.length === 0 ? undefined : new RegExp(`(?<![A-Za-z0-9])(?:${words.map(escapeRegExp).join("|")})(?![A-Za-z0-9])`, "i");
  return {
    marks: kept,
    names: (text) => text !== undefined && text !== "" && (plain.some((m) => text.includes(m)) || (pattern?.test(text) ?? false)),
  };
}

/** The short names a customer goes by: its name without its legal form and trade words (北辰汽车集团有限公司 → 北辰; Beichen Motor Group Co., Ltd. → Beichen). */
export function shortNames(customer: Pick<Customer, "name" | "name_en">): string[] {
  const out: string[] = [];
  let name = customer.name.trim();
  for (let cut = true; cut; ) {
    cut = false;
    for (const ending of NAME_ENDINGS) {
      if (name.endsWith(ending) && name.length - ending.length >= 2) {
        name = name.slice(0, -ending.length);
        cut = true;
      }
    }
  }
  if (name !== customer.name.trim()) out.push(name);
  if (customer.name_en) {
    let en = customer.name_en.trim();
    for (let cut = true; cut; ) {
      cut = false;
      for (const ending of NAME_ENDINGS_EN) {
        if (en.toLowerCase().endsWith(ending) && en.length - ending.length >= 3) {
          en = en.slice(0, -ending.length).trimEnd();
          cut = true;
        }
      }
    }
    if (en !== customer.name_en.trim()) out.push(en);
  }
  return out;
}

/**
 * `text` (a section's Markdown) with each paragraph, list item (with its continued lines) and table row that names
 * another customer replaced by `note`: a list item keeps its bullet, a table row its cells (the note in the first), so
 * the text around reads as before. Undefined stays undefined.
 */
export function withheldText(text: string | undefined, others: OtherCustomers, note: string): string | undefined {
  if (text === undefined || !others.names(text)) return text;
  const lines = text.split("\n");
  const units: string[][] = [];
  for (const line of lines) {
    const last = units[units.length - 1];
    const starts = line.trim() === "" || /^\s*\|/.test(line) || /^\s*(?:[-*+]|\d+[.)、])\s/.test(line) || /^\s*#/.test(line);
    const continues = last !== undefined && last[0]!.trim() !== "" && !/^\s*\|/.test(last[0]!) && !/^\s*#/.test(last[0]!);
    if (!starts && continues) last.push(line);
    else units.push([line]);
  }
  return units
    .map((unit) => {
      const joined = unit.join("\n");
      if (!others.names(joined)) return joined;
      const first = unit[0]!;
      const row = /^(\s*)\|(.*)\|\s*$/.exec(first);
      if (row) return `${row[1]}| ${note} |${" |".repeat(Math.max(0, row[2]!.split("|").length - 1))}`;
      const item = /^(\s*(?:[-*+]|\d+[.)、])\s+)/.exec(first);
      if (item) return `${item[1]}${note}`;
      const heading = /^(\s*#+\s+)/.exec(first);
      return heading ? `${heading[1]}${note}` : note;
    })
    .join("\n");
}

/** `sections` as the pack shows them: a section whose heading names another customer withheld whole (its heading the note), others' text withheld by withheldText. */
export function withheldSections(sections: readonly Section[] | undefined, others: OtherCustomers, note: string): Section[] | undefined {
  return sections?.map((section) => {
    if (others.names(section.title) || others.names(section.title_en)) {
      const { text: _text, sections: _sections, title_en: _en, ...kept } = section;
      return { ...kept, title: note, text: note };
    }
    const text = withheldText(section.text, others, note);
    const below = withheldSections(section.sections, others, note);
    return { ...section, ...(text !== undefined && { text }), ...(below && { sections: below }) };
  });
}

/**
 * A document of the pack without what names another customer: its body (withheldSections), a revision's summary and
 * reason, its remarks, and the customers' own record retention periods and notifications that are not `code`'s.
 */
export function withoutOtherCustomers(doc: ControlledDocument, code: string, others: OtherCustomers, note: string): ControlledDocument {
  const revisions = doc.revisions?.map((r) => {
    const notices = r.customer_notices?.filter((n) => n.customer === code);
    const summary = others.names(r.summary) || others.names(r.summary_en);
    const reason = others.names(r.reason) || others.names(r.reason_en);
    return {
      ...r,
      ...(summary && { summary: note, ...(r.summary_en !== undefined && { summary_en: note }) }),
      ...(reason && { reason: note, ...(r.reason_en !== undefined && { reason_en: note }) }),
      ...(r.customer_notices && { customer_notices: notices }),
    };
  });
  const sections = withheldSections(doc.sections, others, note);
  const retention = doc.record?.retention_customer?.filter((r) => r.customer === code);
  return {
    ...doc,
    ...(revisions && { revisions }),
    ...(sections && { sections }),
    ...(doc.remarks !== undefined && others.names(doc.remarks) && { remarks: note }),
    ...(doc.record && retention && { record: { ...doc.record, retention_customer: retention } }),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
