// exceljs's streaming workbook writer, loaded on its own (see writeXlsx in table.ts); its types are
// those exceljs declares for `stream.xlsx.WorkbookWriter`.
declare module "exceljs/lib/stream/xlsx/workbook-writer.js" {
  import type { stream } from "exceljs";
  const WorkbookWriter: typeof stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
