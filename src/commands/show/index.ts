/** `csr show <id>`: everything about one CSR, with what is derived from it on a given day. */
import { visible } from "../../core/text.js";
import { findRoot } from "../../load/discover.js";
import { loadRepository, type Repository } from "../../load/repository.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { estimatedDeadlineNote } from "../../model/calendar.js";
import { clauseTitle, parseClauseRef } from "../../model/catalog.js";
import { csrFacts, csrStatusLabel, requiredDepartments, reviewDue, reviewRecordText, staleSource, type CsrFacts } from "../../model/csr-status.js";
import { changedEnds } from "../../model/fingerprint.js";
import { buildIndex, currentRevision, type RepoIndex } from "../../model/index.js";
import { documentSections, findSection } from "../../model/sections.js";
import type { Csr, Decision, Opinion } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption } from "../options.js";
import { findCsr } from "./lookup.js";

export interface ShowFlags {
  format?: string;
  today?: string;
}

export async function showCommand(ctx: CommandContext, id: string, flags: ShowFlags): Promise<number> {
  const format = choiceOption(flags.format, "--format", ["text", "json"] as const, "text");
  const today = dateOption(flags.today, "--today");
  const repo = loadRepository(findRoot(ctx.dir));
  const { value: csr, file } = findCsr(repo, id);
  const index = buildIndex(repo);
  const config = repo.config?.value;
  const calendar = repositoryCalendar(config);
  const facts = csrFacts(csr, { config, calendar, documentStatus: (d) => index.documents.get(d)?.value.status, today });
  const addressed = (csr.addressed ?? []).map((a) => {
    const doc = index.documents.get(a.document)?.value;
    const found = doc && a.section !== undefined ? findSection(documentSections(doc), a.section).found : undefined;
    const section = a.section === undefined ? {} : { sectionNumber: found?.number ?? null, sectionTitle: found?.title ?? null };
    const changed = doc && !csr.superseded ? changedEnds(csr, a, doc) : undefined;
    const suspect = changed && (changed.section || changed.csr) ? changed : null;
    return { ...a, ...section, title: doc?.title ?? null, status: doc?.status ?? null, version: doc ? (currentRevision(doc)?.version ?? null) : null, suspect };
  });
  if (format === "json") {
    const { due, daysLeft, missing, reviewStart, status } = facts;
    ctx.stdout(JSON.stringify({ file: file.path, csr, status, reviewStart, reviewDue: due ?? null, workdaysLeft: daysLeft ?? null, missingOpinions: missing, addressed }, null, 2) + "\n");
    return 0;
  }
  const due = reviewDue(csr, calendar, config);
  // Values from the file are shown with their control characters escaped: show never steers the terminal.
  ctx.stdout(visible(describe(repo, index, csr, facts, addressed, due, file.path)));
  const note = csr.superseded ? undefined : estimatedDeadlineNote(calendar, facts.reviewStart, due);
  if (note) ctx.stderr(note);
  return 0;
}

const LABEL_WIDTH = 16;

interface AddressedView {
  document: string;
  section?: string;
  sectionNumber?: string | null;
  sectionTitle?: string | null;
  title: string | null;
  status: string | null;
  version: string | null;
  /** Which end of a pinned link changed since it was confirmed (csr/suspect-link); null when none did. */
  suspect: { section: boolean; csr: boolean } | null;
}

