/**
 * `csr organisation update`: the organisation's name (qms.yaml `organisation.name`, 公司全称, printed
 * on every controlled document and register), its English name (`name_en`, with `--lang en`), and
 * the confidentiality notice under every document's header block (`confidentiality`,
 * `confidentiality_en`; model/confidentiality.ts), without hand-edited YAML.
 *
 * Errors (UserError, one line): no readable qms.yaml, an empty name, nothing to change. An empty
 * `--name-en` removes the English name; an empty `--confidentiality` turns the notice off.
 */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { confidentialityNotice } from "../../model/confidentiality.js";
import type { CommandContext } from "../context.js";
import { editFile, saveChanges, withEditSession } from "../shared/edit.js";

export interface OrganisationFlags {
  name?: string;
  nameEn?: string;
  confidentiality?: string;
  confidentialityEn?: string;
  commit?: boolean;
}

export async function organisationUpdateCommand(ctx: CommandContext, flags: OrganisationFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const config = session.repo.config;
    if (!config) throw new UserError(t("department.no-qms"));
    const given = {
      name: flags.name?.trim(),
      name_en: flags.nameEn?.trim(),
      confidentiality: flags.confidentiality?.trim(),
      confidentiality_en: flags.confidentialityEn?.trim(),
    };
    if (given.name === "") throw new UserError(t("organisation.empty-name"));
    if (Object.values(given).every((v) => v === undefined)) throw new UserError(t("organisation.nothing"), t("organisation.hint"));
    const value = config.value;
    const before = {
      name: value.organisation.name,
      name_en: value.organisation.name_en ?? "",
      // What is printed now: csr's default notice when qms.yaml has none.
      confidentiality: confidentialityNotice(value, "zh-CN"),
      confidentiality_en: value.confidentiality_en ?? "",
    };
    // Quoted: a name or notice ends with its own punctuation (…复印。), which the sentence must not run into.
    const shown = (text: string | undefined) => (text ? t("organisation.quoted", { text }) : t("department.none"));
    const details = (Object.keys(given) as (keyof typeof given)[])
      .filter((key) => given[key] !== undefined && given[key] !== before[key])
      .map((key) => t("department.update.field", { field: t(`organisation.field.${key}`), before: shown(before[key]), after: shown(given[key]) }));
    if (details.length === 0) {
      ctx.stdout(`${t("organisation.same")}\n`);
      return 0;
    }
    const change = editFile(session.root, config.file.path, "qms", (doc) => {
      if (given.name !== undefined) doc.setIn(["organisation", "name"], given.name);
      if (given.name_en === "") doc.deleteIn(["organisation", "name_en"]);
      else if (given.name_en !== undefined) doc.setIn(["organisation", "name_en"], given.name_en);
      // "" is kept: it is what turns the default notice off.
      if (given.confidentiality !== undefined) doc.set("confidentiality", given.confidentiality);
      if (given.confidentiality_en === "") doc.delete("confidentiality_en");
      else if (given.confidentiality_en !== undefined) doc.set("confidentiality_en", given.confidentiality_en);
    });
    await saveChanges(ctx, session, [change], [t("organisation.updated", { details: details.join(t("department.update.separator")) })], {
      commit: flags.commit,
      message: t("organisation.commit"),
    });
    return 0;
  });
}
