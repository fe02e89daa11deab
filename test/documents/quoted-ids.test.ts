/**
 * A number with a space (an external document's GJB 9001C-2017, or QP 020) is quoted in the commands
 * that csr render and csr sign give in their messages and hints, as csr show's card quotes it
 * (shellArgument), so that the command can be pasted into a shell as it is.
 */
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csr, gitInit, minimalRepo, releasedProcedure } from "../helpers.js";

const gjb = builtOnce(() => committedFixture("examples/gjb-demo"));
const spaced = builtOnce(() => gitInit(minimalRepo({ "documents/QP 020.yaml": releasedProcedure("QP 020", "文件控制程序", { title: "目的", text: "规定文件控制。" }) })));

describe("a number with a space in the commands csr render and csr sign give", () => {
  it("csr render --copy of a copy not handed out names the csr distribute that hands it out, quoted", async () => {
    const dir = await gjb();
    expect(csr(["-C", dir, "render", "GJB 9001C-2017", "--copy", "9"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: GJB 9001C-2017 没有受控号为 9 的副本；请先用 'csr distribute \"GJB 9001C-2017\" --to <部门>' 发放。\n",
    });
    expect(csr(["-C", await spaced(), "render", "QP 020", "--copy", "3"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP 020 has no controlled copy 3; hand it out first with 'csr distribute \"QP 020\" --to <department>'.\n",
    });
  });

  it("csr render --draft of a document not being revised names the csr submit that starts a revision, quoted", async () => {
    expect(csr(["-C", await spaced(), "render", "QP 020", "--draft"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP 020 is not being revised: --draft is for a released document being revised ('csr submit \"QP 020\"').\n",
    });
  });

  it("csr sign's hints quote the number in csr history and csr release", async () => {
    expect(csr(["-C", await spaced(), "sign", "QP 020", "--approved", "wang"])).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "csr: QP 020 A/0 already has approved 王强 (wang) 2026-02-26 recorded; signing after the fact only adds the signatures that are missing and never replaces one.",
        "hint: Give only the missing signatures (e.g. only --approved). If a recorded signature differs from the original, find out where it came from first with 'csr history \"QP 020\"' and git log.",
        "",
      ].join("\n"),
    });
    const unreleased = csr(["-C", await gjb(), "sign", "GJB 9001C-2017", "--approved", "liuzm"], { lang: "zh-CN" });
    expect(unreleased.code).toBe(2);
    expect(unreleased.stdout).toBe("");
    expect(unreleased.stderr).toContain("'csr release \"GJB 9001C-2017\" --summary …");
  });
});
