/**
 * One Word document into a controlled document: the header block (number, title, version,
 * department, dates, 编制 / 审核 / 批准), the revision record, the body sections by their numbers
 * (1 目的 … 5 作业流程, 5.1 …) as Markdown, and the documents and records it names. Nothing is
 * written here, and nothing is left out silently: every value that could not be taken over is an
 * issue with its place in the file.
 */
import { escapeRegExp } from "../../core/text.js";
import { LANGS, list, t, translate } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import { CLASSIFICATIONS, layoutClassification, readClassification } from "../../model/classification.js";
import { confidentialityNotice } from "../../model/confidentiality.js";
import { issuedOn } from "../../model/index.js";
import { numberPatternToRegExp, tellingPatterns } from "../../model/numbering.js";
import { documentSections } from "../../model/sections.js";
import { documentPath } from "../../model/paths.js";
import { departmentNamed } from "../../model/department-names.js";
import type { ChangeClass, ControlledDocument, Department, Person, Revision, Section, Signature } from "../../model/types.js";
import type { ConfigurationChangeKey } from "../../model/revision.js";
import { KIND_OF_LEVEL, normalizeDate, normalizeKind, normalizeMedium, normalizeVersion, PERSON_ID, personIdFromName, SIGNING_ROLE, type Kind, type Level } from "../normalize.js";
import { peopleWritten, type Signer } from "../plan.js";
import { namesakeRefusal, unitsOf, type Units } from "../../model/person-names.js";
import { headerField, labelAndValue, labelKey, REVISION_CAPTION, revisionField, type HeaderField, type RevisionField } from "./labels.js";
import type { Block, ParagraphBlock, TableBlock, WordFile } from "./read.js";

export interface WordIssue {
  /** Where in the file: "header block", "修订记录 row 3", "section 5.2, paragraph 14" … */
  where: string;
  message: string;
}

/** A document or record named in the text, to be resolved once every file of the import is known. */
export interface Mention {
  /** A document number (QR-015-01) or a title from 《…》. */
  text: string;
  by: "number" | "title";
  where: string;
}

export interface WordPlan {
  /** The .docx as the user named it. */
  file: string;
  /** Why nothing is imported from this file; otherwise `data` is set. */
  refused?: string;
  id?: string;
  path?: string;
  data?: ControlledDocument;
  issues: WordIssue[];
  mentions: Mention[];
  /** Signers who are not in people.yaml, kept under an id made from their name. */
  signers?: Signer[];
}

export interface WordImportOptions {
  as: "procedures" | "instructions" | "forms" | "documents";
  department?: string;
  lang: "zh-CN" | "en";
  /** Unknown signers will be added to people.yaml (so no message per signature). */
  addPeople?: boolean;
}

const STAMPS: [RegExp, "released" | "obsolete" | "draft" | "uncontrolled"][] = [
  [/^(受控|受控文件|受控本|controlled|controlledcopy)$/, "released"],
  [/^(作废|已作废|作废文件|obsolete)$/, "obsolete"],
  [/^(草稿|草案|讨论稿|征求意见稿|draft)$/, "draft"],
  [/^(非受控|非受控文件|uncontrolled|uncontrolledcopy)$/, "uncontrolled"],
];

const RELATED_TITLES = /^(相关文件|引用文件|参考文件|支持性文件|相关程序文件|相关文件及记录|相关文件和记录|相关文件与记录|relateddocuments|references)$/;
const RECORD_TITLES = /^(相关记录|记录|质量记录|相关表单|记录表单|表单|相关记录表单|relatedrecords|records|forms)$/;
const NONE = /^(无|none|n\/a|\/|—|-)$/i;

/** Document numbers as organisations write them: QP-015, QR-015-01, CS/QP-006, HSD-F-0018, SOP-QR-020. */
const NUMBER_IN_TEXT = /(?<![A-Za-z0-9/_-])[A-Z][A-Z0-9]*(?:[/_-][A-Z][A-Z0-9]*)*-\d+[A-Z]?(?:-\d+)*(?![A-Za-z0-9/_-])/g;
/** Standards look like numbers (GB/T 19001-2016, GJB9001C-2017); they are not the repository's documents. */
const STANDARD = /^(GB|GJB|ISO|IATF|IEC|EN|DIN|VDA|SAE|JIS|ASTM|QC|HG|JB|SJ|AIAG)/;
const TITLE_IN_TEXT = /《([^《》\n]{1,60})》/g;

/** Page numbers as headers print them, Word's fields left out: "第1页 共8页", "第 页 共 页", "Page 1 of 8". */
const PAGE_NUMBERS = /^(页码|页次|page)?(第\d*页)?[,，]?(共\d*页)?$|^page\d*of\d*$/;

const SECTION_HEADING = /^(\d{1,2}(?:[.．]\d{1,2}){0,3})[.．、]?[\s\u3000]*(\S.*)$/;
/** Sections numbered the Chinese way: "一、目的", "十二、相关记录"; sub-sections "（一）文件的编号", "(二) 审批". */
const CHINESE_HEADING = /^([一二三四五六七八九十]{1,3})[、.．][\s\u3000]*(\S.*)$/;
const CHINESE_SUB_HEADING = /^[（(]([一二三四五六七八九十]{1,3})[）)][、.．]?[\s\u3000]*(\S.*)$/;

/** 一 … 九十九 as a number: "十二" is 12, "二十" is 20. */
function chineseNumeral(text: string): number {
  const digit = (c: string | undefined) => (c ? "一二三四五六七八九".indexOf(c) + 1 : 0);
  const ten = text.indexOf("十");
  if (ten < 0) return digit(text[0]);
  return (ten === 0 ? 1 : digit(text[ten - 1])) * 10 + digit(text[ten + 1]);
}

/** Where a block is in the file, as the report names it: "paragraph 12", "table 2". */
/** Revisions oldest first. */
const byIssue = (a: Revision, b: Revision) => (issuedOn(a) < issuedOn(b) ? -1 : issuedOn(a) > issuedOn(b) ? 1 : 0);

function blockPlace(block: Block): string {
  return t(block.type === "table" ? "import.word.place.table" : "import.word.place.paragraph", { place: block.place });
}

/** A place inside another: "section 5.2, paragraph 14". */
function within(outer: string, inner: string): string {
  return t("import.word.place.within", { outer, inner });
}

