// A Doorstop tree of the same composition as bench/generate.js's repository, for measuring
// Doorstop 3.2 `doorstop -F` side by side with `csr check` (issue 14's Doorstop rows):
//   node bench/doorstop-tree.js <dir> <entities>
// Doorstop has items only: the entities other than customers and people become items of four
// documents, procedures (QP, the root), work instructions (WI) and forms (QR) each linking one
// procedure, and CSRs linking one or two, with Chinese text. Levels are strings ('1.10' is not
// '1.1'), so the tree validates clean, as the csr repository checks clean but for its deliberate
// findings. Deterministic: the same tree on every machine.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { composition, prng } from "./generate.js";

const PHRASES = [
  "顾客要求在批量生产前完成全部特殊特性的过程能力研究",
  "发运标签须包含零件号、批次号和生产日期",
  "任何过程变更须提前通知顾客并获得书面批准",
  "不合格品须在二十四小时内隔离并通报顾客",
];

/** Writes the tree into `dir` (created if needed; not a git repository: the caller makes one). Returns the number of items. */
export function generateDoorstopTree(dir, n, seed = 20260101) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const c = composition(n);
  const procedure = () => `QP${String(1 + Math.floor(rand() * c.procedures)).padStart(5, "0")}`;
  let items = 0;
  const document = (prefix, parent, count, links) => {
    const folder = join(dir, prefix);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, ".doorstop.yml"), `settings:\n  digits: 5\n  prefix: ${prefix}\n  sep: ''\n${parent ? `  parent: ${parent}\n` : ""}`);
    for (let i = 1; i <= count; i++) {
      const linked = links();
      const lines = [
        "active: true",
        "derived: false",
        "header: ''",
        `level: '1.${i}'`,
        linked.length > 0 ? ["links:", ...linked.map((id) => `- ${id}: null`)].join("\n") : "links: []",
        "normative: true",
        "ref: ''",
        "reviewed: null",
        "text: |",
        `  ${pick(PHRASES)}；${pick(PHRASES)}`,
      ];
      writeFileSync(join(folder, `${prefix}${String(i).padStart(5, "0")}.yml`), lines.join("\n") + "\n");
      items++;
    }
  };
  document("QP", undefined, c.procedures, () => []);
  document("WI", "QP", c.instructions, () => [procedure()]);
  document("QR", "QP", c.forms, () => [procedure()]);
  document("CSR", "QP", c.csrs, () => (rand() < 0.5 ? [procedure()] : [procedure(), procedure()]));
  return items;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) {
    console.error("usage: node bench/doorstop-tree.js <dir> <entities>");
    process.exit(2);
  }
  console.log(`wrote ${generateDoorstopTree(dir, Number(count))} Doorstop items for ${count} entities to ${dir}`);
}
