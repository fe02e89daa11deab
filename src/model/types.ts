/** Typed entities of a document repository, one interface per schema in schemas/. */

export type Path = readonly (string | number)[];
export type DocumentKind = "manual" | "procedure" | "instruction" | "form" | "external";
export type DocumentStatus = "draft" | "in-review" | "released" | "obsolete";

/**
 * The conclusion of a periodic review of a document (GJB 9001C 7.5.2/7.5.3, IATF 16949 7.5.3:
 * suitability and adequacy): still suitable (继续有效), to be revised (需修订) or to be withdrawn
 * (拟作废). Only `suitable` restarts the review interval (doc/periodic-review-due).
 */
export const PERIODIC_REVIEW_RESULTS = ["suitable", "revise", "withdraw"] as const;
export type PeriodicReviewResult = (typeof PERIODIC_REVIEW_RESULTS)[number];

/** One entry of a document's `reviews`; without `result` it found the document suitable. */
export interface PeriodicReview {
  by: string;
  date: string;
  result?: PeriodicReviewResult;
  comment?: string;
  /** For a revise or withdraw conclusion: the day it is to be carried out by (完成期限; csr periodic-review --due). */
  due?: string;
  /** For a revise or withdraw conclusion: who carries it out (责任人, a people.yaml id; csr periodic-review --owner). */
  owner?: string;
  /** The catalog id of a new edition (IATF16949E2) the review was also for: 换版评审 (csr periodic-review --for-edition). */
  edition?: string;
}
/** What a person may sign (people.yaml `roles`); `standardization` is GJB's 标准化审查 (the standardization check of a document before approval). */
export type Role = "author" | "reviewer" | "approver" | "document-controller" | "standardization";
export type Disposition = "must" | "optional" | "not-applicable" | "rejected";
export type OpinionValue = "accept" | "accept-with-action" | "reject";

export interface DayRange {
  from: string;
  to: string;
  name?: string;
  /** The name in English, which English output prints (calendars/CN.yaml gives each holiday's). */
  name_en?: string;
}

/** A public year typed into qms.yaml from its State Council notice, before csr ships it (calendar.years). */
export interface RepositoryCalendarYear {
  year: number;
  notice: string;
  holidays: (string | DayRange)[];
  workdays: (string | DayRange)[];
}

export interface QmsConfig {
  organisation: { name: string; name_en?: string };
  language?: "zh-CN" | "en";
  standards: string[];
  exclusions?: { clause: string; justification: string }[];
  /** How clause coverage is counted (model/coverage.ts). */
  coverage?: { inherit_from_parent?: boolean };
  departments: Department[];
  /** Organisations outside the company that hold controlled copies or sign (军代表室); never departments. */
  external_parties?: ExternalParty[];
  numbering?: { kind: DocumentKind; pattern: string; family?: string }[];
  calendar?: { base?: "CN" | "none"; weekdays?: number[]; holidays?: (string | DayRange)[]; workdays?: (string | DayRange)[]; years?: RepositoryCalendarYear[] };
  csr?: { review_days?: number; warn_days?: number; /** Calendar days a supplier has to acknowledge a CSR passed down (csr/flow-down-missing; default 30). */ flow_down_acknowledge_days?: number; /** A must-meet CSR without a flow-down decision is a finding of csr/flow-down-missing (off by default). */ flow_down_decision_required?: boolean; reviewers?: CsrReviewer[]; categories?: string[]; categories_en?: Record<string, string>; review_form?: string };
  document_control?: {
    recall_days?: number;
    /** Working days within which the copies of a superseded version of a document marking a special characteristic are back (default 0: on the day the new version takes effect); never more than recall_days. */
    special_recall_days?: number;
    training_days?: number;
    /** Working days from a release to the day csr release proposes a version needing training take effect (default 5): training comes before the work. */
    training_lead_days?: number;
    /** Calendar days after a training session by which its effectiveness is evaluated (doc/training-not-evaluated, csr/training-not-evaluated); absent: not watched. */
    training_evaluation_days?: number;
    review_warn_days?: number;
    /** The periodic review interval in months csr new gives a new document of each kind (its review_interval_months). */
    review_interval_months?: Partial<Record<Exclude<DocumentKind, "external">, number>>;
    /** Months within which each customer source and external document held is confirmed still current (外来文件有效性确认): doc/external-check-due. */
    external_check_months?: number;
    /** The departments whose 会签 each revision of a kind of document needs (model/countersign.ts); a document adds its own (countersign_departments). */
    countersign?: Partial<Record<Exclude<DocumentKind, "external">, CountersignDepartment[]>>;
    /** Every release of a manual, procedure or instruction is issued electronically (on OA, read-only): csr release records it. */
    electronic_issue?: { system?: string; to?: string[]; issued_by?: string };
  };
  confidentiality?: string;
  confidentiality_en?: string;
  /** How printed documents of each level are laid out: signature rows, revision-record columns, level label, 密级. */
  document_layouts?: DocumentLayout[];
  /** How printed registers are headed: each register's own form by table id, and the signature lines. */
  registers?: { forms?: Record<string, string>; signatures?: string[] };
  rules?: Record<string, "error" | "warning" | "off">;
  /**
   * The internal audit programme (内部审核方案): months within which each process is audited again (model/process-audits.ts), and
   * the days before an auditor qualification lapses that person/auditor-qualification-expiring warns (0: never).
   */
  internal_audit?: { interval_months?: number; requalification_notice_days?: number; action_due_working_days?: number; /** The month (1–12) from which next year's audit plan is due (nextYearPlanMissing); 12 when absent. */ plan_month?: number };
  /** The skills matrix (多能工矩阵): how many people each station needs qualified III or IV (default 2; 0: not checked). */
  skills?: { min_qualified?: number };
  /** Every customer's complaint deadlines, step by step; a customer's own complaint_deadlines gives the steps it sets (model/actions.ts complaintDeadlines). */
  complaint_deadlines?: Partial<Record<ActionStepId, StepDeadline>>;
  /**
   * The deadlines of an external audit's nonconformity in calendar days from the closing meeting (model/external-audits.ts):
   * the response submitted (default 60) and the nonconformity management complete (default 90), IATF Rules 5th ed. 5.11.
   */
  external_audit?: { response_days?: number; closure_days?: number };
  /** The control of suppliers: days before a certificate expires from which csr check warns (supplier/certificate-expiring; model/suppliers.ts). */
  suppliers?: { certificate_warn_days?: number; action_grade?: SupplierGrade; audit_months?: Partial<Record<SupplierRisk, number>> };
}

/** The signatures a revision can carry, in the order the header prints them: 编制, 审核, 会签, 标准化审查, 批准, 军代表. */
export const SIGNATURE_ROLES = ["prepared", "reviewed", "countersigned", "standardization", "approved", "military_representative"] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];
/**
 * A column of the printed revision record (修订记录). `countersigned`, `standardization` and
 * `military_representative` hold each revision's 会签, 标准化审查 and 军代表 signers (GJB 9001C 7.5.2).
 */
export type RevisionColumn = "date" | "number" | "version" | "pages" | "total_pages" | "summary" | "by" | "reviewed_by" | "countersigned" | "standardization" | "approved_by" | "military_representative" | "effective" | "basis";

/**
 * The printed layout of some documents (qms.yaml `document_layouts`): those of the levels, kinds and numbering families it
 * names (each one named must fit; at least one is named). The most specific entry applies (model/index.ts documentLayout).
 */
export interface DocumentLayout {
  levels?: (1 | 2 | 3 | 4)[];
  /** Kinds of documents (instruction, form, …). */
  kinds?: Exclude<DocumentKind, "external">[];
  /** Numbering families of qms.yaml `numbering`, each by its name (工艺规程) or pattern (CSGY-XX3-###), as `csr new --family` takes them. */
  families?: string[];
  /** The day the layout was introduced (YYYY-MM-DD): revisions issued before it keep the layout they were issued on. */
  since?: string;
  /** Printed above the title, e.g. 三阶文件. */
  label?: string;
  label_en?: string;
  signatures?: (SignatureRole | { role: SignatureRole; label?: string; label_en?: string })[];
  revisions?: (RevisionColumn | { column: RevisionColumn; label?: string; label_en?: string })[];
  /** The 密级 marking printed when the document gives none, e.g. 内部. */
  classification?: string;
}

/** A department whose 会签 a revision needs: its code, or its code and the day from which revisions need it (model/countersign.ts). */
export type CountersignDepartment = string | { department: string; since: string };

/** A department of qms.yaml csr.reviewers: its code, or its code and the day it began to countersign. */
export type CsrReviewer = string | { department: string; since: string };

export interface Department {
  code: string;
  name: string;
  name_en?: string;
  /** People of other departments who may give this department's CSR review opinion (代签). */
  delegates?: string[];
  /** Other names registers write for it (former names: 制造部 for PRD), which csr import reads as it, saying so. */
  aliases?: string[];
}

/**
 * An organisation outside the company (qms.yaml `external_parties`), such as the military
 * representative office (军代表室) of a GJB 9001C supplier: it receives and returns controlled copies
 * and its people sign documents (军代表), but it reviews no CSR, owns no document and is trained by nobody.
 */
export interface ExternalParty {
  code: string;
  name: string;
  name_en?: string;
  kind?: ExternalPartyKind;
}

/** What an outside party is; schemas/qms.schema.json `external_parties[].kind` lists the same values (test/model/external-party-kinds.test.ts). */
export const EXTERNAL_PARTY_KINDS = ["military-representative", "customer", "certification-body", "supplier", "other"] as const;
export type ExternalPartyKind = (typeof EXTERNAL_PARTY_KINDS)[number];

/** A supplier's approval status (供方评价结论): 合格, 有条件合格, 暂停供货, 取消资格 (schemas/supplier.schema.json). */
export const SUPPLIER_STATUSES = ["approved", "conditional", "suspended", "disqualified"] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];

/** A decision on a supplier's approval: `status` from `date` (YYYY-MM-DD), decided by `by` (a people.yaml id). */
export interface SupplierApproval {
  status: SupplierStatus;
  date: string;
  by: string;
  remark?: string;
}

