/** `csr render`: controlled documents and CSR review reports as Markdown, HTML, PDF or Word files. */
import { conjunction, language, list, t } from "../../i18n/index.js";
import { existsSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { refuseDataPath } from "../../core/write.js";
import { findRoot } from "../../load/discover.js";
import type { Repository } from "../../load/repository.js";
import { classificationName, documentClassification, documentsBelowTheirCsrs } from "../../model/classification.js";
import { copyEdition, stillControlled } from "../../model/distribution.js";
import { buildIndex, currentRevision, revisionEffective, revisionInForce, type RepoIndex } from "../../model/index.js";
import { localized } from "../../core/text.js";
import { localToday } from "../../core/dates.js";
import { documentFileName, numbersSharingFileName, releaseTag } from "../../model/paths.js";
import { csrOn, indexOn } from "../../model/as-of.js";
import { asCompleted, asRevision, bodyOnPaper, changedContentFields, releasedPendingUntil, withReleasedContent } from "../../model/revision.js";
import { releasedRevisions, releasesChanged } from "../../load/base.js";
import { workTreePrefix } from "../../load/git.js";
import type { ControlledDocument, Csr } from "../../model/types.js";
import { createRenderer, loadLabels, type Labels } from "../../render/environment.js";
import { escapeMarkdown, markdownToHtml, safeMarkdown } from "../../render/markdown.js";
import { findChromium, printedPageCount, requireCjkFont, startPdfPrinter } from "../../render/pdf.js";
import { printedDocument, printPdf, type PrintedDocument, type Printing } from "../../render/printed.js";
import { versionInForceOn, type RegisterContext } from "../../report/registers/context.js";
import { csrReportView, escapeView, type BodyRenderer, type CsrReportView, type DocumentView, type Lang, type PendingRevision, type SupersededRevision } from "../../render/view.js";
import { choiceOption, dateOption } from "../options.js";
import type { CommandContext } from "../context.js";
import { isFolder } from "../shared/output.js";
import { applyChange, runGit, statusPaths, withRepositoryLock, type FileWrite } from "../shared/transaction.js";
import { readRepository } from "../shared/read.js";
import { unreadableFile } from "../show/lookup.js";
import { noteSameNumber } from "../shared/same-number.js";
import { actionOn } from "../../model/actions.js";
import { registerContext } from "../../report/registers/context.js";
import { actionReportView } from "./action-report.js";
import { managementReviewReportView } from "./management-review-report.js";
import { toolingNamed } from "../../model/tooling.js";

export interface RenderFlags {
  all?: boolean;
  format?: string;
  out?: string;
  copy?: string;
  today?: string;
  force?: boolean;
  /** A document being revised (修订中): the revision draft in its file, not the version in force. */
  draft?: boolean;
  /** An earlier revision of one document (A/1), printed as released and stamped 已替代 非受控. */
  revision?: string;
  /** A document's revision in force on that day (a review report's day, as --today). */
  asOf?: string;
}

const FORMATS = ["md", "html", "pdf", "docx"] as const;
/**
 * Tabs printing at once in the one browser of a run. One: each tab has its own renderer process,
 * and a second one cost more CPU than it saved time (47 documents of acme-auto, every Chromium
 * process counted, alternating runs: 10.5 s of CPU with two, 9.8 s with one, wall time alike).
 */
const PDF_PAGES_AT_ONCE = 1;
/** The longest file name (in bytes) that common file systems (ext4, APFS, NTFS in UTF-16 units) accept. */
const MAX_NAME_BYTES = 255;
/** Folders that hold the repository's data; rendered files never go there. */

type Target = { kind: "document"; value: ControlledDocument; revisionDraft?: boolean; superseded?: SupersededRevision; pending?: PendingRevision; fromGit?: boolean } | { kind: "csr"; value: Csr };

export async function renderCommand(ctx: CommandContext, ids: string[], flags: RenderFlags): Promise<number> {
  const root = findRoot(ctx.dir);
  const repo = await readRepository(root);
  const lang: Lang = language();
  const asOf = flags.asOf === undefined ? undefined : dateOption(flags.asOf, "--as-of");
  const given = flags.today === undefined ? undefined : dateOption(flags.today, "--today");
  if (asOf !== undefined && given !== undefined && asOf !== given) throw new UserError(t("render.past.as-of-and-today", { asOf, today: given }));
  // The day of printing: a version is in force, superseded or 待实施 as of that day.
  const now = given ?? localToday();
  const today = asOf ?? now;
  if (flags.all && ids.length > 0) throw new UserError(t("render.ids-and-all"));
  if (!flags.all && ids.length === 0) throw new UserError(t("render.nothing-named"), t("render.nothing-named.hint"));
  const index = buildIndex(repo);
  // A corrective action record's report (归零报告, 内审不符合项报告, 8D) is printed by itself: it has no revisions, copies or drafts.
  const actions = flags.all ? [] : ids.filter((id) => index.actions.has(id) && !index.documents.has(id) && !index.csrs.has(id));
  if (actions.length > 0) {
    if (actions.length !== ids.length) throw new UserError(t("render.action.mixed", { ids: list(actions) }));
    return renderActionReports(ctx, root, repo, index, actions, flags, asOf ?? now);
  }
  // A management review's record (管理评审报告) likewise: MR-2026, in any letter case, when no document or CSR has the number.
  const reviews = flags.all ? [] : ids.filter((id) => toolingNamed(repo.managementReviews, id) !== undefined && !index.documents.has(id) && !index.csrs.has(id));
  if (reviews.length > 0) {
    if (reviews.length !== ids.length) throw new UserError(t("render.management-review.mixed", { ids: list(reviews) }));
    return renderManagementReviewReports(ctx, root, repo, index, reviews, flags, asOf ?? now);
  }
  // A number two files carry (id/duplicate) would print both to one file name, the second over the first: with --all neither is printed, and both files are named.
  const sameNumber = flags.all ? filesBySharedNumber(repo) : new Map<string, string[]>();
  // Two numbers of one file name (CS/QP-006, CS_QP-006: id/file-name) would print to one file too: neither is printed.
  const sameName = numbersSharingFileName(index.documents.keys());
  let targets: Target[] = flags.all
    ? repo.documents.filter((d) => !sameNumber.has(d.value.id) && !sameName.has(d.value.id)).map((d) => ({ kind: "document", value: d.value }))
    : ids.map((id) => findTarget(repo, index, id, (text) => ctx.stderr(text)));
  for (const target of flags.all ? [] : targets) {
    const others = target.kind === "document" ? sameName.get(target.value.id) : undefined;
    if (others) throw new UserError(t("render.same-file-name", { id: target.value.id, others: conjunction(others), name: documentFileName(target.value.id) }), t("render.same-file-name.hint"));
  }
  if (flags.draft && flags.copy !== undefined) throw new UserError(t("render.draft.copy"));
  // A controlled copy and a revision draft are printed on the day --today gives; otherwise a document prints its revision in force that day.
  const past = await pastRevisions(root, index, targets, flags, asOf ?? (flags.copy === undefined && !flags.draft ? today : undefined), now);
  if (past.left.size > 0) targets = targets.filter((target) => !past.left.has(target.value.id));
  // A report of a past day says so and what it cannot date; its evidence is judged against the CSR as recorded now (tester55 C4).
  const recordedNow = new Map(asOf === undefined ? [] : targets.flatMap((target) => (target.kind === "csr" ? [[target.value.id, target.value] as const] : [])));
  const csrsOnDay = asOf === undefined ? [] : csrsAsOf(index, targets, asOf);
  if (csrsOnDay.length > 0) targets = targets.map((target) => csrsOnDay.find((on) => on.id === target.value.id)?.target ?? target);
  const copy = flags.copy === undefined ? undefined : controlledCopy(targets, flags.copy, today);
  if (copy?.pending) (targets[0] as Extract<Target, { kind: "document" }>).pending = copy.pending;
  const revising = copy?.earlier ? [await earlierCopyText(root, index, targets[0] as Extract<Target, { kind: "document" }>, copy)] : [...(await inForceText(root, index, targets, flags)), ...(await releasedTextOfEdited(root, index, targets))];
  if (copy?.pending) revising.push(t("render.pending.copy", { id: targets[0]!.value.id, copy: copy.copy, version: copy.version, effective: copy.pending.effective }));
  const target = outputTarget(root, ctx.dir, flags, targets.length);
  const format = target.format ?? choiceOption(flags.format, "--format", FORMATS, "html");
  const chromium = format === "pdf" ? findChromium() : undefined;
  if (format === "pdf") requireCjkFont();
  // Word output lays the section Markdown out itself, so the view keeps it as written.
  const body: BodyRenderer = format === "docx" ? (text) => text : format === "md" ? safeMarkdown : await markdownToHtml();
  const word = format === "docx" ? await docxRenderer(root, lang) : undefined;
  const renderer = await createRenderer(root, format === "md" ? "md" : "html", lang);
  // Every view is built before anything is written. A dangling reference stops a run that names
  // its documents; with --all the document is left out and named, so one error does not block the rest.
  const pages: { id: string; name: string; text: string; docx?: Buffer; recorded?: { version: string; pages: number; obsolete: boolean; deviations: number }; unrecorded?: string; band?: string; hide?: string[] }[] = [];
  const labels = loadLabels(root, lang);
  const unresolved: string[] = [];
  // A review report's 落实文件 in the version in force on `today`, as the CSR matrix and csr show give it (tester49 #3).
  const rc: RegisterContext = { repo, index, lang };
  const addressedVersion = versionInForceOn(rc, today);
  // The documents a review report names as their records show them that day, as the CSR matrix of the day (documentsOn):
  // a revision approved after the day is not yet 待实施 then (tester55 C4).
  const indexOnDay = targets.some((target) => target.kind === "csr") ? indexOn(index, today) : index;
  const printing: Printing = { repo, index, lang, body, renderer, format: format === "md" ? "md" : format === "docx" ? "docx" : "html", labels };
  const asCopy = copy && { copy: copy.copy, holder: copyHolderText(index, lang, copy), location: copy.location };
  for (const target of targets) {
    let printed: PrintedDocument | undefined;
    let report: CsrReportView | undefined;
    try {
      if (target.kind === "document") printed = printedDocument(printing, target.value, today, { revisionDraft: target.revisionDraft, superseded: target.superseded, pending: target.pending, copy: asCopy });
      else report = csrReportView(repo, indexOnDay, target.value, lang, body, today, undefined, addressedVersion, undefined, recordedNow.has(target.value.id) ? { now: recordedNow.get(target.value.id)! } : undefined);
    } catch (error) {
      if (!(flags.all && error instanceof UserError)) throw error;
      unresolved.push(target.value.id);
      continue;
    }
    if (target.kind === "csr") {
      const name = `${target.value.id}.review`;
      if (word) pages.push({ id: target.value.id, name, text: "", docx: await word.report(report!) });
      else pages.push({ id: target.value.id, name, text: withLineEnd(renderer.render("csr-review-report", format === "md" ? escapeView(report!, escapeMarkdown) : report!)) });
      continue;
    }
    const doc = target.value;
    const name = `${documentFileName(doc.id)}${copy ? `.copy-${copy.copy}` : ""}`;
    const { view, text, band, hide } = printed!;
    if (word) {
      pages.push({ id: doc.id, name, text: "", docx: await word.document(view) });
      continue;
    }
    // A superseded revision is no controlled text whose 总页数 a later release could record.
    const current = target.superseded ? undefined : currentRevision(doc);
    // An obsolete document has no 现行版本: its last revision is the one before withdrawal.
    const recorded = current?.total_pages === undefined ? undefined : { version: current.version, pages: current.total_pages, obsolete: doc.status === "obsolete" };
    // 总页数 left blank for the current version while earlier ones give theirs (csr release without --total-pages): the print
    // says its count, and that the record, not the print, holds it (tester63 N15).
    const unrecorded = current && current.total_pages === undefined && doc.status !== "obsolete" && (doc.revisions ?? []).some((r) => r.total_pages !== undefined) ? current.version : undefined;
    // A deviation's notice above the title is the print's, not the controlled text's: the pages it adds are no reason to record another 总页数.
    const deviations = (view.deviations ?? []).length;
    pages.push({ id: doc.id, name, text, ...(recorded ? { recorded: { ...recorded, deviations } } : {}), ...(unrecorded ? { unrecorded } : {}), ...(band ? { band } : {}), ...(hide ? { hide } : {}) });
  }
  // A document whose number makes a file name too long for the file system is named, not fatal (with --all).
  const unnamable: string[] = [];
  const named = pages.filter((page) => {
    const name = `${page.name}.${lang}.${format}`;
    if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return true;
    if (!flags.all) throw new UserError(t("render.name-too-long", { id: page.id, name: name.slice(0, 40), bytes: Buffer.byteLength(name), max: MAX_NAME_BYTES }), t("render.name-too-long.hint"));
    unnamable.push(page.id);
    return false;
  });
  const writes: FileWrite[] = [];
  // 总页数 of the current version against the print's pages: an auditor reads 共 4 页 beside 总页数 10 as pages missing.
  const differing: string[] = [];
  const unrecorded: string[] = [];
  // Whether one of them is in force: the hint to record the count at the next release is for those only.
  let inForce = false;
  // Whether one of them differs by more than the pages a deviation's notice adds: the hint to check the layout is for those.
  let unexplained = false;
  const printer = chromium && named.length > 0 ? await startPdfPrinter(chromium, [...named.map((page) => page.text), ...named.flatMap((page) => page.band ?? [])]) : undefined;
  try {
    // Pages print in PDF_PAGES_AT_ONCE tabs, in the order of the run.
    const printed = printer ? inOrder(named.map((page) => () => printPdf(printer, labels, page)), PDF_PAGES_AT_ONCE) : undefined;
    for (const [i, page] of named.entries()) {
      const pdf = printed ? await printed[i]! : undefined;
      writes.push({ path: target.file ?? join(target.folder!, `${page.name}.${lang}.${format}`), content: page.docx ?? pdf ?? page.text });
      const count = pdf && (page.recorded || page.unrecorded) ? printedPageCount(pdf) : undefined;
      if (page.unrecorded && count !== undefined) unrecorded.push(t("render.total-pages-missing", { id: page.id, version: page.unrecorded, count }));
      if (page.recorded && count !== undefined && count !== page.recorded.pages) {
        const noticed = !page.recorded.obsolete && page.recorded.deviations > 0 && count > page.recorded.pages;
        differing.push(t(page.recorded.obsolete ? "render.total-pages-differ.obsolete" : noticed ? "render.total-pages-differ.deviation" : "render.total-pages-differ", { id: page.id, version: page.recorded.version, recorded: page.recorded.pages, count }));
        if (!page.recorded.obsolete && !noticed) inForce = true;
        if (!noticed) unexplained = true;
      }
    }
  } finally {
    await printer?.close();
  }
  await writePages(ctx, root, writes, format, lang);
  if (revising.length > 0) ctx.stderr(revising.join("\n") + "\n");
  if (past.said.length > 0) ctx.stderr(past.said.join("\n") + "\n");
  // A print of a document carrying a classified requirement under a lower 密级 (doc/classification-below-csr) says so.
  const below = documentsBelowTheirCsrs(repo);
  for (const page of named) {
    const found = targets.some((target) => target.kind === "document" && target.value.id === page.id) ? below.get(page.id) : undefined;
    if (found === undefined) continue;
    const doc = index.documents.get(page.id)!.value;
    const name = (value: string) => (value === "" ? t("rule.doc/classification-below-csr.unmarked") : classificationName(lang, value));
    ctx.stderr(t("render.classification-below-csr", { id: page.id, arg: shellArgument(page.id), classification: name(documentClassification(repo, doc)), csrs: found.csrs.join(t("rule.doc/classification-below-csr.separator")), csrClassification: name(found.classification), level: found.classification }) + "\n");
  }
  if (csrsOnDay.length > 0) ctx.stderr(t("render.csr-as-of.said", { ids: list(csrsOnDay.map((on) => on.id)), day: today }) + "\n");
  if (differing.length > 0) ctx.stderr(`${differing.join("\n")}\n${unexplained ? `  ${t(inForce ? "render.total-pages-differ.hint" : "render.total-pages-differ.obsolete.hint")}\n` : ""}`);
  if (unrecorded.length > 0) ctx.stderr(`${unrecorded.join("\n")}\n  ${t("render.total-pages-missing.hint")}\n`);
  if (!flags.all) return 0;
  const skipped = [...repo.unvalidated.documents].sort();
  if (skipped.length > 0) ctx.stderr(t("render.skipped-invalid", { ids: list(skipped) }) + "\n");
  if (unresolved.length > 0) ctx.stderr(t("render.skipped-unresolved", { ids: list(unresolved) }) + "\n");
  if (unnamable.length > 0) ctx.stderr(t("render.skipped-name-too-long", { ids: list(unnamable), max: MAX_NAME_BYTES }) + "\n");
  if (past.notYet.length > 0) ctx.stderr(t("render.skipped-not-yet", { ids: list(past.notYet), day: today }) + "\n");
  if (past.unread.length > 0) ctx.stderr(t("render.skipped-past-unread", { ids: list(past.unread), day: today }) + "\n");
  if (sameNumber.size > 0) ctx.stderr(t("render.skipped-same-number", { ids: list([...sameNumber].map(([id, files]) => t("render.skipped-same-number.files", { id, files: conjunction(files) }))) }) + "\n");
  if (sameName.size > 0) ctx.stderr(t("render.skipped-same-file-name", { ids: list([...sameName.keys()]) }) + "\n");
  return skipped.length + unresolved.length + unnamable.length + past.left.size + sameNumber.size + sameName.size > 0 ? 1 : 0;
}

/** The document numbers more than one file carries (id/duplicate), in the order of the documents, each with its files' paths in that order. */
function filesBySharedNumber(repo: Repository): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const d of repo.documents) files.set(d.value.id, [...(files.get(d.value.id) ?? []), d.file.path]);
  for (const [id, paths] of files) if (paths.length < 2) files.delete(id);
  return files;
}

