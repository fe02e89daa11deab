/**
 * A register's 备注 that asks for the document's next revision (待修订, 待换版 …, as a controller's Excel list
 * marks a procedure due for revision; imported into `remarks`): the release of that revision is what it asked for,
 * and a remark left after it says of the new version that it is still to be revised (tester76 M4). csr release
 * clears it and says so (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3: the register shows the status of each document).
 */

/** The words that, alone as a part of 备注, ask for a revision (compared without spaces and surrounding punctuation, case-insensitive). */
export const REVISION_DUE_WORDS = ["待修订", "待修改", "待换版", "待改版", "需修订", "需换版", "拟修订", "to be revised", "revision due", "due for revision"] as const;

const SEPARATOR = /([;；,，、\n])/u;
const compared = (part: string) => part.replace(/^[\s(（【\[]+|[\s)）】\].。!！]+$/gu, "").toLowerCase();

/**
 * The parts of `remarks` that ask for a revision (`said`, as written, joined by '、') and what is left of the remarks
 * without them (`rest`, "" when nothing), or undefined when no part does. A part only mentioning a revision among
 * other words (待修订后发放顾客) is the controller's own note and is kept.
 * Example: "待修订；外发顾客" → { said: "待修订", rest: "外发顾客" }.
 */
export function revisionDueRemark(remarks: string | undefined): { said: string; rest: string } | undefined {
  if (remarks === undefined || remarks.trim() === "") return undefined;
  const pieces = remarks.split(SEPARATOR);
  const said: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i]!;
    if ((REVISION_DUE_WORDS as readonly string[]).includes(compared(part).replace(/\s+/gu, " "))) said.push(part.trim());
    else if (part.trim() !== "") kept.push(part.trim() + (pieces[i + 1] ?? ""));
  }
  if (said.length === 0) return undefined;
  const rest = kept.join("").replace(/[\s;；,，、]+$/u, "");
  return { said: said.join("、"), rest };
}