export function planWordDocument(word: WordFile, file: string, repo: Repository, options: WordImportOptions): WordPlan {
  return new WordDocumentReader(word, file, repo, options).plan();
}

interface HeaderValue {
  value: string;
  where: string;
}

class WordDocumentReader {
  private readonly issues: WordIssue[] = [];
  private readonly mentions: Mention[] = [];
  private readonly header = new Map<HeaderField, HeaderValue>();
  private readonly used = new Set<Block>();
  private stamp: (typeof STAMPS)[number][1] | undefined;
  private titleParagraph: string | undefined;
  private revisions: Revision[] = [];
  /** The rows of the revision record that named a document number, to compare with the header's. */
  private readonly rowNumbers: { number: string; where: string }[] = [];
  private readonly people: Person[];
  /** qms.yaml's departments and parties by code: where a refusal of namesakes names their departments. */
  private readonly units: Units;
  /** Whether the sections are numbered the Chinese way (一、目的); see heading(). */
  private chineseNumbering = false;
  private readonly departments: Department[];
  private readonly signers: Signer[] = [];

  constructor(
    private readonly word: WordFile,
    private readonly file: string,
    private readonly repo: Repository,
    private readonly options: WordImportOptions,
  ) {
    this.people = repo.people.map((p) => p.value);
    this.units = unitsOf(repo.config?.value);
    this.departments = repo.config?.value.departments ?? [];
  }

  private issue(where: string, message: string): void {
    this.issues.push({ where, message });
  }

  plan(): WordPlan {
    const blocks = this.word.blocks;
    const firstSection = this.findFirstSection(blocks);
    const front = blocks.slice(0, firstSection);
    for (const block of blocks) if (block.type === "table" && this.readRevisionTable(block)) this.used.add(block);
    for (const block of front) if (!this.used.has(block)) this.readFront(block);
    this.readPageHeaders();

    const refused = (reason: string): WordPlan => ({ file: this.file, refused: reason, issues: this.issues, mentions: [] });
    const id = this.number();
    if (!id) return refused(t("import.word.no-number"));
    if (this.stamp === "obsolete") return refused(t("import.word.obsolete", { id }));
    const title = this.title();
    if (!title) return refused(t("import.word.no-title", { id }));
    const kind = this.kind(id, title);
    if (!kind) return refused(t("import.word.unknown-kind", { id }));
    const department = this.department(id);
    if (typeof department === "string") return refused(department);

    // The 密级 line is the document's marking, not its title; the layout's default marking needs no field of its own.
    // A marking csr does not know is refused: written as the default, a 秘密 document would print as 内部.
    const marking = this.header.get("classification")?.value.trim();
    const classification = marking ? readClassification(marking) : undefined;
    if (marking && !classification) return refused(t("import.word.bad-classification", { id, classification: marking, allowed: list([...CLASSIFICATIONS]) }));

    const doc: ControlledDocument = { id, title, level: kind.level, kind: kind.kind, department: department.code, status: "draft" };
    this.settleRevisions(id);
    const effective = this.date("effective");
    if (effective) doc.effective = effective;
    if (classification && classification !== layoutClassification(this.repo, { ...kind, id })) doc.classification = classification;
    if (this.revisions.length) doc.revisions = this.revisions;
    const current = this.revisions[this.revisions.length - 1];
    if (this.stamp === "draft" || this.stamp === "uncontrolled") doc.status = "draft";
    else doc.status = current?.approved ? "released" : "draft";
    if (this.stamp === "released" && doc.status !== "released") {
      this.issue(t("import.word.place.stamp"), t("import.word.controlled-unapproved"));
    }
    if (this.stamp === "uncontrolled") this.issue(t("import.word.place.stamp"), t("import.word.uncontrolled"));

    this.readRecord(doc);
    const sections = this.readSections(blocks.slice(firstSection), id);
    if (sections.length) doc.sections = sections;
    const signers = this.signers.map((s) => ({ ...s, department: department.code }));
    return { file: this.file, id, path: documentPath(id), data: doc, issues: this.issues, mentions: this.mentions, signers };
  }

  /**
   * A form's record block from its header (保存期限, 保存方式, 存放地点): IATF 16949 7.5.3.2.1 and
   * GJB 9001C 7.5.3 want a retention period for records, so a form without one is said. On another
   * kind of document these values have no field, and are said as not imported.
   */
  private readRecord(doc: ControlledDocument): void {
    const fields = ["retention", "medium", "location"] as const;
    if (doc.kind !== "form") {
      for (const field of fields) {
        const given = this.header.get(field);
        if (given) this.issue(given.where, t("import.word.record-not-form", { field: t(`import.word.field.${field}`), value: given.value, id: doc.id }));
      }
      return;
    }
    const record: NonNullable<ControlledDocument["record"]> = {};
    const retention = this.header.get("retention")?.value.trim();
    if (retention) record.retention = retention;
    else this.issue(t("import.word.place.header-block"), t("import.word.no-retention", { id: doc.id }));
    const medium = this.header.get("medium");
    if (medium) {
      const value = normalizeMedium(medium.value);
      if (value) record.medium = value;
      else this.issue(medium.where, t("import.word.bad-medium", { medium: medium.value, id: doc.id }));
    }
    const location = this.header.get("location")?.value.trim();
    if (location) record.location = location;
    if (Object.keys(record).length) doc.record = record;
  }

  // ---- the front matter: organisation, title, stamp, header block, confidentiality ----

  private findFirstSection(blocks: Block[]): number {
    const i = blocks.findIndex((b) => {
      const numbered = b.type === "paragraph" && !b.list ? this.numberedHeading(b) : undefined;
      return numbered?.number === "1" && numbered.chinese !== "sub";
    });
    if (i >= 0) return i;
    const styled = blocks.findIndex((b) => b.type === "paragraph" && /^heading 1$/i.test(b.style) && !!b.list);
    return styled >= 0 ? styled : blocks.length;
  }

  private readFront(block: Block): void {
    if (block.type === "table") {
      const read = this.readHeaderBlock(block, t("import.word.place.header-block"), blockPlace(block), true);
      if (!read.found) this.issue(blockPlace(block), t("import.word.other-table", { cell: clip(block.rows[0]?.[0]?.plain ?? "") }));
      else for (const rest of read.rest) this.readLooseText(rest.text, rest.where, "", "front");
      return;
    }
    const text = block.plain;
    if (!text) return;
    const read = this.readHeaderBlock(block, blockPlace(block), blockPlace(block), true);
    if (!read.found) this.readLooseText(text, blockPlace(block), block.style, "front");
    else for (const rest of read.rest) this.readLooseText(rest.text, rest.where, "", "front");
  }