/**
 * A released document being revised (修订中, `revising`: csr submit) holds the draft of its next
 * version: printed is the version in force, its text as released (its release tag, or the commit that
 * recorded it: load/base.ts releasedRevisions), so that a print never passes the draft off as the
 * approved text (IATF 16949 / GJB 9001C 7.5.3.2). With `--draft`, the draft, stamped 草稿 and with no
 * signatures; a document named with --draft that is not being revised is refused. A version whose
 * text git does not have is printed as the draft, and said. Replaces the targets' values in place;
 * returns a line for each document being revised, saying what was printed.
 */
async function inForceText(root: string, index: RepoIndex, targets: Target[], flags: RenderFlags): Promise<string[]> {
  // An earlier revision's text is already the one released (pastRevisions), not the file's draft.
  const revising = (target: Target): target is Extract<Target, { kind: "document" }> => target.kind === "document" && !target.fromGit && target.value.status === "released" && target.value.revising !== undefined;
  if (flags.draft && !flags.all) {
    const other = targets.find((target) => !revising(target));
    if (other) throw new UserError(t("render.draft.not-revising", { id: other.value.id, arg: shellArgument(other.value.id) }));
  }
  const being = targets.filter(revising);
  if (being.length === 0) return [];
  if (flags.draft) {
    for (const target of being) target.revisionDraft = true;
    return [];
  }
  const wanted = being.map(({ value }) => ({ id: value.id, path: index.documents.get(value.id)!.file.path, version: currentRevision(value)!.version }));
  const released = await releasedRevisions(root, wanted);
  return being.map((target, i) => {
    const doc = target.value;
    const { version } = wanted[i]!;
    const tag = releaseTag(doc.id, version);
    const then = released.get(tag);
    if (then === undefined) {
      target.revisionDraft = true;
      return t("render.revising.unread", { id: doc.id, version, tag });
    }
    target.value = withReleasedContent(doc, then);
    return t("render.revising.in-force", { id: doc.id, arg: shellArgument(doc.id), version, since: doc.revising!.since });
  });
}

