/**
 * `csr distribute <document> --to <dept>…` hands out controlled copies of the current version,
 * each with its own number (受控号); `csr recall <document>` records copies taken back. Both are
 * entries of the document's `distribution` list (文件发放/回收记录), which is not a revision.
 * `csr distribute <CSR> --to <dept>…` records to which departments a decided CSR went, and when.
 * A customer's source document (customers/<code>.yaml `sources`) is a controlled document of external origin:
 * `csr distribute <source> --to <dept>…` and `csr recall <source>` record the copies of its revisions in its
 * own `distribution` there, as for a document (CopyTarget; model/source-copies.ts, tester66 N1).
 */
import { UserError } from "../../core/errors.js";
import { didYouMean, displayWidth, padEnd, shellArgument } from "../../core/text.js";
import { PLACEHOLDER_PEOPLE } from "../init/files.js";
import { list as inline, language, t } from "../../i18n/index.js";
import { citations } from "../../model/citations.js";
import { copiesDue, copiesInUse, copiesToRecall, copyEdition, csrDistributions, stillControlled, nextCopyNumber, pendingTransition, recalledLate, unitsWithoutCopy, withEdition } from "../../model/distribution.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { classificationName, documentClassification, isStateSecret } from "../../model/classification.js";
import { currentRevision, issuedOn, revisionInForce } from "../../model/index.js";
import { editionInForceFrom } from "../../model/external.js";
import { sourceAsDocument } from "../../model/source-copies.js";
import { supplierParty } from "../../model/flow-down.js";
import { releasedPendingUntil } from "../../model/revision.js";
import { electronicLabel } from "../../model/labels.js";
import { servesUnit } from "../../model/person-work.js";
import { eventLabel, revisionEvent, type Predecessor } from "../../model/recorded-events.js";
import type { ControlledCopy, ControlledDocument, Person, SourceDocument } from "../../model/types.js";
import type { Located } from "../../load/repository.js";
import { isDeepStrictEqual } from "node:util";
import { isMap } from "yaml";
import { codedChoices, missingFlag, type Choice, type Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { dateOption, eventDateOption, refuseBefore } from "../options.js";
import { appendIn, uncommittedUnder } from "../shared/persist.js";
import { copyList, departmentLabel, personChoiceList, personLabel, refuseMilitaryWork } from "../shared/people.js";
import { departmentByCode, editFile, findCsrById, findDocumentById, listOption, need, withEditSession, personChoices, personOption, saveChanges, setInMapOrder, workingPeople, type EditSession } from "../shared/edit.js";

export interface DistributeFlags {
  to?: string[];
  copies?: string;
  holder?: string;
  /** Where the copies handed out are used (使用场所: 压接工位 OP20), recorded on each of them. */
  location?: string;
  /** The copies' remark (备注: 破损换发, 遗失补发, 现场张贴), recorded on each of them. */
  remark?: string;
  /** Copies already handed out whose holder (领用人) is recorded (--holder); see recordHolder. */
  copy?: string[];
  /** With --copy: replace a holder already recorded. */
  amend?: boolean;
  /** Who hands the copies out (发放人); see copyClerk. */
  issuedBy?: string;
  /** CSR only: who distributed it. */
  by?: string;
  /** Copies of an earlier version handed out before csr recorded them (tester20 F11); see copiesVersion. */
  oldVersion?: string;
  /** An electronic issue (电子版发放, read-only on a system) instead of paper copies; see distributeElectronic. */
  electronic?: boolean;
  /** With --electronic: the system it is published on, e.g. OA. */
  system?: string;
  /** A customer's document given to an outside party: the record of the customer's consent (IATF 16949 8.1.2). */
  customerConsent?: string;
  date?: string;
  /** The day the command runs as (--today, YYYY-MM-DD; the clock's day otherwise): the default of --date, the latest it may be, the copies still to recall on it. */
  today?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function distributeCommand(ctx: CommandContext, id: string, flags: DistributeFlags): Promise<number> {
  return distribute(ctx, id, flags);
}

export async function distribute(ctx: CommandContext, id: string, flags: DistributeFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    let target: CopyTarget;
    if (session.index.documents.has(id) || session.repo.unvalidated.documents.has(id)) target = documentTarget(findDocumentById(session, id));
    else if (session.index.csrs.has(id) || session.repo.unvalidated.csrs.has(id)) return distributeCsr(ctx, session, id, flags);
    else target = sourceTarget(session, id) ?? noTarget(session, id);
    const { document } = target;
    if (flags.by !== undefined) throw new UserError(t("person.distribute-by-document", { id }));
    if (flags.electronic && (flags.copy !== undefined || flags.amend)) throw new UserError(t("distribute.electronic.with", { flag: flags.copy !== undefined ? "--copy" : "--amend" }));
    // A customer's document goes out on paper: its copies are numbered and signed for, and recalled when a new revision comes.
    if (flags.electronic && target.source) throw new UserError(t("distribute.source.electronic", { id, customer: target.source.customer }));
    // A place of use is a paper copy's: an electronic issue is read wherever the system is. A copy's place is recorded as it is
    // handed out, or later with --copy when the copy is put up (or moved) at its workstation.
    if (flags.location !== undefined && flags.electronic) throw new UserError(t("distribute.location-with", { flag: "--electronic" }));
    const location = flags.location?.trim();
    if (location === "") throw new UserError(t("distribute.location-empty"));
    // A remark is a paper copy's, written as it is handed out (the register's 备注: 破损换发, 遗失补发, 现场张贴).
    if (flags.remark !== undefined && (flags.electronic || (flags.copy !== undefined && flags.to === undefined))) throw new UserError(t("distribute.remark-with", { flag: flags.electronic ? "--electronic" : "--copy" }));
    const remark = flags.remark?.trim();
    if (remark === "") throw new UserError(t("distribute.remark-empty"));
    // --copy with --to numbers the copies handed out now as the paper register did (发放号 004), tester76 M1; --copy alone names copies out already.
    const numbered = flags.copy !== undefined && flags.to !== undefined;
    if (flags.copy !== undefined && !numbered) return recordOnCopies(ctx, session, target, flags);
    if (flags.amend) throw new UserError(t("distribute.amend-without-copy"));
    if (flags.system !== undefined && !flags.electronic) throw new UserError(t("distribute.system-without-electronic"));
    const current = copyEdition(document);
    if (document.status !== "released" || !current) throw new UserError(t("distribute.not-released", { id, status: t(`value.document-status.${document.status}`) }), notReleasedHint(document));
    if (flags.electronic) return distributeElectronic(ctx, session, target, flags, current);
    const old = flags.oldVersion === undefined ? undefined : target.source ? oldSourceRevision(target.source.value, flags.oldVersion) : oldRevision(document, flags.oldVersion);
    const version = old?.version ?? current;
    const prompted = listOption(flags.to).length === 0 && session.ask !== undefined;
    const receivers = await receivingUnits(session, flags, true);
    const to = receivers.map((r) => r.unit);
    const consent = await customerConsent(session, target, to, flags.customerConsent);
    const copies = flags.copies === undefined ? 1 : Number(flags.copies);
    if (!Number.isInteger(copies) || copies < 1 || copies > 99) throw new UserError(t("distribute.copies-range", { value: flags.copies ?? "" }));
    const follows = old?.follows ?? issueFollows(target);
    const date = eventDateOption(flags.date, "--date", { today: dateOption(flags.today, "--today"), follows: follows && { ...follows, of: id } });
    if (old?.until !== undefined && date >= old.until.date) {
      throw new UserError(t("distribute.old-version.superseded", { date, id, version, next: old.until.version, until: old.until.date }), t("distribute.old-version.superseded.hint"));
    }
    // Each unit's own holder, `--to QA:zhangli PRD:huangjun` (tester20 F12), or one --holder for them all.
    if (flags.holder !== undefined && receivers.some((r) => r.holder !== undefined)) throw new UserError(t("distribute.holder-and-pairs"));
    const pairHolders = receivers.map((r) => (r.holder === undefined ? undefined : unitHolder(session, id, r.unit, r.holder, date, flags)));
    const holderPerson = flags.holder === undefined ? undefined : personOption(session, flags.holder, "--holder", date);
    // A controlled copy is held in the department it is issued to (IATF 16949 7.5.3.2.1, GJB 9001C
    // 7.5.3: documents available where they are used); a holder from elsewhere is a slip of the keyboard.
    const served = holderPerson ? to.filter((d) => servesUnit(holderPerson, d, session.index.departments)) : to;
    if (holderPerson && served.length === 0) {
      throw new UserError(
        t("distribute.holder-elsewhere", { holder: personLabel(session.index, holderPerson.id), department: departmentLabel(session.index, holderPerson.department), to: inline(to.map((d) => departmentLabel(session.index, d))) }),
        t("distribute.holder-elsewhere.hint", { department: departmentLabel(session.index, holderPerson.department), command: `'csr distribute ${shellArgument(id)} --to ${holderPerson.department} --holder ${shellArgument(holderPerson.id)}${givenOptions(flags)}'` }),
      );
    }
    // One --holder for several departments would make one person hold every department's copy: only
    // for the departments the holder belongs to or serves as a delegate.
    if (holderPerson && served.length < to.length) {
      const others = to.filter((d) => !served.includes(d));
      throw new UserError(
        t("person.holder-several", { holder: personLabel(session.index, holderPerson.id), department: departmentLabel(session.index, holderPerson.department), others: inline(others.map((d) => departmentLabel(session.index, d))) }),
        t("person.holder-several.hint", { arg: shellArgument(id), pairs: unitPairs(session, to.map((unit) => ({ unit, ...(served.includes(unit) ? { holder: holderPerson.id } : {}) }))), options: givenOptions(flags) }),
      );
    }
    const secret = isStateSecret(session.repo, document);
    const clerk = await copyClerk(session, flags.issuedBy, "--issued-by", date, "issuer", secret ? document : undefined);
    const given = pairHolders.map((p) => p?.id ?? holderPerson?.id);
    const unnamed = to.filter((_, i) => given[i] === undefined);
    const asked =
      secret && unnamed.length > 0
        ? await namedHolders(session, document, unnamed, receivers.map((r, i) => ({ unit: r.unit, holder: given[i] })), date, flags)
        : prompted && unnamed.length > 0
          ? await askedHolders(session, unnamed, date)
          : new Map<string, string>();
    const issuedBy = clerk?.id;
    let number = nextCopyNumber(document);
    const kept = numbered ? givenCopyNumbers(document, id, listOption(flags.copy), to.length * copies, (unit) => departmentLabel(session.index, unit)) : undefined;
    const entries: ControlledCopy[] = to.flatMap((dept, i) => {
      const holder = given[i] ?? asked.get(dept);
      const consented = consent !== undefined && session.index.parties.has(dept) ? { customer_consent: consent } : {};
      return Array.from({ length: copies }, () => ({ copy: kept ? kept.shift()! : number++, version, to: dept, ...(holder ? { holder } : {}), ...(location ? { location } : {}), ...consented, ...(issuedBy ? { issued_by: issuedBy } : {}), date, ...(remark ? { remark } : {}) }));
    });
    const change = editFile(session.root, target.path, target.kind, (doc) => {
      for (const entry of entries) appendIn(doc, target.at, doc.createNode(entry, { flow: true }));
    });
    const lines = [
      t("distribute.handed-out", { document: withEdition(id, version), count: entries.length, date }),
      ...entries.map((e) => copyLine(session, e)),
      clerk ? t(clerk.controller ? "distribute.issued-by-controller" : "distribute.issued-by", { by: personLabel(session.index, clerk.id) }) : t("copy-clerk.blank.issuer"),
    ];
    // Copies of a version released but not yet in force are an early issue, the earlier version staying in force until its 实施日期 (breaker61 M7).
    const pendingUntil = old ? undefined : releasedPendingUntil(document, date);
    const inForce = pendingUntil === undefined ? undefined : revisionInForce(document, date)?.version;
    if (pendingUntil !== undefined) {
      const pairs = to
        .map((dept, i) => {
          const holder = given[i] ?? asked.get(dept);
          return holder === undefined ? dept : `${dept}:${shellArgument(holder)}`;
        })
        .join(" ");
      lines.push(
        inForce === undefined
          ? t("distribute.pending-early.first", { id, version, effective: pendingUntil })
          : t("distribute.pending-early", { id, version, effective: pendingUntil, inForce, command: `'csr distribute ${shellArgument(id)} --old-version ${shellArgument(inForce)} --to ${pairs}'` }),
      );
    }
    // A copy is signed for by someone (领用人); without --holder the register's cell stays empty, so the summary says so (auditor17 F9),
    // and how to name each department's holder next time: --to 部门:领用人 (tester20 F12).
    const unheld = entries.filter((e) => e.holder === undefined);
    if (unheld.length > 0 && prompted) lines.push(t("distribute.no-holder-asked", { count: unheld.length, copies: inline(unheld.map((e) => String(e.copy))), commands: inline(holderCommands(session, id, unheld)) }));
    else if (unheld.length > 0) lines.push(t("distribute.no-holder", { count: unheld.length, copies: inline(unheld.map((e) => String(e.copy))), commands: inline(holderCommands(session, id, unheld)), pairs: [...new Set(unheld.map((e) => e.to))].map((department) => t("distribute.to-pair", { department })).join(" ") }));
    // Due back on the day they are handed out, as the register counts them: not yet those of a version still in use while this one is 待实施.
    // Copies of an earlier version recorded now are due back themselves, today rather than on the day they were handed out.
    const due = old ? copiesDue({ ...document, distribution: [...(document.distribution ?? []), ...entries] }, dateOption(flags.today, "--today")) : copiesDue(document, date);
    if (due.length > 0) lines.push(t("distribute.still-to-recall", { copies: copyList(session.index, due), id: shellArgument(id) }));
    const { earlier, along } = earlierSteps(session, target, flags.commit);
    const message = t("commit.distribute", { document: withEdition(id, version), copies: inline(entries.map((e) => String(e.copy))) }) + (earlier ? t("commit.distribute.with-earlier", { steps: earlier }) : "");
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message, along });
    return 0;
  });
}

