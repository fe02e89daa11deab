import { describe, expect, it } from "vitest";
import { focusableTables } from "../../src/site/build.js";

// A document's or CSR's page: the tables of its A4 column (table.page up to the site's sections) get tabindex="0" (tester48 #7).
describe("focusableTables", () => {
  it("marks every table of the page's column but the column itself, and none in the site's sections", () => {
    const page =
      '<main><div class="site-box"><table><tr><td>finding</td></tr></table></div>' +
      '<table class="page"><tr><td><table><tr><td>a</td></tr></table><table class="signatures"></table><tablex><table class="page"></table></td></tr></table>' +
      '<div class="site-extras"><table><tr><td>section</td></tr></table></div></main>';
    expect(focusableTables(page)).toBe(
      '<main><div class="site-box"><table><tr><td>finding</td></tr></table></div>' +
        '<table class="page"><tr><td><table tabindex="0"><tr><td>a</td></tr></table><table tabindex="0" class="signatures"></table><tablex><table class="page"></table></td></tr></table>' +
        '<div class="site-extras"><table><tr><td>section</td></tr></table></div></main>',
    );
  });

  it("leaves a page without the column, or without another table in it, as it is", () => {
    expect(focusableTables("<main><table><tr><td>x</td></tr></table></main>")).toBe("<main><table><tr><td>x</td></tr></table></main>");
    expect(focusableTables('<table class="page"><tr><td>x</td></tr></table>')).toBe('<table class="page"><tr><td>x</td></tr></table>');
    expect(focusableTables('<table class="page"><table>')).toBe('<table class="page"><table tabindex="0">');
  });
});
