/**
 * Two revisions of a fictional customer's supplier quality manual (东岳汽车供应商质量手册 A and B),
 * written for these tests, as text, PDF (HTML printed by the system Chromium) and DOCX (docx).
 * Between A and B: 2.2 gains a sentence, 3.2 防错 is inserted (控制计划 moves from 3.2 to 3.3
 * unchanged), 4 包装与标识 is dropped, 变更通知 moves from 5 to 4 with 60 instead of 30 days,
 * and 5 供应商绩效考核 is new.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph } from "docx";
import { findChromium, startPdfPrinter } from "../../src/render/pdf.js";

type Block = [heading: string | null, ...text: string[]];

export const REVISION_A: Block[] = [
  [null, "东岳汽车供应商质量手册（A版）", "本手册规定东岳汽车对供应商的质量要求。"],
  ["1 范围", "本手册适用于向东岳汽车供货的所有生产件供应商。"],
  ["2 质量体系要求"],
  ["2.1 体系认证", "供应商应通过IATF 16949认证。认证证书到期前三个月应提交更新计划。"],
  ["2.2 内部审核", "供应商每年至少进行一次过程审核。"],
  ["3 特殊特性"],
  ["3.1 特殊特性符号", "关键特性使用实心星号标识。重要特性使用空心星号标识。"],
  ["3.2 控制计划", "控制计划应在PPAP提交前经东岳汽车批准。"],
  ["4 包装与标识", "每个包装标签应包含零件号、数量和批次号。"],
  ["5 变更通知", "任何过程变更应提前30天书面通知东岳汽车。"],
];

export const REVISION_B: Block[] = [
  [null, "东岳汽车供应商质量手册（B版）", "本手册规定东岳汽车对供应商的质量要求。"],
  ["1 范围", "本手册适用于向东岳汽车供货的所有生产件供应商。"],
  ["2 质量体系要求"],
  ["2.1 体系认证", "供应商应通过IATF 16949认证。认证证书到期前三个月应提交更新计划。"],
  ["2.2 内部审核", "供应商每年至少进行一次过程审核和一次产品审核。"],
  ["3 特殊特性"],
  ["3.1 特殊特性符号", "关键特性使用实心星号标识。重要特性使用空心星号标识。"],
  ["3.2 特殊特性的防错", "关键特性应采用防错装置，并每班验证一次。"],
  ["3.3 控制计划", "控制计划应在PPAP提交前经东岳汽车批准。"],
  ["4 变更通知", "任何过程变更应提前60天书面通知东岳汽车。"],
  ["5 供应商绩效考核", "东岳汽车每季度评价供应商的质量和交付绩效。"],
];

export function asText(blocks: Block[]): string {
  return blocks.flatMap(([heading, ...text]) => [...(heading ? [heading] : []), ...text, ""]).join("\n");
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** Both revisions printed by one browser. */
export async function asPdfs(...revisions: Block[][]): Promise<Buffer[]> {
  const printer = await startPdfPrinter(findChromium());
  try {
    const out: Buffer[] = [];
    for (const blocks of revisions) out.push(await printer.print(pageOf(blocks)));
    return out;
  } finally {
    await printer.close();
  }
}

function pageOf(blocks: Block[]): string {
  const body = blocks
    .flatMap(([heading, ...text]) => [...(heading ? [`<h2>${escape(heading)}</h2>`] : []), ...text.map((t) => `<p>${escape(t)}</p>`)])
    .join("\n");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:11pt}h2{font-size:13pt}</style></head><body>${body}</body></html>`;
}

export async function asDocx(blocks: Block[]): Promise<Buffer> {
  const children = blocks.flatMap(([heading, ...text]) => [
    ...(heading ? [new Paragraph({ text: heading, heading: heading.includes(".") ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1 })] : []),
    ...text.map((t, i) => new Paragraph({ text: t, alignment: heading === null && i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT })),
  ]);
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
