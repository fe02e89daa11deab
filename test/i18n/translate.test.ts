import { afterEach, describe, expect, it } from "vitest";
import { translate } from "../../src/i18n/index.js";
import { setWording } from "../../src/i18n/terms.js";

describe("translate", () => {
  afterEach(() => setWording("iatf"));

  // translate keeps where it found each key (entriesOf): it must keep it per language and wording.
  it("answers a key in the language and wording asked, whichever it answered before", () => {
    setWording("iatf");
    expect(translate("zh-CN", "as-of.reviews.title", { count: 2 })).toBe("顾客特定要求评审及时性记录（共 2 项）");
    setWording("general");
    expect(translate("zh-CN", "as-of.reviews.title", { count: 2 })).toBe("顾客要求评审及时性记录（共 2 项）");
    expect(translate("en", "as-of.reviews.title", { count: 2 })).toBe("Customer requirement review timeliness (2 in total)");
    setWording("iatf");
    expect(translate("en", "as-of.reviews.title", { count: 2 })).toBe("CSR review timeliness (2 in total)");
    expect(translate("zh-CN", "as-of.reviews.title", { count: 1 })).toBe("顾客特定要求评审及时性记录（共 1 项）");
  });
});