  /**
   * The page headers and footers: their label/value pairs complete the header block, and whatever
   * else they hold is either known (the organisation, the title, the stamp, the page numbers) or
   * said. A text repeated in several of them (first page, odd and even pages) is said once.
   */
  private readPageHeaders(): void {
    const said = new Set<string>();
    for (const header of this.word.pageHeaders) {
      for (const block of header.blocks) {
        const region = header.part.startsWith("footer") ? "footer" : "header";
        const place = t("import.word.place.page-part", { region: t(`import.word.place.page-${region}`), part: header.part, block: blockPlace(block) });
        const read = this.readHeaderBlock(block, t("import.word.place.page-header"), place, false);
        const rest = read.found ? read.rest : block.type === "paragraph" ? [{ text: block.plain, where: place }] : read.rest;
        for (const r of rest) {
          if (said.has(r.text)) continue;
          said.add(r.text);
          this.readLooseText(r.text, r.where, "", region);
        }
      }
    }
  }

  /**
   * A text of the front matter or the page header that is not a label/value pair: the stamp, the
   * caption of the revision record, the organisation, the confidentiality notice, page numbers and
   * the title are recognised; anything else is said with its place, as it is not imported.
   */
  private readLooseText(text: string, where: string, style: string, region: "front" | "header" | "footer"): void {
    const key = labelKey(text);
    if (!key) return;
    // A controlled copy's stamp carries its number and holder (受控 受控号：7 持有：研发部, csr render --copy 7): the stamp is the word before them.
    const stamp = STAMPS.find(([re]) => re.test(key.replace(/[【】[\]]/g, "").replace(/(受控号|copyno\.?)[:：]?\d+((持有|heldby)[:：]?.*)?$/, "")));
    if (stamp) {
      this.stamp = stamp[1];
      return;
    }
    if (REVISION_CAPTION.test(key) || PAGE_NUMBERS.test(key)) return;
    const config = this.repo.config?.value;
    const organisation = config?.organisation;
    if (organisation && (text === organisation.name || text === organisation.name_en)) return;
    // The level label a layout prints above the title (二阶文件), like the 密级 line, is no title.
    if ((config?.document_layouts ?? []).some((l) => text === l.label || text === l.label_en)) return;
    if (/(未经|不得|严禁|禁止|without).*(外借|复印|复制|外传|泄露|copy|copied|lend|lent|disclos)/i.test(text)) {
      const own = config?.confidentiality?.trim();
      const same = (notice: string): boolean => notice.replace(/\s/g, "") === text.replace(/\s/g, "");
      // A document marked 秘密 or above carries csr's notice naming its 密级 (render/view.ts) instead of the organisation's.
      if (LANGS.some((lang) => CLASSIFICATIONS.some((classification) => same(translate(lang, "render.confidentiality-classified", { classification }))))) return;
      // Without a notice of its own in qms.yaml, csr prints its default one: a document carrying that needs no note.
      if (own) {
        if (!same(own)) this.issue(where, t("import.word.confidentiality-differs", { text: clip(text) }));
      } else if (own === "" || !LANGS.some((lang) => same(confidentialityNotice({}, lang)))) this.issue(where, t("import.word.confidentiality", { text }));
      return;
    }
    const title = this.header.get("title")?.value ?? this.titleParagraph;
    if (title && labelKey(title.replace(/^《|》$/g, "")) === labelKey(text.replace(/^《|》$/g, ""))) return;
    if (/^title$/i.test(style) && !this.titleParagraph) {
      this.titleParagraph = text;
      return;
    }
    if (/(公司|集团|有限|工厂|研究所|Co\.|Ltd|Inc\.|GmbH)/.test(text) && text.length <= 40) {
      this.issue(where, organisation ? t("import.word.other-organisation", { text, name: organisation.name }) : t("import.word.organisation-not-configured", { text }));
      return;
    }
    if (!this.titleParagraph && text.length <= 40 && !text.includes("\n")) {
      this.titleParagraph = text;
      return;
    }
    this.issue(where, t(`import.word.loose-text.${region}`, { text: clip(text) }));
  }

  /**
   * Label/value pairs of a header block: label and value in adjacent cells, "文件编号：QP-020" in
   * one cell (or one paragraph line), or a row of labels over a row of values (and one of dates).
   * Values found first (the body's before the page header's) are kept; a different value found
   * later is said. Returns whether it held any pair, and the texts that were not part of one, each
   * with its place (`place` names the block: "table 2", "page header (header1.xml), table 1").
   */
  private readHeaderBlock(block: Block, where: string, place: string, body: boolean): { found: boolean; rest: { text: string; where: string }[] } {
    const found: [HeaderField, string][] = [];
    const rest: { text: string; where: string }[] = [];
    if (block.type === "paragraph") {
      for (const part of block.plain.split(/\n|\t| · /)) {
        const pair = labelAndValue(part);
        if (pair) found.push([pair.field, pair.value]);
        else if (part.trim()) rest.push({ text: part.trim(), where: place });
      }
    } else {
      const rows = block.rows;
      for (let r = 0; r < rows.length; r++) {
        const cells = rows[r]!;
        const fields = cells.map((c) => (c.plain ? headerField(c.plain) : undefined));
        const filled = cells.filter((c) => c.plain);
        if (filled.length >= 2 && fields.every((f, i) => f || !cells[i]!.plain) && rows[r + 1] && !rows[r + 1]!.some((c) => c.plain && headerField(c.plain))) {
          // A row of labels: the values stand in the row below, dates maybe in the row after.
          const values = rows[r + 1]!;
          const dates = rows[r + 2]?.every((c) => !c.plain || normalizeDate(c.plain)) ? rows[r + 2] : undefined;
          fields.forEach((f, i) => {
            if (f && values[i]?.plain) found.push([f, [values[i]!.plain, dates?.[i]?.plain ?? ""].join(" ").trim()]);
          });
          for (const [offset, row] of [values, dates].entries()) {
            row?.forEach((cell, i) => {
              if (cell.plain && !fields[i]) rest.push({ text: cell.plain, where: t("import.word.place.row", { place, row: r + 2 + offset }) });
            });
          }
          r += dates ? 2 : 1;
          continue;
        }
        for (let c = 0; c < cells.length; c++) {
          const text = cells[c]!.plain;
          if (!text) continue;
          const field = fields[c];
          if (field) {
            const next = cells[c + 1];
            if (next && next.plain && !fields[c + 1]) {
              found.push([field, next.plain]);
              c++;
            }
            continue;
          }
          // Pairs on lines of their own, or run together as csr's running header puts them in one cell
          // (文件编号：QP-020 · 版本/版次：A/1): a line is split at " · " only when every part is such a pair,
          // so that a value holding " · " (文件名称：A · B) stays whole.
          const lines = text.split("\n").flatMap((line) => {
            const parts = line.split(" · ");
            return parts.length > 1 && parts.every((part) => labelAndValue(part)) ? parts : [line];
          });
          for (const line of lines) {
            const pair = labelAndValue(line);
            if (pair) found.push([pair.field, pair.value]);
            else if (line.trim()) rest.push({ text: line.trim(), where: t("import.word.place.row", { place, row: r + 1 }) });
          }
        }
      }
    }
    for (const [field, value] of found) {
      if (!value) continue;
      const before = this.header.get(field);
      if (!before) this.header.set(field, { value, where });
      else if (before.value.replace(/\s/g, "") !== value.replace(/\s/g, "") && (body || field !== "pages")) {
        this.issue(body ? where : place, t("import.word.value-differs", { field: t(`import.word.field.${field}`), value, first: before.value, where: before.where }));
      }
    }
    return { found: found.length > 0, rest };
  }

