/**
 * The CSR links to a document that a release removes or renumbers sections of (tester23 F18). The
 * commit of a release holds the document and the CSR files whose links it changes, so that the
 * pre-commit hook (`csr check --staged`) and HEAD never see a CSR citing a section the document no
 * longer has (csr/section-missing):
 *
 * - a link whose section kept its title under another number (作业流程 5 → 4) is re-pointed to it;
 * - a CSR file whose only uncommitted changes are to its links to the document (re-pointed with
 *   `csr address` before the release) goes into the release's commit;
 * - a link to a section the new text does not have, nor under its title, refuses the release, as
 *   does a CSR file that must go into the commit and holds other uncommitted changes (they would go
 *   into it unseen). Both before anything is written.
 */
import { UserError } from "../../core/errors.js";
import { gitRead, workTreePrefix } from "../../load/git.js";
import type { Located } from "../../load/repository.js";
import { parseText } from "../../load/source.js";
import { documentSections, findSection, onlyTitled, parseSectionReference, resolvesIn, successorReference, type NumberedSection } from "../../model/sections.js";
import { releasedRevisions } from "../../load/base.js";
import { releaseTag } from "../../model/paths.js";
import type { AddressedIn, ControlledDocument, Csr } from "../../model/types.js";
import { t } from "../../i18n/index.js";
import { documentAt } from "../history/index.js";
import { editFile } from "../shared/edit.js";
import { uncommittedUnder, type FileChange } from "../shared/persist.js";
import { runGit } from "../shared/transaction.js";

/** A link the release re-points: its section kept its title under another number. */
export interface MovedLink {
  csr: string;
  /** The CSR file, repository-relative. */
  path: string;
  /** Its place in the CSR's `addressed`. */
  index: number;
  from: string;
  to: string;
}

export interface LinkPlan {
  /** The CSRs as the release leaves them: each moved link re-pointed (what later steps judge). */
  csrs: Located<Csr>[];
  moved: MovedLink[];
  /** CSR files whose only uncommitted changes are to their links to the document: committed with the release. */
  along: string[];
}

/**
 * What the release of `doc` (its text as released: the working tree's) does with the CSR links to it.
 * `path`: the document's file, repository-relative.
 * Errors: UserError for the links the release would break (exit 2: one, with the commands that
 * re-point or remove it; several, each on a line of its own up to BROKEN_SHOWN, and how many more),
 * and for a CSR file that must go into the release's commit and has other uncommitted changes.
 */
