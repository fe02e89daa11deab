/** In-process tests read messages in English, as the CLI tests do (test/helpers.ts `csr`); test/cli/i18n.test.ts covers Chinese. */
import { setLanguage } from "../src/i18n/index.js";

setLanguage("en");