/**
 * A released document whose file holds unreleased changes to its content (edited, not marked 修订中 with
 * csr submit, not released: breaker64 P12) is printed as its current version was released (its release
 * tag, or the commit that recorded it: load/base.ts releasedRevisions), so that no print shows wording
 * nobody approved under that version's signatures and 受控 stamp (IATF 16949 / GJB 9001C 7.5.3.2). The
 * content compared is what a revision accounts for (revisedContent, as doc/revision-not-bumped: register
 * data such as a copy just recorded is no change; a body on paper written in completes the import). The
 * documents looked at are those whose file git lists as changed since the last commit (one `git status`)
 * and those whose file differs from its release tag (load/base.ts releasesChanged: one listing of the
 * tags, one read of them): no git call per document, and nothing parsed when nothing differs. A
 * version whose text git does not hold is printed as the file has it. Replaces the targets' values in
 * place; returns a line for each document so printed, naming the changed fields.
 */
async function releasedTextOfEdited(root: string, index: RepoIndex, targets: readonly Target[]): Promise<string[]> {
  // The file's own current version, printed as released (not a revision draft, nor one read from git already).
  const printed = targets.filter((target): target is Extract<Target, { kind: "document" }> =>
    target.kind === "document" && !target.fromGit && !target.revisionDraft && !target.superseded && target.value.status === "released" && target.value.revising === undefined && target.value.kind !== "external" && currentRevision(target.value) !== undefined);
  const prefix = printed.length === 0 ? undefined : workTreePrefix(root);
  if (prefix === undefined) return [];
  const located = printed.map((target) => index.documents.get(target.value.id)!);
  // One `git status` of the whole work tree, whatever the number of documents (not uncommitted(): its paths would make the command line grow with them).
  const status = await runGit(root, ["status", "--porcelain", "-z", "--untracked-files=no"]);
  const listed = new Set(status.code === 0 ? statusPaths(status.stdout) : []);
  const tagged = await releasesChanged(root, located);
  const edited = located.filter(({ value, file }) => listed.has(`${prefix}${file.path}`) && !tagged.has(releaseTag(value.id, currentRevision(value)!.version)));
  const read = await releasedRevisions(root, edited.map(({ value, file }) => ({ id: value.id, path: file.path, version: currentRevision(value)!.version, unless: file.text })));
  const lines: string[] = [];
  for (const target of printed) {
    const doc = target.value;
    const tag = releaseTag(doc.id, currentRevision(doc)!.version);
    const then = tagged.get(tag)?.document ?? read.get(tag);
    if (then === undefined) continue;
    const released = asCompleted(then, doc);
    const change = changedContentFields(released, doc);
    if (change === undefined) continue;
    target.value = withReleasedContent(doc, released);
    lines.push(t("render.unreleased-changes", { id: doc.id, arg: shellArgument(doc.id), version: currentRevision(doc)!.version, fields: list(change.fields) }));
  }
  return lines;
}