function describe(repo: Repository, index: RepoIndex, csr: Csr, facts: CsrFacts, addressed: AddressedView[], due: string, path: string): string {
  const out: string[] = [`${csr.id}  ${csr.title}`, ""];
  const field = (label: string, ...values: string[]) => values.forEach((v, i) => out.push(`  ${(i === 0 ? label : "").padEnd(LABEL_WIDTH)}${v}`));
  const person = (id: string) => {
    const p = index.people.get(id)?.value;
    return p ? `${id} ${p.name}` : id;
  };
  const customer = index.customers.get(csr.customer)?.value;
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  const stale = staleSource(csr, customer);

  field("File", path);
  field("Customer", customer ? `${customer.code} ${customer.name}` : csr.customer);
  field(
    "Source",
    `${csr.source.document}${source ? ` ${source.title}` : ""}, revision ${csr.source.revision}${stale ? ` (superseded by ${stale.latest.revision})` : ""}${csr.source.section ? `, section ${csr.source.section}` : ""}`,
  );
  field("Clauses", ...csr.clauses.map((c) => clauseLine(repo, c)));
  if (csr.category) field("Category", csr.category);
  if (csr.text) field("Requirement", ...csr.text.trimEnd().split("\n"));
  field("Received", csr.review?.restarted ? `${csr.received}; review restarted ${csr.review.restarted}` : csr.received);
  field("Status", `${facts.status} (${csrStatusLabel(facts.status, "zh-CN")})`);
  field("Review due", reviewLine(csr, facts, due));
  field("Required", requiredDepartments(csr, repo.config?.value).join(", ") || "(none configured)");
  const opinions = (csr.review?.opinions ?? []).map((o) => opinionLine(o, person));
  const record = csr.review?.record;
  field("Opinions", ...(opinions.length > 0 ? opinions : [record ? "(on the review record)" : "(none yet)"]));
  if (record) field("Review record", reviewRecordText(record));
  else if (facts.missing.length > 0) field("Missing", facts.missing.join(", "));
  field("Decision", csr.review?.decision ? decisionLine(csr.review.decision, person) : "(not decided)");
  field(
    "Addressed in",
    ...(addressed.length > 0
      ? addressed.map((a) => `${a.document} ${a.title ?? "(unknown document)"}${a.version ? ` ${a.version}` : ""}${a.status ? ` (${a.status})` : ""}${a.section ? `, section ${a.sectionNumber ? `${a.sectionNumber} ${a.sectionTitle}` : a.section}` : ""}${suspectMark(a.suspect)}`)
      : ["(no document yet)"]),
  );
  const impl = csr.implementation;
  if (impl) {
    const parts = [impl.status ?? "planned", impl.owner ? `owner ${person(impl.owner)}` : "", impl.due ? `due ${impl.due}` : "", impl.implemented ? `implemented ${impl.implemented}` : "", impl.verified ? `verified by ${person(impl.verified.by)}${impl.verified.date ? ` ${impl.verified.date}` : ""}` : ""];
    field("Implementation", parts.filter(Boolean).join(", "));
    if (impl.evidence) field("Evidence", impl.evidence);
  }
  if (csr.distribution) field("Distributed", `${(csr.distribution.departments ?? []).join(", ")}${csr.distribution.date ? ` on ${csr.distribution.date}` : ""}`);
  if (csr.training) field("Training", csr.training.required ? `required${csr.training.records?.length ? `; records ${csr.training.records.join(", ")}` : ""}` : "not required");
  if (csr.superseded) field("Superseded", `${csr.superseded.date}: ${csr.superseded.reason}${csr.superseded.by ? ` (by ${csr.superseded.by})` : ""}`);
  const history = (csr.review?.history ?? []).flatMap((round) => [
    [round.reason ?? "earlier round", round.source_revision ? `revision ${round.source_revision}` : "", round.closed ? `closed ${round.closed}` : ""].filter(Boolean).join(", "),
    ...(round.opinions ?? []).map((o) => `  ${opinionLine(o, person)}`),
    ...(round.decision ? [`  decision ${decisionLine(round.decision, person)}`] : []),
  ]);
  if (history.length > 0) field("History", ...history);
  return out.join("\n") + "\n";
}

/** The mark of a suspect link (csr/suspect-link): which end changed since it was confirmed. */
function suspectMark(suspect: AddressedView["suspect"]): string {
  if (!suspect) return "";
  const ends = [suspect.section ? "section" : "", suspect.csr ? "requirement" : ""].filter(Boolean).join(" and ");
  return `  ! suspect: ${ends} changed since confirmed`;
}

function clauseLine(repo: Repository, text: string): string {
  const ref = parseClauseRef(text);
  const clause = ref && repo.catalogs.get(ref.standard)?.clauses.get(ref.clause);
  const title = clause ? clauseTitle(clause, "zh-CN") : "";
  return title ? `${text} ${title}` : text;
}

function reviewLine(csr: Csr, facts: CsrFacts, due: string): string {
  if (csr.superseded) return "(superseded)";
  if (csr.review?.decision) return `${due}; decided ${csr.review.decision.date}`;
  const left = facts.daysLeft!;
  if (left < 0) return `${due}, overdue by ${-left} working day(s)`;
  return left === 0 ? `${due}, due today` : `${due}, ${left} working day(s) left`;
}

function opinionLine(o: Opinion, person: (id: string) => string): string {
  return `${o.department} ${o.opinion}, ${person(o.reviewer)}, ${o.date}${o.comment ? `: ${o.comment}` : ""}`;
}

function decisionLine(d: Decision, person: (id: string) => string): string {
  return `${d.disposition}, ${person(d.by)}, ${d.date}${d.forced ? " (forced: required opinions were missing)" : ""}${d.justification ? `: ${d.justification}` : ""}`;
}
