/**
 * `csr release`: a new revision of a controlled document. The version is bumped, the revision
 * entry appended, the document released, and the change committed and tagged, so that git holds
 * the proof of every revision.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { codeWithLabel } from "../../i18n/values.js";
import { findRoot } from "../../load/discover.js";
import { openGit } from "../../load/git.js";
import { loadRepository } from "../../load/repository.js";
import { buildIndex, currentRevision } from "../../model/index.js";
import { documentFileName } from "../../model/paths.js";
import { nextVersion } from "../../model/revision.js";
import { emptySections } from "../../model/sections.js";
import type { ControlledDocument, Person, Revision, Role } from "../../model/types.js";
import { revisionEvent } from "../../model/recorded-events.js";
import { eventDateOption, refuseBefore } from "../options.js";
import type { CommandContext } from "../context.js";
import { copyList, resolvePerson } from "../shared/people.js";
import { refuseUnreadableConfig } from "../shared/persist.js";
import { withRepositoryLock } from "../shared/transaction.js";
import { editDocument, findDocument, refuseInvalidTag, refuseOtherStagedFiles, refuseUnlessGitIsClean, refuseWithoutIdentity, setAfter, withGitErrors, writeAndCommit } from "./document.js";

export interface ReleaseFlags {
  major?: boolean;
  summary?: string;
  pages?: string;
  prepared?: string;
  reviewed?: string;
  approved?: string;
  date?: string;
  /** Each signature's own date (编制/审核/批准 are signed on different days); each defaults to --date. */
  preparedDate?: string;
  reviewedDate?: string;
  approvedDate?: string;
  /** Release although the document has not changed since its last release. */
  force?: boolean;
  /** Never prompt (release never does; accepted like every writing command). */
  yes?: boolean;
}

/** Tag names: the document number with '/' as '_', then the version with '/' as '-': QP-020/A-1, CS_QP-006/B-0. */
export function releaseTag(id: string, version: string): string {
  return `${documentFileName(id)}/${version.replace("/", "-")}`;
}

export async function releaseCommand(ctx: CommandContext, id: string, flags: ReleaseFlags): Promise<number> {
  return withGitErrors(() => release(ctx, id, flags));
}

/**
 * Everything that can refuse is checked before the file is written: the signers, staged files,
 * git's identity and the tag (its name and that it is new). The write, commit and tag then go
 * together or not at all (writeAndCommit).
 */
async function release(ctx: CommandContext, id: string, flags: ReleaseFlags): Promise<number> {
  const date = eventDateOption(flags.date, "--date");
  const signed = signatureDates(flags, date);
  const summary = required(flags.summary, "--summary", t("release.needs.summary"));
  const prepared = required(flags.prepared, "--prepared", t("release.needs.prepared"));
  const reviewed = required(flags.reviewed, "--reviewed", t("release.needs.reviewed"));
  const approved = required(flags.approved, "--approved", t("release.needs.approved"));
  const root = findRoot(ctx.dir);
  await refuseUnlessGitIsClean(root);
  return withRepositoryLock(ctx, root, async () => {
    const repo = loadRepository(root);
    refuseUnreadableConfig(repo);
    const index = buildIndex(repo);
    const { value: doc, file } = findDocument(repo, index, id);
    if (doc.status === "obsolete") throw new UserError(t("release.obsolete", { id }), t("release.obsolete.hint"));
    refuseEmptySections(doc);
    const author = resolvePerson(index, prepared, "--prepared");
    const reviewer = resolvePerson(index, reviewed, "--reviewed");
    const approver = resolvePerson(index, approved, "--approved");
    requireRole(reviewer, "reviewer", "--reviewed");
    requireRole(approver, "approver", "--approved");
    if (approver.id === author.id) {
      throw new UserError(t("release.self-approval", { name: approver.name, id: approver.id }));
    }
    const latest = currentRevision(doc);
    // A revision dated before the one it follows is doc/version-sequence's finding.
    if (latest) refuseBefore(date, "--date", { ...revisionEvent(latest), of: doc.id });
    const current = latest?.version;
    if (current && !flags.force) await refuseUnchanged(root, doc.id, current, file.path, file.text);
    const version = nextVersion(current, flags.major === true && (doc.revisions?.length ?? 0) > 0);
    const tag = releaseTag(doc.id, version);
    await refuseInvalidTag(root, tag, doc.id);
    await refuseOtherStagedFiles(root, file.path);
    await refuseWithoutIdentity(root);
    const git = await openGit(root);
    if ((await git.tags(["--list", tag])).all.includes(tag)) {
      throw new UserError(t("release.tag-exists", { tag, id, version }), t("release.tag-exists.hint"));
    }
    const revision: Revision = {
      version,
      date,
      summary,
      ...(flags.pages ? { pages: flags.pages } : {}),
      prepared: { by: author.id, date: signed.prepared },
      reviewed: { by: reviewer.id, date: signed.reviewed },
      approved: { by: approver.id, date: signed.approved },
    };
    const text = editDocument(readFileSync(join(root, file.path), "utf8"), (yaml) => {
      yaml.set("status", "released");
      setAfter(yaml, "effective", date, "status");
      if (yaml.has("revisions")) yaml.addIn(["revisions"], yaml.createNode(revision));
      else setAfter(yaml, "revisions", [revision], "effective");
    });
    const commit = await writeAndCommit(root, { path: file.path, after: text, message: t("commit.release", { id: doc.id, version, summary }), tag });
    ctx.stdout(t("release.released", { id: doc.id, version, path: file.path, commit, tag }) + "\n");
    const toRecall = (doc.distribution ?? []).filter((c) => !c.recalled);
    if (toRecall.length > 0) {
      ctx.stdout(t("release.to-recall", { copies: copyList(index, toRecall), id: doc.id, version }) + "\n");
    }
    return 0;
  });
}