  private number(): string | undefined {
    const given = this.header.get("number")?.value.normalize("NFKC").replace(/\s/g, "");
    if (given) return given;
    const name = this.file.split(/[\\/]/).pop()!.replace(/\.docx$/i, "").normalize("NFKC");
    const fromName = /^([A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*-\d+(?:-\d+)*)/.exec(name)?.[1];
    if (fromName) this.issue(t("import.word.place.header-block"), t("import.word.number-from-name", { number: fromName }));
    return fromName;
  }

  private title(): string | undefined {
    const strip = (t: string) => t.replace(/^《|》$/g, "").trim();
    const given = this.header.get("title")?.value;
    if (given) return strip(given);
    if (this.titleParagraph) return strip(this.titleParagraph);
    // Files are often named "QP-020 文件控制程序.docx".
    const fromName = /^[A-Z][A-Z0-9/_-]*\d[\s_-]+(\S.*)$/.exec(this.file.split(/[\\/]/).pop()!.replace(/\.docx$/i, "").normalize("NFKC"))?.[1]?.trim();
    if (fromName) this.issue(t("import.word.place.header-block"), t("import.word.title-from-name", { title: fromName }));
    return fromName;
  }

  private kind(id: string, title: string): { kind: Kind; level: Level } | undefined {
    if (this.options.as === "procedures") return { kind: "procedure", level: 2 };
    if (this.options.as === "instructions") return { kind: "instruction", level: 3 };
    if (this.options.as === "forms") return { kind: "form", level: 4 };
    const LEVEL: Record<Kind, Level> = { manual: 1, procedure: 2, instruction: 3, form: 4, external: 3 };
    const configured = tellingPatterns(this.repo.config?.value.numbering ?? []).find((n) => numberPatternToRegExp(n.pattern).test(id));
    if (configured) return { kind: configured.kind, level: LEVEL[configured.kind] };
    const byTitle = normalizeKind(title);
    return byTitle ? { kind: byTitle.kind === "external" ? KIND_OF_LEVEL[byTitle.level] : byTitle.kind, level: byTitle.level } : undefined;
  }

  private department(id: string): Department | string {
    const given = this.header.get("department")?.value ?? this.options.department;
    if (!given) return t("import.word.no-department", { id });
    const named = departmentNamed(this.departments, given);
    // A former name qms.yaml keeps as the department's alias (制造部 for PRD): read as it, and said (tester76 M8).
    if (named?.alias) this.issue(t("import.word.place.header-block"), t("import.department.alias", { department: given, code: named.department.code, name: named.department.name }));
    return named?.department ?? t("import.document.unknown-department", { department: given, name: given });
  }

  private date(field: HeaderField): string | undefined {
    const given = this.header.get(field);
    if (!given) return undefined;
    const date = normalizeDate(given.value);
    if (!date) this.issue(given.where, t("import.word.bad-date", { field: t(`import.word.field.${field}`), date: given.value }));
    return date;
  }

  /** A signature cell: "李娜 2024-02-23", "李娜\n2024.02.23", "李娜/2024年2月23日". */
  private signature(text: string, where: string, role: keyof typeof SIGNING_ROLE): Signature | undefined {
    const dateText = /\d{4}\s*[./\-年]\s*\d{1,2}\s*[./\-月]\s*\d{1,2}\s*日?/.exec(text)?.[0];
    const name = (dateText ? text.replace(dateText, "") : text).replace(/[\s/，,:：]+/g, " ").trim();
    if (!name) return undefined;
    const date = dateText ? normalizeDate(dateText.replace(/\s/g, "")) : undefined;
    const named = peopleWritten(name, this.people);
    if (named.length > 1) return void this.issue(where, namesakeRefusal(t(`import.word.field.${role}`), name, named, this.units));
    const by = named[0]?.id ?? this.newSigner(name, where, role);
    if (!by) return undefined;
    return date ? { by, date } : { by };
  }

  /** A signer not in people.yaml is kept under an id made from the name (--add-people adds them). */
  private newSigner(name: string, where: string, role: keyof typeof SIGNING_ROLE): string | undefined {
    const id = personIdFromName(name);
    if (!PERSON_ID.test(id)) {
      this.issue(where, t("import.word.signer-not-an-id", { what: t(`import.person.as.${role}`), name, role }));
      return undefined;
    }
    if (!this.signers.some((s) => s.id === id && s.role === SIGNING_ROLE[role])) this.signers.push({ id, role: SIGNING_ROLE[role] });
    if (!this.options.addPeople) this.issue(where, t("import.person.unknown", { what: t(`import.person.as.${role}`), name, id }));
    return id;
  }

  // ---- the revision record ----

  private readRevisionTable(table: TableBlock): boolean {
    const headerRow = table.rows.slice(0, 2).findIndex((row) => {
      const fields = row.filter((c) => c.plain).map((c) => revisionField(c.plain));
      return fields.length >= 3 && fields.every(Boolean) && (fields.includes("summary") || (fields.includes("version") && (fields.includes("date") || fields.includes("effective"))));
    });
    if (headerRow < 0) return false;
    const columns = table.rows[headerRow]!.map((c) => (c.plain ? revisionField(c.plain) : undefined));
    for (let r = headerRow + 1; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      if (row.every((c) => !c.plain)) continue;
      const where = t("import.word.place.revision-row", { row: r + 1 });
      const get = (field: RevisionField) =>
        columns
          .map((f, i) => (f === field ? (row[i]?.plain ?? "") : ""))
          .filter(Boolean)
          .join("/");
      // One reading of a version for registers and Word files (normalizeVersion: A版1次, 第A版第1次修订 are A/1).
      const version = normalizeVersion(get("version"));
      const dateText = get("date") || get("effective");
      const date = normalizeDate(dateText);
      const summary = get("summary").replace(/\n+/g, " ");
      if (!version) {
        this.issue(where, t("import.word.row-bad-version", { version: get("version") }));
        continue;
      }
      if (!date) {
        this.issue(where, dateText ? t("import.word.row-bad-date", { date: dateText, version }) : t("import.word.row-no-date", { version }));
        continue;
      }
      if (!summary) {
        this.issue(where, t("import.word.row-no-summary", { version }));
        continue;
      }
      const revision: Revision = { version, date, summary };
      const pages = get("pages");
      if (pages) revision.pages = pages;
      const total = get("totalPages");
      if (/^\d+$/.test(total) && Number(total) > 0) revision.total_pages = Number(total);
      else if (total) this.issue(where, t("import.word.row-bad-total", { total }));
      for (const [field, role] of [["by", "prepared"], ["reviewedBy", "reviewed"], ["approvedBy", "approved"]] as const) {
        const text = get(field);
        if (!text) continue;
        const signature = this.signature(text, where, role);
        if (signature) revision[role] = signature;
      }
      for (const role of GJB_ROLES) {
        const text = get(role);
        if (text) this.setGjbSignatures(revision, role, text, where);
      }
      const basis = get("basis");
      if (basis) Object.assign(revision, revisionBasisOf(basis));
      const number = get("number").replace(/\s/g, "");
      if (number) this.rowNumbers.push({ number, where });
      this.revisions.push(revision);
    }
    return true;
  }

  /**
   * The revision record in order, with the header block's signatures on the current revision. A
   * header version without a row of its own becomes a revision, which is said.
   */
  private settleRevisions(id: string): void {
    for (const row of this.rowNumbers) {
      if (row.number !== id) this.issue(row.where, t("import.word.row-other-document", { number: row.number, id }));
    }
    this.revisions.sort(byIssue);
    // 版本 A with 版次 1 is A/1; a lone 版次 often holds the whole version ("版次：A/0").
    const revisionValue = this.header.get("revision");
    const versionValue = this.header.get("version") ?? revisionValue;
    let version: string | undefined;
    if (versionValue) {
      const split = versionValue !== revisionValue && revisionValue && /^[A-Za-z]$/.test(versionValue.value.trim());
      const text = split ? `${versionValue.value}/${revisionValue.value}` : versionValue.value;
      version = normalizeVersion(text);
      if (!version) this.issue(versionValue.where, t("import.word.bad-version", { version: versionValue.value }));
    }
    let current = version ? this.revisions.find((r) => r.version === version) : this.revisions[this.revisions.length - 1];
    if (version && !current) {
      const date = this.date("issued") ?? this.date("effective");
      if (date) {
        // Released before the repository: what it changed is on the paper record, not "imported".
        current = { version, date, imported: true };
        this.revisions.push(current);
        this.revisions.sort(byIssue);
        this.issue(t("import.word.place.header-block"), t("import.word.version-without-row", { version, date, summary: t("revision.imported.summary") }));
      } else {
        this.issue(t("import.word.place.header-block"), t("import.word.version-without-date", { version }));
      }
    } else if (version && current && current !== this.revisions[this.revisions.length - 1]) {
      this.issue(t("import.word.place.header-block"), t("import.word.version-not-latest", { version, latest: this.revisions[this.revisions.length - 1]!.version }));
    }
    if (!current) return;
    const pages = this.header.get("pages");
    if (pages) {
      // "共8页", "第1页 共8页", "8": the total; the page a header happens to be on is not data.
      const total = /共\s*(\d+)\s*页/.exec(pages.value)?.[1] ?? /^(\d+)$/.exec(pages.value.trim())?.[1];
      if (total && Number(total) > 0) current.total_pages = Number(total);
      else if (!/^第\s*\d+\s*页$/.test(pages.value.trim())) this.issue(pages.where, t("import.word.bad-pages", { pages: pages.value }));
    }
    for (const role of ["prepared", "reviewed", "approved"] as const) {
      const value = this.header.get(role);
      if (!value) continue;
      const signature = this.signature(value.value, value.where, role);
      if (!signature) continue;
      const before = current[role];
      if (before && before.by !== signature.by) this.issue(value.where, t("import.word.signature-differs", { role: t(`import.word.field.${role}`), version: current.version, header: signature.by, record: before.by }));
      current[role] = signature.date || !before?.date ? signature : { ...signature, date: before.date };
    }
    this.readGjbSignatures(current);
    // Signatures in the order of the repository's files, whichever place each came from.
    const { prepared, reviewed, countersigned, standardization, approved, military_representative, ...rest } = current;
    this.revisions[this.revisions.indexOf(current)] = {
      ...rest,
      ...(prepared ? { prepared } : {}),
      ...(reviewed ? { reviewed } : {}),
      ...(countersigned ? { countersigned } : {}),
      ...(standardization ? { standardization } : {}),
      ...(approved ? { approved } : {}),
      ...(military_representative ? { military_representative } : {}),
    };
  }

  /**
   * The 会签 (several names, "王五 2026-11-20、赵六 2026-11-20"), 标准化审查 and 军代表 cells of a GJB
   * header block, as csr render prints them, onto the current revision. A signer must be in
   * people.yaml already (these signatures carry no role to add a new person with): another name is
   * said, to be recorded with csr sign once the person is added.
   */
  private readGjbSignatures(current: Revision): void {
    for (const role of GJB_ROLES) {
      const value = this.header.get(role);
      if (value) this.setGjbSignatures(current, role, value.value, value.where);
    }
  }

  /**
   * One 会签 / 标准化审查 / 军代表 cell onto `revision`: names (with a date each or not) of people in
   * people.yaml, several for 会签; another name is said (import.word.gjb-signer-unknown), not kept.
   */
  private setGjbSignatures(revision: Revision, role: (typeof GJB_ROLES)[number], text: string, where: string): void {
    const signatures = (role === "countersigned" ? text.split(/[、，,;；]/) : [text]).flatMap((part) => {
      const dateText = /\d{4}\s*[./\-年]\s*\d{1,2}\s*[./\-月]\s*\d{1,2}\s*日?/.exec(part)?.[0];
      const name = (dateText ? part.replace(dateText, "") : part).replace(/[\s/:：]+/g, " ").trim();
      if (!name) return [];
      const named = peopleWritten(name, this.people);
      if (named.length > 1) {
        this.issue(where, namesakeRefusal(t(`import.word.field.${role}`), name, named, this.units));
        return [];
      }
      const person = named[0];
      if (!person) {
        this.issue(where, t("import.word.gjb-signer-unknown", { role: t(`import.word.field.${role}`), name, version: revision.version }));
        return [];
      }
      const date = dateText ? normalizeDate(dateText.replace(/\s/g, "")) : undefined;
      return [date ? { by: person.id, date } : { by: person.id }];
    });
    if (signatures.length === 0) return;
    if (role === "countersigned") revision.countersigned = signatures;
    else revision[role] = signatures[0]!;
  }

  // ---- the body ----

  /**
   * The number and title of a paragraph that reads as a heading: "5.2 识别" is 5.2; the Chinese
   * way, "三、职责" is 3 and "（二）文件的审批" is the second sub-section of the open section, whose
   * number is known only in context (`sub`).
   */
  private numberedHeading(p: ParagraphBlock): { number: string; title: string; chinese?: "top" | "sub" } | undefined {
    const text = p.plain;
    if (text.includes("\n")) return undefined;
    const arabic = SECTION_HEADING.exec(text);
    const top = arabic ? undefined : CHINESE_HEADING.exec(text);
    const sub = arabic || top ? undefined : CHINESE_SUB_HEADING.exec(text);
    const m = arabic ?? top ?? sub;
    if (!m) return undefined;
    const title = m[2]!.trim();
    const styled = /^heading \d$/i.test(p.style);
    if (!styled && (title.length > 30 || /[。；;！？!?，,：:]/.test(title))) return undefined;
    if (arabic) return { number: m[1]!.replace(/．/g, "."), title };
    return { number: String(chineseNumeral(m[1]!)), title, chinese: top ? "top" : "sub" };
  }

  private readSections(blocks: Block[], id: string): Section[] {
    const top: Section[] = [];
    // The open sections by depth, with their numbers as written.
    const chain: { number: string; section: Section; body: Block[] }[] = [];
    const all: { number: string; section: Section; body: Block[] }[] = [];
    const counters: number[] = [];
    for (const block of blocks) {
      // A revision record kept at the end of the document is the revision record, not body text.
      if (this.used.has(block) || (block.type === "paragraph" && REVISION_CAPTION.test(labelKey(block.plain)))) continue;
      const heading = block.type === "paragraph" ? this.heading(block, chain, counters) : undefined;
      if (!heading) {
        const open = chain[chain.length - 1];
        if (open) open.body.push(block);
        else if (block.type === "paragraph" && block.plain) this.issue(blockPlace(block), t("import.word.loose-text.front", { text: clip(block.plain) }));
        continue;
      }
      const depth = heading.number.split(".").length;
      chain.length = Math.min(chain.length, depth - 1);
      const entry = { number: heading.number, section: { title: heading.title } as Section, body: [] as Block[] };
      const parent = chain[chain.length - 1];
      if (parent) (parent.section.sections ??= []).push(entry.section);
      else top.push(entry.section);
      chain.push(entry);
      all.push(entry);
    }
    for (const entry of all) {
      const where = t("import.word.place.section", { number: entry.number });
      const key = labelKey(entry.section.title);
      // 6 相关文件 and 7 相关记录 list documents; a sub-section called 记录 (5.11) is body text.
      if (!entry.number.includes(".") && (RELATED_TITLES.test(key) || RECORD_TITLES.test(key))) {
        this.readReferenceSection(entry.body, where);
        entry.section.title = "";
        continue;
      }
      const text = this.markdown(entry.body, where);
      if (text) entry.section.text = text;
      for (const block of entry.body) {
        const blockText = block.type === "paragraph" ? block.plain : block.rows.flatMap((r) => r.map((c) => c.plain)).join("\n");
        for (const mention of findMentions(blockText, within(where, blockPlace(block)))) if (mention.text !== id) this.mentions.push(mention);
      }
    }
    const sectionOf = new Map(all.flatMap((entry) => entry.body.map((block) => [block.place, entry.number] as const)));
    for (const lost of this.word.unreadable) {
      const section = lost.place === undefined ? undefined : sectionOf.get(lost.place);
      const paragraph = lost.place === undefined ? undefined : t("import.word.place.paragraph", { place: lost.place });
      const where = paragraph === undefined ? t("import.word.place.file") : section ? within(t("import.word.place.section", { number: section }), paragraph) : paragraph;
      this.issue(where, t("import.word.lost", { what: lost.what }));
    }
    const sections = prune(top);
    declareNumbers(sections, all);
    return sections;
  }

  /** Whether a paragraph opens a section: its number continues the numbering, or it is a Word heading. */
  private heading(p: ParagraphBlock, chain: { number: string }[], counters: number[]): { number: string; title: string } | undefined {
    const numbered = this.numberedHeading(p);
    const styled = /^heading (\d)$/i.exec(p.style);
    if (numbered && !(p.list && !styled)) {
      // Once the sections are numbered 一、二、…, "1、" and "2、" are the items of a section's text.
      if (numbered.chinese === "top") this.chineseNumbering = true;
      else if (this.chineseNumbering && !numbered.chinese && !numbered.number.includes(".")) return undefined;
      const number = numbered.chinese === "sub" ? (chain[0] ? `${chain[0].number}.${numbered.number}` : undefined) : numbered.number;
      if (!number) return undefined;
      const parts = number.split(".").map(Number);
      const parentNumber = parts.slice(0, -1).join(".");
      const parent = chain[parts.length - 2];
      const fits = parts.length === 1 ? parts[0]! > (counters[0] ?? 0) : parent?.number === parentNumber && parts.length <= chain.length + 1;
      if (!fits) return undefined;
      counters.length = parts.length;
      counters[parts.length - 1] = parts[parts.length - 1]!;
      return { number, title: numbered.title };
    }
    // Word's own heading numbering: the number is not in the text, so it is counted here.
    if (styled && (p.list || chain.length > 0) && p.plain && !p.plain.includes("\n")) {
      const depth = Math.min(Number(styled[1]), chain.length + 1);
      counters.length = depth;
      counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
      return { number: counters.slice(0, depth).map((n) => n ?? 1).join("."), title: p.plain };
    }
    return undefined;
  }

  /** 相关文件 / 相关记录: every line names documents; a line that names none is said. */
  private readReferenceSection(body: Block[], where: string): void {
    const lines: { text: string; where: string }[] = [];
    for (const block of body) {
      if (block.type === "paragraph") {
        for (const line of block.plain.split("\n")) lines.push({ text: line.trim(), where: within(where, blockPlace(block)) });
      } else {
        block.rows.forEach((row, r) => {
          if (row.every((c) => !c.plain || revisionField(c.plain) || headerField(c.plain))) return;
          const numbered = row.find((c) => new RegExp(NUMBER_IN_TEXT.source).test(c.plain));
          lines.push({ text: numbered ? numbered.plain : row.map((c) => c.plain).find((cell) => cell) ?? "", where: within(where, t("import.word.place.row", { place: blockPlace(block), row: r + 1 })) });
        });
      }
    }
    for (const line of lines) {
      if (!line.text || NONE.test(line.text)) continue;
      const found = findMentions(line.text, line.where);
      if (found.length) this.mentions.push(...found);
      else {
        // A bare title, as lists of related documents often are: "文件控制程序".
        const title = line.text.replace(/^[\d.、)）\s-]+/, "").trim();
        this.mentions.push({ text: title, by: "title", where: line.where });
      }
    }
  }

