/** Where each entity lives in a repository. One entity per file keeps merges clean. */

/**
 * A code (schemas/common.schema.json `code`): a customer's code, a CSR's or a source document's id.
 * It may name a file (customers/<CODE>.yaml), so it has no '/' and no leading dot.
 */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * Document numbers may contain '/' (CS/QP-006) and an external one ':' before its year (ISO 9001:2015),
 * neither of which a file name may (Windows refuses ':'): the file name writes both as '_'.
 */
export function documentFileName(id: string): string {
  // A check asks this of every document, and few numbers have either character.
  return id.includes("/") || id.includes(":") ? id.replace(/[/:]/g, "_") : id;
}

/**
 * The numbers that share a file name with another number (documentFileName is not one-to-one:
 * CS/QP-006 and CS_QP-006 both become CS_QP-006, ISO 9001:2015 and ISO 9001_2015 both ISO 9001_2015),
 * each with the others of its name, in the order of `ids`. Their files, prints and release tags
 * would be one: id/file-name reports them, csr render prints neither, csr new and csr renumber refuse
 * such a number. `ids`: each number once.
 */
export function numbersSharingFileName(ids: Iterable<string>): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const id of ids) {
    // Only a number with '/' or ':' or '_' can share its name with another.
    if (!/[/:_]/.test(id)) continue;
    const name = documentFileName(id);
    byName.set(name, [...(byName.get(name) ?? []), id]);
  }
  const sharing = new Map<string, string[]>();
  for (const group of byName.values()) if (group.length > 1) for (const id of group) sharing.set(id, group.filter((other) => other !== id));
  return sharing;
}

/**
 * The git tag `csr release` puts on a document's release: the document number with '/' as '_' (and
 * a space, which a tag may not contain, as '_' too), then the version with '/' as '-': QP-020/A-1,
 * CS_QP-006/B-0. It marks the approved content of that version (doc/revision-not-bumped).
 */
export function releaseTag(id: string, version: string): string {
  return `${documentFileName(id).replace(/ /g, "_")}/${version.replace("/", "-")}`;
}

export function documentPath(id: string): string {
  return `documents/${documentFileName(id)}.yaml`;
}

export function csrPath(customer: string, id: string): string {
  return `csr/${customer}/${id}.yaml`;
}
