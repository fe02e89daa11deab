/** A source document revision's attached file, as `csr source add` and `csr source update` record it. */
import { existsSync } from "node:fs";
import { relative, sep } from "node:path";
import { UserError } from "../../core/errors.js";
import { insideRepository } from "../../core/write.js";
import { t } from "../../i18n/index.js";

/**
 * The attached file at `path` (absolute; `given` as the user typed it), which must be inside the
 * repository and exist; recorded relative to the root, '/' separated.
 * Errors: UserError when it is outside the repository or missing.
 */
export function attachment(root: string, path: string, given: string): string {
  const abs = insideRepository(root, path);
  if (!existsSync(abs)) throw new UserError(t("source.file-missing", { file: given }));
  return relative(root, abs).split(sep).join("/");
}
