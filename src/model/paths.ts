/** Where each entity lives in a repository. One entity per file keeps merges clean. */

/**
 * A code (schemas/common.schema.json `code`): a customer's code, a CSR's or a source document's id.
 * It may name a file (customers/<CODE>.yaml), so it has no '/' and no leading dot.
 */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Document numbers may contain '/', e.g. CS/QP-006; the file name writes it as '_'. */
export function documentFileName(id: string): string {
  return id.replace(/\//g, "_");
}

export function documentPath(id: string): string {
  return `documents/${documentFileName(id)}.yaml`;
}

export function csrPath(customer: string, id: string): string {
  return `csr/${customer}/${id}.yaml`;
}
