/** csr add refuses a received date before the source revision the requirement is taken from was received. */
import { describe, expect, it } from "vitest";
import { addCsr } from "../../src/commands/add/index.js";
import { capture, tree } from "./fixture.js";
import { copyFixture } from "../helpers.js";

describe("csr add --received before the source revision", () => {
  it("is refused in one line naming the revision's dates, and nothing is written", async () => {
    const dir = copyFixture("examples/acme-auto");
    const before = tree(dir);
    await expect(
      addCsr(capture(dir), { customer: "DYA", source: "DYA-KPI", clause: ["IATF16949:8.4.2.4"], title: "测试", received: "2026-02-10", yes: true }),
    ).rejects.toThrow(/^--received 2026-02-10 is before DYA-KPI 2027版 was received \(2026-11-24; issued 2026-11-18\); a requirement cannot be received before the document it comes from\. Correct the received date\.$/);
    expect(tree(dir)).toEqual(before);
  });
});