/**
 * `csr distribute <document> --electronic --to <dept>… [--system OA]`: the version in force issued
 * electronically (电子版发放, read-only on the system) to departments on a day, an entry of the
 * document's `electronic_issue` (tester55 C2: the supplier's procedure issues files on OA; "受控副本 无"
 * could not be told from that). No copy is numbered and nobody signs for one; a department already given
 * this version is not given it again. A new version needs an issue of its own.
 */
async function distributeElectronic(ctx: CommandContext, session: EditSession, target: CopyTarget, flags: DistributeFlags, version: string): Promise<number> {
  const { document, path } = target;
  const id = document.id;
  const paperFlag = flags.copies !== undefined ? "--copies" : flags.holder !== undefined ? "--holder" : flags.oldVersion !== undefined ? "--old-version" : undefined;
  if (paperFlag) throw new UserError(t("distribute.electronic.with", { flag: paperFlag }));
  const receivers = await receivingUnits(session, flags, true);
  const paired = receivers.find((r) => r.holder !== undefined);
  if (paired) throw new UserError(t("distribute.electronic.with", { flag: `--to ${paired.unit}:${paired.holder}` }));
  const latest = currentRevision(document);
  const received = document.kind === "external" ? document.external?.received : undefined;
  const follows = received ? { what: eventLabel("rule.date/event.doc-external-received"), date: received } : latest && revisionEvent(latest);
  const date = eventDateOption(flags.date, "--date", { today: dateOption(flags.today, "--today"), follows: follows && { ...follows, of: id } });
  const names = (codes: readonly string[]) => inline(codes.map((d) => departmentLabel(session.index, d)));
  const issued = new Set((document.electronic_issue ?? []).filter((e) => e.version === version).flatMap((e) => e.to));
  const to = [...new Set(receivers.map((r) => r.unit))];
  const added = to.filter((d) => !issued.has(d));
  if (added.length === 0) {
    ctx.stdout(t("distribute.electronic.already", { document: withEdition(id, version), departments: names(to) }) + "\n");
    return 0;
  }
  const clerk = await copyClerk(session, flags.issuedBy, "--issued-by", date, "issuer", isStateSecret(session.repo, document) ? document : undefined);
  const system = await issueSystem(ctx, session, document, flags.system);
  const entry = { version, to: added, date, ...(system ? { system } : {}), ...(clerk ? { issued_by: clerk.id } : {}) };
  const change = editFile(session.root, path, "document", (doc) => {
    appendIn(doc, ["electronic_issue"], doc.createNode(entry, { flow: true }));
  });
  const lines = [
    t("distribute.electronic.recorded", { document: withEdition(id, version), date, how: electronicLabel(system), departments: names(added) }),
    ...(added.length < to.length ? [t("distribute.electronic.some-already", { departments: names(to.filter((d) => issued.has(d))) })] : []),
    clerk ? t(clerk.controller ? "distribute.issued-by-controller" : "distribute.issued-by", { by: personLabel(session.index, clerk.id) }) : t("copy-clerk.blank.issuer"),
  ];
  const message = t("commit.distribute.electronic", { document: withEdition(id, version), departments: names(added) });
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message });
  return 0;
}

/**
 * The system an electronic issue is published on: --system; without it, that of the document's latest
 * electronic issue naming one, else qms.yaml's `document_control.electronic_issue.system`, said on stderr
 * (an issue recorded without it read 电子版（只读） among issues on OA, tester66 N11); with neither, asked at
 * a terminal (may be left empty), else none.
 */
