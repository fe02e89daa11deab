/**
 * The names a repository's help examples use (cli.help.example.<command>, cli.help.example.gjb.<command>):
 * its own customer, source document, CSR, procedure, people and departments, so that an example copied
 * from `csr <command> --help` runs in the repository the user is in, and never names a demo's customer
 * it does not have (tester23 F9).
 *
 * GJB 9001C: what the repository does not have yet (a new one has no customer, CSR or document) is
 * named as the examples before create it (`csr customer add`, `csr add`, `csr new procedure`, in the
 * help of add and release); people and departments it lacks are those `csr init --standard GJB9001C`
 * writes. IATF 16949 (and any other): what it lacks, and every name outside a repository, is what `csr
 * init --example` writes (customer HXQC, its CSRs and procedures, 张三's people).
 *
 * Read only when a help is shown, and only qms.yaml, people.yaml, one customer file and the first
 * lines of the CSR and document files: a help stays fast on a large repository. A file that cannot be
 * read or parsed is passed over, never an error: a help must show in a broken repository too.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { initFiles } from "../commands/init/files.js";
import { isRecord } from "../core/guards.js";

export interface ExampleNames {
  customer: string;
  source: string;
  csr: string;
  procedure: string;
  /** People, by the id the examples give. */
  preparer: string;
  reviewer: string;
  approver: string;
  standardizer: string;
  military: string;
  /** Two people's names, comma-separated: the 会签 of a release, given by name as csr accepts. */
  countersigners: string;
  /** The department whose opinion the review example records: its code, its name, and one of its reviewers. */
  opinionCode: string;
  opinionDepartment: string;
  opinionReviewer: string;
  /** The military representative office's name (an outside party holding copies), and a department holding copies. */
  office: string;
  holder: string;
  /** The department a new procedure is drafted for (its code). */
  owner: string;
  /** Whether the repository has a customer, a source document of that customer, a CSR and a procedure of its own. */
  hasCustomer: boolean;
  hasSource: boolean;
  hasCsr: boolean;
  hasProcedure: boolean;
}

type Yaml = (text: string) => unknown;

interface Person {
  id: string;
  name: string;
  department: string;
  roles: string[];
}

interface Department {
  code: string;
  name: string;
  kind?: string;
}

/**
 * The example names of the repository at `root` (undefined: none found) for the examples of `kind`
 * (model/citations.ts helpExamples), each from `csr init --standard GJB9001C` (gjb) or `csr init
 * --example` (iatf) where it has none.
 */
export async function exampleNames(root: string | undefined, kind: "gjb" | "iatf" = "gjb"): Promise<ExampleNames> {
  const { load } = await import("js-yaml");
  const parse: Yaml = (text) => load(text);
  const init = kind === "gjb" ? initFiles(false, ["GJB9001C"]) : initFiles(true, ["IATF16949"]);
  const own = root === undefined ? undefined : repositoryFacts(root, parse);
  const fallback = repositoryFactsOf(parse(init.get("qms.yaml")!), parse(init.get("people.yaml")!));
  const example = kind === "iatf" ? exampleFacts(init, parse) : {};
  const pick = <K extends keyof RepositoryFacts>(key: K): NonNullable<RepositoryFacts[K]> => (own?.[key] ?? fallback[key] ?? "") as NonNullable<RepositoryFacts[K]>;
  const customer = own?.customer ?? example.customer ?? { code: "NES" };
  const people = own?.people.length ? own : fallback;
  const chosen = choosePeople(people.people, people.departments, people.reviewers);
  const backup = choosePeople(fallback.people, fallback.departments, fallback.reviewers);
  // The people csr init writes have every role: backup has each one.
  const person = (key: Exclude<keyof ChosenPeople, "opinion">) => chosen[key] ?? backup[key] ?? "";
  const opinion = chosen.opinion ?? backup.opinion!;
  return {
    customer: customer.code,
    // A 技术协议 (JSXY), where a military customer states its requirements; an automotive one's supplier quality manual (SQM).
    source: customer.source ?? `${customer.code}-${kind === "gjb" ? "JSXY" : "SQM"}`,
    csr: own?.csr ?? `${customer.code}-001`,
    procedure: own?.procedure ?? (own?.procedurePattern ? firstNumber(own.procedurePattern) : example.procedure) ?? firstNumber(pick("procedurePattern")),
    preparer: person("preparer"),
    reviewer: person("reviewer"),
    approver: person("approver"),
    standardizer: person("standardizer"),
    military: person("military"),
    countersigners: person("countersigners"),
    opinionCode: opinion.code,
    opinionDepartment: opinion.name,
    opinionReviewer: opinion.reviewer,
    office: pick("office"),
    holder: pick("holder"),
    owner: pick("owner"),
    hasCustomer: own?.customer !== undefined,
    hasSource: own?.customer?.source !== undefined,
    hasCsr: own?.csr !== undefined,
    hasProcedure: own?.procedure !== undefined,
  };
}

