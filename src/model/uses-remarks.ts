/**
 * The entries of a GJB procedure list's 三级文件及四级表单 column that name no document of the
 * repository yet, as `csr import` keeps them in the procedure's remarks (`三级文件及四级表单：CS/WI-001
 * 供方评价细则、项目建议书`), and how the GJB 程序文件一览表 prints those remarks once the documents are in.
 */

/** The header texts of the column(s) of the level-3 and level-4 documents a procedure uses (import/headers.ts reads them). */
export const USES_COLUMN_NAMES = {
  level3: ["三级文件", "三级文件名称", "level-3documents"],
  level4: ["四级表单", "四级文件", "四级表单名称", "level-4forms"],
  uses: ["三级文件及四级表单", "三级文件和四级表单", "三级及四级文件", "三、四级文件", "支持性文件"],
} as const;

const key = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[\s*:：]/g, "");
const LABELS: ReadonlySet<string> = new Set(Object.values(USES_COLUMN_NAMES).flat().map(key));

/**
 * `remarks` without the kept entries whose document the list now prints in its 三级文件 or 四级表单
 * cell (`shown`: number → title as printed): an entry kept because its number named no document then
 * is not said twice once the document is imported. Only a part the import wrote (a uses column's
 * header, then `：`) is looked into, and there only an entry that begins with a shown number — with its
 * title when the remark writes it, though the title holds a 、 (`CS/QR-009-01 关键件、重要件明细表`);
 * the rest stays as written.
 */
export function remarksWithoutShownUses(remarks: string, shown: ReadonlyMap<string, string>): string {
  if (shown.size === 0 || remarks === "") return remarks;
  const pieces = remarks.split(/(；|; )/);
  const kept: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i]!;
    const labelled = /^([^：]+)：(.*)$/s.exec(part);
    const text = labelled && LABELS.has(key(labelled[1]!)) ? withoutShown(labelled[1]!, labelled[2]!.split("、"), shown) : part;
    if (text !== "") kept.push(...(kept.length > 0 ? [pieces[i - 1]!] : []), text);
  }
  return kept.join("");
}

/** The part `label：entries` without the shown entries; empty when none is left. */
function withoutShown(label: string, entries: string[], shown: ReadonlyMap<string, string>): string {
  const left: string[] = [];
  for (let j = 0; j < entries.length; j++) {
    const number = entries[j]!.trim().split(/\s/)[0]!;
    const title = shown.get(number);
    if (title === undefined) {
      left.push(entries[j]!);
      continue;
    }
    // The entry with its title, across the 、 the title holds.
    const whole = `${number} ${title}`;
    let k = j;
    while (k + 1 < entries.length && whole.startsWith(entries.slice(j, k + 2).join("、").trim())) k++;
    if (entries.slice(j, k + 1).join("、").trim() === whole) j = k;
  }
  return left.length === 0 ? "" : `${label}：${left.join("、")}`;
}