async function issueSystem(ctx: CommandContext, session: EditSession, document: ControlledDocument, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given.trim() || undefined;
  const previous = [...(document.electronic_issue ?? [])].reverse().find((e) => e.system?.trim());
  if (previous) {
    ctx.stderr(t("distribute.electronic.system-carried", { system: previous.system!.trim(), id: document.id, version: previous.version, date: previous.date }) + "\n");
    return previous.system!.trim();
  }
  const configured = session.repo.config?.value.document_control?.electronic_issue?.system?.trim();
  if (configured) {
    ctx.stderr(t("distribute.electronic.system-configured", { system: configured }) + "\n");
    return configured;
  }
  if (!session.ask) return undefined;
  return (await session.ask.input({ message: t("prompt.distribute.system") })).trim() || undefined;
}

/**
 * The revision of --old-version: copies of an earlier version of `document` handed out before csr
 * recorded them (paper copies issued before the adoption, tester20 F11), so that their recall can be
 * recorded when the version they are of is superseded. The version must be in the revision record and
 * earlier than the current one; `until` is when the next revision took effect (its 实施日期, else its
 * date), from which copies of this one were no longer handed out.
 */
function oldRevision(document: ControlledDocument, given: string): OldVersion {
  if (document.kind === "external") throw new UserError(t("distribute.old-version.external", { id: document.id }));
  const revisions = document.revisions ?? [];
  const index = revisions.findIndex((r) => r.version === given);
  if (index === -1) {
    throw new UserError(t("distribute.old-version.unknown", { id: document.id, version: given, versions: inline(revisions.map((r) => r.version)) }), t("distribute.old-version.unknown.hint"));
  }
  if (index === revisions.length - 1) throw new UserError(t("distribute.old-version.current", { id: document.id, version: given }));
  const next = revisions[index + 1]!;
  return { version: given, follows: revisionEvent(revisions[index]!), until: { version: next.version, date: next.effective ?? issuedOn(next) } };
}

/** The version --old-version names: its copies follow `follows` (its release or receipt) and are handed out no more from `until`. */
interface OldVersion {
  version: string;
  follows?: Predecessor;
  until?: { version: string; date: string };
}

/**
 * A customer's document (a source of customers/) handed to a supplier (model/flow-down.ts supplierParty: an outside
 * party of kind supplier or other) needs the customer's consent (IATF 16949 8.1.2: confidentiality of customer-contracted products and
 * projects): `--customer-consent <record>` gives the record of it (an e-mail, a letter), kept on each such copy; without
 * it a terminal asks whether the customer allows it and for the record, and `--yes` (or no terminal) refuses in one line.
 * Undefined when no such party receives one.
 */
async function customerConsent(session: EditSession, target: CopyTarget, to: readonly string[], given: string | undefined): Promise<string | undefined> {
  // The customer's own office and the 军代表室 (the customer's representative) read its documents already; a certification body audits under contract.
  const outside = target.source ? to.filter((unit) => supplierParty(session.index.parties, unit)) : [];
  if (outside.length === 0) return undefined;
  const record = given?.trim();
  if (record) return record;
  const names = inline(outside.map((u) => departmentLabel(session.index, u)));
  const data = { id: target.document.id, customer: target.source!.customer, parties: names, clause: inline(citations(session.repo.config?.value.standards, "customer-confidentiality")) };
  if (!session.ask) throw new UserError(t("distribute.customer-consent.needed", data), t("distribute.customer-consent.hint", { id: shellArgument(target.document.id), to: to.join(" ") }));
  const allowed = await session.ask.select({ message: t("prompt.distribute.customer-consent", data), choices: [{ value: "no", name: t("prompt.distribute.customer-consent.no") }, { value: "yes", name: t("prompt.distribute.customer-consent.yes") }], default: "no" });
  if (allowed !== "yes") throw new UserError(t("distribute.customer-consent.declined", data));
  const answer = (await session.ask.input({ message: t("prompt.distribute.customer-consent-record"), required: true })).trim();
  if (answer === "") throw new UserError(t("distribute.customer-consent.needed", data), t("distribute.customer-consent.hint", { id: shellArgument(target.document.id), to: to.join(" ") }));
  return answer;
}

/**
 * The revision of a customer's source document --old-version names, as oldRevision for a document: one received
 * before the latest, whose copies were handed out before csr recorded them; `until` is the day the next one was in
 * force (its receipt, or its 实施日期 when later: editionInForceFrom).
 */
function oldSourceRevision(source: SourceDocument, given: string): OldVersion {
  const revisions = source.revisions;
  const index = revisions.findIndex((r) => r.revision === given);
  if (index === -1) {
    throw new UserError(t("distribute.old-version.unknown", { id: source.id, version: given, versions: inline(revisions.map((r) => r.revision)) }), t("distribute.old-version.unknown.hint"));
  }
  if (index === revisions.length - 1) throw new UserError(t("distribute.old-version.current", { id: source.id, version: given }));
  const revision = revisions[index]!;
  const next = revisions[index + 1]!;
  return { version: given, follows: { what: eventLabel("rule.date/event.revision-received", { revision: given }), date: revision.received }, until: { version: next.revision, date: editionInForceFrom(next) ?? next.received } };
}

/**
 * Where the copies of a target of csr distribute and csr recall are recorded: a document's in its own file
 * (`distribution`), a customer's source document's in the customer's file (`sources[i].distribution`), the
 * source viewed as an external document (sourceAsDocument) so that its copies are counted as a document's.
 */
interface CopyTarget {
  document: ControlledDocument;
  path: string;
  kind: "document" | "customer";
  /** The path of its `distribution` in the file. */
  at: (string | number)[];
  /** A customer's source document: the customer's code and the source as recorded. */
  source?: { customer: string; value: SourceDocument };
}

function documentTarget(located: Located<ControlledDocument>): CopyTarget {
  return { document: located.value, path: located.file.path, kind: "document", at: ["distribution"] };
}

/**
 * The customer's source document of id `id` (csr list external), undefined when no customer has one; refused
 * when two customers have one (a source id is unique within its customer only).
 */
function sourceTarget(session: EditSession, id: string): CopyTarget | undefined {
  const owners = session.repo.customers.flatMap((customer) => {
    const index = (customer.value.sources ?? []).findIndex((s) => s.id === id);
    return index < 0 ? [] : [{ customer, index }];
  });
  if (owners.length > 1) throw new UserError(t("distribute.source.ambiguous", { id, customers: inline(owners.map((o) => o.customer.value.code)) }));
  const owner = owners[0];
  if (!owner) return undefined;
  const source = owner.customer.value.sources![owner.index]!;
  return { document: sourceAsDocument(owner.customer.value, source), path: owner.customer.file.path, kind: "customer", at: ["sources", owner.index, "distribution"], source: { customer: owner.customer.value.code, value: source } };
}

/** The refusal of an id that is no document, CSR or customer's source document, naming the closest. */
function noTarget(session: EditSession, id: string): never {
  const sources = session.repo.customers.flatMap((c) => (c.value.sources ?? []).map((s) => s.id));
  throw new UserError(t("distribute.no-target", { id }) + didYouMean(id, [...session.index.documents.keys(), ...session.index.csrs.keys(), ...sources]));
}

/**
 * What copies of the current version follow (no copy is handed out before it): an external document's receipt
 * (csr new external), a customer's revision's receipt, else the current revision's release.
 */
function issueFollows(target: CopyTarget): Predecessor | undefined {
  const { document } = target;
  const received = document.kind === "external" ? document.external?.received : undefined;
  if (received && target.source) return { what: eventLabel("rule.date/event.revision-received", { revision: document.external!.revision! }), date: received };
  if (received) return { what: eventLabel("rule.date/event.doc-external-received"), date: received };
  const latest = currentRevision(document);
  return latest && revisionEvent(latest);
}

/**
 * The holder named after a unit of --to (`QA:zhangli`), checked as --holder is: a person (by id or
 * name) working on `date` who belongs to the unit or serves it as a delegate; one of another unit is
 * refused naming the unit to issue the copy to instead.
 */
function unitHolder(session: EditSession, id: string, unit: string, given: string, date: string, flags: DistributeFlags): Person {
  const person = personOption(session, given, "--to", date);
  if (servesUnit(person, unit, session.index.departments)) return person;
  throw new UserError(
    t("distribute.holder-elsewhere", { holder: personLabel(session.index, person.id), department: departmentLabel(session.index, person.department), to: departmentLabel(session.index, unit) }),
    t("distribute.holder-elsewhere.hint", { department: departmentLabel(session.index, person.department), command: `'csr distribute ${shellArgument(id)} --to ${person.department}:${shellArgument(person.id)}${givenOptions(flags)}'` }),
  );
}