/**
 * A CSR's review report as its records stood on `day` (`--as-of`, tester53 N3): the opinions, decision,
 * signatures, implementation and supersession recorded later are taken away (model/as-of.ts csrOn, as
 * the registers of a past day rebuild it). Only the CSRs whose records changed after the day are
 * returned, so that the report of a CSR with nothing later prints as it always did. Refused in one line
 * for a CSR received after the day: there was no review report yet.
 */
function csrsAsOf(index: RepoIndex, targets: readonly Target[], day: string): { id: string; target: Target }[] {
  const out: { id: string; target: Target }[] = [];
  for (const target of targets) {
    if (target.kind !== "csr") continue;
    const csr = target.value;
    const on = csrOn(csr, day, index.customers.get(csr.customer)?.value);
    if (on === undefined) throw new UserError(t("render.csr-as-of.not-received", { id: csr.id, day, received: csr.received }));
    if (on !== csr) out.push({ id: csr.id, target: { kind: "csr", value: on } });
  }
  return out;
}

/**
 * The revision of each document to print, asked for by its version (`--revision A/1`) or as the one in
 * force on `day` (`--as-of`, `--today` without --copy or --draft, or else the day of printing;
 * revisionInForce). `now` is the day of printing (`--today`, else today): a revision a later one has
 * replaced by then is printed as released, read from git (its release tag, or the commit that recorded
 * it: load/base.ts releasedRevisions, as the registers of a past day read it) with its revisions up to it
 * (asRevision), stamped 已替代 非受控 and naming the revision that replaced it (render/view.ts documentView
 * `superseded`): an auditor asking for the text a superseded revision had (IATF 16949 7.5.3.2) gets it,
 * and the print cannot pass as a controlled copy. While the current version is released but not yet in
 * force (待实施, its 实施日期 after `now`), the version in force is the one before it (IATF 16949
 * 7.5.3.2.1): it prints as released, as a controlled print, not stamped 已替代; the pending version,
 * asked for by its version, or a first issue not yet in force, prints stamped 待实施 非受控 (documentView
 * `pending`), for training and preparation only. The current revision in force is printed as without
 * these options. Refused, one line each: --revision with several documents or --all, with --as-of or
 * --today, for a CSR, or a version the document never had; either with --copy or --draft; an external
 * document (csr keeps none of its editions' text); a day before the first revision took effect, and a
 * revision whose text git does not hold (with --all: left out and named, `left`) — for the day of
 * printing alone, not asked for, the pending version is printed instead, stamped 待实施 非受控, and said.
 * Replaces the targets' values in place; `said`: a line for each one printed other than its current text.
 */
