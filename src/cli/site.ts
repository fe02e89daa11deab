/**
 * `csr site` on its own, as src/cli/check.ts is `csr check`: the command's wiring, which
 * src/cli/main.ts wires among the others, and a run of the command line that wires only it. `npm run
 * build` bundles this file with everything a site build runs, the npm packages it uses included
 * (Handlebars's runtime, exceljs's streaming writer and archiver, markdown-it, MiniSearch), into one
 * CommonJS file, dist/cli/site.cjs, which bin/csr.js runs (bin/command-script.js) instead of
 * dist/cli/main.js when the command line names `site`, with the code cache the build made of it.
 */
import { t } from "../i18n/index.js";
import { runNamed, type Wiring } from "./program.js";

export function wireSite({ program, action }: Wiring): void {
  program
    .command("site")
    .description(t("help.site"))
    .requiredOption("--out <dir>", t("help.site.out"))
    .option("--base-url <url>", t("help.site.base-url"))
    .option("--sitemap", t("help.site.sitemap"))
    .option("--today <date>", t("help.common.today"))
    .option("--customer <code>", t("help.site.customer"))
    .action(action(async () => (await import("../commands/site/index.js")).siteCommand));
}

/** The command line of bin/csr.js when it names `site` (runNamed). */
export const run = (argv: string[]): Promise<number | undefined> => runNamed(argv, "site", wireSite);
