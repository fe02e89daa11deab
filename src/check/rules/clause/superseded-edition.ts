import type { Rule } from "../../rule.js";
import { clauseOccurrences, occurrencePath } from "./refs.js";
import { conjunction, sentences, t } from "../../../i18n/index.js";
import { correspondingClauses, type Catalog } from "../../../model/catalog.js";

/**
 * A reference to an edition that a catalog of the repository supersedes. IATF's transition rules for
 * a new edition of IATF 16949 (as for the 2016 edition) set a date after which audits are to the new
 * edition only: until then the old references are a warning, after it an error.
 * Clauses kept with the same number and title are silent during the transition; after it, one finding
 * per file counts them (one root cause: the file was not migrated).
 */
export const rule: Rule = {
  id: "clause/superseded-edition",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A clause reference cites an edition of a standard that a new edition in the repository supersedes.",
  dependsOn: ["qms.yaml"],
  docs: {
    description:
      "The repository has the catalog of a new edition (`standards/<ID>.yaml` with `supersedes`), and a document, process, CSR or exclusion still cites a clause of the edition it replaces. The message names the clause or clauses it corresponds to in the new edition, or says that the new edition removed it. A clause the new edition keeps under the same number and title is not reported during the transition: it maps silently, and only the references that need a decision (renumbered, split or removed clauses) are findings. A warning during the transition; an error after `transition_ends`, when audits are to the new edition only (IATF transition rules for a new edition of IATF 16949). References that name a clause the old catalog lacks are left to `clause/unknown-clause`, references to a standard out of scope to `clause/unknown-standard`.",
    bad: `
clauses: [IATF16949:8.3.3.3, IATF16949:7.2.3, IATF16949:4.4.1.2]   # standards/IATF16949E2.yaml supersedes IATF16949
`,
    good: `
clauses: [IATF16949E2:4.3.2, IATF16949E2:8.3.3.4, IATF16949E2:7.2.5]
`,
    fix: "Run `csr standard migrate <old> <new>` to rewrite every reference that has one counterpart; change the others by hand (a clause split into several: cite the ones that apply; a removed clause: drop the reference or cite what now applies).",
  },
  check(ctx) {
    const catalogs = ctx.repo.catalogs;
    // Only a repository's own catalog supersedes another: the shipped ones pay this loop and nothing else.
    const successors = new Map<string, Catalog>();
    for (const catalog of catalogs.values()) if (catalog.supersedes && !successors.has(catalog.supersedes.standard)) successors.set(catalog.supersedes.standard, catalog);
    if (successors.size === 0) return;
    const inScope = new Set(ctx.repo.config?.value.standards ?? []);
    // After the transition, the references whose clause kept its number and title: one finding per file.
    const unchanged = new Map<(typeof occurrences)[number]["file"], { occurrence: (typeof occurrences)[number]; count: number; data: Record<string, string> }>();
    const occurrences = [...clauseOccurrences(ctx.repo)];
    for (const occurrence of occurrences) {
      const { ref, text } = occurrence;
      const successor = ref && successors.get(ref.standard);
      const old = successor && catalogs.get(ref.standard);
      if (!successor || !old || !inScope.has(ref.standard) || !old.clauses.has(ref.clause)) continue;
      const ends = successor.supersedes!.transitionEnds;
      const over = ends !== undefined && ctx.options.today > ends;
      const to = correspondingClauses(successor, ref.clause);
      // A counterpart the new catalog lacks is the correspondence's fault: clause/correspondence-unknown reports it there.
      if (to?.some((n) => !successor.clauses.has(n))) continue;
      // A clause the new edition keeps under the same number and title maps silently during the transition:
      // nothing for anyone to decide, and 'csr standard migrate' rewrites it when the organisation moves.
      if (to?.length === 1 && to[0] === ref.clause && successor.clauses.get(to[0])?.title === old.clauses.get(ref.clause)?.title) {
        if (!over) continue;
        const seen = unchanged.get(occurrence.file);
        if (seen) seen.count++;
        else unchanged.set(occurrence.file, { occurrence, count: 1, data: { old: old.title, new: successor.title, from: old.id, to: successor.id, date: ends! } });
        continue;
      }
      const data = { ref: text, old: old.title, new: successor.title, from: old.id, to: successor.id, clause: ref.clause, counterparts: conjunction((to ?? []).map((n) => `${successor.id}:${n}`)) };
      const what =
        to === undefined
          ? t("rule.clause/superseded-edition.unlisted", data)
          : to.length === 0
            ? t("rule.clause/superseded-edition.removed", data)
            : t(to.length === 1 ? "rule.clause/superseded-edition.one" : "rule.clause/superseded-edition.several", data);
      ctx.report(
        { file: occurrence.file, path: occurrencePath(occurrence) },
        sentences(
          t("rule.clause/superseded-edition.message", data) + what,
          ends === undefined ? undefined : t(over ? "rule.clause/superseded-edition.ended" : "rule.clause/superseded-edition.ends", { date: ends }),
        ),
        over ? "error" : "warning",
      );
    }
    for (const { occurrence, count, data } of unchanged.values()) {
      ctx.report(
        { file: occurrence.file, path: occurrencePath(occurrence) },
        sentences(t("rule.clause/superseded-edition.unchanged", { ...data, count, ref: occurrence.text }), t("rule.clause/superseded-edition.ended", data)),
        "error",
      );
    }
  },
};