  /** Section body blocks as Markdown: paragraphs, lists (numbered per list), tables. */
  private markdown(blocks: Block[], where: string): string {
    const out: string[] = [];
    let previous: "paragraph" | "list" | "table" | undefined;
    const counters: number[] = [];
    for (const block of blocks) {
      if (block.type === "table") {
        const table = this.markdownTable(block, within(where, blockPlace(block)));
        if (!table) continue;
        if (out.length) out.push("\n\n");
        out.push(table);
        previous = "table";
        counters.length = 0;
        continue;
      }
      if (!block.markdown) continue;
      if (block.list) {
        const level = Math.min(block.list.level, 3);
        counters.length = level + 1;
        counters[level] = (counters[level] ?? 0) + 1;
        const marker = block.list.ordered ? `${counters[level]}. ` : "- ";
        const indent = "   ".repeat(level);
        // Further lines of an outer item continue it as they are; a nested item's need its indent.
        const continuation = level === 0 ? "" : indent + " ".repeat(marker.length);
        if (out.length) out.push(previous === "list" || previous === "paragraph" ? "\n" : "\n\n");
        out.push(indent + marker + block.markdown.split("\n").join(`\n${continuation}`));
        previous = "list";
        continue;
      }
      counters.length = 0;
      if (out.length) out.push("\n\n");
      out.push(block.markdown);
      previous = "paragraph";
    }
    return out.join("");
  }