/** A supplier's quality management system certificate, valid to `valid_until` (YYYY-MM-DD, included). */
export interface SupplierCertificate {
  standard: string;
  number: string;
  body?: string;
  valid_until: string;
}

/** A second-party audit of a supplier (IATF 16949 8.4.2.4.1): on `date`, led by `by` (a people.yaml id). */
export interface SupplierAudit {
  date: string;
  by: string;
  report?: string;
  result: "passed" | "conditional" | "failed";
}

/**
 * A supplier's risk class for its second-party audits (IATF 16949 8.4.2.4.1): high, medium, low (model/suppliers.ts
 * supplierRisk); schemas/qms.schema.json `suppliers.audit_months` is keyed by the same values.
 */
export const SUPPLIER_RISKS = ["high", "medium", "low"] as const;
export type SupplierRisk = (typeof SUPPLIER_RISKS)[number];

/** A supplier's performance grade (业绩等级), best first: A 优秀, B 良好, C 需改进, D 不合格. */
export const SUPPLIER_GRADES = ["A", "B", "C", "D"] as const;
export type SupplierGrade = (typeof SUPPLIER_GRADES)[number];

/**
 * A supplier performance rating (供方业绩评价) of a period (IATF 16949 8.4.2.4: delivered product quality, delivery
 * performance, customer disruptions incl. field returns): `period` 2026, 2026-H2, 2026-Q4 or 2026-11; quality in PPM
 * (质量 PPM, parts per million rejected), on-time delivery in percent (交付准时率), disruptions caused at the customer
 * (顾客干扰次数, field returns included), the grade; who rated it, on which day, in which record.
 */
export interface SupplierRating {
  period: string;
  ppm?: number;
  on_time?: number;
  disruptions?: number;
  grade: SupplierGrade;
  date: string;
  by: string;
  record?: string;
}

/**
 * A supplier's record (suppliers/<code>.yaml, 供方档案): what the outside party of kind supplier with
 * this code supplies, its approvals (oldest first), certificates and second-party audits.
 */
export interface SupplierRecord {
  code: string;
  supplies?: string[];
  special_characteristics?: boolean;
  approvals?: SupplierApproval[];
  /** Its quality management system development (IATF 16949 8.4.2.3): the standard it is to be certified to, by when (YYYY-MM-DD), how. */
  development?: { target: string; due?: string; note?: string };
  /** The customer's authorisation to buy from it without an ISO 9001 certificate (IATF 16949 8.4.2.3): a customer code, the record. */
  customer_authorisation?: { customer: string; record?: string };
  certificates?: SupplierCertificate[];
  audits?: SupplierAudit[];
  /** Its performance ratings (csr supplier rate), in the order recorded. */
  ratings?: SupplierRating[];
}

export interface Person {
  id: string;
  name: string;
  name_en?: string;
  /** A department's code, or an outside party's (ExternalParty) for someone not of the company. */
  department: string;
  title?: string;
  roles: Role[];
  emails?: string[];
  /** The day the person starts work (到岗), YYYY-MM-DD: before it they do no work. */
  joined?: string;
  /** The day the person left (离职), YYYY-MM-DD: kept because records name them, not offered for new work. */
  left?: string;
  /** Their internal auditor qualification (内审员资格), oldest first (model/process-audits.ts auditorQualification). */
  internal_auditor?: AuditorQualification[];
  /** The employee number (工号): a trainee written 王小二(1023) or 1023 is this person. */
  number?: string;
  /** An operator (操作工): trained, qualified and holding copies, not offered for signing, review or countersigning. */
  operator?: boolean;
  /** The stations (工位, e.g. OP20) the person works at: a work instruction naming them is theirs to be trained on. */
  stations?: string[];
  /** Their station qualifications (多能工矩阵: 技能等级), in the order recorded (csr qualify; model/skills.ts). */
  skills?: SkillRecord[];
}

/** A qualification level at a station: I 培训中, II 在指导下操作, III 独立操作, IV 能培训他人. */
export type SkillLevel = "I" | "II" | "III" | "IV";

/**
 * One record of a person's qualification at a station (IATF 16949 7.2.1, 7.2.2, 8.5.1 e; GJB 9001C 7.2 上岗资格):
 * the level assessed on `date` (YYYY-MM-DD) by `by` (a people.yaml id), with its proof; or its withdrawal
 * (`withdrawn`, with `reason`). A later record of the same station supersedes an earlier one, which stays.
 */
export interface SkillRecord {
  station: string;
  level?: SkillLevel;
  withdrawn?: boolean;
  date: string;
  by: string;
  evidence?: string;
  reason?: string;
}

/**
 * A period of a person's auditor qualification (IATF 16949 7.2.3, 7.2.4): from `since` to `until` (both YYYY-MM-DD,
 * included), with its proof and the kinds of audit it qualifies for (absent: a QMS auditor's, 内审员).
 */
export interface AuditorQualification {
  since: string;
  until?: string;
  /** Certificate or training record number. */
  record?: string;
  kinds?: AuditorKind[];
}

/**
 * The kinds of auditor IATF 16949 tells apart, each with its own competence: the quality management system auditor
 * (7.2.3, audits of 9.2.2.2 — those processes.yaml records), the manufacturing process auditor (9.2.2.3), the
 * product auditor (9.2.2.4) and the second-party auditor of suppliers (7.2.4). schemas/people.schema.json
 * `internal_auditor[].kinds` lists the same values (test/model/auditor-qualification.test.ts).
 */
export const AUDITOR_KINDS = ["qms", "manufacturing-process", "product", "second-party"] as const;
export type AuditorKind = (typeof AUDITOR_KINDS)[number];

export interface SourceRevision {
  revision: string;
  issued?: string;
  received: string;
  /** The customer's 实施日期: the day from which it requires this revision to be met in production. */
  effective?: string;
  /** What it changed from the revision before (变更内容), as the customer states it (csr source add/update --summary). */
  summary?: string;
  summary_en?: string;
  file?: string;
  status?: "current" | "superseded";
  supersedes?: string;
  /** Reviewed, it holds no requirement for the supplier (无特定要求): who decided so and when (csr source update --without-requirements). */
  no_requirements?: { by: string; date: string };
}

export interface SourceDocument {
  id: string;
  title: string;
  title_en?: string;
  /** The department that keeps it (保管部门 of the 外来文件清单): a qms.yaml department code. */
  department?: string;
  /** Its 密级 (model/classification.ts CLASSIFICATIONS), which its CSRs inherit. */
  classification?: string;
  revisions: SourceRevision[];
  /** Checks that the revision held is still the customer's current one (csr source confirm), in the order recorded. */
  confirmations?: CurrencyConfirmation[];
  /** Controlled copies of its revisions handed out and taken back (csr distribute, csr recall; model/source-copies.ts), `version` the revision. */
  distribution?: ControlledCopy[];
}

/**
 * A check that the revision of an external document held is still its publisher's current one (外来文件有效性确认,
 * 标准查新): on `date` `by` (a people.yaml id) found `revision` current, `via` where (the customer's portal, a mail, 标准网).
 */
export interface CurrencyConfirmation {
  date: string;
  by: string;
  revision: string;
  via?: string;
}

export interface Customer {
  code: string;
  name: string;
  name_en?: string;
  class?: "A" | "B" | "C";
  contacts?: { name: string; role?: string; email?: string; phone?: string }[];
  notes?: string;
  sources?: SourceDocument[];
  /** The customer's deadlines for handling a complaint (e.g. 24 h containment, D4 in 5 working days), counted from its receipt; `csr` names the CSR that sets them. */
  complaint_deadlines?: ComplaintDeadlines;
  /** The time within which a product or process change is notified to the customer (DYA-004: 5 working days), from the day it takes effect; `csr` names the CSR that requires it. */
  change_notification?: { csr?: string } & StepDeadline;
  /** The customer's performance targets for the organisation (IATF 16949 9.1.2.1, 9.3.3.1): PPM at most, delivery in percent at least (csr customer update --target-ppm, --target-delivery). */
  targets?: CustomerTargets;
  /** The customer's scorecards (顾客计分卡, IATF 16949 9.1.2.1), one per period, in the order recorded (csr customer score). */
  scorecards?: CustomerScorecard[];
  /** Special statuses the customer placed the organisation in (controlled shipping, new business hold; IATF 16949 9.1.2.1), oldest first (csr customer special-status). */
  special_status?: CustomerSpecialStatus[];
}

/** A customer's targets: delivered quality in PPM at most, delivery performance in percent at least. */
export interface CustomerTargets {
  ppm?: number;
  delivery?: number;
}

/** The kinds of customer special status (IATF 16949 9.1.2.1 "customer notifications ... including special status"). */
export const SPECIAL_STATUSES = ["controlled-shipping-1", "controlled-shipping-2", "new-business-hold", "other"] as const;
export type SpecialStatusKind = (typeof SPECIAL_STATUSES)[number];

/**
 * A special status the customer placed the organisation in: which, from and until when (YYYY-MM-DD; no `until`: in force),
 * what the customer wrote (note) and its reference (record), and the day the certification body was told (cb_notified).
 */
export interface CustomerSpecialStatus {
  status: SpecialStatusKind;
  from: string;
  until?: string;
  note?: string;
  record?: string;
  cb_notified?: string;
}

/**
 * One period of a customer's scorecard as the customer published it (its portal, its KPI letter; IATF 16949 9.1.2.1): the
 * period (2026, 2026-H2, 2026-Q4, 2026-11), delivered quality in PPM, delivery performance in percent, the customer's grade and
 * rank as it writes them (A, 绿, 92分; 3/45), the complaints it counted, the day and who recorded it, and the record's number.
 */
export interface CustomerScorecard {
  period: string;
  ppm?: number;
  delivery?: number;
  grade?: string;
  rank?: string;
  complaints?: number;
  date: string;
  by: string;
  record?: string;
  /** The action plan for a period below the customer's targets (IATF 16949 9.3.3.1): an action's id (8D-2026-004) or a management review output's (MR-2026-2/1). */
  action_plan?: string;
}

