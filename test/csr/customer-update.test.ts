/**
 * csr customer update: what csr customer add recorded (name, English name, class, contacts, notes)
 * is corrected by command, not by hand-editing customers/*.yaml (tester16 F11). csr run in
 * process (csrInProcess) on real git repositories.
 */
import { describe, expect, it } from "vitest";
import { csrInProcess, git } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

/** The same files with the same texts: a refused command wrote nothing. */
const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);
const SOURCES = "sources:\n  - id: DYA-SQM\n";

describe("csr customer update", () => {
  it("changes the name and class, adds a contact and notes where csr customer add writes them, and commits that file alone", async () => {
    const dir = validRepo({ git: true });
    const result = (await csrInProcess(
      ["-C", dir, "customer", "update", "DYA", "--name", "东岳越野车股份有限公司", "--class", "B", "--contact", "王芳", "--contact-role", "SQE", "--contact-email", "wang.fang@dya.example.com", "--notes", "2026 年起改为一般顾客", "-y", "--commit"],
      { lang: "zh-CN" },
    ));
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout:
        "已修改顾客 DYA 东岳越野车有限公司（customers/DYA.yaml）：\n" +
        "  名称：东岳越野车股份有限公司（原为 东岳越野车有限公司）\n" +
        "  等级：B 一般顾客（原为 A 重点顾客）\n" +
        "  联系人：增加 王芳（SQE、wang.fang@dya.example.com）\n" +
        "  备注：2026 年起改为一般顾客（原为 无）\n" +
        `已提交 ${hash}：csr customer update DYA：名称 东岳越野车股份有限公司（原为 东岳越野车有限公司）；等级 B 一般顾客（原为 A 重点顾客）；联系人 增加 王芳（SQE、wang.fang@dya.example.com）；备注 2026 年起改为一般顾客（原为 无）\n`,
      stderr: "",
    });
    const text = read(dir, "customers/DYA.yaml");
    expect(text.slice(0, text.indexOf(SOURCES))).toBe(
      "code: DYA\nname: 东岳越野车股份有限公司\nclass: B\ncontacts:\n  - name: 王芳\n    role: SQE\n    email: wang.fang@dya.example.com\nnotes: 2026 年起改为一般顾客\n",
    );
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe("customers/DYA.yaml");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("changes a contact's details by name (\"\" removes one), and removes a contact", async () => {
    const dir = validRepo();
    expect((await csrInProcess(["-C", dir, "customer", "update", "DYA", "--contact", "王芳", "--contact-role", "SQE", "-y"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "customer", "update", "DYA", "--contact", "王芳", "--contact-role", "", "--contact-phone", "0571-1234567", "-y"])).stdout).toBe(
      "Updated customer DYA 东岳越野车有限公司 (customers/DYA.yaml):\n  Contact 王芳: role none (was SQE); phone 0571-1234567 (was none)\n",
    );
    expect(read(dir, "customers/DYA.yaml")).toContain("contacts:\n  - name: 王芳\n    phone: 0571-1234567\nsources:\n");
    expect((await csrInProcess(["-C", dir, "customer", "update", "DYA", "--remove-contact", "王芳", "--contact", "李强", "-y"])).stdout).toBe(
      "Updated customer DYA 东岳越野车有限公司 (customers/DYA.yaml):\n  Contact: added 李强\n  Contact: removed 王芳 (0571-1234567)\n",
    );
    expect(read(dir, "customers/DYA.yaml")).toContain("class: A\ncontacts:\n  - name: 李强\nsources:\n");
    expect((await csrInProcess(["-C", dir, "customer", "update", "DYA", "--remove-contact", "李强", "-y"])).code).toBe(0);
    expect(read(dir, "customers/DYA.yaml")).toMatch(/^code: DYA\nname: 东岳越野车有限公司\nclass: A\nsources:\n/);
    expect((await csrInProcess(["-C", dir, "customer", "update", "DYA", "--class", "", "-y"])).stdout).toBe("Updated customer DYA 东岳越野车有限公司 (customers/DYA.yaml):\n  Class: none (was A key customer)\n");
    expect(read(dir, "customers/DYA.yaml")).toMatch(/^code: DYA\nname: 东岳越野车有限公司\nsources:\n/);
  });

  it("refuses an unknown customer, an empty name, an unknown contact, details without a contact and nothing to change; nothing is written", async () => {
    const dir = validRepo();
    const before = snapshot(dir);
    const update = async (...args: string[]) => (await csrInProcess(["-C", dir, "customer", "update", ...args, "-y"]));
    expect(await update("DYX", "--name", "x")).toEqual({ code: 2, stdout: "", stderr: "csr: Unknown customer 'DYX'. Did you mean 'DYA'?\nhint: Customers are the files in customers/; known: DYA.\n" });
    expect((await update("DYA", "--name", " ")).stderr).toBe("csr: The customer's name cannot be empty.\n");
    expect((await update("DYA", "--remove-contact", "王芳")).stderr).toBe("csr: DYA has no contact '王芳' (contacts: none).\n");
    expect((await update("DYA", "--contact-phone", "123")).stderr).toBe("csr: --contact-role, --contact-email and --contact-phone describe a contact: give --contact with the contact's name too.\n");
    expect(await update("DYA")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA: nothing to change was given.\nhint: Use --name, --name-en, --class, --notes for the customer's data, --contact (with --contact-role, --contact-email, --contact-phone) to add or change a contact, --remove-contact to remove one, --complaint-deadline / --deadlines-csr / --change-notification / --change-notification-csr for the deadlines its CSRs set.\n",
    });
    expect((await update("DYA", "--class", "A")).stdout).toBe("DYA is like that already; nothing changed.\n");
    expect(snapshot(dir)).toEqual(before);
  });
});