  private markdownTable(table: TableBlock, where: string): string {
    const width = Math.max(0, ...table.rows.map((r) => r.reduce((n, c) => n + c.colSpan, 0)));
    if (width === 0) return "";
    let joined = false;
    let split = false;
    const rows = table.rows.map((row, r) => {
      const cells: string[] = [];
      for (const cell of row) {
        if (cell.markdown.includes("\n")) joined = true;
        // A header row is bold in Word as in every Markdown rendering: the marks would only repeat it.
        const text = r === 0 ? cell.markdown.replace(/^\*\*([^*]+)\*\*$/, "$1") : cell.markdown;
        cells.push(text.replace(/\n+/g, " ").replace(/\|/g, "\\|"));
        for (let i = 1; i < cell.colSpan; i++) {
          cells.push("");
          split = true;
        }
      }
      while (cells.length < width) cells.push("");
      return `| ${cells.join(" | ")} |`;
    });
    if (joined) this.issue(where, t("import.word.cell-lines-joined"));
    if (split) this.issue(where, t("import.word.merged-cells-split"));
    return [rows[0]!, `|${" --- |".repeat(width)}`, ...rows.slice(1)].join("\n");
  }
}


/** Document numbers and 《titles》 named in a text. */
export function findMentions(text: string, where: string): Mention[] {
  const found: Mention[] = [];
  for (const m of text.matchAll(TITLE_IN_TEXT)) found.push({ text: m[1]!.trim(), by: "title", where });
  for (const m of text.normalize("NFKC").matchAll(NUMBER_IN_TEXT)) if (!STANDARD.test(m[0])) found.push({ text: m[0], by: "number", where });
  return found;
}