/**
 * A customer notified of a revision's change, or to be: by when (due), when notified and when it approved, each
 * YYYY-MM-DD, and why a notification after its due date was late (csr sign --late-reason).
 */
export interface CustomerNotice {
  customer: string;
  due?: string;
  notified?: string;
  approved?: string;
  late_reason?: string;
  /** What was sent and its number (更改通知单号, PPAP submission id, the SQE's mail subject): csr sign --notice-ref. */
  reference?: string;
  /** To whom at the customer (its SQE, from the customer's contacts): csr sign --notice-to. */
  to?: string;
  /** The evidence of the approval (PPAP approval number, the customer's letter): csr sign --approval-ref. */
  approval_reference?: string;
}

/** A step's deadline after a complaint is received: calendar days (24 h = 1) or working days of the repository's calendar. */
export type StepDeadline = { days: number } | { working_days: number };

export type ComplaintDeadlines = { csr?: string } & Partial<Record<ActionStepId, StepDeadline>>;

export interface Signature {
  by: string;
  date?: string;
}

export interface Opinion {
  department: string;
  reviewer: string;
  opinion: OpinionValue;
  date: string;
  comment?: string;
}

export interface Decision {
  disposition: Disposition;
  justification?: string;
  by: string;
  date: string;
  forced?: boolean;
  /** Only with `rejected`: the alternative agreed with the customer, which is then what the organisation meets (decidedToMeet). */
  alternative?: AgreedAlternative;
}

/**
 * What is met instead of a requirement the organisation could not accept as written, as agreed with the
 * customer (csr review --alternative; IATF 16949 4.3.2 and 7.5.3.2.2: the agreed deviation is the requirement
 * now): the text of the alternative, who agreed it for the customer (a name: its SQE is no person of
 * people.yaml), the day (YYYY-MM-DD) and the record of the agreement (minutes, letter, mail).
 */
export interface AgreedAlternative {
  text: string;
  agreed_with: string;
  agreed_on: string;
  record?: string;
}

/**
 * An entry of `review.history`: an earlier review round, closed when a new source revision
 * restarted the review (`source_revision` is the revision it reviewed), or an amended opinion or
 * decision (`reason: amended`, no `source_revision`).
 */
export interface ReviewRound {
  source_revision?: string;
  closed?: string;
  /** The source revision whose receipt closed the round (csr source update): the reports say why from it, in the reader's language. */
  revised_to?: string;
  reason?: string;
  /** The departments that round had to countersign, when the CSR named its own (review.required, kept by csr source update and csr review --required). */
  required?: string[];
  /**
   * The requirement as that round reviewed it, when the customer's new revision changed it: written
   * by `csr set` when the new wording is recorded in the new round (absent: as the CSR reads now).
   */
  title?: string;
  text?: string;
  clauses?: string[];
  opinions?: Opinion[];
  /** That round's signed review record, when its opinions were given on paper. */
  record?: ReviewRecord;
  decision?: Decision;
  /** Why that round's decision came after its review period; an amended entry: the reason it replaced. */
  late_reason?: string;
  /** That round's review report signatures: 记录 and 评审组长. */
  recorder?: Signature;
  leader?: Signature;
  /** That round's military representative's (军代表) signature of agreement on the review report. */
  military_representative?: Signature;
}

/**
 * The review report's (评审报告) signatures besides the decision's 批准, in the order the report
 * prints them: 记录 (`review.recorder`), 评审组长 (`review.leader`) and, in a GJB 9001C repository, 军代表
 * (`review.military_representative`); a closed round keeps its own.
 */
export const REPORT_SIGNER_ROLES = ["recorder", "leader", "military_representative"] as const;

/**
 * What a link was made or confirmed against (model/fingerprint.ts). `previous`: the revision in force
 * when the link was confirmed against `revision`, released to take effect later (csr release
 * --effective); the link addressed the CSR through it and keeps doing so until `revision` takes effect
 * (model/csr-status.ts addressing).
 */
export interface LinkPin {
  revision?: string;
  previous?: string;
  /**
   * Made (or confirmed) while the document was being revised (修订中) against text of its draft that
   * `revision`, the one in force, does not have (tester56 D2): the link addresses the CSR only once
   * that text is released (csr release moves the pin to the new revision and removes the mark).
   */
  draft?: true;
  section: string;
  csr: string;
  by?: string;
  date: string;
}

/** Where a CSR is addressed, and what the link was made or confirmed against. */
export interface AddressedIn {
  document: string;
  section?: string;
  /** `history`: the pins `csr address --confirm` replaced, earliest first (model/link-start.ts confirmedFrom; tester54a A12). */
  pin?: LinkPin & { history?: LinkPin[] };
}

/** One training session: who was trained on which revision (a document version or a CSR source revision). */
export interface TrainingSession {
  revision?: string;
  date: string;
  /** Who was trained, among the people of people.yaml (ids); absent when `department` or `trainees` says it. */
  people?: string[];
  /** The department trained (部门培训, department code), or several (sessionDepartments): its people as the record's sign-in sheet lists them; the trainees are of it. */
  department?: string | string[];
  /** People trained who are not in people.yaml (operators), named as the record gives them, e.g. 张三(1023). */
  trainees?: string[];
  trainer?: string;
  /** A trainer from outside the organisation, not in people.yaml (外部讲师: a body such as 中汽研, a customer's SQE), as "name, organisation"; instead of `trainer`. */
  external_trainer?: string;
  record?: string;
  /** How it was given (培训方式, TRAINING_METHODS). */
  method?: TrainingMethod;
  /** Its hours (学时). */
  hours?: number;
  /** Its trainees who failed its assessment (不合格): ids of `people` or names of `trainees`; not trained by it (IATF 16949 7.2.2). */
  failed?: string[];
  /** The evaluation of its effectiveness (培训效果评价, csr train --evaluate): a session evaluated not effective trains nobody. */
  evaluation?: TrainingEvaluation;
}

/**
 * Whether a training session was effective (培训效果评价; IATF 16949 7.2.2, ISO 9001 7.2 c, GJB 9001C 7.2: the
 * effectiveness of the actions taken evaluated): when (`date`, YYYY-MM-DD, not before the session), how (`method`),
 * by whom (`by`, a person of people.yaml), the result and the evaluation's record number.
 */
export interface TrainingEvaluation {
  date: string;
  method: EvaluationMethod;
  by: string;
  result: EvaluationResult;
  record?: string;
}

/** How a training's effectiveness is evaluated; schemas/common.schema.json `trainingEvaluation.method` lists the same values. */
export const EVALUATION_METHODS = ["exam", "practical", "observation", "supervisor"] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];
export const EVALUATION_RESULTS = ["effective", "not-effective"] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];

/** How a training session is given; schemas/common.schema.json `trainingSession.method` lists the same values. */
export const TRAINING_METHODS = ["classroom", "on-site", "on-the-job", "self-study"] as const;
export type TrainingMethod = (typeof TRAINING_METHODS)[number];

/** A customer's own retention period for a form's records (顾客特殊期限), when longer than the form's: IATF 16949 7.5.3.2.1 "or as specified by the customer". */
export interface CustomerRetention {
  /** Customer code. */
  customer: string;
  period: string;
  period_en?: string;
  /** The period as csr counts it, where `period` is not written in a way it reads (model/record-keeping.ts countedRetention). */
  term?: RetentionRule;
}

/**
 * A retention period as a count of years or months (保存期限) from a start: the end of the period the
 * records cover (形成日, the batch's `to`) when `after` is absent, else the day of the event `after`
 * names (停产, 员工离职, 量检具报废), which each batch gives as its `counted_from`.
 */
export interface RetentionRule {
  years?: number;
  months?: number;
  after?: string;
}

/** A batch of filled records of one form (记录批次, e.g. "2024年度"), and its disposal (销毁) once recorded. */
export interface RecordBatch {
  /** The batch's name, unique on its form: "2024年度", "2024-Q3", "项目 X2 PPAP". */
  name: string;
  /** The first and last day of the records in it (YYYY-MM-DD); the retention counts from `to` (形成日). */
  from?: string;
  to: string;
  /** The day of the event a term `after` counts from (停产日, 离职日), for this batch. */
  counted_from?: string;
  /** Where this batch is kept, when not where the form says (record.location). */
  location?: string;
  /** The department that keeps it (department code). */
  department?: string;
  disposal?: RecordDisposal;
}

/** A batch's disposal (销毁记录): the day, who approved it (people.yaml id), how, who witnessed it, the record's number. */
export interface RecordDisposal {
  date: string;
  approved_by: string;
  method: string;
  witness?: string;
  record?: string;
}

/** A document version that used a form (listed it in `forms`). */
export interface FormUser {
  document: string;
  version?: string;
}

/** One controlled copy (受控副本) of a document version, handed out to a department and perhaps taken back. */
export interface ControlledCopy {
  /** 受控号, unique within the document. */
  copy: number;
  version: string;
  /** Department code. */
  to: string;
  holder?: string;
  /** Where the copy is used (使用场所: 压接工位 OP20; csr distribute --location). */
  location?: string;
  /** A customer's document given to an outside party: the record of the customer's consent (IATF 16949 8.1.2; csr distribute --customer-consent). */
  customer_consent?: string;
  /** Who handed the copy out (发放人). */
  issued_by?: string;
  date: string;
  /** The copy's remark (备注: 破损换发, 遗失补发, 现场张贴), as the copy register prints it (csr distribute --remark). */
  remark?: string;
  /** Date taken back (回收日期). */
  recalled?: string;
  /** Who handed the copy back (交回人). */
  returned_by?: string;
  /** Who took the copy back (回收人). */
  received_by?: string;
  /** Reported lost (遗失) instead of coming back. */
  lost?: CopyLoss;
  /** Destroyed where it was held (销毁) instead of coming back. */
  destroyed?: CopyLoss;
  /** Stamped 作废 and left with its holder for reference (作废留用) instead of coming back. */
  retained?: CopyLoss;
  /**
   * The copy passed from one holder to the next, keeping its 受控号 (csr hand-over: a 军代表 rotated, a holder replaced),
   * oldest first; `holder` is the last one's `to`. IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3 (control of distribution).
   */
  handovers?: CopyHandover[];
}