/**
 * A released document is what people work to (ISO 9001 7.5.2, 7.5.3): a section that is only a
 * title (as `csr new` scaffolds it) would be issued blank (model/sections.ts emptySections, which
 * doc/empty-section reports on a document already released).
 * Errors: UserError listing the empty sections by number and title.
 */
function refuseEmptySections(doc: ControlledDocument): void {
  const empty = emptySections(doc);
  if (empty.length === 0) return;
  throw new UserError(t("release.empty-sections", { id: doc.id, sections: list(empty.map((s) => `${s.number} ${s.title}`)) }), t("release.empty-sections.hint"));
}

/**
 * A new revision records a change: when the file is exactly as it was tagged at its last release,
 * there is nothing to release (a release tag missing, e.g. for a document released before csr, is
 * no evidence either way and lets the release go ahead).
 */
async function refuseUnchanged(root: string, id: string, version: string, path: string, text: string): Promise<void> {
  const git = await openGit(root);
  const tag = releaseTag(id, version);
  const prefix = (await git.revparse(["--show-prefix"])).trim();
  let released: string;
  try {
    released = await git.show([`refs/tags/${tag}:${prefix}${path}`]);
  } catch {
    return;
  }
  if (released === text) {
    throw new UserError(
      t("release.unchanged", { id, version, tag }),
      t("release.unchanged.hint"),
    );
  }
}

/**
 * The date of each signature: its own option, else the release date. A revision is prepared, then
 * reviewed, then approved, and takes effect when approved or later, so the dates must follow that
 * order (ISO 9001 7.5.2 c: documents are reviewed and approved before use).
 * Errors: UserError naming the two dates out of order.
 */
function signatureDates(flags: ReleaseFlags, date: string): { prepared: string; reviewed: string; approved: string } {
  const signedOn = (value: string | undefined, flag: string) => (value === undefined ? date : eventDateOption(value, flag));
  const prepared = signedOn(flags.preparedDate, "--prepared-date");
  const reviewed = signedOn(flags.reviewedDate, "--reviewed-date");
  const approved = signedOn(flags.approvedDate, "--approved-date");
  const order: [string, string][] = [
    ["--prepared-date", prepared],
    ["--reviewed-date", reviewed],
    ["--approved-date", approved],
    ["--date", date],
  ];
  for (let i = 1; i < order.length; i++) {
    const [earlierFlag, earlier] = order[i - 1]!;
    const [laterFlag, later] = order[i]!;
    if (later < earlier) throw new UserError(t("release.date-order", { laterFlag, later, earlierFlag, earlier }));
  }
  return { prepared, reviewed, approved };
}

function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value.trim() === "") throw new UserError(t("release.required", { flag, what }));
  return value;
}

function requireRole(person: Person, role: Role, flag: string): void {
  if (!person.roles.includes(role)) {
    throw new UserError(t("release.missing-role", { flag, id: person.id, name: person.name, role: roleWithLabel(role), roles: list(person.roles.map(roleWithLabel)) || t("release.no-roles") }), t("release.missing-role.hint", { role: roleWithLabel(role) }));
  }
}

/** A role as people.yaml spells it, with its meaning in Chinese: approver（批准）. */
function roleWithLabel(role: Role): string {
  return codeWithLabel(role, t(`value.role.${role}`));
}
