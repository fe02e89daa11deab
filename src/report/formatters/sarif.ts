import { HOMEPAGE_URL, ruleDocUrl } from "../../core/docs.js";
import { ruleSection, ruleText } from "../../check/docs.js";
import { rules } from "../../check/registry.js";
import { packageManifest } from "../../load/package.js";
import { fingerprints } from "../fingerprint.js";
import type { Formatter } from "./types.js";
import { language, t } from "../../i18n/index.js";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const VERSION = packageManifest().version;

/** SARIF 2.1.0 for code-scanning tools; every registered rule is described, not just those that fired. */
export const format: Formatter = ({ findings, overrides = {} }) => {
  const ids = fingerprints(findings);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // What qms.yaml changed, as SARIF records a run's configuration: the level, or the rule switched off.
  const ruleConfigurationOverrides = Object.entries(overrides)
    .filter(([id]) => ruleIndex.has(id))
    .map(([id, setting]) => ({
      descriptor: { id, index: ruleIndex.get(id)! },
      configuration: setting === "off" ? { enabled: false } : { level: setting },
    }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "csr",
            version: VERSION,
            informationUri: HOMEPAGE_URL,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: ruleText(r, language()).summary },
              helpUri: ruleDocUrl(r.id),
              help: { text: `${ruleText(r, language()).description}\n\n${t("explain.fix", { fix: ruleText(r, language()).fix })}`, markdown: ruleSection(r, language()) },
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        ...(ruleConfigurationOverrides.length ? { invocations: [{ executionSuccessful: true, ruleConfigurationOverrides }] } : {}),
        columnKind: "utf16CodeUnits",
        results: findings.map((f, i) => ({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule),
          partialFingerprints: { "csrFinding/v1": ids[i] },
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
