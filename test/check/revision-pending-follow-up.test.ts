/**
 * A 需修订 / 拟作废 periodic review carries its follow-up (tester71 Q7): `--due` and `--owner` on csr periodic-review,
 * doc/revision-pending an error once the due day has passed; and for a document to withdraw that a released document
 * still cites, csr check gives the same first step as csr periodic-review, not a csr obsolete that is then refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, copyFixture, csr } from "../helpers.js";

const pending = (dir: string, today: string, lang = "zh-CN") =>
  checkJson(dir, "--today", today, "--lang", lang).findings.filter((f) => f.rule === "doc/revision-pending").map((f) => `${f.file}:${f.line} ${f.severity} ${f.message}`);

describe("doc/revision-pending with a follow-up", () => {
  it("records --due and --owner, warns until the due day and is an error after it", () => {
    const dir = copyFixture("examples/acme-auto");
    const done = csr(["-C", dir, "periodic-review", "QP-009", "--result", "需修订", "--comment", "条款更新", "--by", "徐海涛", "--date", "2026-12-01", "--due", "2026-12-05", "--owner", "张丽", "-y"], { lang: null });
    expect([done.code, done.stderr]).toEqual([0, ""]);
    expect(done.stdout.split("\n")[2]).toBe("完成期限 2026-12-05，责任人 张丽（zhangli）；过期未完成时 csr check 报告为错误。");
    expect(readFileSync(join(dir, "documents/procedures/QP-009.yaml"), "utf8")).toContain("    result: revise\n    comment: 条款更新\n    due: 2026-12-05\n    owner: zhangli\n");
    expect(pending(dir, "2026-12-05")).toEqual([expect.stringMatching(/ warning QP-009 在 2026-12-01 的定期评审（xuht）结论为需修订，此后尚未发布新版本。.*完成期限 2026-12-05，责任人 zhangli。$/)]);
    expect(pending(dir, "2026-12-06", "en")).toEqual([expect.stringMatching(/ error QP-009's periodic review .* It was due by 2026-12-05 \(owner zhangli\): complete it; if the deadline must move, review it again and record the new one with 'csr periodic-review QP-009 --due <date>'\.$/)]);
  });

  it("refuses a follow-up on a suitable conclusion, or due before the review", () => {
    const dir = copyFixture("examples/acme-auto");
    const run = (...args: string[]) => {
      const r = csr(["-C", dir, "periodic-review", "QP-009", "--by", "徐海涛", "--date", "2026-12-01", "-y", ...args], { lang: null });
      return [r.code, r.stderr];
    };
    expect(run("--due", "2026-12-31")).toEqual([2, "csr: --due 只用于结论为需修订或拟作废的评审：继续有效不需要后续处理。\n"]);
    expect(run("--result", "revise", "--comment", "x", "--due", "2026-11-30")).toEqual([2, "csr: --due 2026-11-30 早于评审日期 2026-12-01：完成期限应在评审之后。\n"]);
  });

  it("names the documents citing a document to withdraw, as csr periodic-review does, before csr obsolete", () => {
    const dir = copyFixture("examples/acme-auto");
    expect(csr(["-C", dir, "periodic-review", "QR-004-02", "--result", "withdraw", "--comment", "并入 QR-004-01", "--by", "徐海涛", "--date", "2026-12-01", "-y"], { lang: null }).code).toBe(0);
    expect(pending(dir, "2026-12-06")).toEqual([
      "documents/forms/QR-004-02.yaml:32 warning QR-004-02 在 2026-12-01 的定期评审（xuht）结论为拟作废，此后尚未作废。QP-004 仍引用它，'csr obsolete QR-004-02' 会拒绝：先处理这些引用（文件发布新版本，改为引用替代文件或删除该引用；过程用 'csr process update <过程> --remove-document QR-004-02'），然后用 'csr obsolete QR-004-02' 作废。",
    ]);
  });
});