/** `QA:zhangli PRD:<a person of 生产部>`: each unit of --to with its holder, or the placeholder for one. */
function unitPairs(session: EditSession, receivers: readonly { unit: string; holder?: string | undefined }[]): string {
  return receivers.map((r) => `${r.unit}:${r.holder === undefined ? t("distribute.holder.someone", { department: departmentLabel(session.index, r.unit) }) : shellArgument(r.holder)}`).join(" ");
}

/**
 * What earlier `csr distribute` runs without --commit wrote to the document's file, for the commit of
 * this one to take along and name (as csr review's --commit takes its round's earlier steps, tester20
 * F12): copies handed out, records of copies changed (a holder recorded); `along` holds the file when
 * the commit takes it as it is (those steps, or none: found clean under the lock, it is not asked about
 * again). No steps and no `along` without --commit, or when the file has an uncommitted change outside
 * its `distribution`, or a copy's entry removed: --commit then refuses the file as for every command.
 */
function earlierSteps(session: EditSession, target: CopyTarget, commit: boolean | undefined): { earlier?: string; along: string[] } {
  const { path } = target;
  const changed = commit ? uncommittedUnder<ControlledCopy[]>(session.root, path, target.at) : undefined;
  if (changed === "clean") return { along: [path] };
  if (!changed) return { along: [] };
  const [was, is] = [changed.was ?? [], changed.is ?? []];
  if (was.some((w) => !is.some((c) => c.copy === w.copy))) return { along: [] };
  const added = is.filter((c) => !was.some((w) => w.copy === c.copy));
  const altered = is.filter((c) => was.some((w) => w.copy === c.copy && !isDeepStrictEqual(w, c)));
  const steps = [
    ...(added.length > 0 ? [t("commit.distribute.earlier-copies", { copies: inline(added.map((c) => String(c.copy))) })] : []),
    ...(altered.length > 0 ? [t("commit.distribute.earlier-records", { copies: inline(altered.map((c) => String(c.copy))) })] : []),
  ];
  return { earlier: steps.length > 0 ? steps.join(t("set.commit-separator")) : t("commit.distribute.earlier-other"), along: [path] };
}

/**
 * The commands recording the holders of `copies` once they have signed (recordHolder): one per unit,
 * whose copies one person of it may hold: `'csr distribute QP-014 --copy 4 5 --holder <技术部的人员>'`.
 */
function holderCommands(session: EditSession, id: string, copies: readonly ControlledCopy[]): string[] {
  return [...new Set(copies.map((c) => c.to))].map(
    (unit) => `'csr distribute ${shellArgument(id)} --copy ${copies.filter((c) => c.to === unit).map((c) => c.copy).join(" ")} --holder ${t("distribute.holder.someone", { department: departmentLabel(session.index, unit) })}'`,
  );
}

/**
 * The copy numbers `--copy` gives the copies handed out with `--to` (the paper register's 发放号: 004 is copy 4), one per
 * copy in the order of --to, each unit's --copies together: kept as given, so that the copy stamped 004 is copy 4 in the
 * register (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3: a controlled copy is identified). Refused: a number that is no positive
 * whole number, a count other than the copies handed out, a number twice, or one a copy of the document has already
 * (numbers are unique within the document), naming the next free number.
 */
function givenCopyNumbers(document: ControlledDocument, id: string, given: string[], count: number, unitLabel: (unit: string) => string): number[] {
  const numbers = given.map((text) => {
    if (!/^\d{1,6}$/.test(text.trim()) || Number(text) < 1) throw new UserError(t("distribute.copy-number.bad", { value: text }));
    return Number(text);
  });
  if (numbers.length !== count) throw new UserError(t("distribute.copy-number.count", { given: numbers.length, count }));
  const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (twice !== undefined) throw new UserError(t("distribute.copy-number.twice", { copy: twice }));
  for (const n of numbers) {
    const used = (document.distribution ?? []).find((c) => c.copy === n);
    if (used) throw new UserError(t("distribute.copy-number.used", { id, copy: n, version: used.version, to: unitLabel(used.to), date: used.date, next: nextCopyNumber(document) }));
  }
  return numbers;
}

/**
 * `csr distribute <document> --copy N… --holder <person>` and/or `--location <place>`: what is recorded of copies
 * already handed out. The holder (领用人) signs for them after the issue (tester19 F6): a person of each copy's
 * unit or a delegate of it who had not left by the day the copy was issued, as --holder is checked when copies are
 * handed out (an unknown one is refused naming the person meant); a holder already recorded is replaced only with
 * --amend, and the summary names the one replaced. The place of use (使用场所, 压接工位 OP20) is where the copy is
 * put up, and moves with it: recorded or changed without --amend, the summary naming the place it had (git keeps
 * the file before; IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3: documents available at their points of use). A copy no
 * longer out (taken back, lost, destroyed, stamped 作废) is refused: what is recorded of a copy is recorded while it
 * is held. Naming what is already recorded changes nothing. The copies are printed as a distribution prints them
 * (copyLine).
 */
async function recordOnCopies(ctx: CommandContext, session: EditSession, target: CopyTarget, flags: DistributeFlags): Promise<number> {
  const { document } = target;
  const id = document.id;
  const given: [string, unknown][] = [
    ["--to", flags.to],
    ["--copies", flags.copies],
    ["--issued-by", flags.issuedBy],
    ["--date", flags.date],
    ["--old-version", flags.oldVersion],
  ];
  const other = given.find(([, value]) => value !== undefined);
  if (other) throw new UserError(t("distribute.copy.with", { flag: other[0] }), t("distribute.copy.with.hint", { id: shellArgument(id) }));
  const list = document.distribution ?? [];
  const chosen = [...new Set(listOption(flags.copy))].map((n) => copyOut(document, n, t("distribute.copy.not-out.hint")));
  if (chosen.length === 0) throw missingFlag("--copy", t("distribute.needs.copy"));
  const location = flags.location?.trim();
  if (flags.amend && flags.holder === undefined && location !== undefined) throw new UserError(t("distribute.copy.amend-location"));
  const first = chosen[0]!;
  // A place of use alone records no holder: the holder is asked only when nothing else is given.
  const holder =
    flags.holder === undefined && location !== undefined
      ? undefined
      : personOption(
          session,
          flags.holder ??
            (await need(session.ask, "--holder", t("distribute.needs.holder"), (p) =>
              p.select({ message: t("prompt.distribute.holder", { department: departmentLabel(session.index, first.to) }), choices: personChoices(session, first.to, { on: first.date, operators: true }) }),
            )),
          "--holder",
          // Signed for a copy issued that day: not someone who had left by then.
          chosen.map((c) => c.date).sort()[0],
        );
  const elsewhere = holder && chosen.find((c) => !servesUnit(holder, c.to, session.index.departments));
  if (holder && elsewhere) {
    throw new UserError(
      t("distribute.copy.holder-elsewhere", { holder: personLabel(session.index, holder.id), department: departmentLabel(session.index, holder.department), id, copy: elsewhere.copy, to: departmentLabel(session.index, elsewhere.to) }),
      t("distribute.copy.holder-elsewhere.hint", { to: departmentLabel(session.index, elsewhere.to) }),
    );
  }
  const held = holder ? chosen.filter((c) => c.holder !== undefined && c.holder !== holder.id) : [];
  if (held.length > 0 && !flags.amend) {
    throw new UserError(
      t("distribute.copy.held", { id, copies: inline(held.map((c) => t("distribute.copy.held.item", { copy: c.copy, holder: personLabel(session.index, c.holder!) }))) }),
      t("distribute.copy.held.hint"),
    );
  }
  const newHolder = holder ? chosen.filter((c) => c.holder !== holder.id) : [];
  const moved = location !== undefined ? chosen.filter((c) => c.location !== location) : [];
  if (newHolder.length === 0 && moved.length === 0) {
    const copies = copyList(session.index, chosen);
    const lines = [
      ...(holder ? [t("distribute.copy.unchanged", { id, count: chosen.length, copies, holder: personLabel(session.index, holder.id) })] : []),
      ...(location !== undefined ? [t("distribute.copy.location-unchanged", { id, count: chosen.length, copies, location })] : []),
    ];
    ctx.stdout(lines.join("\n") + "\n");
    return 0;
  }
  const change = editFile(session.root, target.path, target.kind, (doc) => {
    for (const copy of chosen) {
      const entry = doc.getIn([...target.at, list.indexOf(copy)], true);
      if (!isMap(entry)) throw new Error(`${target.path}: distribution entry ${copy.copy} is not a mapping`);
      if (newHolder.includes(copy)) setInMapOrder(doc, entry, COPY_KEYS, "holder", doc.createNode(holder!.id));
      if (moved.includes(copy)) setInMapOrder(doc, entry, COPY_KEYS, "location", doc.createNode(location));
    }
  });
  const changed = chosen.filter((c) => newHolder.includes(c) || moved.includes(c));
  const after = changed.map((c) => ({ ...c, ...(newHolder.includes(c) ? { holder: holder!.id } : {}), ...(moved.includes(c) ? { location: location! } : {}) }));
  const lines = [
    ...(newHolder.length > 0 ? [t("distribute.copy.holder-recorded", { id, count: newHolder.length, copies: copyList(session.index, newHolder), holder: personLabel(session.index, holder!.id) })] : []),
    // A copy put up at (or moved to) a workstation is printed as it was handed out, with its place.
    ...(moved.length > 0 ? [t("distribute.copy.location-recorded", { id, count: moved.length, copies: inline(moved.map((c) => String(c.copy))), location: location! }), ...after.map((c) => copyLine(session, c))] : []),
  ];
  if (held.length > 0) lines.push(t("distribute.copy.replaced", { copies: inline(held.map((c) => t("distribute.copy.held.item", { copy: c.copy, holder: personLabel(session.index, c.holder!) }))) }));
  const placed = moved.filter((c) => c.location !== undefined);
  if (placed.length > 0) lines.push(t("distribute.copy.moved", { copies: inline(placed.map((c) => t("distribute.copy.moved.item", { copy: c.copy, location: c.location! }))) }));
  const { earlier, along } = earlierSteps(session, target, flags.commit);
  const numbers = inline(changed.map((c) => String(c.copy)));
  const message =
    (newHolder.length > 0 ? t("commit.distribute-holder", { id, copies: numbers, holder: holder!.id }) + (moved.length > 0 ? t("commit.distribute-location.also", { location: location! }) : "") : t("commit.distribute-location", { id, copies: numbers, location: location! })) +
    (earlier ? t("commit.distribute.with-earlier", { steps: earlier }) : "");
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message, along });
  return 0;
}

