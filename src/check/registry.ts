/** The explicit, sorted list of rules. Adding a rule means adding one line here and one docs section. */
import type { Rule } from "./rule.js";
import { rule as actionClosedEarly } from "./rules/action/closed-early.js";
import { rule as actionDeadlineOrder } from "./rules/action/deadline-order.js";
import { rule as actionComplaintUnrecorded } from "./rules/action/complaint-unrecorded.js";
import { rule as actionDocumentNotRevised } from "./rules/action/document-not-revised.js";
import { rule as actionDueRewritten } from "./rules/action/due-rewritten.js";
import { rule as actionExternalAuditOverdue } from "./rules/action/external-audit-overdue.js";
import { rule as actionProblemUngraded } from "./rules/action/problem-ungraded.js";
import { rule as actionProblemUnnotified } from "./rules/action/problem-unnotified.js";
import { rule as actionSelfVerified } from "./rules/action/self-verified.js";
import { rule as actionAuditUndated } from "./rules/action/audit-undated.js";
import { rule as actionStepOverdue } from "./rules/action/step-overdue.js";
import { rule as actionZeroingIncomplete } from "./rules/action/zeroing-incomplete.js";
import { rule as actionZeroingReview } from "./rules/action/zeroing-review.js";
import { rule as actionZeroingUnreviewed } from "./rules/action/zeroing-unreviewed.js";
import { rule as calendarYearMissing } from "./rules/calendar/year-missing.js";
import { rule as clauseCorrespondenceUnknown } from "./rules/clause/correspondence-unknown.js";
import { rule as clauseExcludedButAddressed } from "./rules/clause/excluded-but-addressed.js";
import { rule as clauseExclusionNotPermitted } from "./rules/clause/exclusion-not-permitted.js";
import { rule as clauseSupersededEdition } from "./rules/clause/superseded-edition.js";
import { rule as clauseUnknownClause } from "./rules/clause/unknown-clause.js";
import { rule as clauseUnknownStandard } from "./rules/clause/unknown-standard.js";
import { rule as configNoticeClaimsClassification } from "./rules/config/notice-claims-classification.js";
import { rule as configRegisterForm } from "./rules/config/register-form.js";
import { rule as configUnknownRule } from "./rules/config/unknown-rule.js";
import { rule as coverageClauseUncovered } from "./rules/coverage/clause-uncovered.js";
import { rule as csrAddressedByObsolete } from "./rules/csr/addressed-by-obsolete.js";
import { rule as csrClassificationBelowSource } from "./rules/csr/classification-below-source.js";
import { rule as csrConfirmedWithoutDecision } from "./rules/csr/confirmed-without-decision.js";
import { rule as csrDeployedWithoutCopy } from "./rules/csr/deployed-without-copy.js";
import { rule as csrDuplicate } from "./rules/csr/duplicate.js";
import { rule as csrDuplicateIdAcrossBranches } from "./rules/csr/duplicate-id-across-branches.js";
import { rule as csrDuplicateOpinion } from "./rules/csr/duplicate-opinion.js";
import { rule as csrFlowDownMissing } from "./rules/csr/flow-down-missing.js";
import { rule as csrForcedDecision } from "./rules/csr/forced-decision.js";
import { rule as csrImplementationIncomplete } from "./rules/csr/implementation-incomplete.js";
import { rule as csrImplementationOverdue } from "./rules/csr/implementation-overdue.js";
import { rule as csrImplementedBeforeEffective } from "./rules/csr/implemented-before-effective.js";
import { rule as csrImplementedBeforeIssue } from "./rules/csr/implemented-before-issue.js";
import { rule as csrLateForCustomer } from "./rules/csr/late-for-customer.js";
import { rule as csrNotAddressed } from "./rules/csr/not-addressed.js";
import { rule as csrNotRedistributed } from "./rules/csr/not-redistributed.js";
import { rule as csrRejectionOverruled } from "./rules/csr/rejection-overruled.js";
import { rule as csrRequirementChanged } from "./rules/csr/requirement-changed.js";
import { rule as csrReviewDueSoon } from "./rules/csr/review-due-soon.js";
import { rule as csrReviewIncomplete } from "./rules/csr/review-incomplete.js";
import { rule as csrReviewInconsistent } from "./rules/csr/review-inconsistent.js";
import { rule as csrReviewLate } from "./rules/csr/review-late.js";
import { rule as csrReviewOverdue } from "./rules/csr/review-overdue.js";
import { rule as csrRetrainingDue } from "./rules/csr/retraining-due.js";
import { rule as csrReviewRewritten } from "./rules/csr/review-rewritten.js";
import { rule as csrReviewUnsigned } from "./rules/csr/review-unsigned.js";
import { rule as csrSectionDroppedInRevision } from "./rules/csr/section-dropped-in-revision.js";
import { rule as csrSectionMissing } from "./rules/csr/section-missing.js";
import { rule as csrSelfVerification } from "./rules/csr/self-verification.js";
import { rule as csrSourceKeeperMissing } from "./rules/csr/source-keeper-missing.js";
import { rule as csrSourceSuperseded } from "./rules/csr/source-superseded.js";
import { rule as csrSourceUnreviewed } from "./rules/csr/source-unreviewed.js";
import { rule as csrSuspectLink } from "./rules/csr/suspect-link.js";
import { rule as csrTrainingNotEvaluated } from "./rules/csr/training-not-evaluated.js";
import { rule as csrTrainingOverdue } from "./rules/csr/training-overdue.js";
import { rule as csrUnknownCategory } from "./rules/csr/unknown-category.js";
import { rule as dateInFuture } from "./rules/date/in-future.js";
import { rule as dateOutOfOrder } from "./rules/date/out-of-order.js";
import { rule as dateOutOfRange } from "./rules/date/out-of-range.js";
import { rule as dateReceivedAfterSource } from "./rules/date/received-after-source.js";
import { rule as dateReceivedBeforeSource } from "./rules/date/received-before-source.js";
import { rule as docAffectedDocumentNotRevised } from "./rules/doc/affected-document-not-revised.js";
import { rule as docApprovalMissing } from "./rules/doc/approval-missing.js";
import { rule as docApprovedByAuthor } from "./rules/doc/approved-by-author.js";
import { rule as docApproverLacksRole } from "./rules/doc/approver-lacks-role.js";
import { rule as docBodyOnPaper } from "./rules/doc/body-on-paper.js";
import { rule as docChangeRequestMissing } from "./rules/doc/change-request-missing.js";
import { rule as docCitedNotListed } from "./rules/doc/cited-not-listed.js";
import { rule as docConfigurationChangeUnagreed } from "./rules/doc/configuration-change-unagreed.js";
import { rule as docConfigurationChangeUnapproved } from "./rules/doc/configuration-change-unapproved.js";
import { rule as docClassificationBelowCsr } from "./rules/doc/classification-below-csr.js";
import { rule as docClassificationLowered } from "./rules/doc/classification-lowered.js";
import { rule as docCopyNumberDuplicate } from "./rules/doc/copy-number-duplicate.js";
import { rule as docCustomerNoticeLate } from "./rules/doc/customer-notice-late.js";
import { rule as docCustomerNoticeOutOfOrder } from "./rules/doc/customer-notice-out-of-order.js";
import { rule as docCustomerNoticeOverdue } from "./rules/doc/customer-notice-overdue.js";
import { rule as docCountersignMissing } from "./rules/doc/countersign-missing.js";
import { rule as docCopyRecordIncomplete } from "./rules/doc/copy-record-incomplete.js";
import { rule as docDeviationLoop } from "./rules/doc/deviation-loop.js";
import { rule as docDeviationVersionSuperseded } from "./rules/doc/deviation-version-superseded.js";
import { rule as docDeviationWithoutEnd } from "./rules/doc/deviation-without-end.js";
import { rule as docDuplicateTitle } from "./rules/doc/duplicate-title.js";
import { rule as docEcnOutOfOrder } from "./rules/doc/ecn-out-of-order.js";
import { rule as docEffectiveBeforeIssue } from "./rules/doc/effective-before-issue.js";
import { rule as docEffectiveBeforeSignature } from "./rules/doc/effective-before-signature.js";
import { rule as docExternalCheckDue } from "./rules/doc/external-check-due.js";
import { rule as docExternalEffectiveBeforeIssue } from "./rules/doc/external-effective-before-issue.js";
import { rule as docExternalOfCustomer } from "./rules/doc/external-of-customer.js";
import { rule as docEmptySection } from "./rules/doc/empty-section.js";
import { rule as docFormNoFields } from "./rules/doc/form-no-fields.js";
import { rule as docMentionUnresolved } from "./rules/doc/mention-unresolved.js";
import { rule as docNoCopyInForce } from "./rules/doc/no-copy-in-force.js";
import { rule as docNotIssued } from "./rules/doc/not-issued.js";
import { rule as docObsoleteMentioned } from "./rules/doc/obsolete-mentioned.js";
import { rule as docObsoleteReferenced } from "./rules/doc/obsolete-referenced.js";
import { rule as docPeriodicReviewDue } from "./rules/doc/periodic-review-due.js";
import { rule as docTemporaryExpired } from "./rules/doc/temporary-expired.js";
import { rule as docRecallOverdue } from "./rules/doc/recall-overdue.js";
import { rule as docRecordBatchDuplicate } from "./rules/doc/record-batch-duplicate.js";
import { rule as docRecordRetentionMissing } from "./rules/doc/record-retention-missing.js";
import { rule as docReviewEditionUnknown } from "./rules/doc/review-edition-unknown.js";
import { rule as docRevisionBeforeAction } from "./rules/doc/revision-before-action.js";
import { rule as docRevisionHistoryRewritten } from "./rules/doc/revision-history-rewritten.js";
import { rule as docRevisionNotBumped } from "./rules/doc/revision-not-bumped.js";
import { rule as docRetrainingDue } from "./rules/doc/retraining-due.js";
import { rule as docRevisionPending } from "./rules/doc/revision-pending.js";
import { rule as docRoleMissing } from "./rules/doc/role-missing.js";
import { rule as docSectionNumber } from "./rules/doc/section-number.js";
import { rule as docSelfApproval } from "./rules/doc/self-approval.js";
import { rule as docSignatureMissing } from "./rules/doc/signature-missing.js";
import { rule as docTotalPagesInconsistent } from "./rules/doc/total-pages-inconsistent.js";
import { rule as docTrainingNotEvaluated } from "./rules/doc/training-not-evaluated.js";
import { rule as docTrainingOverdue } from "./rules/doc/training-overdue.js";
import { rule as docUnreleasedReferenced } from "./rules/doc/unreleased-referenced.js";
import { rule as docReferencedNotInForce } from "./rules/doc/referenced-not-in-force.js";
import { rule as docTableMalformed } from "./rules/doc/table-malformed.js";
import { rule as docFmeaRatingInvalid } from "./rules/doc/fmea-rating-invalid.js";
import { rule as docVersionSequence } from "./rules/doc/version-sequence.js";
import { rule as docWithdrawalRewritten } from "./rules/doc/withdrawal-rewritten.js";
import { rule as fileDeleted } from "./rules/file/deleted.js";
import { rule as idDuplicate } from "./rules/id/duplicate.js";
import { rule as idFileName } from "./rules/id/file-name.js";
import { rule as idNumberPattern } from "./rules/id/number-pattern.js";
import { loaderRules } from "./rules/loader.js";
import { rule as personAuditorQualificationExpiring } from "./rules/person/auditor-qualification-expiring.js";
import { rule as personHolderElsewhere } from "./rules/person/holder-elsewhere.js";
import { rule as personLeftWithOpenWork } from "./rules/person/left-with-open-work.js";
import { rule as personMilitarySignature } from "./rules/person/military-signature.js";
import { rule as personOperatorSignature } from "./rules/person/operator-signature.js";
import { rule as personStationCover } from "./rules/person/station-cover.js";
import { rule as personStationUnqualified } from "./rules/person/station-unqualified.js";
import { rule as personKeyOperationUncertified } from "./rules/person/key-operation-uncertified.js";
import { rule as personWorkAfterLeaving } from "./rules/person/work-after-leaving.js";
import { rule as personWorkBeforeJoining } from "./rules/person/work-before-joining.js";
import { rule as processAuditBeforeStandard } from "./rules/process/audit-before-standard.js";
import { rule as processAuditDue } from "./rules/process/audit-due.js";
import { rule as processAuditDuplicateReport } from "./rules/process/audit-duplicate-report.js";
import { rule as processAuditFrequencyUnreviewed } from "./rules/process/audit-frequency-unreviewed.js";
import { rule as processAuditIntervalUnset } from "./rules/process/audit-interval-unset.js";
import { rule as processAuditPlanNextYearMissing } from "./rules/process/audit-plan-next-year-missing.js";
import { rule as processAuditShiftCoverage } from "./rules/process/audit-shift-coverage.js";
import { rule as processAuditorImpartiality } from "./rules/process/auditor-impartiality.js";
import { rule as processAuditorUnqualified } from "./rules/process/auditor-unqualified.js";
import { rule as processManufacturingAuditDue } from "./rules/process/manufacturing-audit-due.js";
import { rule as processOwnerMissing } from "./rules/process/owner-missing.js";
import { rule as processPlannedAuditMissed } from "./rules/process/planned-audit-missed.js";
import { rule as refUnresolved } from "./rules/ref/unresolved.js";
import { rule as supplierAuditDue } from "./rules/supplier/audit-due.js";
import { rule as supplierAuditorUnqualified } from "./rules/supplier/auditor-unqualified.js";
import { rule as supplierCertificateExpired } from "./rules/supplier/certificate-expired.js";
import { rule as supplierCertificateExpiring } from "./rules/supplier/certificate-expiring.js";
import { rule as supplierNoQmsCertificate } from "./rules/supplier/no-qms-certificate.js";
import { rule as customerTargetMissed } from "./rules/customer/target-missed.js";
import { rule as customerSpecialStatusUnreported } from "./rules/customer/special-status-unreported.js";
import { rule as supplierRatingWithoutAction } from "./rules/supplier/rating-without-action.js";
import { rule as supplierUnknown } from "./rules/supplier/unknown.js";
import { rule as supplierWithdrawnHoldsCopies } from "./rules/supplier/withdrawn-holds-copies.js";
import { rule as firstArticleChangeWithoutInspection } from "./rules/first-article/change-without-inspection.js";
import { rule as firstArticleFailedWithoutPass } from "./rules/first-article/failed-without-pass.js";
import { rule as firstArticleNoMilitaryRepresentative } from "./rules/first-article/no-military-representative.js";
import { rule as objectiveUnmeasured } from "./rules/objective/unmeasured.js";
import { rule as managementReviewNotHeld } from "./rules/management-review/not-held.js";
import { rule as managementReviewOutputOverdue } from "./rules/management-review/output-overdue.js";
import { rule as toolingCalibrationDueSoon } from "./rules/tooling/calibration-due-soon.js";
import { rule as toolingCalibrationOverdue } from "./rules/tooling/calibration-overdue.js";
import { rule as toolingCalibrationWithoutReaction } from "./rules/tooling/calibration-without-reaction.js";
import { rule as toolingCustomerOwnedUnmarked } from "./rules/tooling/customer-owned-unmarked.js";
import { rule as toolingFailedWithoutReaction } from "./rules/tooling/failed-without-reaction.js";
import { rule as toolingMaintenanceOverdue } from "./rules/tooling/maintenance-overdue.js";
import { rule as toolingMsaMissing } from "./rules/tooling/msa-missing.js";
import { rule as toolingUnknown } from "./rules/tooling/unknown.js";
import { rule as toolingUnregistered } from "./rules/tooling/unregistered.js";
import { rule as toolingVerificationOverdue } from "./rules/tooling/verification-overdue.js";
import { rule as symbolApprovalMissing } from "./rules/symbol/approval-missing.js";
import { rule as symbolApprovalOutdated } from "./rules/symbol/approval-outdated.js";
import { rule as symbolApprovalStale } from "./rules/symbol/approval-stale.js";
import { rule as symbolCharacteristicUntraced } from "./rules/symbol/characteristic-untraced.js";
import { rule as symbolConflict } from "./rules/symbol/conflict.js";
import { rule as symbolCsrUnconverted } from "./rules/symbol/csr-unconverted.js";
import { rule as symbolDocumentMismatch } from "./rules/symbol/document-mismatch.js";
import { rule as symbolReplacedSymbol } from "./rules/symbol/replaced-symbol.js";
import { rule as symbolUnknownSymbol } from "./rules/symbol/unknown-symbol.js";

