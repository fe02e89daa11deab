/** Where each entity lives in a repository. One entity per file keeps merges clean. */

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
