// exceljs's XML helpers, loaded on their own (see readXlsx in read.ts). exceljs (pinned in
// package.json) declares no types for them.
declare module "exceljs/lib/utils/utils.js" {
  const utils: { xmlDecode(text: string): string };
  export default utils;
}