/**
 * Each section keeps the number it has in the file: where csr would number it otherwise (a
 * procedure without 4 定义 goes on with 5 作业流程), the number is declared (model/sections.ts), so
 * the document, the CSR matrix and the citations of CSRs print the same number as the Word file.
 */
function declareNumbers(sections: Section[], all: { number: string; section: Section }[]): void {
  const doc = { sections };
  for (const entry of all) {
    const printed = () => documentSections(doc).find((s) => s.section === entry.section)?.number;
    const following = printed();
    if (following === undefined || following === entry.number) continue;
    // The number goes first, as it is written before the title in the file.
    const rest = { ...entry.section };
    for (const key of Object.keys(rest) as (keyof Section)[]) delete entry.section[key];
    Object.assign(entry.section, { number: /^\d+$/.test(entry.number) ? Number(entry.number) : entry.number }, rest);
  }
}

/** Sections that were reference lists are gone from the body (their content is `related` / `forms`). */
function prune(sections: Section[]): Section[] {
  const kept = sections.filter((s) => s.title !== "");
  for (const s of kept) {
    if (!s.sections) continue;
    const sub = prune(s.sections);
    if (sub.length) s.sections = sub;
    else delete s.sections;
  }
  return kept;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, " ");
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

const GJB_ROLES = ["countersigned", "standardization", "military_representative"] as const;