export async function planLinks(root: string, csrs: readonly Located<Csr>[], doc: ControlledDocument, path: string): Promise<LinkPlan> {
  const prefix = workTreePrefix(root) ?? "";
  const sections = documentSections(doc);
  // The version in force, as released, for a document being revised: a draft committed meanwhile is at HEAD, numbered as the draft.
  const version = doc.revisions?.at(-1)?.version;
  const inForce = doc.revising !== undefined && version !== undefined ? (await releasedRevisions(root, [{ id: doc.id, path, version }])).get(releaseTag(doc.id, version)) : undefined;
  const before = inForce ?? (await documentAt(root, "HEAD", `${prefix}${path}`));
  const beforeSections = before ? documentSections(before) : [];
  const plan: LinkPlan = { csrs: [], moved: [], along: [] };
  const changed = new Set((await runGit(root, ["diff", "--name-only", "-z", "--relative", "HEAD", "--"])).stdout.split("\0").filter(Boolean));
  for (const { value: csr, file } of csrs) {
    if (!changed.has(file.path)) continue;
    const uncommitted = uncommittedUnder<AddressedIn[]>(root, file.path, "addressed");
    const links = uncommitted === "clean" ? undefined : uncommitted;
    const others = (list: AddressedIn[] | undefined) => JSON.stringify((list ?? []).filter((p) => p.document !== doc.id));
    const mine = (list: AddressedIn[] | undefined) => JSON.stringify((list ?? []).filter((p) => p.document === doc.id));
    if (links && others(links.was) === others(links.is) && mine(links.was) !== mine(links.is)) {
      plan.along.push(file.path);
      continue;
    }
    // Left out of the commit, the file is there as committed: its links must hold in the new text.
    const committed = links ? links.was : committedLinks(root, file.path);
    if ((committed ?? []).some((p) => p.document === doc.id && p.section !== undefined && resolvesIn(beforeSections, p.section) && !resolvesIn(sections, p.section))) {
      throw new UserError(t("release.link-other-changes", { path: file.path, csr: csr.id, document: doc.id }), t("release.link-other-changes.hint", { path: file.path, document: doc.id }));
    }
  }
  const broken: { csr: string; document: string; section: string }[] = [];
  for (const located of csrs) {
    const { value: csr, file } = located;
    let addressed: AddressedIn[] | undefined;
    (csr.addressed ?? []).forEach((place, index) => {
      if (place.document !== doc.id || place.section === undefined) return;
      const to = successorReference(sections, beforeSections, place.section);
      // A link that did not hold before either is not this release's doing (csr check reports it), unless the release commits it.
      if (to === undefined && (before === undefined || resolvesIn(beforeSections, place.section) || plan.along.includes(file.path))) {
        broken.push({ csr: csr.id, document: doc.id, section: place.section });
        return;
      }
      if (to === undefined || to === place.section) return;
      plan.moved.push({ csr: csr.id, path: file.path, index, from: place.section, to });
      (addressed ??= [...csr.addressed!])[index] = { ...place, section: to };
    });
    plan.csrs.push(addressed ? { ...located, value: { ...csr, addressed } } : located);
  }
  if (broken.length === 1) throw new UserError(t("release.link-broken", broken[0]), t("release.link-broken.hint", broken[0]));
  if (broken.length > 1) {
    // Every link is named, so that all are mended before the next try, not one per refused release (tester23).
    const shown = broken.slice(0, BROKEN_SHOWN).map((b) => t("release.links-broken.line", b));
    const more = broken.length > BROKEN_SHOWN ? [t("release.links-broken.more", { number: broken.length - BROKEN_SHOWN })] : [];
    throw new UserError([t("release.links-broken", { document: doc.id, number: broken.length }), ...shown, ...more].join("\n"), t("release.links-broken.hint", { document: doc.id }));
  }
  return plan;
}

/** How many broken links a refused release names one by one; the rest are counted. */
const BROKEN_SHOWN = 10;

/**
 * The section of `sections` that `ref` names: the one with its number and title, else the one section
 * with its title (a text numbered otherwise, as the one released before a renumbering).
 */
export function citedSection(sections: readonly NumberedSection[], ref: string): NumberedSection | undefined {
  const { found, movedFrom } = findSection(sections, ref);
  if (found && movedFrom === undefined) return found;
  return onlyTitled(sections, parseSectionReference(ref).title);
}

/** The `addressed` of the CSR file as committed at HEAD; undefined when it is not committed or not readable. */
function committedLinks(root: string, path: string): AddressedIn[] | undefined {
  const text = gitRead(root, ["show", `HEAD:./${path}`]);
  if (text === undefined) return undefined;
  const value = parseText(path, "csr", text).data as { addressed?: unknown } | undefined;
  return Array.isArray(value?.addressed) ? (value.addressed as AddressedIn[]) : undefined;
}

/**
 * The CSR files the release changes: each moved link re-pointed (`section`) and each re-pinned one
 * given the new revision (`repinned`: places by file, repin.ts linksToRepin), one edit per file.
 */
export function linkChanges(root: string, moved: readonly MovedLink[], repinned: ReadonlyMap<string, readonly number[]>, version: string, sections?: ReadonlyMap<string, ReadonlyMap<number, string>>): FileChange[] {
  const paths = new Set([...moved.map((m) => m.path), ...repinned.keys()]);
  return [...paths].map((path) =>
    editFile(root, path, "csr", (yaml) => {
      for (const m of moved) if (m.path === path) yaml.setIn(["addressed", m.index, "section"], m.to);
      for (const i of repinned.get(path) ?? []) {
        yaml.setIn(["addressed", i, "pin", "revision"], version);
        const section = sections?.get(path)?.get(i);
        if (section !== undefined) yaml.setIn(["addressed", i, "pin", "section"], section);
        // Made against the draft released now (tester56 D2): the link is this revision's.
        yaml.deleteIn(["addressed", i, "pin", "draft"]);
      }
    }),
  );
}