async function pastRevisions(root: string, index: RepoIndex, targets: Target[], flags: RenderFlags, day: string | undefined, now: string): Promise<{ said: string[]; notYet: string[]; unread: string[]; left: Set<string> }> {
  const result = { said: [] as string[], notYet: [] as string[], unread: [] as string[], left: new Set<string>() };
  const { revision: version } = flags;
  if (version === undefined && day === undefined) return result;
  const flag = version !== undefined ? "--revision" : flags.asOf !== undefined ? "--as-of" : "--today";
  const explicit = version !== undefined || flags.asOf !== undefined;
  // Without --revision, --as-of or --today the day is the day of printing: nothing was asked for that could be refused.
  const asked = version !== undefined || flags.asOf !== undefined || flags.today !== undefined;
  if (version !== undefined && (flags.all || targets.length !== 1)) throw new UserError(t("render.past.one-document"));
  if (version !== undefined && (flags.asOf !== undefined || flags.today !== undefined)) throw new UserError(t("render.past.revision-and-day", { flag: flags.asOf !== undefined ? "--as-of" : "--today" }));
  if (explicit && flags.copy !== undefined) {
    // In the 待实施 period the earlier version is the one in force, not superseded (breaker61 M8).
    const only = targets.length === 1 && targets[0]!.kind === "document" ? targets[0]!.value : undefined;
    const until = only === undefined ? undefined : releasedPendingUntil(only, now);
    const inForce = until === undefined ? undefined : revisionInForce(only!, now)?.version;
    if (inForce !== undefined) throw new UserError(t("render.past.copy.pending", { flag, id: only!.id, inForce, effective: until! }));
    throw new UserError(t("render.past.copy", { flag }));
  }
  if (explicit && flags.draft) throw new UserError(t("render.past.draft", { flag }));
  const earlier: { target: Extract<Target, { kind: "document" }>; at: number }[] = [];
  for (const target of targets) {
    if (target.kind === "csr") {
      if (version !== undefined) throw new UserError(t("render.past.csr", { id: target.value.id }));
      continue;
    }
    const doc = target.value;
    // An external document's day is the day its copy is printed (待实施 before its 实施日期), as it always was.
    if (doc.kind === "external") {
      if (explicit && !flags.all) throw new UserError(t("render.past.external", { id: doc.id, flag }));
      continue;
    }
    const revisions = doc.revisions ?? [];
    const wanted = version !== undefined ? revisions.find((r) => r.version === version) : revisionInForce(doc, day!);
    if (version !== undefined && wanted === undefined) throw new UserError(t("render.past.unknown-version", { id: doc.id, version, versions: list(revisions.map((r) => r.version)) }));
    // A draft never released is printed as it is, stamped 草稿.
    if (wanted === undefined && revisions.length === 0) continue;
    const current = currentRevision(doc);
    // --as-of names the day the version is in force on, as --today does (breaker61 M1): on or after the 实施日期 the new version is not 待实施.
    const pendingDay = flags.asOf !== undefined ? day! : now;
    const effective = releasedPendingUntil(doc, pendingDay);
    // The current version not yet in force, asked for by its version or printed for want of one in force: 待实施 非受控.
    if (effective !== undefined && (wanted === current || (wanted === undefined && !asked))) {
      const inForce = revisionInForce(doc, pendingDay)?.version;
      target.pending = { version: current!.version, effective, ...(inForce !== undefined ? { inForce } : {}), copy: false };
      result.said.push(t(inForce === undefined ? "render.pending.printed.first" : "render.pending.printed", { id: doc.id, version: current!.version, effective, inForce: inForce ?? "" }));
      continue;
    }
    if (wanted === undefined) {
      const data = { id: doc.id, day: day!, first: revisions[0]!.version, effective: revisionEffective(doc, 0) };
      if (!flags.all) throw new UserError(t("render.past.not-yet", data));
      result.notYet.push(doc.id);
      result.left.add(doc.id);
      continue;
    }
    if (wanted !== current) earlier.push({ target, at: revisions.indexOf(wanted) });
  }
  if (earlier.length === 0) return result;
  const versionOf = ({ target, at }: (typeof earlier)[number]) => target.value.revisions![at]!.version;
  const released = await releasedRevisions(root, earlier.map((a) => ({ id: a.target.value.id, path: index.documents.get(a.target.value.id)!.file.path, version: versionOf(a) })));
  for (const a of earlier) {
    const doc = a.target.value;
    const data = { id: doc.id, version: versionOf(a), tag: releaseTag(doc.id, versionOf(a)) };
    const then = released.get(data.tag);
    const next = { version: doc.revisions![a.at + 1]!.version, effective: revisionEffective(doc, a.at + 1) };
    // Replaced by a version not yet in force on the day of printing: it is the version in force, printed as a controlled print.
    const inForce = next.effective > now;
    if (then === undefined && inForce && !asked) {
      a.target.pending = { version: next.version, effective: next.effective, inForce: data.version, copy: false };
      result.said.push(t("render.pending.in-force-unread", { ...data, pending: next.version, effective: next.effective }));
      continue;
    }
    if (then === undefined) {
      if (!flags.all) throw new UserError(t("render.past.unread", data), t("render.past.unread.hint", data));
      result.unread.push(doc.id);
      result.left.add(doc.id);
      continue;
    }
    a.target.value = asRevision(doc, data.version, then);
    a.target.fromGit = true;
    if (inForce) {
      result.said.push(t("render.pending.in-force", { id: doc.id, arg: shellArgument(doc.id), version: data.version, pending: next.version, pendingArg: shellArgument(next.version), effective: next.effective }));
      continue;
    }
    const superseded = { version: data.version, by: next.version, effective: next.effective };
    a.target.superseded = superseded;
    result.said.push(t("render.past.printed", { id: doc.id, ...superseded }));
  }
  return result;
}