/** A copy as csr distribute prints it: `  受控号 3  生产部，使用场所：压接工位 OP20，领用人：黄军（huangjun），备注：破损换发`. */
function copyLine(session: EditSession, copy: ControlledCopy): string {
  const unit = departmentLabel(session.index, copy.to);
  const to = copy.location ? t("distribute.location", { to: unit, location: copy.location }) : unit;
  return `  ${t("distribute.copy-number", { copy: copy.copy })}  ${copy.holder ? t("distribute.holder", { to, holder: personLabel(session.index, copy.holder) }) : to}${copy.remark ? t("distribute.remark", { remark: copy.remark }) : ""}`;
}

/**
 * Copy `n` of `document` as --copy names it (csr recall, csr distribute --copy): refused when the
 * document has no such copy, or when it is no longer out (taken back, lost, destroyed, stamped 作废),
 * with `hint` under the latter.
 */
function copyOut(document: ControlledDocument, n: string, hint?: string): ControlledCopy {
  const id = document.id;
  const list = document.distribution ?? [];
  const copy = list.find((c) => String(c.copy) === n);
  if (!copy) throw new UserError(t("recall.no-copy", { id, copy: n, copies: inline(list.map((c) => String(c.copy))) || t("recall.no-copies") }));
  const gone = copy.recalled
    ? t("recall.already", { id, copy: n, date: copy.recalled })
    : copy.lost
      ? t("recall.already-lost", { id, copy: n, date: copy.lost.date })
      : copy.destroyed
        ? t("recall.already-destroyed", { id, copy: n, date: copy.destroyed.date })
        : copy.retained
          ? t("recall.already-retained", { id, copy: n, date: copy.retained.date })
          : undefined;
  if (gone) throw new UserError(gone, hint);
  return copy;
}

/** The keys of a copy's entry in the order csr distribute, csr recall and csr hand-over write them. */
export const COPY_KEYS = ["copy", "version", "to", "holder", "location", "customer_consent", "issued_by", "date", "remark", "handovers", "recalled", "returned_by", "received_by", "lost", "destroyed", "retained"] as const;

/**
 * The holders (领用人) of the copies of a document classified as a state secret (秘密, 机密, 绝密) when
 * --holder is not given: such a copy is signed for by a named person (保守国家秘密法; GJB 9001C units
 * issue classified documents to named persons, tester16 F15). Asked at a terminal for each department
 * among the people working on `date` who serve it; without a terminal, refused with a command for each.
 */
async function namedHolders(
  session: EditSession,
  document: ControlledDocument,
  to: readonly string[],
  receivers: readonly { unit: string; holder?: string | undefined }[],
  date: string,
  flags: DistributeFlags,
): Promise<Map<string, string>> {
  const holders = new Map<string, string>();
  for (const dept of to) {
    const people = workingPeople(session, { on: date, operators: true }).filter((p) => servesUnit(p, dept, session.index.departments));
    if (!session.ask || people.length === 0) {
      const command =
        receivers.length === 1
          ? `'csr distribute ${shellArgument(document.id)} --to ${dept} --holder ${t("distribute.holder.someone", { department: departmentLabel(session.index, dept) })}${givenOptions(flags)}'`
          : `'csr distribute ${shellArgument(document.id)} --to ${unitPairs(session, receivers)}${givenOptions(flags)}'`;
      throw new UserError(
        t("distribute.classified-holder", { id: document.id, classification: classificationName(language(), documentClassification(session.repo, document)) }),
        t(receivers.length === 1 ? "distribute.classified-holder.hint" : "distribute.classified-holder.hint-departments", { commands: command }),
      );
    }
    holders.set(dept, await session.ask.select({ message: t("prompt.distribute.holder", { department: departmentLabel(session.index, dept) }), choices: personChoiceList(session.index, people) }));
  }
  return holders;
}

/**
 * The options given to this run that a refusal's suggested command repeats, so that running it records
 * the same issue: without the --date given it would record the copies as handed out today (auditor17 F8).
 */
function givenOptions(flags: DistributeFlags): string {
  const given: [string, string | undefined][] = [
    ["--copies", flags.copies],
    ["--issued-by", flags.issuedBy],
    ["--date", flags.date],
    ["--old-version", flags.oldVersion],
  ];
  return given.map(([flag, value]) => (value === undefined ? "" : ` ${flag} ${shellArgument(value)}`)).join("");
}

/** The departments a CSR is distributed to (receivingUnits): no holder, as no copy is numbered. */
async function receivingDepartments(session: EditSession, flags: DistributeFlags, id: string): Promise<string[]> {
  return (await receivingUnits(session, flags)).map(({ unit, holder }) => {
    if (holder !== undefined) throw new UserError(t("distribute.csr.copies", { id, flag: `--to ${unit}:${holder}` }));
    return unit;
  });
}

/**
 * The units of --to, asked for at a terminal when none is given; each by code or name, with the holder
 * named after it (`QA:zhangli`, `品质部：张丽`) if any. A controlled copy may also go to an outside party
 * (`parties`: the 军代表室 holds copies and returns them); a CSR is distributed to departments only.
 */
async function receivingUnits(session: EditSession, flags: DistributeFlags, parties = false): Promise<{ unit: string; holder?: string }[]> {
  const config = session.repo.config?.value;
  const departments = [...(config?.departments ?? []), ...(parties ? (config?.external_parties ?? []) : [])];
  const given = listOption(flags.to);
  // At a terminal, a checkbox of the departments (as csr person add's roles): nothing to mistype, and
  // nothing ends the command half-way; each holder is asked next (askedHolders).
  if (given.length === 0) {
    const ticked = await need(session.ask, "--to", t("distribute.needs.to"), (p) =>
      p.checkbox({ message: t("prompt.distribute.to-checkbox"), required: true, choices: codedChoices(departments.map((d) => ({ value: d.code, name: d.name, name_en: d.name_en }))) }),
    );
    return ticked.map((unit) => ({ unit }));
  }
  return given.map((item) => {
    const pair = /^([^:：]+)[:：](.*)$/.exec(item);
    if (pair && pair[2]!.trim() === "") throw new UserError(t("distribute.to-no-holder", { item }));
    const unit = departmentByCode(session, pair ? pair[1]! : item, "--to", { parties });
    return pair ? { unit, holder: pair[2]!.trim() } : { unit };
  });
}

/**
 * The holders (领用人) of the copies of `to`, asked at a terminal when the departments were chosen
 * there (tester50b #3): for each department a select of the people working on `date` who serve it,
 * as csr recall asks 交回人 per unit, the first choice leaving it empty (the holder signs later and is
 * recorded with --copy … --holder). A unit with nobody to choose is not asked.
 */
