/**
 * csr's own registers that print a form number in their heading (qms.yaml `registers.forms`, by register
 * id), with the command that prints each: the one list of them. `csr organisation update --register-form`
 * accepts these ids, schemas/qms.schema.json's `registers.forms` lists them (test/csr/department-process.test.ts
 * keeps the two alike), and doc/mention-unresolved knows a document citing one by its title, in Chinese and
 * English (按《过程清单》): locales `register.cited.<id>`, which the type check requires of every id here, so a
 * register added here is known everywhere at once (test/documents/mention-register.test.ts cites each).
 */
export const REGISTER_COMMANDS = {
  procedures: "csr list procedures",
  "procedures-gjb": "csr list procedures",
  documents: "csr list documents",
  forms: "csr list forms",
  external: "csr list external",
  obsolete: "csr list obsolete",
  clauses: "csr matrix clauses",
  "clauses-xref": "csr matrix clauses --style cross-reference",
  "csr-matrix": "csr matrix csr",
  "csr-list": "csr list",
  reviews: "csr list reviews",
  symbols: "csr list symbols",
  distribution: "csr list distribution",
  training: "csr list training",
  "training-plan": "csr list training-plan",
  changes: "csr changes <from> <to>",
  processes: "csr list processes",
  disposals: "csr list disposals",
  "management-review": "csr list management-review",
  "periodic-reviews": "csr list periodic-reviews",
  suppliers: "csr list suppliers",
  audits: "csr list audits",
  "audit-programme": "csr list audit-programme",
  "audit-plan": "csr list audit-plan",
  actions: "csr list actions",
  people: "csr list people",
  "training-missing": "csr list training --missing",
  "training-person": "csr list training --person <person>",
  "edition-review": "csr list edition-review",
  "periodic-reviews-due": "csr list periodic-reviews --due-by <day>",
  "flow-down": "csr list flow-down",
  customers: "csr list customers",
  skills: "csr list skills",
  tooling: "csr list tooling",
  "error-proofing": "csr list error-proofing",
  gauges: "csr list gauges",
  "first-articles": "csr list first-articles",
  "key-parts": "csr list key-parts",
  objectives: "csr list objectives",
  "management-review-outputs": "csr list management-review-outputs",
  supervision: "csr list supervision",
  "management-review-report": "csr render <MR id>",
  "register-editions": "csr list register-editions",
} as const;

/** A register id of `registers.forms`. */
export type RegisterWithForm = keyof typeof REGISTER_COMMANDS;

/** The register ids in the order schemas/qms.schema.json lists them. */
export const REGISTERS_WITH_FORMS = Object.keys(REGISTER_COMMANDS) as readonly RegisterWithForm[];
