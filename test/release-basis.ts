/**
 * A copy of examples/acme-auto in a real git repository where QP-009 (来料检验控制程序) is revised and
 * released on 2026-11-20 with why and under which request: --reason 顾客投诉来料报检过慢, --change-request
 * QR-001-01-2026-031 and the `--ecn` options given (tester61 L3). The built binary, zh-CN; the release's
 * run is returned for its stdout/stderr.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { committedFixture, csr } from "./helpers.js";

export function releasedWithBasis(ecn: string[]): { dir: string; release: ReturnType<typeof csr> } {
  const dir = committedFixture("examples/acme-auto");
  const file = join(dir, "documents/procedures/QP-009.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("仓库收货后24小时内报检", "仓库收货后8小时内报检"));
  const release = csr(
    ["-C", dir, "release", "QP-009", "--summary", "报检时限改为8小时", "--total-pages", "2", "--reason", "顾客投诉来料报检过慢", "--change-request", "QR-001-01-2026-031",
      ...ecn.flatMap((n) => ["--ecn", n]), "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-20", "-y"],
    { lang: "zh-CN" },
  );
  return { dir, release };
}