async function askedHolders(session: EditSession, to: readonly string[], date: string): Promise<Map<string, string>> {
  const holders = new Map<string, string>();
  if (!session.ask) return holders;
  for (const unit of to) {
    const people = workingPeople(session, { on: date, operators: true }).filter((p) => servesUnit(p, unit, session.index.departments));
    if (people.length === 0) continue;
    const department = departmentLabel(session.index, unit);
    const chosen = await session.ask.select({
      message: t("prompt.distribute.holder-optional", { department }),
      choices: [{ value: "", name: t("prompt.distribute.holder-later") }, ...personChoiceList(session.index, people)],
    });
    if (chosen !== "") holders.set(unit, chosen);
  }
  return holders;
}

/**
 * Who hands copies out or takes them back (发放人, 回收人), as `work` says: the person `given` names
 * (by id or name, working on `date`), else the one document controller (people.yaml role
 * document-controller) working that day, else the one chosen at a terminal among the people working
 * that day (workingPeople, as every prompt for a person offers them), document controllers first.
 * Without a terminal and with several document controllers, an error naming `flag` and them (which one
 * did it is a fact to be given); with none, nobody: the field is left out, the register's cell stays
 * empty, and the summary says so and how to record it next time (copy-clerk.blank.*). A person of the 军代表室 is
 * refused: document control is the organisation's own work (GJB 9001C 7.5.3). `controller` says that
 * nobody named or chose the clerk, so the summary says why that person was recorded.
 * The copies of a `classified` document (秘密, 机密, 绝密) are carriers of state secrets, which go out
 * through the document controller, as the unit's 保密 rules and GJB 9001C 7.5.3 have them, not through
 * whoever is at hand (auditor17 F11): its issuer is a document controller working that day, and without
 * one the issue is refused rather than recorded without a 发放人.
 */
async function copyClerk(
  session: EditSession,
  given: string | undefined,
  flag: string,
  date: string,
  work: "issuer" | "receiver",
  classified?: ControlledDocument,
): Promise<{ id: string; controller: boolean } | undefined> {
  const working = workingPeople(session, { on: date, organisation: true });
  const controllers = working.filter(isDocumentController);
  if (given !== undefined) {
    const person = personOption(session, given, flag, date);
    refuseMilitaryWork(session.index, person, flag, work);
    if (classified && !isDocumentController(person)) throw classifiedIssuer(session, classified, controllers, person);
    return { id: person.id, controller: false };
  }
  if (controllers.length === 1) return { id: controllers[0]!.id, controller: true };
  if (classified && controllers.length === 0) throw classifiedIssuer(session, classified, controllers);
  if (!session.ask) {
    // Nobody to record: the register's cell stays empty, and the summary says so.
    if (controllers.length === 0) return undefined;
    // Several could have: which one did is a fact to be given, as any other missing value.
    throw new UserError(
      t(`copy-clerk.several.${work}`, { flag, people: inline(controllers.map((p) => personLabel(session.index, p.id))) }),
      controllers.some((p) => INIT_PLACEHOLDERS.has(p.id)) ? t("copy-clerk.several.hint", { flag }) : t("copy-clerk.several.hint-choose", { flag, id: shellArgument(controllers[0]!.id) }),
    );
  }
  const ordered = classified ? controllers : [...controllers, ...working.filter((p) => !controllers.includes(p))];
  const id = await session.ask.select({ message: t(`prompt.copy-clerk.${work}`), choices: personChoiceList(session.index, ordered) });
  return { id, controller: false };
}

/** The placeholder people `csr init` writes (either standard): only they are worth the hint to remove them. */
const INIT_PLACEHOLDERS = new Set(PLACEHOLDER_PEOPLE(["GJB9001C"]));

const isDocumentController = (person: Person) => (person.roles ?? []).includes("document-controller");

/** The refusal of an issuer of copies of a classified document who is not a document controller (`person`), or of an issue with none at work (auditor17 F11). */
function classifiedIssuer(session: EditSession, document: ControlledDocument, controllers: readonly Person[], person?: Person): UserError {
  const data = { id: document.id, classification: classificationName(language(), documentClassification(session.repo, document)) };
  const hint =
    controllers.length > 0
      ? t("distribute.classified-issuer.hint", { controllers: inline(controllers.map((p) => personLabel(session.index, p.id))), person: person ? shellArgument(person.id) : "<id>" })
      : t("distribute.classified-issuer.hint-none");
  return person
    ? new UserError(t("distribute.classified-issuer", { ...data, person: personLabel(session.index, person.id) }), hint)
    : new UserError(t("distribute.classified-issuer.none", data), hint);
}

/**
 * A decided CSR is distributed to the departments concerned (the CSR procedure's distribution
 * step; IATF 16949 7.5.3.2.2: distributed on the customer's schedule), recorded on the CSR as one
 * entry of `distribution` per day: `{departments, date, by?, source_revision}`, oldest first, which
 * the review report prints as 发放部门. Departments given again on a day already recorded for the same
 * source revision join that entry; another day, or a new source revision, is a new entry (发放 again).
 * A file still holding the one-object form `{departments, date}` is rewritten as a list, that object
 * its first entry. No copies are numbered: the CSR is not a controlled document of its own.
 * Errors (UserError, one line): --copies or --holder; a superseded or undecided CSR; an unknown
 * department; --by naming someone unknown or gone by that day.
 */
async function distributeCsr(ctx: CommandContext, session: EditSession, id: string, flags: DistributeFlags): Promise<number> {
  const { value: csr, file } = findCsrById(session, id);
  const copyFlag = flags.copies !== undefined ? "--copies" : flags.holder !== undefined ? "--holder" : flags.issuedBy !== undefined ? "--issued-by" : flags.copy !== undefined ? "--copy" : flags.amend ? "--amend" : flags.electronic ? "--electronic" : flags.system !== undefined ? "--system" : flags.location !== undefined ? "--location" : undefined;
  if (copyFlag) throw new UserError(t("distribute.csr.copies", { id, flag: copyFlag }));
  if (csr.superseded) throw new UserError(t("distribute.csr.superseded", { id, date: csr.superseded.date }));
  if (!csr.review?.decision) throw new UserError(t("distribute.csr.undecided", { id }), t("distribute.csr.undecided.hint", { id }));
  const to = [...new Set(await receivingDepartments(session, flags, id))];
  const date = eventDateOption(flags.date, "--date", { today: dateOption(flags.today, "--today"), follows: { what: eventLabel("rule.date/event.csr-received"), of: id, date: csr.received } });
  const by = flags.by === undefined ? undefined : personOption(session, flags.by, "--by", date).id;
  const revision = csr.source.revision;
  const names = (codes: readonly string[]) => inline(codes.map((d) => departmentLabel(session.index, d)));
  const entries = csrDistributions(csr);
  // The entry of the same day and source revision (an entry migrated from the one-object form has none: it is taken as the current one's).
  const sameDay = entries.findIndex((e) => e.date === date && (e.source_revision ?? revision) === revision && (by === undefined || e.by === undefined || e.by === by));
  const earlier = sameDay >= 0 ? entries[sameDay]!.departments : [];
  const added = to.filter((d) => !earlier.includes(d));
  if (added.length === 0) {
    ctx.stdout(t("distribute.csr.already", { id, departments: names(to), date }) + "\n");
    return 0;
  }
  const entry = { departments: [...earlier, ...added], date, ...(by ?? entries[sameDay]?.by ? { by: by ?? entries[sameDay]!.by } : {}), source_revision: revision };
  const change = editFile(session.root, file.path, "csr", (doc) => {
    if (!Array.isArray(csr.distribution)) {
      // The one-object form becomes a list, that object its first entry.
      const list: object[] = entries.map((e, i) => (i === sameDay ? entry : { departments: e.departments, ...(e.date ? { date: e.date } : {}) }));
      if (sameDay < 0) list.push(entry);
      doc.setIn(["distribution"], doc.createNode(list.map((e) => doc.createNode(e, { flow: true }))));
    } else if (sameDay >= 0) doc.setIn(["distribution", sameDay], doc.createNode(entry, { flow: true }));
    else appendIn(doc, ["distribution"], doc.createNode(entry, { flow: true }));
  });
  const lines = [t("distribute.csr.recorded", { id, departments: names(added), date })];
  if (by) lines.push(t("person.distributed-by-line", { by: personLabel(session.index, by) }));
  if (added.length < entry.departments.length) lines.push(t("distribute.csr.all", { departments: names(entry.departments) }));
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("distribute.csr.commit", { id, departments: names(added) }) });
  return 0;
}

