/** `csr check`'s wiring (src/cli/main.ts wires it among the others). */
import { Option } from "commander";
import { t } from "../i18n/index.js";
import type { Wiring } from "./program.js";

export function wireCheck({ program, action }: Wiring): void {
  program
    .command("check")
    .description(t("help.check"))
    .addOption(new Option("--format <format>", t("help.check.format")).choices(["text", "json", "github", "gitlab", "junit", "sarif"]).default("text"))
    .option("--today <date>", t("help.common.today"))
    .option("--error-on-warnings", t("help.check.error-on-warnings"))
    .option("--max-warnings <n>", t("help.check.max-warnings"))
    .option("--base <rev>", t("help.check.base"))
    .option("--changed-only", t("help.check.changed-only"))
    .option("--staged", t("help.check.staged"))
    .option("--no-cache", t("help.check.no-cache"))
    .action(action(async () => (await import("../commands/check/index.js")).checkCommand));
}