/**
 * The copy to print on the 受控 stamp: one copy of one released document, handed out for the
 * version in force on `today` and not taken back, so that a printed copy always matches the register.
 * That is its current version, or, while that one is released but not yet in force (待实施, its
 * 实施日期 ahead: releasedPendingUntil), the one before it, still in force (revisionInForce), whose
 * copies stay in use until then (`earlier`: earlierCopyText prints that version's text). A copy of the
 * version not yet in force, handed out early for the day it takes effect, is stamped 受控 待实施 until
 * then (`pending`: render/view.ts documentView), so that the line does not work to it before that day.
 * A temporary document (`valid_until`) past its last valid day has no copy to print, as a withdrawn one has none.
 */
function controlledCopy(targets: readonly Target[], given: string, today: string): { copy: number; version: string; to: string; holder?: string; location?: string; earlier?: { pendingVersion: string; effective: string }; pending?: PendingRevision } {
  const [target] = targets;
  if (targets.length !== 1 || target?.kind !== "document") throw new UserError(t("render.copy-needs-one"));
  const doc = target.value;
  const copy = (doc.distribution ?? []).find((c) => String(c.copy) === given);
  const version = copyEdition(doc);
  const pending = releasedPendingUntil(doc, today);
  const inForce = pending === undefined ? undefined : revisionInForce(doc, today)?.version;
  // Only a released document's copies are handed out: naming 'csr distribute' for any other, which refuses it, sends the user round (tester54a A19).
  const instead = doc.status === "obsolete" ? (doc.obsolete?.superseded_by ? t("distribute.obsolete.hint", { successor: shellArgument(doc.obsolete.superseded_by) }) : t("distribute.obsolete.hint.no-successor")) : undefined;
  if (!copy && doc.status === "obsolete") throw new UserError(t("render.no-copy.obsolete", { id: doc.id, copy: given, date: doc.obsolete?.date ?? "" }), instead);
  if (!copy && doc.status !== "released") throw new UserError(t("render.no-copy.not-released", { id: doc.id, copy: given, status: t(`value.document-status.${doc.status}`) }), t("distribute.not-released.hint", { id: shellArgument(doc.id) }));
  // A temporary document past its last valid day (valid_until) is worked to no more: no copy of it passes as controlled (IATF 16949 8.5.6.1.1).
  const until = doc.status === "released" ? doc.valid_until : undefined;
  if (until !== undefined && until < today) throw new UserError(t("render.no-copy.temporary-expired", { id: doc.id, copy: given, until }), t("render.no-copy.temporary-expired.hint", { id: shellArgument(doc.id) }));
  if (!copy) throw new UserError(t("render.no-copy", { id: doc.id, arg: shellArgument(doc.id), copy: given }));
  // A copy of a document imported without its text would hand the holder a header and a revision record, not the document (IATF 16949 7.5.3.2.1).
  if (bodyOnPaper(doc)) throw new UserError(t("render.copy-body-on-paper", { id: doc.id }), t("render.copy-body-on-paper.hint"));
  if (doc.status !== "released" || !stillControlled(copy) || (copy.version !== version && copy.version !== inForce)) {
    const why = copy.recalled
      ? t("render.copy-recalled", { date: copy.recalled })
      : copy.lost
        ? t("recall.gone.lost", { date: copy.lost.date })
        : copy.destroyed
          ? t("recall.gone.destroyed", { date: copy.destroyed.date })
          : copy.retained
            ? t("recall.gone.retained", { date: copy.retained.date })
          : doc.status !== "released"
            ? t("render.copy-document-not-released", { copyVersion: copy.version, id: doc.id, status: t(`value.document-status.${doc.status}`) })
          : inForce !== undefined
            ? t("render.copy-outdated-pending", { copyVersion: copy.version, id: doc.id, inForce, version: version ?? "", effective: pending! })
            : t("render.copy-outdated", { copyVersion: copy.version, id: doc.id, version: version ?? "" });
    throw new UserError(t("render.copy-not-in-force", { id: doc.id, copy: given, why }), instead);
  }
  const held = { to: copy.to, ...(copy.holder !== undefined ? { holder: copy.holder } : {}), ...(copy.location !== undefined ? { location: copy.location } : {}) };
  if (copy.version !== version) return { copy: copy.copy, version: copy.version, ...held, earlier: { pendingVersion: version!, effective: pending! } };
  return { copy: copy.copy, version: copy.version, ...held, ...(pending !== undefined ? { pending: { version: copy.version, effective: pending, ...(inForce !== undefined ? { inForce } : {}), copy: true } } : {}) };
}