export interface RecallFlags {
  copy?: string[];
  date?: string;
  /** Who handed the copies back; with --lost, --destroyed or --retained, who confirmed it or stamped the copy. */
  by?: string;
  /** Who took the copies back (回收人); see copyClerk. */
  receivedBy?: string;
  lost?: boolean;
  destroyed?: boolean;
  /** The copies stay with their holders, stamped 作废 (作废留用). */
  retained?: boolean;
  /** What happened to a lost or destroyed copy; why and where a retained one is kept. */
  remark?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function recallCommand(ctx: CommandContext, id: string, flags: RecallFlags): Promise<number> {
  return recall(ctx, id, flags);
}

/**
 * Without --copy: every copy that is due back on the recall date (copiesDue: of an earlier version,
 * or of a withdrawn document; not yet those of the version still in use while its successor is 待实施),
 * recorded with who handed it back (--by, 交回人; else returnedBy) and who took it back (--received-by, 回收人).
 * `--lost` / `--destroyed` record copies that will not come back (遗失, 销毁) with who confirmed it
 * and what happened; `--retained`, a copy no longer in force that stays with its holder stamped 作废
 * for reference (作废留用; GJB 9001C 7.5.3, IATF 16949 7.5.3.2: obsolete documents kept are marked),
 * with who stamped it and why it is kept; a copy still in use on the recall date (copiesInUse) is
 * refused. None of them is due for recall any more, and the register does not show them as
 * returned. Those name their copies (--copy, or chosen at a terminal): a loss or a retention is
 * never assumed of every copy due.
 */
export async function recall(ctx: CommandContext, id: string, flags: RecallFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const known = session.index.documents.has(id) || session.repo.unvalidated.documents.has(id);
    const target = (!known && sourceTarget(session, id)) || documentTarget(findDocumentById(session, id));
    const { document } = target;
    if ([flags.lost, flags.destroyed, flags.retained].filter(Boolean).length > 1) throw new UserError(t("recall.one-disposition"));
    const gone: "lost" | "destroyed" | "retained" | undefined = flags.lost ? "lost" : flags.destroyed ? "destroyed" : flags.retained ? "retained" : undefined;
    if (!gone && flags.remark !== undefined) throw new UserError(t("recall.remark-without-loss"));
    if (gone && flags.receivedBy !== undefined) throw new UserError(t("recall.received-by-not-back", { flag: `--${gone}` }));
    const list = document.distribution ?? [];
    const date = eventDateOption(flags.date, "--date");
    const named = listOption(flags.copy);
    // On the recall date: while a new version is 待实施, the copies of the one it replaces are still in use, not due back.
    const inUse = copiesInUse(document, date);
    let chosen = gone ? [] : copiesDue(document, date);
    if (named.length > 0) {
      chosen = named.map((n) => {
        const copy = copyOut(document, n);
        // Only what is no longer in use is stamped 作废: a copy in use on the recall date is taken back or stays in use.
        if (gone === "retained" && inUse.includes(copy)) throw retainedInUse(document, copy, date);
        return copy;
      });
    } else if (session.ask && chosen.length === 0) {
      const out = list.filter((c) => stillControlled(c) && !(gone === "retained" && inUse.includes(c)));
      if (out.length === 0) throw new UserError(t("recall.none-out", { id }));
      const pick = await session.ask.select({ message: t("prompt.recall.copy"), choices: copyChoices(session, out) });
      chosen = out.filter((c) => String(c.copy) === pick);
    } else if (gone) {
      throw missingFlag("--copy", t("recall.needs.copy"));
    }
    if (chosen.length === 0) {
      // Copies of the version a pending one replaces are due back from its 实施日期, not before (tester18 F7).
      const transition = pendingTransition(document, date);
      if (transition?.inForce !== undefined && list.some((c) => stillControlled(c) && c.version === transition.inForce)) {
        throw new UserError(t("recall.none-due-yet", { id, pending: transition.pending, until: transition.until, inForce: transition.inForce }), t("recall.none-due-yet.hint", { id, until: transition.until }));
      }
      throw new UserError(t("recall.none-due", { id }), t("recall.none-due.hint"));
    }
    for (const copy of chosen) refuseBefore(date, "--date", { what: eventLabel("rule.date/event.doc-copy-handed-out", { copy: copy.copy, version: copy.version }), of: id, date: copy.date });
    const kept = gone === "retained";
    const given = gone
      ? (flags.by ?? (await need(session.ask, "--by", t(kept ? "recall.needs.by-retained" : "recall.needs.by"), (p) => p.select({ message: t(kept ? "prompt.recall.by-retained" : "prompt.recall.by"), choices: personChoices(session, chosen[0]!.to, { on: date, operators: true }) }))))
      : flags.by;
    // Who confirms a loss or a destruction does work that day; a copy may come back after its holder left.
    const byPerson = given === undefined ? undefined : personOption(session, given, "--by", gone ? date : undefined);
    // A copy is handed back by the unit that holds it (a member or a delegate), as csr distribute hands
    // it out only to one (GJB 9001C 7.5.3); a copy kept for reference is stamped 作废 there, by the unit or
    // the document controller; who confirms a loss or a destruction is the controller's.
    const serves = (person: Person, copy: (typeof chosen)[number]) =>
      servesUnit(person, copy.to, session.index.departments) || (kept && (person.roles ?? []).includes("document-controller"));
    const elsewhere = (!gone || kept) && byPerson ? chosen.find((c) => !serves(byPerson, c)) : undefined;
    if (byPerson && elsewhere) {
      const key = kept ? "recall.by-elsewhere-retained" : "recall.by-elsewhere";
      throw new UserError(
        t(key, { by: personLabel(session.index, byPerson.id), department: departmentLabel(session.index, byPerson.department), id, copy: elsewhere.copy, unit: departmentLabel(session.index, elsewhere.to) }),
        t(`${key}.hint`),
      );
    }
    const by = byPerson?.id;
    const returned = gone ? undefined : byPerson ? new Map(chosen.map((c) => [c, byPerson.id])) : await returnedBy(session, id, chosen, date, flags);
    const clerk = gone ? undefined : await copyClerk(session, flags.receivedBy, "--received-by", date, "receiver");
    const receivedBy = clerk?.id;
    const needsRemark = t(kept ? "recall.needs.remark-retained" : "recall.needs.remark");
    const remark = gone ? (flags.remark ?? (await need(session.ask, "--remark", needsRemark, (p) => p.input({ message: t(kept ? "prompt.recall.remark-retained" : "prompt.recall.remark"), required: true })))).trim() : undefined;
    if (gone && !remark) throw missingFlag("--remark", needsRemark);
    const change = editFile(session.root, target.path, target.kind, (doc) => {
      for (const copy of chosen) {
        const at = [...target.at, list.indexOf(copy)];
        if (gone) doc.setIn([...at, gone], doc.createNode({ date, by, remark }, { flow: true }));
        else {
          doc.setIn([...at, "recalled"], date);
          doc.setIn([...at, "returned_by"], returned!.get(copy));
          if (receivedBy) doc.setIn([...at, "received_by"], receivedBy);
        }
      }
    });
    // What is still due back on the recall date, as the register of that day counts it.
    const left = copiesDue(document, date).filter((c) => !chosen.includes(c));
    const lines = gone
      ? [t(`recall.recorded-${gone}`, { id, count: chosen.length, date, copies: copyList(session.index, chosen), by: personLabel(session.index, by!), remark: remark! })]
      : [
          t("recall.taken-back", { id, count: chosen.length, date, copies: copyList(session.index, chosen) }) +
            returnedByText(session, chosen, returned!) +
            (clerk ? t(clerk.controller ? "recall.received-by-controller" : "recall.received-by", { by: personLabel(session.index, clerk.id) }) : ""),
          ...(clerk ? [] : [t("copy-clerk.blank.receiver")]),
        ];
    if (!gone) lines.push(...lateReturns(session, document, chosen, date));
    // The copies of the version still in force while its successor is 待实施 come back once it takes effect: not "all back" (tester56 D15).
    const transition = pendingTransition(document, date);
    const later = transition ? copiesToRecall(document).filter((c) => c.version === transition.inForce && !chosen.includes(c)) : [];
    if (left.length > 0) lines.push(t("recall.still-to-recall", { copies: copyList(session.index, left) }));
    if (later.length > 0) lines.push(t("recall.due-when-effective", { copies: copyList(session.index, later), pending: transition!.pending, until: transition!.until }));
    if (left.length === 0 && later.length === 0) lines.push(t("recall.all-back"));
    const copies = inline(chosen.map((c) => String(c.copy)));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: gone ? t(`recall.commit-${gone}`, { id, copies }) : t("commit.recall", { id, copies }) });
    const unserved = withoutCopy(session, document, chosen, date, gone);
    if (unserved) ctx.stderr(t("recall.no-copy-in-force", unserved) + "\n");
    const bare = bareBeforeSuccessor(document, chosen, date);
    if (bare) {
      const data = { id: withEdition(id, bare.inForce), pending: bare.pending, until: bare.until };
      ctx.stderr(
        (bare.everywhere ? t("recall.in-force-gone", data) : t("recall.in-force-gone-units", { ...data, units: inline(bare.units.map((u) => departmentLabel(session.index, u))) })) + "\n",
      );
    }
    return 0;
  });
}

