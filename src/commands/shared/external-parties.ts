import { isMap, isScalar, isSeq, YAMLSeq, type Document, type YAMLMap } from "yaml";
import type { ExternalParty } from "../../model/types.js";

/**
 * Adds `party` to qms.yaml `external_parties` in `doc` (csr department add --external, csr supplier add): last in the
 * list, written in flow style when the list's last entry is; a new list goes right after `departments`, where csr init
 * writes it.
 */
export function appendExternalParty(doc: Document.Parsed, party: ExternalParty): void {
  const node = doc.createNode(party) as YAMLMap;
  const parties = doc.get("external_parties", true);
  if (isSeq(parties)) {
    const last = parties.items[parties.items.length - 1];
    if (isMap(last) && last.flow) node.flow = true;
    parties.items.push(node);
    return;
  }
  const contents = doc.contents as YAMLMap;
  const at = contents.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === "departments");
  const seq = new YAMLSeq();
  seq.items.push(node);
  contents.items.splice(at + 1, 0, doc.createPair("external_parties", seq));
}