/**
 * A controlled copy handed from its holder to another (交接): on `date`, from `from` to `to` (people.yaml ids; `to` signed for it
 * on receipt, 签收), with who handled it (`by`, 经办人, usually the document controller) and the paper record (`record`, 交接单号).
 */
export interface CopyHandover {
  date: string;
  from: string;
  to: string;
  by?: string;
  record?: string;
}

/**
 * A version of a document issued electronically (电子版发放) to departments on a day: published
 * read-only on a system (OA) rather than handed out on paper. It is in force with its version: a
 * new version needs a new issue, as paper copies are handed out again.
 */
export interface ElectronicIssue {
  version: string;
  /** Department codes (or outside parties) given read access. */
  to: string[];
  date: string;
  /** Where it is published, e.g. OA. */
  system?: string;
  /** Who issued it (发放人), usually the document controller. */
  issued_by?: string;
}

/** A controlled copy that did not come back: the date it was confirmed lost, destroyed or stamped 作废 and kept, who did so, what happened. */
export interface CopyLoss {
  date: string;
  by: string;
  remark: string;
}

export interface Csr {
  id: string;
  customer: string;
  source: { document: string; revision: string; section?: string };
  clauses: string[];
  title: string;
  title_en?: string;
  text?: string;
  category?: string;
  /** Its 密级 when it differs from its source document's (model/classification.ts csrClassification). */
  classification?: string;
  received: string;
  review?: {
    required?: string[];
    restarted?: string;
    /** Why the current round's decision came after its review period (csr/review-late); an earlier round's is in its history entry. */
    late_reason?: string;
    opinions?: Opinion[];
    /** Where the signed review record is kept when the opinions are not recorded here. */
    record?: ReviewRecord;
    decision?: Decision;
    /** Who recorded the review report (记录) and when (csr review --recorder). */
    recorder?: Signature;
    /** The review team leader (评审组长) who signed the review report, and when (csr review --leader). */
    leader?: Signature;
    /**
     * The military representative (军代表, a person of an external party of kind
     * military-representative) who signed the review report in agreement, and when (csr review
     * --military-representative; GJB 9001C 8.2.3: the customer takes part in the review).
     */
    military_representative?: Signature;
    /** Source revisions that left the requirement unchanged, each confirmed once instead of a new round. */
    confirmations?: { source_revision: string; by: string; date: string; comment?: string; late_reason?: string }[];
    history?: ReviewRound[];
  };
  addressed?: AddressedIn[];
  implementation?: {
    owner?: string;
    due?: string;
    /** The customer's date for this requirement, when not its source revision's 实施日期 (model/customer-schedule.ts). */
    required_by?: string;
    /** Why it was implemented, or is planned, after the customer's date (晚于顾客要求日期的原因); settles csr/late-for-customer. */
    late_reason?: string;
    status?: "planned" | "in-progress" | "implemented" | "verified";
    evidence?: string;
    implemented?: string;
    verified?: Signature;
    /**
     * Earlier records replaced with `csr implement --amend`, dated by the record that replaced each; or
     * closed with their review round by a changed source revision (`source_revision`, the revision they
     * met: csr source update), with that round's status, due date and evidence.
     */
    history?: { closed: string; reason?: string; source_revision?: string; revised_to?: string; status?: "planned" | "in-progress" | "implemented" | "verified"; due?: string; required_by?: string; late_reason?: string; evidence?: string; implemented?: string; verified?: Signature }[];
  };
  /** The distributions (发放), oldest first; a file written before they were a list has one object (model/distribution.ts csrDistributions). */
  distribution?: CsrDistribution[] | { departments?: string[]; date?: string };
  /** `retrain_months`: refresher training (复训) due that many months after a person's last effective session (model/retraining.ts). */
  training?: { required: boolean; retrain_months?: number; records?: string[]; sessions?: TrainingSession[] };
  /** Its passing down to suppliers (传递至供方, IATF 16949 8.4.3.1): whether it must be, and to whom it was (csr flow-down). */
  flow_down?: CsrFlowDown;
  superseded?: { date: string; reason: string; by?: string };
  /**
   * Typing errors made when registering, corrected in the reviewed requirement after its decision
   * (`csr set --amend`), oldest first: one entry per field corrected.
   */
  /** Remarks (备注) on the requirement, as a CSR list keeps them (csr set --remarks): no part of the requirement, its review or implementation. */
  remarks?: string;
  amendments?: CsrAmendment[];
  /** Each lowering of its 密级 (降密/解密), as a document's (ClassificationChange). */
  classification_changes?: ClassificationChange[];
}

/** One correction of a decided CSR's title, text or clauses (csr set --amend): the day, the field, the value it replaced, why and who. */
export interface CsrAmendment {
  date: string;
  /** Who corrected it (people.yaml id); absent in a correction recorded before csr set asked for it. */
  by?: string;
  field: "title" | "text" | "clauses";
  /** The value replaced; absent when the field was empty. */
  was?: string | string[];
  reason?: string;
}

/**
 * A CSR's flow-down to suppliers (IATF 16949 8.4.3.1): `required: true` marks it as to be passed down; `required: false`
 * with a `reason` records the decision that it does not apply to suppliers (不适用于供方), taken on `date` by `by` (a
 * people.yaml id); `suppliers` are the passings, oldest first.
 */
export interface CsrFlowDown {
  required?: boolean;
  reason?: string;
  date?: string;
  by?: string;
  suppliers?: SupplierFlowDown[];
}

/**
 * One passing of a CSR to one supplier (an outside party's code): by which document and its revision (a
 * controlled document of the repository, e.g. the supplier manual WI-008-01 A/1, or a letter or quality
 * agreement named as the user wrote it), on which day, under which record (e.g. the letter's number), of
 * which source revision of the CSR; and the supplier's acknowledgement (回执) once received.
 */
export interface SupplierFlowDown {
  supplier: string;
  document: string;
  revision?: string;
  date: string;
  record?: string;
  source_revision?: string;
  acknowledged?: { date: string; by?: string; record?: string };
}

/** One distribution (发放) of a decided CSR: to which departments, on which day, by whom, of which source revision. */
export interface CsrDistribution {
  departments: string[];
  date: string;
  /** Who distributed it (a people.yaml id), usually the document controller. */
  by?: string;
  /** The source revision distributed; absent in an entry migrated from the one-object form. */
  source_revision?: string;
}

/**
 * The signed review record (评审记录) of a review whose opinions live on paper, not in the CSR
 * file: a historical review imported from a CSR list, say. At least one of the three is given.
 */
export interface ReviewRecord {
  /** Document id of the form it was filled in on, e.g. QR-015-01. */
  form?: string;
  /** Which filled-in record (记录编号, binder, page), e.g. "2023-07 评审记录 第12号". */
  ref?: string;
  note?: string;
}

/** The class of a 技术状态更改 (Revision change_class): I the change of most consequence, then II and III (GJB 3206B). */
export type ChangeClass = "I" | "II" | "III";

export interface Revision {
  version: string;
  /**
   * 发布日期. Absent only on an imported revision whose register gave no date (a form register
   * without 发布日期): released before the repository on a day the paper record gives (revisionDate).
   */
  date?: string;
  /** The day this revision took effect when later than `date` (实施日期, csr release --effective); absent: `date`. */
  effective?: string;
  /** 修订内容摘要; absent only on an imported revision (see revisionSummary). */
  summary?: string;
  /** The summary in English (csr release --summary-en), printed in its place by English outputs (revisionSummary). */
  summary_en?: string;
  /** Released before the repository and imported from a register or Word file: its changes are on the paper record. */
  imported?: boolean;
  /** 更改原因: why the document was changed (csr release --reason); `summary` says what changed (IATF 16949 8.5.6, 8.3.6). */
  reason?: string;
  /** The reason in English (csr release --reason-en), printed in its place by English outputs (revisionBasis). */
  reason_en?: string;
  /** 文件更改申请单号: the number of the change request the revision carries out (csr release --change-request). */
  change_request?: string;
  /**
   * 技术状态更改: the revision changes the product's configuration (技术状态) the customer agreed, so it needs the
   * customer's agreement, the 军代表's signature (`military_representative`), whatever the document's level
   * (GJB 9001C 8.3.6, 8.5.6; csr release --configuration-change; doc/configuration-change-unagreed).
   */
  configuration_change?: boolean;
  /**
   * The class of a 技术状态更改 (更改类别 as GJB 3206B classes configuration changes): I (Ⅰ类) the change of most
   * consequence, which the 订购方 approves before it is implemented, II (Ⅱ类) and III (Ⅲ类) the lesser ones; every class
   * records the 军代表's agreement (csr release --change-class; revisionBasis prints it).
   */
  change_class?: ChangeClass;
  /** The products a 技术状态更改 affects, as the change request names them: a type, its batches or serial numbers (csr release --affects-product). */
  affected_products?: string[];
  /**
   * The other controlled documents a 技术状态更改 affects (a drawing, the 关键件明细表 form), by id: each is revised in turn
   * (csr release --affects; ref/unresolved, doc/affected-document-not-revised).
   */
  affected_documents?: string[];
  /** The 技术状态更改 asks a new 首件鉴定 (first article inspection, GJB 908A) of the products it affects (csr release --first-article-required). */
  first_article_required?: boolean;
  /**
   * 编辑性修改: the revision corrects wording, typing errors or layout and changes no work, so it needs no training of its own
   * (IATF 16949 7.2.2 asks training for changed work): the training due is on the last revision that is not editorial, and
   * a session on any version since counts for it (csr release --editorial; documentCompletion).
   */
  editorial?: boolean;
  /** The nonconformity / corrective action records (actions/) the revision carries out, by id (csr release --action). */
  actions?: string[];
  /** 顾客变更通知/ECN: the numbers of the customer's engineering change notices the revision carries out (csr release --ecn; IATF 16949 7.5.3.2.2). */
  ecn?: string[];
  /** The customers the change is notified to or approved by (control plan resubmitted, PPAP; IATF 16949 8.5.6.1): csr release --customer-notified/--customer-approved, csr sign. */
  customer_notices?: CustomerNotice[];
  pages?: string;
  total_pages?: number;
  prepared?: Signature;
  reviewed?: Signature;
  /** 会签: the departments that countersigned the revision. */
  countersigned?: Signature[];
  /** 标准化审查 (GJB). */
  standardization?: Signature;
  approved?: Signature;
  /** 军代表 (the military representative's signature, GJB). */
  military_representative?: Signature;
}