/** The numbers a cell lists, split at 、，or , (ECN-2026-01、ECN-2026-02 → both). */
function splitIds(text: string): string[] {
  return text.split(/[、，,]\s*/).filter(Boolean);
}

/**
 * A 更改原因/依据 cell as csr render prints it (model/revision.ts revisionBasis, in either language),
 * back into the revision's reason, change request, corrective actions and ECN numbers, and its mark 技术状态更改 (configuration change)
 * with its class, the products and documents it affects and the new 首件鉴定 it asks:
 * "原因：…；更改申请：QR-…；纠正措施：8D-…；ECN：A、B" or "reason: …; change request QR-…; corrective action 8D-…; ECN A, B". The labels and separators are the printer's own
 * (revision.basis.*, register.remarks-separator, common.list-separator), a colon full-width or not. A
 * part without one of those labels stays in the reason (with the parts around it), so nothing of the
 * cell is lost.
 */
export function revisionBasisOf(text: string): Pick<Revision, "reason" | "change_request" | "ecn" | "actions" | ConfigurationChangeKey> {
  basisParts ??= {
    labels: basisLabels(),
    separators: new RegExp(`(${LANGS.map((lang) => escapeRegExp(translate(lang, "register.remarks-separator"))).join("|")})`),
    configuration: new Set(LANGS.map((lang) => compareForm(translate(lang, "revision.basis.configuration-change")))),
    classes: new Map(LANGS.flatMap((lang) => CHANGE_CLASSES.map((c) => [compareForm(translate(lang, "revision.basis.configuration-change-class", { class: c })), c] as const))),
    firstArticle: new Set(LANGS.map((lang) => compareForm(translate(lang, "revision.basis.first-article")))),
  };
  const { labels, separators } = basisParts;
  const valueOf = (part: string, field: keyof typeof labels): string | undefined => {
    const prefix = labels[field].find((label) => part.slice(0, label.length).normalize("NFKC").toLowerCase() === label);
    const value = prefix === undefined ? "" : part.slice(prefix.length).trim();
    return value === "" ? undefined : value;
  };
  let reason = "";
  let change_request: string | undefined;
  let ecn: string[] | undefined;
  let actions: string[] | undefined;
  let configuration_change = false;
  let change_class: ChangeClass | undefined;
  let affected_products: string[] | undefined;
  let affected_documents: string[] | undefined;
  let first_article_required = false;
  const { configuration, classes, firstArticle } = basisParts;
  // Split at the separators, each kept: parts of the reason are joined again as the cell wrote them.
  const pieces = text.replace(/\n+/g, " ").split(separators);
  for (let i = 0; i < pieces.length; i += 2) {
    const trimmed = pieces[i]!.trim();
    const request = valueOf(trimmed, "request");
    const numbers = valueOf(trimmed, "ecn");
    const ids = valueOf(trimmed, "actions");
    const products = valueOf(trimmed, "products");
    const documents = valueOf(trimmed, "documents");
    const compared = trimmed.normalize("NFKC").toLowerCase();
    if (configuration.has(compared)) configuration_change = true;
    else if (classes.has(compared) && change_class === undefined) [configuration_change, change_class] = [true, classes.get(compared)];
    else if (firstArticle.has(compared)) first_article_required = true;
    else if (products && affected_products === undefined) affected_products = splitIds(products);
    else if (documents && affected_documents === undefined) affected_documents = splitIds(documents);
    else if (request && change_request === undefined) change_request = request;
    else if (numbers && ecn === undefined) ecn = splitIds(numbers);
    else if (ids && actions === undefined) actions = splitIds(ids);
    else if (trimmed) reason += (reason === "" ? "" : pieces[i - 1]!) + (valueOf(trimmed, "reason") ?? trimmed);
  }
  return {
    ...(reason !== "" ? { reason } : {}),
    ...(change_request ? { change_request } : {}),
    ...(ecn && ecn.length > 0 ? { ecn } : {}),
    ...(actions && actions.length > 0 ? { actions } : {}),
    ...(configuration_change ? { configuration_change } : {}),
    ...(change_class ? { change_class } : {}),
    ...(affected_products && affected_products.length > 0 ? { affected_products } : {}),
    ...(affected_documents && affected_documents.length > 0 ? { affected_documents } : {}),
    ...(first_article_required ? { first_article_required } : {}),
  };
}

type BasisLabel = "reason" | "request" | "ecn" | "actions" | "products" | "documents";

const CHANGE_CLASSES: readonly ChangeClass[] = ["I", "II", "III"];

/** A cell's part as compared with the printer's words: NFKC, lower case. */
const compareForm = (text: string) => text.normalize("NFKC").toLowerCase();

/**
 * basisLabels, the remarks separators of every language (a pattern capturing the one found), and the parts printed
 * whole: the mark 技术状态更改 alone or with its class (to the class it names), and the new 首件鉴定 asked; built on first use.
 */
let basisParts: { labels: Record<BasisLabel, string[]>; separators: RegExp; configuration: Set<string>; classes: Map<string, ChangeClass>; firstArticle: Set<string> } | undefined;

/** Each basis part's label in every language, as compared (NFKC, lower case): the text of its message before the value. */
function basisLabels(): Record<BasisLabel, string[]> {
  // The actions' label has a form by their number (corrective action / corrective actions): both are read.
  const before = (key: "revision.basis.reason" | "revision.basis.request" | "revision.basis.ecn" | "revision.basis.actions" | "revision.basis.affected-products" | "revision.basis.affected-documents", field: string) => [
    ...new Set(LANGS.flatMap((lang) => [1, 2].map((count) => translate(lang, key, { count, [field]: "\u0000" }).split("\u0000")[0]!.normalize("NFKC").toLowerCase()))),
  ];
  return {
    reason: before("revision.basis.reason", "reason"),
    request: before("revision.basis.request", "number"),
    ecn: before("revision.basis.ecn", "numbers"),
    actions: before("revision.basis.actions", "ids"),
    products: before("revision.basis.affected-products", "products"),
    documents: before("revision.basis.affected-documents", "documents"),
  };
}
