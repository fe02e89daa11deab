/**
 * `csr check` on its own: the command's wiring, which src/cli/main.ts wires among the others, and a
 * run of the command line that wires only it. `npm run build` bundles this file with everything a
 * check runs into one CommonJS file, dist/cli/check.cjs, which bin/csr.js runs (bin/command-script.js)
 * instead of dist/cli/main.js when the command line names `check` (runNamed): a check, the
 * command CI runs at every push, then loads one file of csr's instead of about 35 chunks of the split
 * bundle, and V8 takes its compiled code from the code cache the build made of it.
 */
import { InvalidArgumentError, Option } from "commander";
import { t } from "../i18n/index.js";
import { gatheringParser, runNamed, type Wiring } from "./program.js";

export function wireCheck({ program, action }: Wiring): void {
  program
    .command("check")
    .description(t("help.check"))
    .argument("[paths...]", t("help.check.paths"))
    // Repeatable, each with its file or on stdout (commands/check reportOptions); the format is one of report/formatters' FORMATS,
    // written out here as before, so that `csr --help` loads no formatter module.
    .addOption(
      new Option("--format <format[=file]>", t("help.check.format")).argParser(gatheringParser((value: string, previous: string[] | undefined) => {
        const formats = ["text", "json", "github", "gitlab", "junit", "sarif"];
        if (!formats.includes(value.split("=")[0]!)) throw new InvalidArgumentError(`Allowed choices are ${formats.join(", ")}.`);
        return [...(previous ?? []), value];
      })),
    )
    .option("--today <date>", t("help.common.today"))
    .option("--error-on-warnings", t("help.check.error-on-warnings"))
    .option("--max-warnings <n>", t("help.check.max-warnings"))
    .option("--base <rev>", t("help.check.base"))
    .option("--changed-only", t("help.check.changed-only"))
    .option("--added-only", t("help.check.added-only"))
    .option("--staged", t("help.check.staged"))
    .option("--no-cache", t("help.check.no-cache"))
    .action(action(async () => (await import("../commands/check/index.js")).checkCommand));
}

/** The command line of bin/csr.js when it names `check` (runNamed). */
export const run = (argv: string[]): Promise<number | undefined> => runNamed(argv, "check", wireCheck);