export interface Section {
  /** Declared number, 5 or "5.2"; without it the section follows on from the one before (see model/sections.ts). */
  number?: string | number;
  title: string;
  title_en?: string;
  text?: string;
  /** The section's title in the version in force, written by `csr edit --rename-section` while the document is being revised; `csr release` removes it. */
  renamed_from?: string;
  sections?: Section[];
}

/** A label of a form's sheet: its text, or the text with its English. */
export type SheetLabel = string | { label: string; label_en?: string };

/** A column of a form's sheet: its heading, or the heading with its English and printed width (mm). */
export type SheetColumn = string | { label: string; label_en?: string; width?: number };

/**
 * A form's blank sheet (document.schema.json `sheet`): the fields above the table, the table's columns, the rows
 * printed with their first cells filled in (`items`), the empty rows after them (`rows`; absent: 10 without items,
 * else 0), a line of notes and the signature fields of whoever fills it in.
 */
export interface FormSheet {
  fields?: SheetLabel[];
  columns: SheetColumn[];
  items?: (string | number)[][];
  rows?: number;
  notes?: string;
  notes_en?: string;
  signatures?: SheetLabel[];
}

/** A document's role in tracing special characteristics (document.schema.json `role`). */
export type DocumentRole = "pfmea" | "control-plan" | "process-flow" | "characteristic-classification";

export interface ControlledDocument {
  id: string;
  title: string;
  title_en?: string;
  level: 1 | 2 | 3 | 4;
  kind: DocumentKind;
  department: string;
  processes?: string[];
  /** The stations (工位, e.g. OP20) a work instruction is used at: those working there are trained on it (model/training-completion.ts). */
  stations?: string[];
  /**
   * The operations (工序, by the station code the skills matrix uses, e.g. OP40) this document marks 关键工序 (key
   * operations, GJB 9001C-2017 8.5.1 关键过程): run only by operators holding a level III or IV there (持证上岗; rule
   * person/key-operation-uncertified). csr set --key-operation. Register data.
   */
  key_operations?: string[];
  clauses?: string[];
  status: DocumentStatus;
  effective?: string;
  /** A temporary document (临时, IATF 16949 8.5.6.1.1): the last day (YYYY-MM-DD) its current revision is valid (csr release --until). */
  valid_until?: string;
  /**
   * The documents this one deviates from (偏离, e.g. a temporary deviation from a work instruction,
   * IATF 16949 8.5.6.1.1, 8.7.1.1), by number: the link is the deviation's own, so the documents it
   * deviates from are not changed (nor revised) by it; their cards and pages list it (model/referrers.ts).
   */
  deviates_from?: string[];
  /** The version of each document of `deviates_from` this deviation deviates from, by number (model/deviations.ts deviatedVersion). */
  deviates_from_versions?: Record<string, string>;
  /**
   * A revision in preparation (修订中, `csr submit` of a released document): the file holds the draft
   * of the next version; the current revision stays in force with the text of its release tag.
   */
  revising?: { since: string; by?: string };
  /** A draft submitted for approval (送审, csr submit: 草稿 → 审批中): the day and who; kept once released. */
  submitted?: { since: string; by?: string };
  /** Departments whose 会签 this document's revisions need besides those its kind needs (qms.yaml document_control.countersign). */
  countersign_departments?: CountersignDepartment[];
  review_interval_months?: number;
  /**
   * Who reads it, when not the organisation's own people: `supplier` for a document written for suppliers (the supplier
   * manual, a quality agreement), handed out to outside parties, which no department needs a copy of to work to
   * (csr/deployed-without-copy and doc/no-copy-in-force ask no department for one; model/flow-down.ts writtenForSuppliers).
   */
  audience?: "supplier";
  /**
   * What it is to the tracing of special characteristics (csr set --role): a process FMEA, a control plan or a
   * process flow chart, whose sections' Markdown tables hold its characteristic rows (model/characteristics.ts).
   */
  role?: DocumentRole;
  reviews?: PeriodicReview[];
  revisions?: Revision[];
  related?: string[];
  forms?: string[];
  sections?: Section[];
  /** How it is printed: the A4 page's orientation (csr render --format pdf; render/view.ts printOrientation decides without it). */
  print?: { orientation?: "portrait" | "landscape" };
  /** A form's record keeping (记录保存); the `_en` fields are for English registers (model/record-keeping.ts). */
  record?: {
    retention?: string;
    medium?: "paper" | "electronic" | "paper+electronic";
    location?: string;
    retention_en?: string;
    location_en?: string;
    retention_customer?: CustomerRetention[];
    /** The retention period as csr counts it, where `retention` is not written in a way it reads (model/record-keeping.ts retentionRule). */
    retention_term?: RetentionRule;
    /** The batches of filled records the company keeps (记录批次: a year's 点检表, a project's PPAP file), oldest first. */
    batches?: RecordBatch[];
  };
  /** A form's blank sheet (表单版式), which csr render prints to fill in in place of its cover (render/view.ts sheetView). */
  sheet?: FormSheet;
  /**
   * `used_by`: for a withdrawn form, the documents (and their versions) that used it last, which no
   * current document names any more: the record list's 所属程序 of a form kept for its records.
   */
  /**
   * The withdrawal (作废): when, why, who approved it and, where the document's layout has a 军代表 cell, the
   * military representative who agreed (csr obsolete --approved-by, --military-representative; people.yaml ids).
   */
  obsolete?: { date: string; reason: string; approved_by?: string; military_representative?: string; superseded_by?: string; used_by?: FormUser[] };
  /**
   * For an external document (kind external): the publisher's own data, as received. `effective` is
   * the publisher's 实施日期, from which the standard is in force (model/external.ts externalInForceFrom).
   * `previous` keeps the editions this one replaced under the same number (csr set --edition), oldest
   * first, with their own dates: the one before stays in force until this one is.
   */
  external?: { publisher?: string; revision?: string; issued?: string; effective?: string; received?: string; previous?: ExternalEdition[]; confirmations?: CurrencyConfirmation[] };
  distribution?: ControlledCopy[];
  /** Electronic issues (电子版发放), e.g. read-only on the OA system, of each version; see model/distribution.ts electronicInForce. */
  electronic_issue?: ElectronicIssue[];
  /** `retrain_months`: refresher training (复训) due that many months after a person's last effective session (model/retraining.ts). */
  training?: { required: boolean; retrain_months?: number; sessions?: TrainingSession[] };
  remarks?: string;
  /** 密级 marking printed on the document, e.g. 内部 or 秘密; overrides the layout's default. */
  classification?: string;
  /** Each lowering of its 密级 (降密/解密), with who authorised it and on what grounds (csr set --classification --by --reason). */
  classification_changes?: ClassificationChange[];
}

/** A lowered 密级 (降密/解密) on record: the day, the level before and after, who authorised it (people.yaml id) and the grounds (依据). */
export interface ClassificationChange {
  date: string;
  from: string;
  to: string;
  by: string;
  reason: string;
}

/** An edition of an external document that a later one replaced: the publisher's edition and its dates as they were recorded. */
export interface ExternalEdition {
  revision: string;
  issued?: string;
  effective?: string;
  received?: string;
}

export interface Process {
  code: string;
  name: string;
  name_en?: string;
  type: "customer-oriented" | "support" | "management";
  /** The owning department's code. */
  owner?: string;
  /** The process owner (过程所有者), a person of people.yaml: top management assigns one to each process (IATF 16949 5.3.1), csr process update --owner-person. */
  owner_person?: string;
  clauses?: string[];
  documents?: string[];
  /** Months within which this process is audited again; overrides qms.yaml internal_audit.interval_months. */
  audit_months?: number;
  /** Why it has its own interval (risks, customer complaints, performance, changes; IATF 16949 9.2.2.1), csr process update --audit-reason. */
  audit_reason?: string;
  /** The shifts it runs (早班, 中班, 夜班 …), csr process update --shifts: the year's manufacturing process audits cover each (IATF 16949 9.2.2.3). */
  shifts?: string[];
  /** A manufacturing process (制造过程): audited as such over every three-year cycle, IATF 16949 9.2.2.3 (rule process/manufacturing-audit-due). */
  manufacturing?: boolean;
  /** Its internal audits (内部审核记录), oldest first, written by csr process audited. */
  audits?: ProcessAudit[];
  /** Its audits planned ahead (年度内部审核计划, IATF 16949 9.2.2.1), in planning order, written by csr process plan. */
  planned_audits?: PlannedAudit[];
}

/**
 * An audit of a process planned ahead (one entry of the annual internal audit plan, 年度内部审核计划; IATF 16949 9.2.2.1: a
 * documented internal audit programme): the month (`month`, YYYY-MM) and, when fixed, the day (`date`), the kind (as
 * ProcessAudit's, absent: qms), the auditors planned (people.yaml ids, the team leader first), and the customers and shifts
 * it is to sample. An audit of that kind recorded within the month fulfils it (planStanding). The programme is reviewed and
 * updated (IATF 16949 9.2.2.1): an entry moved to another month, day or team keeps what it was before under `moved`, one
 * change each (csr process plan --move), and one not to be held says why under `cancelled` (csr process plan --cancel).
 */