export const rules: readonly Rule[] = [
  ...loaderRules,
  actionClosedEarly,
  actionDeadlineOrder,
  actionComplaintUnrecorded,
  actionDocumentNotRevised,
  actionDueRewritten,
  actionExternalAuditOverdue,
  actionProblemUngraded,
  actionProblemUnnotified,
  actionSelfVerified,
  actionAuditUndated,
  actionStepOverdue,
  actionZeroingIncomplete,
  actionZeroingReview,
  actionZeroingUnreviewed,
  calendarYearMissing,
  clauseCorrespondenceUnknown,
  clauseExcludedButAddressed,
  clauseExclusionNotPermitted,
  clauseSupersededEdition,
  clauseUnknownClause,
  clauseUnknownStandard,
  configNoticeClaimsClassification,
  configRegisterForm,
  configUnknownRule,
  coverageClauseUncovered,
  csrAddressedByObsolete,
  csrClassificationBelowSource,
  csrConfirmedWithoutDecision,
  csrDeployedWithoutCopy,
  csrDuplicate,
  csrDuplicateIdAcrossBranches,
  csrDuplicateOpinion,
  csrFlowDownMissing,
  csrForcedDecision,
  csrImplementationIncomplete,
  csrImplementationOverdue,
  csrImplementedBeforeEffective,
  csrImplementedBeforeIssue,
  csrLateForCustomer,
  csrNotAddressed,
  csrNotRedistributed,
  csrRejectionOverruled,
  csrRequirementChanged,
  csrRetrainingDue,
  csrReviewDueSoon,
  csrReviewIncomplete,
  csrReviewInconsistent,
  csrReviewLate,
  csrReviewOverdue,
  csrReviewRewritten,
  csrReviewUnsigned,
  csrSectionDroppedInRevision,
  csrSectionMissing,
  csrSelfVerification,
  csrSourceKeeperMissing,
  csrSourceSuperseded,
  csrSourceUnreviewed,
  csrSuspectLink,
  csrTrainingNotEvaluated,
  csrTrainingOverdue,
  csrUnknownCategory,
  dateInFuture,
  dateOutOfOrder,
  dateOutOfRange,
  dateReceivedAfterSource,
  dateReceivedBeforeSource,
  docAffectedDocumentNotRevised,
  docApprovalMissing,
  docApprovedByAuthor,
  docApproverLacksRole,
  docBodyOnPaper,
  docChangeRequestMissing,
  docClassificationBelowCsr,
  docClassificationLowered,
  docConfigurationChangeUnagreed,
  docConfigurationChangeUnapproved,
  docCopyNumberDuplicate,
  docCopyRecordIncomplete,
  docCountersignMissing,
  docCustomerNoticeLate,
  docCustomerNoticeOutOfOrder,
  docCustomerNoticeOverdue,
  docDeviationLoop,
  docDeviationVersionSuperseded,
  docDeviationWithoutEnd,
  docDuplicateTitle,
  docEcnOutOfOrder,
  docEffectiveBeforeIssue,
  docEffectiveBeforeSignature,
  docEmptySection,
  docExternalCheckDue,
  docExternalEffectiveBeforeIssue,
  docExternalOfCustomer,
  docFormNoFields,
  docMentionUnresolved,
  docNoCopyInForce,
  docNotIssued,
  docObsoleteMentioned,
  docCitedNotListed,
  docObsoleteReferenced,
  docPeriodicReviewDue,
  docTemporaryExpired,
  docRecallOverdue,
  docRecordBatchDuplicate,
  docRecordRetentionMissing,
  docRetrainingDue,
  docReviewEditionUnknown,
  docRevisionBeforeAction,
  docRevisionHistoryRewritten,
  docRevisionNotBumped,
  docRevisionPending,
  docRoleMissing,
  docSectionNumber,
  docSelfApproval,
  docSignatureMissing,
  docTotalPagesInconsistent,
  docTrainingNotEvaluated,
  docTrainingOverdue,
  docUnreleasedReferenced,
  docReferencedNotInForce,
  docTableMalformed,
  docFmeaRatingInvalid,
  docVersionSequence,
  docWithdrawalRewritten,
  fileDeleted,
  idDuplicate,
  idFileName,
  idNumberPattern,
  managementReviewNotHeld,
  managementReviewOutputOverdue,
  personAuditorQualificationExpiring,
  personHolderElsewhere,
  personKeyOperationUncertified,
  personLeftWithOpenWork,
  personMilitarySignature,
  personOperatorSignature,
  personStationCover,
  personStationUnqualified,
  personWorkAfterLeaving,
  personWorkBeforeJoining,
  processAuditBeforeStandard,
  processAuditDue,
  processAuditDuplicateReport,
  processAuditFrequencyUnreviewed,
  processAuditIntervalUnset,
  processAuditPlanNextYearMissing,
  processAuditShiftCoverage,
  processAuditorImpartiality,
  processAuditorUnqualified,
  processManufacturingAuditDue,
  processOwnerMissing,
  processPlannedAuditMissed,
  refUnresolved,
  supplierAuditDue,
  supplierAuditorUnqualified,
  supplierCertificateExpired,
  supplierCertificateExpiring,
  supplierNoQmsCertificate,
  customerTargetMissed,
  customerSpecialStatusUnreported,
  supplierRatingWithoutAction,
  supplierUnknown,
  supplierWithdrawnHoldsCopies,
  symbolApprovalMissing,
  symbolApprovalOutdated,
  symbolApprovalStale,
  symbolCharacteristicUntraced,
  symbolConflict,
  symbolCsrUnconverted,
  symbolDocumentMismatch,
  symbolReplacedSymbol,
  symbolUnknownSymbol,
  toolingCalibrationDueSoon,
  toolingCalibrationOverdue,
  toolingCalibrationWithoutReaction,
  toolingCustomerOwnedUnmarked,
  firstArticleChangeWithoutInspection,
  firstArticleFailedWithoutPass,
  firstArticleNoMilitaryRepresentative,
  objectiveUnmeasured,
  toolingFailedWithoutReaction,
  toolingMaintenanceOverdue,
  toolingMsaMissing,
  toolingUnknown,
  toolingUnregistered,
  toolingVerificationOverdue,
].sort((a, b) => (a.id < b.id ? -1 : 1));

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