/**
 * Copies as a recall offers them: number, version and unit in columns padded by display width
 * (受控号 3 under 受控号 12), the holder after the unit where one is recorded.
 */
function copyChoices(session: EditSession, copies: readonly ControlledCopy[]): Choice[] {
  const numbers = copies.map((c) => t("distribute.copy-number", { copy: c.copy }));
  const units = copies.map((c) => departmentLabel(session.index, c.to));
  const [numberWidth, versionWidth, unitWidth] = [numbers, copies.map((c) => c.version), units].map((column) => Math.max(0, ...column.map(displayWidth)));
  return copies.map((c, i) => {
    const unit = c.holder ? `${padEnd(units[i]!, unitWidth!)}  ${personLabel(session.index, c.holder)}` : units[i]!;
    return { value: String(c.copy), name: `${padEnd(numbers[i]!, numberWidth!)}  ${padEnd(c.version, versionWidth!)}  ${unit}`.trimEnd(), short: numbers[i]! };
  });
}

/**
 * What a recall on `date` says of copies taken back after their 应回收日期 (recalledLate), one line per
 * day they were due by: the register's remark says the same (tester19 F4).
 */
function lateReturns(session: EditSession, document: ControlledDocument, chosen: readonly ControlledCopy[], date: string): string[] {
  const config = session.repo.config?.value;
  const calendar = repositoryCalendar(config);
  const rows = session.repo.symbols.map((s) => s.value);
  const late = chosen.flatMap((copy) => {
    const found = recalledLate(document, { ...copy, recalled: date }, calendar, config, rows);
    return found ? [{ copy, ...found }] : [];
  });
  return [...new Set(late.map((l) => l.due))].map((due) => {
    const copies = late.filter((l) => l.due === due);
    return t("recall.late", { copies: copyList(session.index, copies.map((l) => l.copy)), due, count: copies[0]!.days });
  });
}

/**
 * Who handed the copies back (交回人) without --by: asked at a terminal for each unit holding some of
 * them, among the people working on `date` who serve it (members and delegates, as --by is checked),
 * the copies' holders first; without a terminal, refused, with a command for each unit to run instead.
 * Who brought a copy back is a fact of the record (文件发放/回收记录), never assumed (tester16 F21).
 */
async function returnedBy(session: EditSession, id: string, chosen: readonly ControlledCopy[], date: string, flags: RecallFlags): Promise<Map<ControlledCopy, string>> {
  const units = [...new Set(chosen.map((c) => c.to))].map((unit) => ({ unit, copies: chosen.filter((c) => c.to === unit) }));
  const returned = new Map<ControlledCopy, string>();
  for (const { unit, copies } of units) {
    const holders = new Set(copies.map((c) => c.holder));
    const people = workingPeople(session, { on: date, operators: true })
      .filter((p) => servesUnit(p, unit, session.index.departments))
      .sort((a, b) => Number(!holders.has(a.id)) - Number(!holders.has(b.id)));
    if (!session.ask || people.length === 0) throw returnedByMissing(session, id, units, flags);
    const who = await session.ask.select({
      message: t("prompt.recall.returned-by", { unit: departmentLabel(session.index, unit), copies: inline(copies.map((c) => String(c.copy))) }),
      choices: personChoiceList(session.index, people),
    });
    for (const copy of copies) returned.set(copy, who);
  }
  return returned;
}

/** The refusal of a recall without --by: the copies and, for each unit holding some, the command with its --copy and --by (the holder, when all its copies have the same one). */
function returnedByMissing(session: EditSession, id: string, units: readonly { unit: string; copies: readonly ControlledCopy[] }[], flags: RecallFlags): UserError {
  const commands = units.map(({ unit, copies }) => {
    const holders = [...new Set(copies.map((c) => c.holder))];
    const by = holders.length === 1 && holders[0] !== undefined ? holders[0] : t("recall.returned-by.someone", { unit: departmentLabel(session.index, unit) });
    return `'csr recall ${shellArgument(id)} --copy ${copies.map((c) => c.copy).join(" ")} --by ${by}${flags.date === undefined ? "" : ` --date ${flags.date}`}'`;
  });
  return new UserError(
    t("recall.needs.returned-by", { copies: copyList(session.index, units.flatMap((u) => u.copies)) }),
    t(units.length === 1 ? "recall.needs.returned-by.hint" : "recall.needs.returned-by.hint-units", { commands: inline(commands) }),
  );
}

/** The summary's 交回人: the one person, else who handed back which copies. */
function returnedByText(session: EditSession, chosen: readonly ControlledCopy[], returned: ReadonlyMap<ControlledCopy, string>): string {
  const people = [...new Set(chosen.map((c) => returned.get(c)!))];
  if (people.length === 1) return t("recall.returned-by", { by: personLabel(session.index, people[0]!) });
  const each = people.map((by) => t("recall.returned-by.item", { by: personLabel(session.index, by), copies: inline(chosen.filter((c) => returned.get(c) === by).map((c) => String(c.copy))) }));
  return t("recall.returned-by-several", { list: each.join(t("register.remarks-separator")) });
}

/**
 * The transition (pendingTransition) on the recall date when these copies of the version still in
 * force before its successor takes effect leave units (departments, outside parties) that held one
 * without any: those places of use have no valid copy until then (IATF 16949 7.5.3.2.1, GJB 9001C
 * 7.5.3). Each unit counts, as each workstation is what an auditor samples (auditor17 F13);
 * `everywhere` when no copy of that version is left out at all. A recall records copies already
 * taken back, so it is warned about, not refused: the record must say what happened.
 */
function bareBeforeSuccessor(
  document: ControlledDocument,
  chosen: readonly ControlledCopy[],
  date: string,
): { inForce: string; pending: string; until: string; units: string[]; everywhere: boolean } | undefined {
  const transition = pendingTransition(document, date);
  const inForce = transition?.inForce;
  if (!transition || inForce === undefined) return undefined;
  const left = (document.distribution ?? []).filter((c) => stillControlled(c) && c.version === inForce && !chosen.includes(c));
  const units = [...new Set(chosen.filter((c) => c.version === inForce).map((c) => c.to))].filter((unit) => !left.some((c) => c.to === unit));
  return units.length > 0 ? { ...transition, inForce, units, everywhere: left.length === 0 } : undefined;
}

/**
 * The units these copies leave without a copy of the version in force on the recall date
 * (unitsWithoutCopy, as doc/no-copy-in-force finds them), among those the copies came from, with the
 * message's data; undefined when none (tester19 F5). A recall records copies already taken back, so
 * it is warned about, not refused.
 */
function withoutCopy(session: EditSession, document: ControlledDocument, chosen: readonly ControlledCopy[], date: string, gone: "lost" | "destroyed" | "retained" | undefined) {
  const ended = (copy: ControlledCopy): ControlledCopy => ({ ...copy, ...(gone ? { [gone]: { date, by: "", remark: "" } } : { recalled: date }) });
  const bare = unitsWithoutCopy({ ...document, distribution: (document.distribution ?? []).map((c) => (chosen.includes(c) ? ended(c) : c)) }, date);
  const units = bare?.units.filter((unit) => chosen.some((c) => c.to === unit)) ?? [];
  if (!bare || units.length === 0) return undefined;
  return { count: units.length, units: inline(units.map((u) => departmentLabel(session.index, u))), document: document.id, arg: shellArgument(document.id), version: bare.version, codes: units.join(" ") };
}

/**
 * The refusal of --retained for a copy in use on `date` (copiesInUse): of the current version, or of
 * the version it replaces while the current one is 待实施, which is in use until the current one takes
 * effect and may be stamped 作废 from that day.
 */
function retainedInUse(document: ControlledDocument, copy: ControlledCopy, date: string): UserError {
  const transition = pendingTransition(document, date);
  const data = { id: document.id, copy: copy.copy, version: copy.version };
  if (transition && copy.version === transition.inForce) {
    return new UserError(t("recall.retained-in-use-until", { ...data, pending: transition.pending, until: transition.until }), t("recall.retained-in-use-until.hint", { pending: transition.pending, until: transition.until }));
  }
  return new UserError(t("recall.retained-in-force", data));
}

/** What to do instead: release a draft; an obsolete document is not released again, its successor is distributed. */
function notReleasedHint(document: ControlledDocument): string {
  if (document.status !== "obsolete") return t("distribute.not-released.hint", { id: document.id });
  const successor = document.obsolete?.superseded_by;
  return successor ? t("distribute.obsolete.hint", { successor }) : t("distribute.obsolete.hint.no-successor");
}