export interface PlannedAudit {
  month: string;
  date?: string;
  kind?: AuditKind;
  by?: string[];
  customer?: string | string[];
  shift?: string | string[];
  comment?: string;
  /** The entry's earlier plans, oldest first: each the month, day and auditors it had until changed on `on`, and why. */
  moved?: PlanChange[];
  /** The day the entry was cancelled (YYYY-MM-DD) and why: the audit is not to be held. */
  cancelled?: { on: string; reason: string };
}

/** What a planned audit was before a change (csr process plan --move): its month, day and auditors then; the day it changed (`on`) and why. */
export interface PlanChange {
  on: string;
  reason: string;
  month: string;
  date?: string;
  by?: string[];
}

/**
 * The kinds of internal audit a process records (IATF 16949 9.2.2.1: the programme covers the QMS, manufacturing process
 * and product audits): the QMS audit by process (9.2.2.2, the kind when `kind` is absent), the manufacturing process audit
 * (9.2.2.3) and the product audit (9.2.2.4). Each is made by an auditor qualified for that kind (AuditorKind). A layered
 * process audit (`lpa`, 分层审核: IATF 16949 9.2.2.3 note, asked by some customers' CSRs) is made by managers and supervisors of
 * each layer, not qualified internal auditors: it is recorded apart and never counts as the manufacturing process audit of
 * 9.2.2.3, nor as any other kind (tester75 P11).
 */