interface RepositoryFacts {
  people: Person[];
  departments: Department[];
  reviewers: string[];
  procedurePattern?: string;
  office?: string;
  holder?: string;
  owner?: string;
  customer?: { code: string; source?: string };
  csr?: string;
  procedure?: string;
}

function repositoryFacts(root: string, parse: Yaml): RepositoryFacts {
  const facts = repositoryFactsOf(readYaml(join(root, "qms.yaml"), parse), readYaml(join(root, "people.yaml"), parse));
  const customer = firstFile(join(root, "customers"), (path) => {
    const value = readYaml(path, parse) as { code?: unknown; sources?: { id?: unknown }[] } | undefined;
    const source = value?.sources?.find((s) => typeof s?.id === "string")?.id;
    return typeof value?.code === "string" ? { code: value.code, ...(typeof source === "string" ? { source } : {}) } : undefined;
  });
  const csr = firstFile(join(root, "csr"), (path) => topLevel(path, "id"));
  const procedure = firstFile(join(root, "documents"), (path) => (topLevel(path, "kind") === "procedure" ? topLevel(path, "id") : undefined));
  return { ...facts, ...(customer ? { customer } : {}), ...(csr ? { csr } : {}), ...(procedure ? { procedure } : {}) };
}

/** The customer (with its source) and first procedure of `csr init --example`'s files. */
function exampleFacts(files: Map<string, string>, parse: Yaml): Pick<RepositoryFacts, "customer" | "procedure"> {
  const paths = [...files.keys()].sort();
  const first = (prefix: string, read: (value: Record<string, unknown>) => unknown) =>
    paths.flatMap((path) => {
      if (!path.startsWith(prefix) || !path.endsWith(".yaml")) return [];
      const value = parse(files.get(path)!);
      const found = isRecord(value) ? read(value) : undefined;
      return typeof found === "string" ? [found] : [];
    })[0];
  const code = first("customers/", (v) => v.code);
  const source = first("customers/", (v) => list(v.sources)[0]?.id);
  const procedure = first("documents/", (v) => (v.kind === "procedure" ? v.id : undefined));
  return { ...(code ? { customer: { code, ...(source ? { source } : {}) } } : {}), ...(procedure ? { procedure } : {}) };
}

function repositoryFactsOf(qms: unknown, peopleFile: unknown): RepositoryFacts {
  const config = (isRecord(qms) ? qms : {}) as { departments?: unknown; external_parties?: unknown; numbering?: unknown; csr?: { reviewers?: unknown } };
  const departments = list(config.departments).flatMap((d) => (typeof d.code === "string" && typeof d.name === "string" ? [{ code: d.code, name: d.name }] : []));
  const parties = list(config.external_parties).flatMap((d) => (typeof d.code === "string" && typeof d.name === "string" ? [{ code: d.code, name: d.name, kind: String(d.kind ?? "") }] : []));
  const people = list(isRecord(peopleFile) ? (peopleFile as { people?: unknown }).people : undefined).flatMap((p) =>
    typeof p.id === "string" && typeof p.department === "string" && p.left === undefined
      ? [{ id: p.id, name: typeof p.name === "string" ? p.name : p.id, department: p.department, roles: Array.isArray(p.roles) ? p.roles.map(String) : [] }]
      : [],
  );
  const procedurePattern = list(config.numbering).find((n) => n.kind === "procedure" && typeof n.pattern === "string")?.pattern as string | undefined;
  const production = departments.find((d) => d.code === "PRD") ?? departments[0];
  const quality = departments.find((d) => d.code === "QA") ?? departments[0];
  const office = parties.find((p) => p.kind === "military-representative");
  return {
    people,
    departments: [...departments, ...parties],
    reviewers: Array.isArray(config.csr?.reviewers) ? config.csr.reviewers.map(String) : departments.map((d) => d.code),
    ...(procedurePattern ? { procedurePattern } : {}),
    ...(office ? { office: office.name } : {}),
    ...(production ? { holder: production.name } : {}),
    ...(quality ? { owner: quality.code } : {}),
  };
}

