import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ruleAnchor } from "../../core/docs.js";
import { rules } from "../../check/registry.js";
import { PACKAGE_ROOT } from "../../load/package.js";
import type { Formatter } from "./types.js";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
/** SARIF wants absolute help links; the installed package's own rule docs are always there. */
const DOCS_URL = pathToFileURL(join(PACKAGE_ROOT, "docs", "rules.md")).href;

/** SARIF 2.1.0 for code-scanning tools; every registered rule is described, not just those that fired. */
export const format: Formatter = ({ findings }) => {
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "csr",
            version: VERSION,
            informationUri: DOCS_URL,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              helpUri: `${DOCS_URL}#${ruleAnchor(r.id)}`,
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: findings.map((f) => ({
          ruleId: f.rule,
          level: f.severity,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};