export const AUDIT_KINDS = ["qms", "manufacturing-process", "product", "lpa"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * One internal audit of a process: the day, the auditors (people.yaml ids), the audit report's number and the nonconformities
 * raised (0: 符合). A manufacturing process or product audit (`kind`) also names the part number audited (`part`, a product
 * audit's required), the customer whose part or requirements it sampled (`customer`, a code of customers/) and the shift.
 */
export interface ProcessAudit {
  date: string;
  /** The auditors, the team leader first (auditTeamLeader). */
  by: string[];
  /** Auditors-in-training (实习审核员) who audited under the team leader's guidance: no auditors of the audit (ISO 19011 3.14, 7.2.3 of IATF 16949). */
  trainees?: string[];
  /** Technical experts (技术专家) who gave the team specific knowledge: no auditors of the audit (ISO 19011 3.16). */
  experts?: string[];
  report: string;
  nonconformities: number;
  kind?: AuditKind;
  part?: string;
  /** The customer sampled, or several (auditCustomers reads both). */
  customer?: string | string[];
  /** The shift audited, or several (auditShifts reads both). */
  shift?: string | string[];
  comment?: string;
  /** The audit scope (审核范围: the activities, sites, products the audit covered; ISO 19011 6.2.2, IATF 16949 9.2.2.1). */
  scope?: string;
  /** The audit criteria's clauses (审核准则), STANDARD:CLAUSE, as the process's `clauses`. */
  clauses?: string[];
  /** The audit criteria's customer-specific requirements sampled (CSR ids of csr/; IATF 16949 9.2.2.2). */
  csrs?: string[];
  /** The auditees (受审核人): ids of people.yaml, or names of people it does not list. */
  auditees?: string[];
  /**
   * The audit findings (审核发现; ISO 19011 6.4.8): nonconformities (grade major or minor) and observations. When recorded,
   * `nonconformities` is the number of those graded major or minor (findingsNonconformities).
   */
  findings?: AuditFinding[];
}

/**
 * The grades of an audit finding: a major nonconformity (严重不符合), a minor one (一般不符合), or an observation (观察项), which
 * is no nonconformity and asks for no corrective action (ISO 19011 6.4.8; IATF 16949 9.2.2.1, 10.2).
 */
export const AUDIT_FINDING_GRADES = ["major", "minor", "observation"] as const;
export type AuditFindingGrade = (typeof AUDIT_FINDING_GRADES)[number];

/**
 * One finding of an internal audit (不符合项报告's content): what was found (`text`, 不符合事实描述), the requirement not met
 * (`requirement`, 不符合的要求/条款), the evidence seen (`evidence`, 客观证据) and its grade.
 */
export interface AuditFinding {
  grade: AuditFindingGrade;
  text: string;
  requirement?: string;
  evidence?: string;
}

/**
 * Where a nonconformity came from: a customer complaint, an internal audit, found in house, a failure in the field, a
 * supplier's nonconforming product, whose corrective action the supplier is asked for (SCAR, 供方纠正措施要求; IATF 16949
 * 8.4.2.4, 10.2.3), or an external audit — a certification body's (third party) or a customer's (second party), with the
 * auditor's deadlines (IATF Rules 5th ed. 5.11; ISO 9001 9.3.2 c) 6)).
 */
export const ACTION_SOURCES = ["complaint", "audit", "internal", "field-failure", "supplier", "external-audit"] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

/**
 * The steps of a corrective action, in order (8D: D3 containment, D4 root cause, D5 chosen action, D6
 * action implemented and validated, D7 prevention, D8 closure); an internal audit's nonconformity
 * goes through the same (IATF 16949 10.2.1 a–f).
 */
export const ACTION_STEPS = ["D3", "D4", "D5", "D6", "D7", "D8"] as const;
export type ActionStepId = (typeof ACTION_STEPS)[number];

export interface ActionStep {
  due?: string;
  done?: string;
  by?: string;
  note?: string;
  /** Each change of `due` after it was first set, in order (csr action step --due --reason): the original is the first `from`. */
  due_changes?: DueChange[];
}

/**
 * A change of a step's due date (csr action step <id> <step> --due <date> --reason <text>): the due date it replaced (`from`)
 * and the new one (`to`), the day it was changed (`date`), who agreed it (`by`, a person id, optional) and why (`reason`).
 * Kept so that a date moved does not erase the lateness already recorded (IATF 16949 10.2.3, 7.5.3.2.1).
 */
export interface DueChange {
  from: string;
  to: string;
  date: string;
  by?: string;
  reason: string;
}

export interface ActionClosure {
  due?: string;
  done?: string;
  verified_by?: string;
  evidence?: string;
  /** Why no read-across applies (csr action close --no-read-across-reason): GJB 9001C's 举一反三 otherwise needs one. */
  no_read_across?: string;
}

/**
 * The 归零 of a quality problem (csr action zero): where each of the 双五条 is evidenced, in a line — technical 归零's
 * 定位准确, 机理清楚, 问题复现, 措施有效, 举一反三 and management 归零's 过程清楚, 责任明确, 措施落实, 严肃处理, 完善规章
 * (GJB 9001C-2017 10.2; the 质量问题归零 practice, QJ 3183, GJB 5711) — and the 归零报告 with who reviewed it for the
 * customer (the 军代表) and when.
 */
export interface Zeroing {
  located?: string;
  mechanism?: string;
  reproduced?: string;
  effective?: string;
  read_across?: string;
  process_clear?: string;
  responsibility?: string;
  measures_taken?: string;
  dealt_with?: string;
  rules_improved?: string;
  /** The 归零报告's number. */
  report?: string;
  /** Who reviewed the 归零: the 军代表, a person of people.yaml by id (csr action zero --reviewed-by; action/zeroing-review). */
  reviewed_by?: string;
  /** The day it was reviewed. */
  reviewed?: string;
  /**
   * The reviews made void by a correction of the evidence they reviewed (csr action zero --amend after the review), oldest
   * first: kept so that nothing the 军代表 signed is lost, while the record asks for a new review (GJB 9001C 7.5.3, 10.2).
   */
  voided_reviews?: VoidedZeroingReview[];
}

/**
 * A 军代表 review of a 归零 made void (zeroing.voided_reviews): who reviewed it and when, the day the evidence was corrected
 * (`voided`) and which entries were corrected (`amended`: criteria keys, or `report`).
 */
export interface VoidedZeroingReview {
  reviewed_by?: string;
  reviewed?: string;
  voided: string;
  amended: string[];
}

/**
 * The kinds of an external audit: a certification body's initial (初次认证), surveillance (监督), recertification (再认证) or
 * special audit (特殊审核), under the IATF Rules (5th ed. 5.1, 5.11), or a customer's second-party audit (顾客审核).
 */
export const EXTERNAL_AUDIT_TYPES = ["initial", "surveillance", "recertification", "special", "customer"] as const;
export type ExternalAuditType = (typeof EXTERNAL_AUDIT_TYPES)[number];

/** The grades an external auditor gives a nonconformity: major (严重不符合项) or minor (一般不符合项). IATF Rules 5th ed. 5.11, Annex 4. */
export const EXTERNAL_NC_GRADES = ["major", "minor"] as const;
export type ExternalNcGrade = (typeof EXTERNAL_NC_GRADES)[number];

/** Where an external auditor verified the corrective action: at the next regular audit, or at a special audit (a major's). */
export const EXTERNAL_VERIFICATION_AT = ["next-audit", "special-audit"] as const;
export type ExternalVerificationAt = (typeof EXTERNAL_VERIFICATION_AT)[number];

/**
 * A nonconformity raised by an external audit (a record of source external-audit; csr action open --source external-audit):
 * who audited (`auditor`: the certification body's name, or for a customer audit the customer's, whose code is the record's
 * `customer`), the kind of audit, the auditor's report number, the day of the closing meeting (末次会议), the nonconformity's
 * number as the auditor numbers it, its grade, the clause (`IATF16949:8.5.1.1`), the requirement, the statement of
 * nonconformity and the objective evidence; the deadlines the auditor holds the organisation to (`response_due`: the
 * correction, root cause, systemic corrective action and verification of effectiveness submitted, 60 calendar days after
 * the closing meeting; `closure_due`: the nonconformity management complete, 90 — IATF Rules 5th ed. 5.11.1–5.11.3, the
 * same in the 6th), the responses submitted (csr action respond), the auditor's review of each (csr action accept|reject)
 * and the verification at a later audit (csr action verify).
 */
export interface ExternalAudit {
  auditor: string;
  type: ExternalAuditType;
  report: string;
  closing_meeting: string;
  nc: string;
  grade: ExternalNcGrade;
  clause?: string;
  requirement?: string;
  statement: string;
  evidence?: string;
  response_due?: string;
  closure_due?: string;
  responses?: ExternalResponse[];
  reviews?: ExternalReview[];
  verification?: ExternalVerification;
}

/** A response submitted to the external auditor (csr action respond): the day and what it contained. */
export interface ExternalResponse {
  date: string;
  note?: string;
}

/** The external auditor's review of a response (csr action accept|reject): the day, the auditor by name, the decision and why. */
export interface ExternalReview {
  date: string;
  by: string;
  decision: "accepted" | "rejected";
  note?: string;
}

/** The external auditor's verification of the corrective action at a later audit (csr action verify). */
export interface ExternalVerification {
  date: string;
  by: string;
  at: ExternalVerificationAt;
  report?: string;
  note?: string;
}

/** A lessons-learned check of a similar document, process or product (横向展开, IATF 16949 10.3.1). */
export interface ReadAcross {
  document?: string;
  process?: string;
  product?: string;
  result: string;
  by: string;
  date: string;
}

/**
 * The grades of a quality problem (质量问题等级) as a GJB 9001C supplier's 质量问题归零 procedure grades them: 重大质量问题
 * (major), 严重质量问题 (serious), 一般质量问题 (general). The 军代表 is told of a 重大 or 严重 one at once (GJB 9001C 10.2,
 * 8.7; GJB 5711 装备质量问题处理).
 */
export const PROBLEM_GRADES = ["major", "serious", "general"] as const;
export type ProblemGrade = (typeof PROBLEM_GRADES)[number];

/**
 * The kinds of a cost of poor quality (不良质量成本) a record carries, internal failure first: scrap 报废, rework 返工返修,
 * sorting 挑选 (internal: found before the product reached the customer), customer-charge 顾客索赔, warranty 保修 (external:
 * after), other 其他. IATF 16949 9.3.2.1 (cost of internal and external nonconformance, a management review input).
 */
export const COST_KINDS = ["scrap", "rework", "sorting", "customer-charge", "warranty", "other"] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** One cost of poor quality of a record (csr action cost): its kind, the amount in 元 (≥ 0, at most two decimals), the day it was recorded, a note. */
export interface ActionCost {
  kind: CostKind;
  amount: number;
  date: string;
  note?: string;
}

/**
 * A nonconformity and its corrective action (actions/<id>.yaml, 不符合及纠正措施 / 8D): IATF 16949
 * 10.2.1–10.2.3, 10.2.6 (complaints), 9.2.2 (audit nonconformities); GJB 9001C 10.2. Open while its
 * D8 has no done date.
 */
export interface CorrectiveAction {
  id: string;
  title: string;
  /** The problem in English (csr action open --title-en), printed by English outputs in place of title. */
  title_en?: string;
  source: ActionSource;
  customer?: string;
  /** The supplier asked for the corrective action (a SCAR): an outside party of kind supplier of qms.yaml, by code. */
  supplier?: string;
  /** The customer's own number of the complaint (顾客投诉编号; csr action open --complaint). */
  complaint?: string;
  /**
   * A field failure's number on the user's (部队, 订购方) own failure report (故障报告单编号; FRACAS, GJB 841), in a GJB 9001C
   * repository (csr action open --failure-report); an IATF 16949 one records the customer's number as `complaint`.
   */
  failure_report?: string;
  product?: string;
  /** The part or product in English (csr action open --product-en). */
  product_en?: string;
  /** The grade of a quality problem (质量问题等级: 重大, 严重, 一般; csr action open --problem-grade). GJB 9001C 10.2. */
  problem_grade?: ProblemGrade;
  /** The batch numbers (批次号) of the product concerned (csr action open --batch, repeatable). */
  batches?: string[];
  /** The serial numbers (产品编号) concerned, each a number or a range such as 0031~0040 (csr action open --serial, repeatable). */
  serials?: string[];
  process?: string;
  audit_report?: string;
  received: string;
  /** The day the 军代表 (the customer's military representative) was notified of the problem (csr action open --notified; action/problem-unnotified). */
  notified?: string;
  owner: string;
  csr?: string[];
  steps?: Partial<Record<Exclude<ActionStepId, "D8">, ActionStep>> & { D8?: ActionClosure };
  read_across?: ReadAcross[];
  zeroing?: Zeroing;
  /** The problem concerns product safety (涉及产品安全; csr action open|update --safety). IATF 16949 4.4.1.2, 10.2.4. */
  safety?: boolean;
  /** The costs of poor quality it caused (不良质量成本, csr action cost), oldest first. IATF 16949 9.3.2.1. */
  cost?: ActionCost[];
  /** The external audit's nonconformity (source external-audit): auditor, report, grade, deadlines, responses, reviews. */
  external_audit?: ExternalAudit;
}

export interface SymbolConversion {
  customer: string;
  customer_symbol: string;
  customer_class: string;
  meaning?: string;
  meaning_en?: string;
  symbol: string;
  class: string;
  /** Our class in English (安全 → Safety), which the English table prints. */
  class_en?: string;
  /** The customer's approval of the conversion (csr symbol approve): who for the customer, when, where it is recorded. */
  approved?: SymbolApproval;
  /** Approvals replaced by a later one or voided by a change of the row, oldest first (the row's approval history). */
  earlier_approvals?: SymbolApproval[];
  /** Changes of the row by csr symbol update, oldest first. */
  changes?: SymbolChange[];
  /** Set when the row is no longer used (停用, csr symbol retire); it stays for documents of the earlier customer revision. */
  retired?: { date: string; by: string; reason: string };
}

/**
 * One of the organisation's own special-characteristic marks (symbols.yaml `own`; 本单位特性符号), which no customer
 * converts or approves: a GJB supplier's 关键特性 and 重要特性 marks (GJB 190 特性分类), or an automotive supplier's mark for
 * a characteristic it classified itself. Read as "our symbols" wherever the conversion rows' `symbol` is (characteristic
 * rows, the 符号说明, symbol/unknown-symbol). A class containing 关键 (or Critical, Key) makes a 关键特性, one containing 重要
 * (Major, Important) a 重要特性 (model/key-parts.ts).
 */
export interface OwnSymbol {
  symbol: string;
  class: string;
  class_en?: string;
  meaning?: string;
  meaning_en?: string;
}

/** The values of a row that a customer approves: a row whose values differ from those approved is no longer approved. */
export interface SymbolConversionValues {
  customer_symbol: string;
  customer_class: string;
  meaning?: string;
  symbol: string;
  class: string;
}

/**
 * A customer's approval of a row of the symbol conversion table; `by` is the customer's representative, not a person of
 * people.yaml. `source` is the customer document and revision approved for ("DYA-SC/C"); `conversion` the row's values as
 * approved (absent in approvals recorded before csr kept them: such an approval is taken to hold).
 */
export interface SymbolApproval {
  by: string;
  date: string;
  evidence?: string;
  source?: string;
  conversion?: SymbolConversionValues;
}

/** A change of a row (csr symbol update): when (YYYY-MM-DD), by whom (a person id), why, and the values it replaced. */
export interface SymbolChange {
  date: string;
  by: string;
  reason?: string;
  was: Partial<Pick<SymbolConversion, "customer_class" | "meaning" | "meaning_en" | "symbol" | "class" | "class_en">>;
}

export interface CatalogFile {
  id: string;
  title: string;
  provisional?: boolean;
  note?: string;
  /** The edition this catalog numbers, e.g. "2016" for IATF 16949:2016. */
  edition?: string;
  /** The day the edition was published, YYYY-MM-DD (IATF 16949:2016: 2016-10-01). */
  published?: string;
  /** The only clauses (and those under them) the standard lets an organisation exclude: ["8.3"] for IATF 16949 (4.3.1). */
  exclusions_permitted?: string[];
  /** Given by a catalog of a new edition: the catalog of the edition it replaces, and how their numbers correspond. */
  supersedes?: CatalogSupersession;
  clauses?: { number: string; title?: string | null; title_en?: string | null; origin?: string; parent?: string | null; applicable?: boolean }[];
}

/**
 * `supersedes` of standards/<ID>.yaml (docs/format.md, "standards/"): the old catalog's id, the end of
 * the transition period (YYYY-MM-DD) when the certification body has announced it, and the old
 * numbers that do not carry over unchanged: `to` one or several new numbers, or `removed: true`.
 */
export interface CatalogSupersession {
  standard: string;
  transition_ends?: string;
  /** The day 'csr standard migrate' moved the repository's references to this edition (YYYY-MM-DD). */
  migrated?: string;
  correspondence?: { from: string; to?: string | string[]; removed?: boolean }[];
}

/** tooling.yaml `kind` (工装类别). */
export const TOOLING_KINDS = ["fixture", "die", "mould", "gauge", "tool", "test-equipment", "error-proofing"] as const;
export type ToolingKind = (typeof TOOLING_KINDS)[number];
/** tooling.yaml `status`: in-use (在用) when not given. */
export const TOOLING_STATUSES = ["in-use", "repair", "stored", "scrapped"] as const;
export type ToolingStatus = (typeof TOOLING_STATUSES)[number];
/** How often an error-proofing device is verified (IATF 16949 10.2.4, the control plan's frequency). */
export const VERIFICATION_FREQUENCIES = ["shift", "day", "week", "month", "parts"] as const;
export type VerificationFrequency = (typeof VERIFICATION_FREQUENCIES)[number];
export const VERIFICATION_RESULTS = ["pass", "fail"] as const;

/** One verification of an error-proofing device with its master or rejection samples (csr tooling verify). */
export interface ToolingVerification {
  date: string;
  shift?: string;
  by: string;
  result: (typeof VERIFICATION_RESULTS)[number];
  /** With a failed one: the reaction (反应计划). */
  reaction?: string;
}

/** One maintenance or repair (csr tooling maintain). */
export interface ToolingMaintenance {
  date: string;
  by: string;
  work?: string;
}

/**
 * The result of a calibration (csr tooling calibrate; IATF 16949 7.1.5.2): pass (合格, found within tolerance), adjusted
 * (调整后合格, adjusted or repaired during the calibration and found within tolerance after it), fail (不合格, out of
 * tolerance: the gauge is not to be used, and the product measured since the last good calibration is evaluated, 7.1.5.2.1).
 */
export const CALIBRATION_RESULTS = ["pass", "adjusted", "fail"] as const;
export type CalibrationResult = (typeof CALIBRATION_RESULTS)[number];

/** One calibration of a gauge or test equipment (csr tooling calibrate; IATF 16949 7.1.5.2, 7.1.5.2.1, 7.1.5.3). */
export interface ToolingCalibration {
  date: string;
  result: CalibrationResult;
  /** Who calibrated it in the internal laboratory, or who had it calibrated (a person of people.yaml). */
  by?: string;
  /** The external laboratory that calibrated it (校准机构); none: the internal laboratory. */
  lab?: string;
  /** The laboratory's accreditation to ISO/IEC 17025, e.g. "CNAS L0208" (7.1.5.3.2). */
  accreditation?: string;
  /** The calibration certificate's or record's number (证书编号). */
  certificate?: string;
  /** With a failed one: the evaluation of the product measured since the last good calibration and what was done (7.1.5.2.1). */
  reaction?: string;
  /** With a failed one: the corrective action (actions/) that carries the reaction, e.g. NC-2026-003. */
  action?: string;
}

/** One measurement system analysis of a gauge (csr tooling msa; IATF 16949 7.1.5.1.1, AIAG MSA). */
export interface ToolingMsa {
  date: string;
  /** %GRR of the study, in percent (of the tolerance or the total variation, as the study states). */
  grr: number;
  /** The number of distinct categories (ndc). */
  ndc?: number;
  /** The study's record, e.g. QR-006-02-2026-007. */
  study?: string;
}

/** An entry of tooling.yaml (工装台账; IATF 16949 8.5.1.6, 8.5.1.5, 10.2.4, 8.5.3, 7.1.5); schemas/tooling.schema.json. */
export interface Tooling {
  id: string;
  name: string;
  name_en?: string;
  kind: ToolingKind;
  stations?: string[];
  process?: string;
  parts?: string[];
  /** "ours", or the code of the customer who owns it. */
  owner?: string;
  marking?: string;
  status?: ToolingStatus;
  location?: string;
  change_level?: string;
  /** A gauge's specification or measuring range (规格/量程), e.g. 0–150 mm. */
  range?: string;
  /** A gauge's resolution (分辨力), e.g. 0.01 mm. */
  resolution?: string;
  /** The day it was put in use (投入使用日期, YYYY-MM-DD): its first maintenance is owed one interval after it. */
  in_use_since?: string;
  verification?: { frequency: VerificationFrequency; parts?: number; method?: string; records?: ToolingVerification[] };
  maintenance?: { interval_days?: number; interval_months?: number; records?: ToolingMaintenance[] };
  /** Its calibration (校准, IATF 16949 7.1.5.2): the interval in months and the calibrations, oldest first. */
  calibration?: { interval_months?: number; records?: ToolingCalibration[] };
  /** Its measurement system analyses (MSA, 7.1.5.1.1), oldest first. */
  msa?: ToolingMsa[];
  remark?: string;
}

/**
 * first-articles.yaml `reason`: why a 首件鉴定 was held (GJB 908A): a new product's first production (新产品), a design
 * change (设计更改), a process change (工艺更改), production resumed after a stop (停产后恢复), production moved to another
 * site (转厂) or a material or part from another supplier (换供方).
 */
export const FIRST_ARTICLE_REASONS = ["new-product", "design-change", "process-change", "resumption", "relocation", "supplier-change"] as const;
export type FirstArticleReason = (typeof FIRST_ARTICLE_REASONS)[number];
/** first-articles.yaml `result`: 合格 (pass) or 不合格 (fail). */
export const FIRST_ARTICLE_RESULTS = ["pass", "fail"] as const;
export type FirstArticleResult = (typeof FIRST_ARTICLE_RESULTS)[number];

/**
 * A record of first-articles.yaml (首件鉴定记录; GJB 9001C-2017 8.5.1, GJB 908A): the first article of a product made at an
 * operation inspected against the document it was made to, by a team with the 军代表 attending, judged 合格 or 不合格.
 * schemas/first-articles.schema.json.
 */
export interface FirstArticle {
  /** FA-<year>-NNN. */
  id: string;
  /** The product or part (产品/零部件), as its 代号 and name are written, e.g. "XX-3 电源模块". */
  product: string;
  /** The operation (工序), e.g. 灌封. */
  operation?: string;
  /** The process of processes.yaml (过程代码). */
  process?: string;
  /** The 工艺规程 or 图样 it was made to, and its version in force on `date`. */
  document?: string;
  version?: string;
  reason: FirstArticleReason;
  /** The change (更改单号, a revision's change_request) that called for it. */
  change_request?: string;
  date: string;
  /** The 首件鉴定组 (person ids). */
  members: string[];
  military_representative?: string;
  result: FirstArticleResult;
  /** The 首件鉴定报告's number. */
  report: string;
  remark?: string;
}

/** objectives.yaml `frequency`: how often a quality objective is measured, each period a calendar month, quarter or year. */
export const OBJECTIVE_FREQUENCIES = ["monthly", "quarterly", "yearly"] as const;
export type ObjectiveFrequency = (typeof OBJECTIVE_FREQUENCIES)[number];

/**
 * A measurement of a quality objective (objectives.yaml `measurements`): the period it covers (2026-11 monthly, 2026-Q3
 * quarterly, 2026 yearly), the value in the objective's unit, who measured it and a note (csr objective measure).
 */
export interface ObjectiveMeasurement {
  period: string;
  value: number;
  by: string;
  note?: string;
}

/**
 * A quality objective of objectives.yaml (质量目标; ISO 9001 6.2, IATF 16949 6.2.2.1, GJB 9001C 6.2): what is measured,
 * at which level it is set (the company, a department or a process of processes.yaml), who owns it, the target with its
 * direction (≤: at most, e.g. 顾客退货 PPM ≤ 50; ≥: at least, e.g. 交付准时率 ≥ 98 %), how often it is measured and its
 * measurements. Its achievement is an input of management review (ISO 9001 9.3.2 c 2, IATF 16949 9.3.2.1).
 * schemas/objectives.schema.json.
 */
export interface QualityObjective {
  /** OBJ-NN. */
  id: string;
  /** What is measured, e.g. 顾客退货 PPM. */
  text: string;
  text_en?: string;
  /** A process code of processes.yaml (a process objective, a KPI of the process, IATF 16949 9.1.1.1). */
  process?: string;
  /** A department code of people.yaml (a department objective). Neither process nor department: a company objective. */
  department?: string;
  /** The person who owns it (people.yaml id). */
  owner: string;
  /** The unit of its values: PPM, %, 次, 天 … */
  unit: string;
  /** `<=` the value is to be at most `target`, `>=` at least. */
  direction: "<=" | ">=";
  target: number;
  frequency: ObjectiveFrequency;
  /** The first day (YYYY-MM-DD) its periods are measured from: periods ending before it are not asked for. */
  from: string;
  /** The last day (YYYY-MM-DD) it applies to: periods beginning after it are not asked for. */
  to?: string;
  measurements?: ObjectiveMeasurement[];
  remark?: string;
}

/** One signature of a register's edition (register-editions.yaml): its role as qms.yaml `registers.signatures` names it, who signed, the day. */
export interface RegisterEditionSignature {
  /** A label of `registers.signatures`, e.g. 编制. */
  role: string;
  /** A person of people.yaml. */
  by: string;
  date: string;
}

/**
 * An entry of register-editions.yaml (登记表版次签署记录; GJB 9001C 7.5.3, IATF 16949 7.5.3.2.1): an edition of one of
 * csr's registers (csr list <register>), the register as it stood on `as_of`, and who signed it (编制/审核/批准) and when,
 * so that the signed register can be printed again. schemas/register-editions.schema.json.
 */
export interface RegisterEdition {
  /** The register, as csr list names it (documents, procedures, suppliers …). */
  register: string;
  /** The edition's name, e.g. 2026-12. */
  edition: string;
  /** The day the register of this edition stood as (its csr list --today). */
  as_of: string;
  signatures: RegisterEditionSignature[];
}

/**
 * management-reviews.yaml output `kind` (ISO 9001 / IATF 16949 9.3.3): an opportunity for improvement (改进机会, a), a
 * change to the quality management system (质量管理体系变更, b), a resource need (资源需求, c), or the documented action plan
 * for a customer performance target missed (未达顾客绩效目标的措施计划, IATF 16949 9.3.3.1).
 */
export const MANAGEMENT_REVIEW_OUTPUT_KINDS = ["improvement", "change", "resource", "action-plan"] as const;
export type ManagementReviewOutputKind = (typeof MANAGEMENT_REVIEW_OUTPUT_KINDS)[number];

/** A decision or action a management review gave (管理评审输出; ISO 9001 / IATF 16949 9.3.3, GJB 9001C 9.3.3). */
export interface ManagementReviewOutput {
  /** Its number in its review, 1, 2, …: MR-2026/1. */
  no: number;
  text: string;
  kind: ManagementReviewOutputKind;
  /** Who carries it out (a person id). */
  owner: string;
  /** YYYY-MM-DD. */
  due: string;
  /** The day it was done (YYYY-MM-DD) and what shows it. */
  done?: string;
  evidence?: string;
}

/**
 * A record of management-reviews.yaml (管理评审记录; ISO 9001 / IATF 16949 9.3, GJB 9001C 9.3): the review held, of which
 * period, chaired by whom with whom, its outputs and the 总经理's approval. schemas/management-reviews.schema.json.
 */
export interface ManagementReview {
  /** MR-<year> or MR-<year>-N. */
  id: string;
  /** The period reviewed, both days included. */
  period: { from: string; to: string };
  /** The day it was held. */
  held: string;
  chair: string;
  attendees: string[];
  /** The inputs report it reviewed (a report number, or a note). */
  inputs?: string;
  outputs?: ManagementReviewOutput[];
  approved_by?: string;
  approved?: string;
}
