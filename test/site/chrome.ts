/** The site chrome (navigation, search, footer) of the tests that compare pages written by code with csr's templates: every value one that needs escaping. */
import type { Chrome } from "../../src/site/view.js";

/** A value with every character HTML escapes. */
export const hostile = `<b title="x">'&\`=</b>`;

/** A page's chrome in Chinese with hostile values in its navigation and footer, `extra` laid over it. */
export const chrome = (extra: Partial<Chrome> = {}): Chrome => ({
  lang: "zh-CN",
  csp: "default-src 'none'; script-src 'self'",
  root: "../",
  organisation: "江苏安迈 <&>",
  nav: [
    { text: "仪表板", href: "../index.html", current: false },
    { text: hostile, href: `../${hostile}`, current: true },
  ],
  navLabel: "网站导航",
  search: { action: "../search.html", label: "搜索", button: "搜" },
  skip: "跳到正文",
  footer: `由 csr 生成 ${hostile}`,
  listSeparator: "、",
  scripts: [],
  sections: [],
  ...extra,
});
