/**
 * The parts of an xlsx file (SpreadsheetML in a zip, ECMA-376) as csr writes its registers, written
 * directly: the XML text of each part and the zip around them. The parts are those exceljs's streaming
 * writer (4.4.0) wrote for the same workbook, byte for byte, except docProps/core.xml, which names csr
 * as its last author (exceljs named itself); only the zip container (entry order, compression) differs.
 * exceljs built an object per cell and row, merged and looked up styles per cell and piped every part
 * through streams: at 1,000 entities it took 0.55 s of the 1.9 s of `csr site` (15 workbooks), and more
 * than `csr render --all` took for every document. report/table.ts decides what goes in a sheet
 * (widths, styles, print layout); this module knows how it is spelled.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { constants, crc32, deflateRawSync } from "node:zlib";

const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const XML_ESCAPES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };

/** Text or an attribute value in XML: markup characters escaped, control characters that XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  XML_SPECIAL.lastIndex = 0;
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL, (c) => XML_ESCAPES[c] ?? "") : text;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** A, B … Z, AA … for a 1-based column number. */
export function columnLetter(n: number): string {
  let letters = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** What a cell format is made of: each part given as its XML, or a number format's code. */
export interface CellFormat {
  numFmt?: string;
  font?: string;
  fill?: string;
  border?: string;
  alignment?: string;
}

/**
 * The workbook's cell formats (styles.xml), numbered in the order they are first used, each font,
 * fill, border and number format once.
 */
export class StyleSheet {
  private readonly numFmts: string[] = [];
  private readonly fonts = ['<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly ids = new Map<CellFormat, number>();
  private readonly numFmtIds = new Map<string, number>();

  private numFmt(code: string): number {
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.length;
      this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
      this.numFmtIds.set(code, id);
    }
    return id;
  }

  /** The number of a format (0 is the default); the same object is looked up once. */
  id(format: CellFormat): number {
    let id = this.ids.get(format);
    if (id !== undefined) return id;
    const numFmt = format.numFmt ? this.numFmt(format.numFmt) : 0;
    const font = format.font ? indexOf(this.fonts, format.font) : 0;
    const border = format.border ? indexOf(this.borders, format.border) : 0;
    const fill = format.fill ? indexOf(this.fills, format.fill) : 0;
    const applied = `${numFmt ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}${format.alignment ? ' applyAlignment="1"' : ""}`;
    const xf = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}${format.alignment ? `>${format.alignment}</xf>` : "/>"}`;
    id = indexOf(this.xfs, xf);
    this.ids.set(format, id);
    return id;
  }

  get xml(): string {
    return (
      `${DECLARATION}\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
      (this.numFmts.length ? `<numFmts count="${this.numFmts.length}">${this.numFmts.join("")}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}" x14ac:knownFonts="1">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join("")}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>'
    );
  }
}

function indexOf(list: string[], xml: string): number {
  const at = list.indexOf(xml);
  if (at >= 0) return at;
  list.push(xml);
  return list.length - 1;
}

/** How a sheet is printed and named in the workbook. */
export interface SheetInfo {
  name: string;
  /** Columns of the autofilter over row 2; 0 for none. */
  filterColumns: number;
  /** Columns repeated on every page across, e.g. "A:B". */
  printTitlesColumn?: string;
}

/**
 * A zip file written as its entries come: each entry deflated in pieces of about a megabyte (each
 * piece ends in a sync flush, so the pieces make one deflate stream) and written out, so that a
 * large sheet is never held whole.
 */
class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: { name: Buffer; crc: number; compressed: number; size: number; offset: number }[] = [];
  private readonly time: number;
  private readonly date: number;

  constructor(path: string) {
    this.fd = openSync(path, "w");
    const now = new Date();
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
    this.date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  /** An entry whose text comes in pieces: `fill` writes them. */
  entry(name: string, fill: (write: (text: string) => void) => void): void {
    let crc = 0;
    let size = 0;
    const pieces: Buffer[] = [];
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = (last: boolean) => {
      const data = Buffer.from(pending.join(""));
      pending = [];
      pendingLength = 0;
      crc = crc32(data, crc);
      size += data.length;
      pieces.push(deflateRawSync(data, last ? {} : { finishFlush: constants.Z_SYNC_FLUSH }));
    };
    fill((text) => {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= PIECE) flush(false);
    });
    flush(true);
    const compressed = pieces.reduce((sum, p) => sum + p.length, 0);
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset: this.offset });
    this.write(header, nameBytes, ...pieces);
  }

  close(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt16LE(this.time, 12);
      central.writeUInt16LE(this.date, 14);
      central.writeUInt32LE(e.crc, 16);
      central.writeUInt32LE(e.compressed, 20);
      central.writeUInt32LE(e.size, 24);
      central.writeUInt16LE(e.name.length, 28);
      central.writeUInt32LE(e.offset, 42);
      this.write(central, e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
  }

  abort(): void {
    closeSync(this.fd);
  }

  private write(...buffers: Buffer[]): void {
    for (const b of buffers) {
      let done = 0;
      while (done < b.length) done += writeSync(this.fd, b, done, b.length - done);
      this.offset += b.length;
    }
  }
}

/** Characters of XML deflated at a time. */
const PIECE = 1 << 20;

/**
 * Writes a workbook to `path`: `sheets` writes each sheet's XML (worksheets/sheetN.xml, in order)
 * through `write`, with the workbook's styles, and says how it is named and printed.
 */
export function writeWorkbook(path: string, sheets: (sheet: (info: SheetInfo, fill: (write: (text: string) => void) => void) => void, styles: StyleSheet) => void): void {
  const zip = new ZipWriter(path);
  try {
    const styles = new StyleSheet();
    const infos: SheetInfo[] = [];
    sheets((info, fill) => {
      infos.push(info);
      zip.entry(`xl/worksheets/sheet${infos.length}.xml`, fill);
    }, styles);
    const part = (name: string, xml: string) => zip.entry(name, (write) => write(xml));
    const names = infos.map((s) => xmlText(s.name));
    part(
      "[Content_Types].xml",
      `${DECLARATION}\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        infos.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
        '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    );
    part(
      "_rels/.rels",
      relationships([
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"],
        ["http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"],
      ]),
    );
    part(
      "docProps/app.xml",
      `${DECLARATION}\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
        `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${infos.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
        `<TitlesOfParts><vt:vector size="${infos.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>` +
        "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>",
    );
    const now = new Date().toISOString().replace(/[.]\d{3}/, "");
    part(
      "docProps/core.xml",
      `${DECLARATION}\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>csr</dc:creator><cp:lastModifiedBy>csr</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    );
    // The autofilters' ranges, then the rows (and columns) printed on every page. LibreOffice shows an
    // autofilter only when the workbook also names its range _xlnm._FilterDatabase for that sheet, as
    // Excel itself writes it (LibreOffice bug 118592).
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const definedNames = [
      ...infos.flatMap((s, i) => (s.filterColumns > 0 ? [`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}">${xmlText(`${quoted(s.name)}!$A$2:$${columnLetter(s.filterColumns)}$2`)}</definedName>`] : [])),
      ...infos.map((s, i) => {
        const [from, to] = s.printTitlesColumn?.split(":") ?? [];
        const ranges = [...(s.printTitlesColumn ? [`'${s.name}'!$${from}:$${to}`] : []), `'${s.name}'!$1:$2`];
        return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(ranges.join(","))}</definedName>`;
      }),
    ];
    part(
      "xl/workbook.xml",
      `${DECLARATION}\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>` +
        (infos.length ? `<sheets>${names.map((n, i) => `<sheet sheetId="${i + 1}" name="${n}" state="visible" r:id="rId${i + 3}"/>`).join("")}</sheets>` : "<sheets/>") +
        (definedNames.length ? `<definedNames>${definedNames.join("")}</definedNames>` : "<definedNames/>") +
        '<calcPr calcId="171027"/></workbook>',
    );
    part(
      "xl/_rels/workbook.xml.rels",
      relationships([
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"],
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme", "theme/theme1.xml"],
        ...infos.map((_, i): [string, string] => ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", `worksheets/sheet${i + 1}.xml`]),
      ]),
    );
    part("xl/styles.xml", styles.xml);
    part("xl/theme/theme1.xml", theme());
    zip.close();
  } catch (error) {
    zip.abort();
    throw error;
  }
}

function relationships(list: [type: string, target: string][]): string {
  return `${DECLARATION}\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join("")}</Relationships>`;
}

/** The default Office theme, as exceljs ships it (a module of one string). */
function theme(): string {
  return createRequire(import.meta.url)("exceljs/lib/xlsx/xml/theme1.js") as string;
}