interface ChosenPeople {
  preparer?: string;
  reviewer?: string;
  approver?: string;
  standardizer?: string;
  military?: string;
  countersigners?: string;
  opinion?: { code: string; name: string; reviewer: string };
}

/**
 * Who signs in the examples, as csr release and csr review accept them: a preparer (author), an
 * approver and a reviewer, each someone else; a standardization reviewer other than the preparer; two
 * other people for the 会签; the 军代表 from the military representative office; and the opinion of a
 * department that countersigns CSRs (质量部 first), given by one of its reviewers.
 */
function choosePeople(people: Person[], departments: Department[], reviewers: string[]): ChosenPeople {
  const militaryOffices = new Set(departments.filter((d) => d.kind === "military-representative").map((d) => d.code));
  const staff = people.filter((p) => !militaryOffices.has(p.department));
  const withRole = (role: string, not: (string | undefined)[]) => staff.find((p) => p.roles.includes(role) && !not.includes(p.id))?.id;
  const preparer = withRole("author", []);
  const approver = withRole("approver", [preparer]);
  const reviewer = withRole("reviewer", [preparer, approver]);
  const standardizer = withRole("standardization", [preparer]);
  const countersigners = staff.filter((p) => ![preparer, reviewer, approver].includes(p.id)).slice(0, 2);
  const military = people.find((p) => militaryOffices.has(p.department))?.id;
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const codes = [...reviewers].sort((a, b) => Number(b === "QA") - Number(a === "QA"));
  let opinion: ChosenPeople["opinion"];
  for (const code of codes) {
    const one = staff.find((p) => p.department === code && p.roles.includes("reviewer"));
    const department = byCode.get(code);
    if (one && department) {
      opinion = { code, name: department.name, reviewer: one.id };
      break;
    }
  }
  return {
    ...(preparer ? { preparer } : {}),
    ...(reviewer ? { reviewer } : {}),
    ...(approver ? { approver } : {}),
    ...(standardizer ? { standardizer } : {}),
    ...(military ? { military } : {}),
    ...(countersigners.length > 0 ? { countersigners: countersigners.map((p) => p.name).join(",") } : {}),
    ...(opinion ? { opinion } : {}),
  };
}

/** The first number of a numbering pattern, as csr new gives the first document of it: QP-### -> QP-001. */
function firstNumber(pattern: string): string {
  return pattern.replace(/#+/, (run) => "1".padStart(run.length, "0")).replace(/#/g, "0");
}

function readYaml(path: string, parse: Yaml): unknown {
  try {
    return parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** A top-level `key: value` of a YAML file, read from its text (quotes dropped), without parsing the whole file. */
function topLevel(path: string, key: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${key}:[ \\t]*(["']?)([^"'#\\r\\n]*?)\\1[ \\t]*(?:#.*)?$`, "m").exec(text);
  return match && match[2] !== "" ? match[2] : undefined;
}

/** The first YAML file under `dir` (sorted, depth first) for which `read` gives a value. */
function firstFile<T>(dir: string, read: (path: string) => T | undefined): T | undefined {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const found = entry.isDirectory() ? firstFile(path, read) : /\.ya?ml$/.test(entry.name) ? read(path) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}