/**
 * A copy of the version in force reprinted while the next one is released but not yet in force
 * (controlledCopy `earlier`): the document as that version was released (its release tag, or the
 * commit that recorded it: load/base.ts releasedRevisions), with its revisions and 实施日期
 * (asRevision), so that the reprint is the text the copy holder was given. Replaces the target's
 * value; returns the line that says what was printed. A version whose text git does not have is
 * refused: printing the later text under the earlier copy's number would hand out a version not in force.
 */
async function earlierCopyText(root: string, index: RepoIndex, target: Extract<Target, { kind: "document" }>, copy: { copy: number; version: string; earlier?: { pendingVersion: string; effective: string } }): Promise<string> {
  const doc = target.value;
  const { version } = copy;
  const { pendingVersion, effective } = copy.earlier!;
  const tag = releaseTag(doc.id, version);
  const then = (await releasedRevisions(root, [{ id: doc.id, path: index.documents.get(doc.id)!.file.path, version }])).get(tag);
  const data = { id: doc.id, arg: shellArgument(doc.id), copy: copy.copy, version, pendingVersion, effective, tag };
  if (then === undefined) throw new UserError(t("render.copy-earlier-unread", data), t("render.copy-earlier-unread.hint", data));
  target.value = asRevision(doc, version, then);
  return t("render.copy-earlier", data);
}

/** Word output: the views laid out by render/docx.ts, with the repository's labels and reference styles. */
async function docxRenderer(root: string, lang: Lang): Promise<{ document: (view: DocumentView) => Promise<Buffer>; report: (view: CsrReportView) => Promise<Buffer> }> {
  const { csrReportToDocx, documentToDocx, referenceStyles } = await import("../../render/docx.js");
  const options = { labels: loadLabels(root, lang), referenceStyles: await referenceStyles(root) };
  return { document: (view) => documentToDocx(view, options), report: (view) => csrReportToDocx(view, options) };
}

/** The text ending with a line break, as a file of text does. */
function withLineEnd(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** Runs the tasks with at most `limit` at a time, starting them in order; the promises are in the tasks' order. */
function inOrder<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T>[] {
  const results: Promise<T>[] = [];
  const running: Promise<unknown>[] = [];
  for (const [i, task] of tasks.entries()) {
    const before = i >= limit ? running[i - limit]! : Promise.resolve();
    results.push(before.then(task));
    running.push(results[i]!.catch(() => undefined));
  }
  return results;
}

function findTarget(repo: Repository, index: RepoIndex, id: string, stderr: (text: string) => void): Target {
  const doc = index.documents.get(id);
  if (doc) {
    noteSameNumber(repo, doc, stderr);
    return { kind: "document", value: doc.value };
  }
  const csr = index.csrs.get(id);
  if (csr) return { kind: "csr", value: csr.value };
  const unreadable = unreadableFile(repo, id);
  if (unreadable) throw unreadable;
  if (repo.unvalidated.documents.has(id) || repo.unvalidated.csrs.has(id)) {
    throw new UserError(t("render.invalid", { id }), t("edit.fix-first.hint"));
  }
  throw new UserError(t("render.not-found", { id }) + didYouMean(id, [...index.documents.keys(), ...index.csrs.keys(), ...index.actions.keys(), ...repo.managementReviews.map((r) => r.value.id)]));
}

/**
 * Where `csr render` writes, `--out` being relative to where csr was started: a folder (out/ at the
 * repository root by default; a name ending with / or \, an existing folder, or a name without an
 * extension), each page named after its document; or, when one document or report is rendered,
 * the file `--out` names by its extension (.html, .md, .pdf, .docx), which then gives the format.
 * A folder's pages replace those of an earlier render (the folder is render's own); a file `--out`
 * names is replaced only with `--force`, as every --out of csr (a report printed and signed is the
 * file most worth keeping; tester19 F12). A file name for several pages, an extension that
 * contradicts --format and any other extension are refused, not guessed.
 * Errors (UserError, one line each): those three; an existing file without --force; a path among
 * the repository's data.
 */
function outputTarget(root: string, cwd: string, flags: RenderFlags, count: number): { folder?: string; file?: string; format?: (typeof FORMATS)[number] } {
  const { out } = flags;
  if (out === undefined || isFolder(out, cwd) || extname(out) === "") {
    const folder = out === undefined ? join(root, "out") : resolve(cwd, out);
    if (out !== undefined && existsSync(folder) && !isFolder(out, cwd)) throw new UserError(t("out.render-unclear", { out }));
    refuseDataPath(root, folder, "--out", true);
    return { folder };
  }
  const extension = extname(out).slice(1).toLowerCase();
  const format = FORMATS.find((f) => f === extension);
  if (!format) throw new UserError(t("out.render-unclear", { out }));
  if (flags.all || count !== 1) throw new UserError(t("out.render-many", { out, count }));
  if (flags.format !== undefined && flags.format !== format) throw new UserError(t("out.render-format", { out, extension, format: flags.format }));
  const file = resolve(cwd, out);
  refuseDataPath(root, file, "--out");
  if (!flags.force && existsSync(file)) throw new UserError(t("output.exists", { out }), t("output.exists.hint"));
  return { file, format };
}

function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split(sep).join("/");
}

