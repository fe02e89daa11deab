/**
 * `csr submit`: a draft goes for approval (draft → in-review, 审批中) and comes back for rework with
 * `--withdraw`, by command rather than a hand edit of `status` (month report #8): complete documents
 * only, several at once or none, and `csr release` takes the document in review.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const procedure = (id: string, text: string | undefined, status = "draft") =>
  [`id: ${id}`, "title: 文件控制程序", "level: 2", "kind: procedure", "department: QA", `status: ${status}`, "sections:", "  - number: '1'", "    title: 目的", ...(text === undefined ? [] : [`    text: ${text}`]), ""].join("\n");

const status = (dir: string, id: string) => parse(readFileSync(join(dir, `documents/${id}.yaml`), "utf8")).status;

describe("csr submit", () => {
  it("submits drafts for approval and commits them; a release then takes the document in review", async () => {
    const dir = gitInit(minimalRepo({ "documents/QP-001.yaml": procedure("QP-001", "规定文件控制。"), "documents/QP-002.yaml": procedure("QP-002", "规定记录控制。") }));
    // The drafts came into the repository on 2026-11-20: a submission cannot be dated before that (breaker59 H8).
    git(dir, ["commit", "--amend", "-q", "--no-edit", "--date", "2026-11-20T10:00:00+08:00"]);
    const submitted = await csrInProcess(["-C", dir, "submit", "QP-001", "QP-002", "--commit"]);
    expect(submitted.stderr).toBe("");
    expect(submitted.code).toBe(0);
    const commit = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(submitted.stdout).toBe(
      [
        "Submitted for approval: QP-001 文件控制程序 (documents/QP-001.yaml), status draft → in-review.",
        "Submitted for approval: QP-002 文件控制程序 (documents/QP-002.yaml), status draft → in-review.",
        `Committed ${commit}: submit QP-001, QP-002 for approval (draft → in-review)`,
        "",
      ].join("\n"),
    );
    expect([status(dir, "QP-001"), status(dir, "QP-002")]).toEqual(["in-review", "in-review"]);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).split("\n").filter(Boolean)).toEqual([
      "submit QP-001, QP-002 for approval (draft → in-review)",
      "documents/QP-001.yaml",
      "documents/QP-002.yaml",
    ]);
    const listed = await csrInProcess(["-C", dir, "list", "documents", "--status", "in-review", "--format", "csv"]);
    expect(listed.stdout.split("\n").filter((l) => l.includes("QP-00")).length).toBe(2);

    const back = await csrInProcess(["-C", dir, "submit", "QP-002", "--withdraw"]);
    expect(back.stdout).toBe("Returned for rework: QP-002 文件控制程序 (documents/QP-002.yaml), status in-review → draft.\nWrote documents/QP-002.yaml; not committed (git commit it, or run with --commit).\n");
    expect(status(dir, "QP-002")).toBe("draft");
    // Returned for rework, it is no longer submitted: the day and who go with the status (csr changes' 送审 row).
    expect(parse(readFileSync(join(dir, "documents/QP-002.yaml"), "utf8")).submitted).toBeUndefined();
    const again = await csrInProcess(["-C", dir, "submit", "QP-002", "--date", "2026-11-28", "--by", "li"]);
    expect(again.code).toBe(0);
    expect(parse(readFileSync(join(dir, "documents/QP-002.yaml"), "utf8")).submitted).toEqual({ since: "2026-11-28", by: "li" });
    expect(readFileSync(join(dir, "documents/QP-002.yaml"), "utf8")).toContain("status: in-review\nsubmitted:\n  since: 2026-11-28\n  by: li\n");
    await csrInProcess(["-C", dir, "submit", "QP-002", "--withdraw"]);
    // The filter lists the document in review only, not the draft.
    const inReview = await csrInProcess(["-C", dir, "list", "documents", "--status", "in-review", "--format", "csv"]);
    expect(inReview.stdout.split("\n").filter((l) => l.includes("QP-00")).map((l) => /QP-00\d/.exec(l)![0])).toEqual(["QP-001"]);

    const released = await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-11-30"]);
    expect(released.stderr).toBe("");
    expect(released.code).toBe(0);
    expect(status(dir, "QP-001")).toBe("released");
  });

  it("refuses a step the status does not allow, and an incomplete draft, writing nothing for any document named", async () => {
    const dir = gitInit(minimalRepo({ "documents/QP-001.yaml": procedure("QP-001", "规定文件控制。"), "documents/QP-002.yaml": procedure("QP-002", undefined), "documents/QP-003.yaml": procedure("QP-003", "已送审。", "in-review") }));
    const before = git(dir, ["status", "--porcelain"]);
    const empty = await csrInProcess(["-C", dir, "submit", "QP-001", "QP-002"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(
      "csr: QP-002 has sections without text: 1 目的. A document goes for approval complete.\nhint: Write them first; a section with nothing to say says so (e.g. 'None.', 无。), and a section the document does not need is removed.\n",
    );
    expect(status(dir, "QP-001")).toBe("draft");
    const again = await csrInProcess(["-C", dir, "submit", "QP-003"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      "csr: QP-003 is in-review: only a draft, or the revision of a released document, is submitted for approval.\nhint: QP-003 is in review already. Once approved, release it with 'csr release QP-003'; to return it for rework, 'csr submit QP-003 --withdraw'.\n",
    );
    const notInReview = await csrInProcess(["-C", dir, "submit", "QP-001", "--withdraw"]);
    expect(notInReview.code).toBe(2);
    expect(notInReview.stderr).toBe("csr: QP-001 is draft, not in review: there is nothing to return.\nhint: QP-001 is a draft; submit it with 'csr submit QP-001'.\n");
    expect(git(dir, ["status", "--porcelain"])).toBe(before);
  });

  it("refuses --commit of a document with uncommitted edits, which would go into the commit unseen", async () => {
    const dir = gitInit(minimalRepo({ "documents/QP-001.yaml": procedure("QP-001", "规定文件控制。") }));
    writeFileSync(join(dir, "documents/QP-001.yaml"), procedure("QP-001", "规定文件和记录控制。"));
    const refused = await csrInProcess(["-C", dir, "submit", "QP-001", "--commit"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("documents/QP-001.yaml");
    expect(status(dir, "QP-001")).toBe("draft");
  });
});

describe("csr new --used-by and csr set on a document in review", () => {
  it("creates the new document and leaves the one in review as it is, as csr obsolete does, saying what to do in one line", async () => {
    const inReview = procedure("QP-001", "规定文件控制。", "in-review");
    const dir = gitInit(minimalRepo({ "documents/QP-001.yaml": inReview }));
    const form = await csrInProcess(["-C", dir, "new", "form", "--title", "文件发放回收记录", "--department", "QA", "--used-by", "QP-001", "--retention", "3年", "-y", "--commit"]);
    expect(form.stderr).toBe("");
    expect(form.code).toBe(0);
    expect(form.stdout.split("\n").slice(0, 2)).toEqual([
      "Created QR-001-01 文件发放回收记录 (documents/QR-001-01.yaml), a draft form of 品质部.",
      "QP-001 is in review (审批中), and its reviewers must see the change, so it was left as it is: withdraw it ('csr submit QP-001 --withdraw'), add QR-001-01 to its records (相关记录) with 'csr set QP-001 --add-form QR-001-01' and submit it again, or add it in its next revision.",
    ]);
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(inReview);
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"])).toBe("documents/QR-001-01.yaml\n");
    const instruction = await csrInProcess(["-C", dir, "new", "procedure", "--title", "记录控制程序", "--department", "QA", "--used-by", "QP-001", "-y"], { lang: "zh-CN" });
    expect(instruction.stderr).toBe("");
    expect(instruction.stdout.split("\n")[1]).toBe(
      "QP-001 正在审批（审批中），审批人须看到这一更改，因此未改动它：请用 'csr submit QP-001 --withdraw' 退回修改，用 'csr set QP-001 --add-related QP-002' 把 QP-002 加入其相关文件后重新送审，或在其下一次修订时加入。",
    );
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(inReview);
    // The way the line names: csr set refuses the same change while it is in review, and makes it once withdrawn.
    const refused = await csrInProcess(["-C", dir, "set", "QP-001", "--add-form", "QR-001-01"]);
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      2,
      "",
      "csr: QP-001 is in review (审批中), and its reviewers must see every change, so it was left as it is.\nhint: Withdraw it first ('csr submit QP-001 --withdraw'), make the change and submit it again ('csr submit QP-001'), or make it in its next revision.\n",
    ]);
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(inReview);
    // Register data (保存方式, 密级) is not what the reviewers approve: it is set as on a draft.
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--classification", "内部"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "submit", "QP-001", "--withdraw"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--add-form", "QR-001-01"])).code).toBe(0);
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toMatch(/^forms:.*QR-001-01/m);
  });
});
