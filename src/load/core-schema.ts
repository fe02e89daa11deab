/**
 * The YAML 1.2 core schema for js-yaml 4, resolving plain scalars exactly as the `yaml` package's
 * core schema does (yaml/dist/schema/core/{int,float}.js). js-yaml's own CORE_SCHEMA is its JSON
 * schema with extras: it reads `0b101`, `+0x1F` and `-0o17` as numbers, `+.5` and `-.5e2` as text
 * and `-0` as 0, where `yaml` (and YAML 1.2) read text, text, 0.5, -50 and -0. Its null and bool
 * types already agree with `yaml`'s (`~`/`null`/`Null`/`NULL`, `true`/`True`/`TRUE`/… only), and
 * it has no timestamp type: dates stay text, as in `yaml`'s core schema.
 */
import { FAILSAFE_SCHEMA, Type, types } from "js-yaml";

const DECIMAL = /^[-+]?[0-9]+$/;
const OCTAL = /^0o[0-7]+$/;
const HEXADECIMAL = /^0x[0-9a-fA-F]+$/;
/** `yaml`'s `float` and `floatExp` together (a text without a dot or exponent is an int above). */
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** `yaml`'s `floatNaN`. */
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** Whether a plain scalar can be a number at all: most are words, refused here by their first character. */
function mayBeNumber(text: string | null): text is string {
  if (text === null) return false;
  const first = text.charCodeAt(0);
  return (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46; // 0-9 + - .
}

const int = new Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (text: string | null) => mayBeNumber(text) && (DECIMAL.test(text) || OCTAL.test(text) || HEXADECIMAL.test(text)),
  construct: (text: string) => (text[1] === "o" ? parseInt(text.slice(2), 8) : text[1] === "x" ? parseInt(text.slice(2), 16) : parseInt(text, 10)),
});

const float = new Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (text: string | null) => mayBeNumber(text) && (FLOAT.test(text) || INFINITY_OR_NAN.test(text)),
  construct: (text: string) => {
    if (!INFINITY_OR_NAN.test(text)) return parseFloat(text);
    return text.endsWith("nan") || text.endsWith("NaN") || text.endsWith("NAN") ? NaN : text[0] === "-" ? -Infinity : Infinity;
  },
});

/** Plain scalars are tried in this order, as in js-yaml's own core schema. */
export const YAML_CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [types.null, types.bool, int, float] });