/** The holder a controlled copy's stamp names: the unit it went to (a department or an outside party) and the person who signed for it, if recorded. */
function copyHolderText(index: RepoIndex, lang: Lang, copy: { to: string; holder?: string }): string {
  const unit = index.departments.get(copy.to) ?? index.parties.get(copy.to);
  const person = copy.holder === undefined ? undefined : index.people.get(copy.holder)?.value;
  return [unit ? localized(lang, unit.name, unit.name_en) : copy.to, person ? localized(lang, person.name, person.name_en) : (copy.holder ?? "")].filter(Boolean).join(" ");
}

/**
 * `csr render <action id>…`: the report of each corrective action record as it stood on `day` (actionOn), laid out by
 * templates/{html,md}/action-report.hbs (commands/render/action-report.ts actionReportView: 质量问题归零报告, 内部审核不符合项报告
 * or 8D report), as HTML, Markdown or PDF, named <id>.report.<lang>.<format> in the folder --out names (out/ by default) or
 * the one file --out names. Errors (UserError, one line): --copy, --draft or --revision (a record has no copies or
 * revisions); --format docx; a record received after `day`; and those of outputTarget. Returns 0.
 */
async function renderActionReports(ctx: CommandContext, root: string, repo: Repository, index: RepoIndex, ids: string[], flags: RenderFlags, day: string): Promise<number> {
  return renderRecordReports(ctx, root, repo, index, ids, flags, "action", (rc, labels, id) => {
    const record = index.actions.get(id)!.value;
    const action = actionOn(record, day);
    if (action === undefined) throw new UserError(t("render.action.not-yet", { id, received: record.received, day }));
    return actionReportView(rc, labels, action, day);
  });
}

/**
 * `csr render <MR id>…`: the record of each management review of management-reviews.yaml (管理评审报告) as it stood on `day`
 * (commands/render/management-review-report.ts: period, day, chair, attendees, the inputs of its period, the outputs with their
 * status on `day`, the approval), laid out as the action reports are, named <id>.report.<lang>.<format>. Errors (UserError,
 * one line): --copy, --draft or --revision; --format docx; a review held after `day`; and those of outputTarget. Returns 0.
 */
async function renderManagementReviewReports(ctx: CommandContext, root: string, repo: Repository, index: RepoIndex, ids: string[], flags: RenderFlags, day: string): Promise<number> {
  return renderRecordReports(ctx, root, repo, index, ids, flags, "management-review", (rc, labels, id) => {
    const review = toolingNamed(repo.managementReviews, id)!.value;
    if (review.held > day) throw new UserError(t("render.management-review.not-yet", { id: review.id, held: review.held, day }));
    return managementReviewReportView(rc, labels, review, day);
  });
}

/**
 * The reports of records (corrective actions, management reviews) named by `ids`, each the view `viewOf` gives laid out by
 * templates/{html,md}/action-report.hbs, as HTML, Markdown or PDF, named <id>.report.<lang>.<format> in the folder --out
 * names (out/ by default) or the one file --out names. `record` picks the refusals' wording (render.<record>.option,
 * render.<record>.docx): a record has no copies, drafts or revisions, and is not laid out in Word.
 */
async function renderRecordReports(ctx: CommandContext, root: string, repo: Repository, index: RepoIndex, ids: string[], flags: RenderFlags, record: "action" | "management-review", viewOf: (rc: RegisterContext, labels: Labels, id: string) => object): Promise<number> {
  const lang: Lang = language();
  for (const [flag, given] of [["--copy", flags.copy], ["--draft", flags.draft], ["--revision", flags.revision]] as const) {
    if (given !== undefined && given !== false) throw new UserError(t(`render.${record}.option`, { flag, id: ids[0]! }));
  }
  const target = outputTarget(root, ctx.dir, flags, ids.length);
  const format = target.format ?? choiceOption(flags.format, "--format", FORMATS, "html");
  if (format === "docx") throw new UserError(t(`render.${record}.docx`, { id: ids[0]! }), t("render.action.docx.hint", { arg: shellArgument(ids[0]!) }));
  const chromium = format === "pdf" ? findChromium() : undefined;
  if (format === "pdf") requireCjkFont();
  const renderer = await createRenderer(root, format === "md" ? "md" : "html", lang);
  const labels = loadLabels(root, lang);
  const rc = registerContext(repo, lang, undefined, undefined, index);
  const pages = ids.map((id) => {
    const view = viewOf(rc, labels, id);
    return { name: `${documentFileName(id)}.report`, text: withLineEnd(renderer.render("action-report", format === "md" ? escapeView(view, escapeMarkdown) : view)) };
  });
  const writes: FileWrite[] = [];
  const printer = chromium ? await startPdfPrinter(chromium, pages.map((page) => page.text)) : undefined;
  try {
    for (const page of pages) {
      const content = printer ? await printPdf(printer, labels, { text: page.text }) : page.text;
      writes.push({ path: target.file ?? join(target.folder!, `${page.name}.${lang}.${format}`), content });
    }
  } finally {
    await printer?.close();
  }
  await writePages(ctx, root, writes, format, lang);
  return 0;
}

/**
 * Writes the pages of a run, all together or none (a run stopped half-way leaves no mix of old and new pages), then
 * names each file on stdout and says how many were rendered on stderr.
 */
async function writePages(ctx: CommandContext, root: string, writes: FileWrite[], format: string, lang: Lang): Promise<void> {
  await withRepositoryLock(ctx, root, async () => {
    await applyChange(root, { writes });
    return 0;
  });
  for (const write of writes) ctx.stdout(`${shown(root, write.path)}\n`);
  ctx.stderr(t("render.rendered", { count: writes.length, format, lang }) + "\n");
}
