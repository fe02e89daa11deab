/**
 * Where each page of the site lives and how one page links to another. Every link is relative, so
 * the site works from any folder, any web path and from file://. Ids become file names with the
 * characters no file system accepts replaced (CS/QP-006 -> documents/CS_QP-006.html); two ids that
 * would share a file name (also when only their case differs) get distinct names.
 */
import type { RepoIndex } from "../model/index.js";

export type EntityKind = "document" | "csr" | "customer" | "process" | "person" | "department" | "tooling" | "first-article";

const FOLDERS: Record<EntityKind, string> = {
  document: "documents",
  csr: "csr",
  customer: "customers",
  process: "processes",
  person: "people",
  department: "departments",
  tooling: "tooling",
  "first-article": "first-articles",
};

export class SitePages {
  private readonly byKind = new Map<EntityKind, Map<string, string>>();
  /** Each page's path URL-encoded, made once: a site links to the same pages from thousands of cells. */
  private readonly encoded = new Map<string, string>();

  /**
   * `absent`: documents that have no page (a site of a past day leaves out those that did not exist then): nothing links to them.
   * `tooling`: the ids of tooling.yaml's entries (工装台账), each with a page; `firstArticles`: those of first-articles.yaml's
   * records (首件鉴定台账) that have a page (site/first-articles.ts firstArticleIds).
   */
  constructor(index: RepoIndex, absent: ReadonlySet<string> = new Set(), tooling: Iterable<string> = [], firstArticles: Iterable<string> = []) {
    this.allocate("document", [...index.documents.keys()].filter((id) => !absent.has(id)));
    this.allocate("csr", index.csrs.keys());
    this.allocate("customer", index.customers.keys());
    this.allocate("process", index.processes.keys());
    this.allocate("person", index.people.keys());
    this.allocate("department", index.departments.keys());
    this.allocate("tooling", tooling);
    this.allocate("first-article", firstArticles);
  }

  private allocate(kind: EntityKind, ids: Iterable<string>): void {
    const pages = new Map<string, string>();
    const taken = new Set<string>();
    for (const id of ids) {
      const base = fileSafe(id);
      let name = base;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}~${n}`;
      taken.add(name.toLowerCase());
      const page = `${FOLDERS[kind]}/${name}.html`;
      pages.set(id, page);
      this.encoded.set(page, encodePath(page));
    }
    this.byKind.set(kind, pages);
  }

  /** The page of an entity, site-relative; undefined for an id the repository does not have. */
  page(kind: EntityKind, id: string): string | undefined {
    return this.byKind.get(kind)?.get(id);
  }

  /** A relative link from a site page to an entity's page (as `href` makes it); undefined for an id the repository does not have. */
  link(from: string, kind: EntityKind, id: string, fragment?: string): string | undefined {
    const target = this.byKind.get(kind)?.get(id);
    return target === undefined ? undefined : `${rootOf(from)}${this.encoded.get(target)!}${fragment ? `#${encodeURIComponent(fragment)}` : ""}`;
  }

  entries(kind: EntityKind): [string, string][] {
    return [...(this.byKind.get(kind) ?? [])];
  }
}

/** The id of a corrective action's row on the action register's page (纠正措施台账), which its id elsewhere links to. */
export function actionFragment(id: string): string {
  return `action-${id}`;
}

/** A file name for an id: path separators, characters Windows refuses, control characters and a leading dot replaced. */
export function fileSafe(id: string): string {
  // The characters Windows refuses too, so that a site copied to a USB stick keeps every page.
  const safe = id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^\./, "_");
  return safe === "" ? "_" : safe;
}

/** The prefix that leads from a page back to the site root ("" or "../"): one "../" for each folder of the site-relative page. */
export function rootOf(page: string): string {
  let root = "";
  for (let at = page.indexOf("/"); at !== -1; at = page.indexOf("/", at + 1)) root += "../";
  return root;
}

/** A relative link from one site page to another (each path segment URL-encoded, so Chinese ids and '#' work). */
export function href(from: string, to: string, fragment?: string): string {
  return `${rootOf(from)}${encodePath(to)}${fragment ? `#${encodeURIComponent(fragment)}` : ""}`;
}

function encodePath(path: string): string {
  return path
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}
