import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csr, csrInProcess, git, gitInit, makeRepo, tempDir } from "../helpers.js";
import { today, weekdaysAfter, workingDaysSince } from "../today.js";
import { read, sourceReceivedOn, tree, validRepo } from "./fixture.js";

const flags = ["--customer", "DYA", "--source", "DYA-SQM", "--section", "6.4", "--clause", "IATF16949:8.5.4", "--clause", "IATF16949:8.5.1.1", "--title", "包装标签须含批次号", "--received", "2026-11-20"];

/** What csr add says after "overdue by N working days." of a requirement registered after its review deadline. */
const REVIEW_NOW =
  "Review it now and record the opinions and the decision with 'csr review DYA-011' (a decision after the deadline gives its reason with --late-reason); until it is decided, csr check and the review timeliness register show it as overdue.";

describe("csr add with flags", () => {
  it("allocates the next id, writes one file and prints id, path and review due date", async () => {
    const dir = validRepo();
    // Registered the day its source document arrives, which is the day the test runs (csr add has no --today).
    const day = today();
    sourceReceivedOn(dir, day);
    const before = tree(dir);
    const result = csr(["-C", dir, "add", ...flags.slice(0, 2), "--source", "DYA-PKG", ...flags.slice(4, -1), day, "--text", "每箱标签印刷批次号", "--category", "包装"]);
    expect(result).toEqual({
      code: 0,
      stdout: `Registered DYA-011 in csr/DYA/DYA-011.yaml.\nReview due ${weekdaysAfter(day, 10)} (10 working days after ${day}).\n`,
      stderr: "",
    });
    expect(tree(dir)).toEqual([...before, join("csr", "DYA", "DYA-011.yaml")].sort());
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(
      `id: DYA-011\ncustomer: DYA\nsource:\n  document: DYA-PKG\n  revision: A\n  section: "6.4"\nclauses:\n  - IATF16949:8.5.4\n  - IATF16949:8.5.1.1\ntitle: 包装标签须含批次号\ntext: 每箱标签印刷批次号\ncategory: 包装\nreceived: ${day}\n`,
    );
    // The fixture's own CSRs fall due in December 2026: only the new file is the test's.
    expect((await checkJsonInProcess(dir, "--today", day)).findings.filter((f) => f.file.startsWith("csr/DYA/DYA-011") || f.file.startsWith("customers/"))).toEqual([]);
  });

  it("counts the review deadline across the Spring Festival", async () => {
    const dir = validRepo();
    // A requirement is received no earlier than its source revision (csr add refuses that), and with it (a later day is warned about: date/received-after-source).
    const customer = join(dir, "customers", "DYA.yaml");
    writeFileSync(customer, readFileSync(customer, "utf8").replace("issued: 2026-11-10\n        received: 2026-11-20", "issued: 2026-02-02\n        received: 2026-02-12"));
    const result = await csrInProcess(["-C", dir, "add", ...flags.slice(0, -1), "2026-02-12"]);
    // The deadline has passed by the day the test runs: csr add says so, counting the working days since.
    expect(result).toEqual({
      code: 0,
      stdout:
        "Registered DYA-011 in csr/DYA/DYA-011.yaml.\n" +
        `Review due 2026-03-04 (10 working days after 2026-02-12), which has passed: overdue by ${workingDaysSince(dir, "2026-03-04")} working days. ${REVIEW_NOW}\n`,
      stderr: "",
    });
  });

  it("says when the deadline runs through a year without public-holiday data", async () => {
    const dir = validRepo();
    // A year before csr's first (calendars/CN.yaml starts in 2020): a year after its last would be a date received in the future.
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("review_days: 10", "review_days: 40"));
    const customer = join(dir, "customers", "DYA.yaml");
    writeFileSync(customer, readFileSync(customer, "utf8").replace("issued: 2025-06-01\n        received: 2025-06-05", "issued: 2019-06-01\n        received: 2019-06-05").replace("issued: 2026-11-10\n        received: 2026-11-20", "issued: 2019-11-15\n        received: 2019-11-20"));
    const result = await csrInProcess(["-C", dir, "add", ...flags.slice(0, -1), "2019-11-20"]);
    // 40 working days from Wednesday 2019-11-20: 29 to the end of 2019, 元旦 2020-01-01 off, 11 more to Thursday 2020-01-16.
    expect(result).toEqual({
      code: 0,
      stdout:
        "Registered DYA-011 in csr/DYA/DYA-011.yaml.\n" +
        `Review due 2020-01-16 (40 working days after 2019-11-20), which has passed: overdue by ${workingDaysSince(dir, "2020-01-16")} working days. ${REVIEW_NOW}\n`,
      stderr:
        "note: csr has no public holidays for 2019; the deadline 2020-01-16 was counted Monday to Friday (rule calendar/year-missing). Once that year's holiday notice is published, write its days into qms.yaml with 'csr calendar notice <file>'.\n",
    });
  });

  it("commits the new file, and only it, with --commit", async () => {
    const dir = validRepo({ git: true });
    git(dir, ["config", "commit.gpgsign", "false"]);
    makeRepo({ "notes.txt": "staged but not part of the CSR\n" }, dir);
    git(dir, ["add", "notes.txt"]);
    const result = await csrInProcess(["-C", dir, "add", ...flags, "--commit"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nCommitted [0-9a-f]{7}: csr add DYA-011: 包装标签须含批次号\n$/);
    expect(git(dir, ["log", "-1", "--format=%s"])).toBe("csr add DYA-011: 包装标签须含批次号\n");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"])).toBe("csr/DYA/DYA-011.yaml\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("A  notes.txt\n");
  });

  it("writes --title-en after the title, and the English CSR list prints it (tester19 F6)", async () => {
    const dir = validRepo();
    expect((await csrInProcess(["-C", dir, "add", ...flags, "--title-en", "Batch number on every packaging label", "--yes"])).code).toBe(0);
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("title: 包装标签须含批次号\ntitle_en: Batch number on every packaging label\nreceived: 2026-11-20\n");
    // One customer's list in the order of its document's sections (tester64 N3): 6.4 is the fifth of revision C's, whose
    // sections come before the superseded DYA-009 of revision B (breaker64 P10).
    const list = await csrInProcess(["-C", dir, "list", "csr", "--customer", "DYA", "--format", "csv", "--today", "2026-11-23"]);
    expect(list.stdout.split("\r\n").filter((line) => line.includes("DYA-011"))).toEqual(["5,DYA-011,DYA,东岳越野车有限公司,DYA-SQM,C,\"=\"\"6.4\"\"\",8.5.1.1/8.5.4,Batch number on every packaging label,,,2026-11-20,,2026-12-04,9,,,,,,,,,,,,,,,,,,,,,received,2026-11-23"]);
  });

  it("takes numbers used on other local and remote-tracking branches into account", async () => {
    const dir = validRepo({ git: true });
    git(dir, ["switch", "-q", "-c", "feature"]);
    makeRepo({ "csr/DYA/DYA-011.yaml": read(dir, "csr/DYA/DYA-001.yaml").replace("DYA-001", "DYA-011") }, dir);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "DYA-011 on a feature branch"]);
    git(dir, ["switch", "-q", "-c", "remote-work"]);
    makeRepo({ "csr/DYA/DYA-014.yaml": read(dir, "csr/DYA/DYA-001.yaml").replace("DYA-001", "DYA-014") }, dir);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "DYA-014 as pushed by a colleague"]);
    git(dir, ["update-ref", "refs/remotes/origin/colleague", "HEAD"]);
    git(dir, ["switch", "-q", "main"]);
    git(dir, ["branch", "-q", "-D", "remote-work"]);
    expect(existsSync(join(dir, "csr/DYA/DYA-011.yaml"))).toBe(false);

    const result = await csrInProcess(["-C", dir, "add", ...flags]);
    expect(result.stdout).toContain("Registered DYA-015 in csr/DYA/DYA-015.yaml.");
  });

  it("never gives again a number committed once, even after its file was deleted, in a repository in a folder named in Chinese (tester23 F16)", async () => {
    const top = tempDir();
    const dir = join(top, "质量体系");
    cpSync(validRepo(), dir, { recursive: true });
    gitInit(top);
    expect((await csrInProcess(["-C", dir, "add", ...flags, "--commit"])).stdout).toContain("Registered DYA-011 in csr/DYA/DYA-011.yaml.");
    const second = await csrInProcess(["-C", dir, "add", ...flags.slice(0, -4), "--title", "托盘须缠绕膜固定", "--received", "2026-11-20", "--commit"]);
    expect(second.stderr).toBe("");
    expect(second.stdout).toContain("Registered DYA-012 in csr/DYA/DYA-012.yaml.");
    git(top, ["rm", "-q", "质量体系/csr/DYA/DYA-011.yaml", "质量体系/csr/DYA/DYA-012.yaml"]);
    git(top, ["commit", "-q", "-m", "remove two repeats"]);

    const result = await csrInProcess(["-C", dir, "add", ...flags]);
    expect(result.stdout).toContain("Registered DYA-013 in csr/DYA/DYA-013.yaml.");
  });

  it("without a terminal, names the flag of a missing value", () => {
    const dir = validRepo();
    expect(csr(["-C", dir, "add", "--customer", "DYA"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --source is required (or run in a terminal to be asked for the source document).\n",
    });
    expect(csr(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-SQM", "--title", "x", "--yes"]).stderr).toBe(
      "csr: --clause is required (or run in a terminal to be asked for the clauses).\n",
    );
  });

  it("refuses an unknown customer, a superseded source and an unknown clause, writing nothing", async () => {
    const dir = validRepo();
    const before = tree(dir);
    expect((await csrInProcess(["-C", dir, "add", ...flags.map((f) => (f === "DYA" ? "DY" : f))])).stderr).toBe(
      "csr: --customer: unknown customer 'DY'; the customers are: DYA 东岳越野车有限公司. Did you mean 'DYA'?\n",
    );
    const badClause = await csrInProcess(["-C", dir, "add", ...flags.map((f) => (f === "IATF16949:8.5.4" ? "IATF16949:8.5.9" : f))]);
    expect(badClause.code).toBe(2);
    expect(badClause.stderr).toBe(
      "csr: Nothing was written: the result would not pass 'csr check':\n  csr/DYA/DYA-011.yaml:8:5 clause/unknown-clause IATF 16949:2016 has no clause 8.5.9. The nearest existing clause is IATF16949:8.5. Correct the number.\n",
    );
    const badDate = await csrInProcess(["-C", dir, "add", ...flags.slice(0, -1), "2026-02-30"]);
    expect(badDate.stderr).toBe("csr: --received expects a date as YYYY-MM-DD (or 2026.3.1, 2026/3/1, 2026年3月1日), got '2026-02-30'.\n");
    expect(tree(dir)).toEqual(before);
  });

  it("refuses a source document whose latest revision is superseded", async () => {
    const dir = validRepo();
    makeRepo({ "customers/DYA.yaml": read(dir, "customers/DYA.yaml").replace("        supersedes: B\n", "        supersedes: B\n        status: superseded\n") }, dir);
    const result = await csrInProcess(["-C", dir, "add", ...flags]);
    expect(result.stderr).toBe(
      "csr: The source document 'DYA-SQM' of DYA is superseded; register the CSR against a current one.\nhint: Current source documents of DYA: none. Register one first with 'csr source add DYA --id <id> --title <title> --revision <revision> --received <date>'.\n",
    );
  });
});
