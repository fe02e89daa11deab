/** `csr schema [KIND] [--out DIR]`: the JSON Schemas, for editors and other tools. */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { language, list, sentences, t } from "../../i18n/index.js";
import { didYouMean } from "../../core/text.js";
import { writeFileAtomic } from "../../core/write.js";
import { SCHEMA_DIR } from "../../load/package.js";
import { chineseSchema } from "../../load/schema-locale.js";
import { SCHEMA_FILES } from "../../load/schemas.js";
import type { FileKind } from "../../load/source.js";
import type { CommandContext } from "../context.js";

/** Every kind's schema refers to this one by relative name, so it travels with them. */
const COMMON = "common.schema.json";

export interface SchemaFlags {
  out?: string;
}

/** A schema file as the reader's editor should show it: its titles and descriptions in Chinese in a Chinese run. */
function schemaText(name: string): string {
  const text = readFileSync(join(SCHEMA_DIR, name), "utf8");
  return language() === "zh-CN" ? chineseSchema(text) : text;
}

export async function schemaCommand(ctx: CommandContext, kind: string | undefined, flags: SchemaFlags): Promise<number> {
  const kinds = Object.keys(SCHEMA_FILES) as FileKind[];
  if (kind !== undefined && !kinds.includes(kind as FileKind)) {
    throw new UserError(sentences(t("schema-command.unknown-kind", { kind }) + didYouMean(kind, kinds), t("schema-command.kinds-sentence", { kinds: list(kinds) })));
  }
  if (flags.out === undefined) {
    if (kind === undefined) {
      ctx.stdout(t("schema-command.kinds", { kinds: list(kinds) }) + "\n" + t("schema-command.usage") + "\n");
      return 0;
    }
    ctx.stdout(schemaText(SCHEMA_FILES[kind as FileKind]));
    return 0;
  }
  const out = resolve(ctx.dir, flags.out);
  const names = [...(kind === undefined ? kinds.map((k) => SCHEMA_FILES[k]) : [SCHEMA_FILES[kind as FileKind]]), COMMON];
  const contents = names.map((name) => ({ name, text: schemaText(name) }));
  const differing = contents.filter(({ name, text }) => existsSync(join(out, name)) && readFileSync(join(out, name), "utf8") !== text);
  if (differing.length > 0) {
    throw new UserError(
      t("schema-command.differing", { out, files: list(differing.map((c) => c.name)) }),
      t("schema-command.differing.hint"),
    );
  }
  let written = 0;
  for (const { name, text } of contents) {
    if (existsSync(join(out, name))) continue;
    writeFileAtomic(join(out, name), text);
    written++;
  }
  ctx.stdout((written < contents.length ? t("schema-command.wrote-some", { count: written, out, current: contents.length - written }) : t("schema-command.wrote", { count: written, out })) + "\n");
  return 0;
}
