import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXTERNAL_PARTY_KINDS } from "../../src/model/types.js";
import { ROOT } from "../helpers.js";

describe("outside-party kinds", () => {
  it("are the schema's", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "qms.schema.json"), "utf8"));
    expect(schema.properties.external_parties.items.properties.kind.enum).toEqual([...EXTERNAL_PARTY_KINDS]);
  });
});
