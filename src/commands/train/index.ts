/**
 * `csr train <document|csr>`: who was trained on which revision (培训记录). On a document the
 * revision is its current version, on a CSR the revision of its source document. `--require`
 * marks the document or CSR as needing training, which doc/training-overdue and
 * csr/training-overdue then watch. A session needs the trainer and the record number besides the
 * people and the date: without them it is no evidence of training (IATF 16949 7.2).
 */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { currentRevision } from "../../model/index.js";
import { eventLabel, revisionEvent } from "../../model/recorded-events.js";
import type { TrainingSession } from "../../model/types.js";
import { missingFlag, type Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { isScalar, isSeq } from "yaml";
import { appendIn } from "../shared/persist.js";
import { departmentLabel, personLabel, refuseMilitaryWork, resolvePeople } from "../shared/people.js";
import { sessionTraineesIn } from "../../model/training.js";
import { departmentByCode, editFile, listOption, need, withEditSession, personChoices, personOption, saveChanges } from "../shared/edit.js";
import type { FileKind } from "../../load/source.js";

export interface TrainFlags {
  people?: string[];
  /** The department(s) trained as a whole, or that the --trainees not in people.yaml belong to. */
  department?: string[];
  trainees?: string[];
  date?: string;
  trainer?: string;
  record?: string;
  require?: boolean;
  yes?: boolean;
  commit?: boolean;
}

export async function trainCommand(ctx: CommandContext, id: string, flags: TrainFlags): Promise<number> {
  return recordTraining(ctx, id, flags);
}

export async function recordTraining(ctx: CommandContext, id: string, flags: TrainFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const document = session.index.documents.get(id);
    const csr = document ? undefined : session.index.csrs.get(id);
    if (!document && !csr) {
      const known = [...session.index.documents.keys(), ...session.index.csrs.keys()];
      throw new UserError(t("render.not-found", { id }) + didYouMean(id, known));
    }
    const target = document ?? csr!;
    const kind: FileKind = document ? "document" : "csr";
    const revision = document ? currentRevision(document.value)?.version : csr!.value.source.revision;
    if (document && document.value.status !== "released") throw new UserError(t("train.not-released", { id, status: t(`value.document-status.${document.value.status}`) }));
    if (csr?.value.superseded) throw new UserError(t("train.superseded", { id }));
    const training = target.value.training;
    const givenPeople = listOption(flags.people);
    // Operators outside people.yaml, kept as the record names them (张三(1023)); a department trained as a whole (tester56 D8).
    // Split at commas and 、 only: a name may hold a space (Zhang San (1023)).
    const trainees = [...new Set((flags.trainees ?? []).flatMap((v) => v.split(/[,，、;；]/)).map((v) => v.trim()).filter(Boolean))];
    // Several departments given spaced or at commas (tester66 N10); a person of people.yaml is listed under their own department whatever this says (N2).
    const departments = [...new Set(listOption(flags.department).map((code) => departmentByCode(session, code, "--department")))];
    const department = departments.length === 0 ? undefined : departments.length === 1 ? departments[0]! : departments;
    if (flags.require && givenPeople.length === 0 && trainees.length === 0 && department === undefined && !session.ask) {
      if (training?.required) {
        ctx.stdout(t("train.required-already", { id }) + "\n");
        return 0;
      }
      const change = editFile(session.root, target.file.path, kind, (doc) => doc.setIn(["training", "required"], true));
      await saveChanges(ctx, session, [change], [t(document ? "train.required-document" : "train.required-csr", { id })], { commit: flags.commit, message: t("commit.train.required", { id }) });
      return 0;
    }
    const current = document ? currentRevision(document.value) : undefined;
    const date = eventDateOption(flags.date, "--date", {
      follows: csr ? { what: eventLabel("rule.date/event.csr-received"), of: id, date: csr.value.received } : current ? { ...revisionEvent(current), of: id } : undefined,
    });
    const named =
      givenPeople.length > 0 || trainees.length > 0 || department !== undefined
        ? givenPeople
        : listOption(await need(session.ask, "--people", t("train.needs.people"), (p) => p.input({ message: t("prompt.train.people"), required: true })));
    // 生产部 given to --people is a department, not a person of people.yaml: say which option takes it.
    for (const given of named) {
      const unit = [...session.index.departments.values()].find((d) => d.code === given || d.name === given || d.name_en === given);
      if (unit && !session.index.people.has(given)) throw new UserError(t("train.people-is-department", { given, code: unit.code }));
    }
    const trained = resolvePeople(session.index, named, "--people", date);
    // The organisation trains its own people (IATF 16949 7.2, GJB 9001C 7.2), not the 军代表室.
    for (const person of trained) refuseMilitaryWork(session.index, person, "--people", "trainee");
    const people = trained.map((p) => p.id);
    // The schema leaves trainer and record open (records imported from paper may lack them), but a
    // new record is training evidence (IATF 16949 7.2): who trained whom, when, under which record number.
    const trainerPerson = personOption(
      session,
      flags.trainer ?? (await need(session.ask, "--trainer", t("train.needs.trainer"), (p) => p.select({ message: t("prompt.train.trainer"), choices: personChoices(session, document?.value.department, { organisation: true }) }))),
      "--trainer",
      date,
    );
    refuseMilitaryWork(session.index, trainerPerson, "--trainer", "trainer");
    const trainer = trainerPerson.id;
    const record = (flags.record ?? (await need(session.ask, "--record", t("train.needs.record"), (p) => p.input({ message: t("prompt.train.record"), required: true })))).trim();
    if (record === "") throw missingFlag("--record", t("train.needs.record"));
    const entry: TrainingSession = { ...(revision ? { revision } : {}), date, ...(people.length > 0 ? { people } : {}), ...(department ? { department } : {}), ...(trainees.length > 0 ? { trainees } : {}), trainer, record };
    // A record number kept on its own (training.records, as `csr import` keeps a list's 培训 cell) that this
    // session names is this session now: it goes in the same write, or the list would show the record twice (io60).
    // Only a CSR keeps records on their own; a document's training holds sessions alone.
    const replaces = csr !== undefined && (csr.value.training?.records ?? []).some((r) => r.trim() === record);
    const change = editFile(session.root, target.file.path, kind, (doc) => {
      if (!training || (flags.require && !training.required)) doc.setIn(["training", "required"], true);
      appendIn(doc, ["training", "sessions"], doc.createNode(entry, { flow: true }));
      if (replaces) {
        const records = doc.getIn(["training", "records"], true);
        if (isSeq(records)) {
          records.items = records.items.filter((item) => String(isScalar(item) ? item.value : item).trim() !== record);
          if (records.items.length === 0) doc.deleteIn(["training", "records"]);
        }
      }
    });
    const details = [date, t("train.trainer", { trainer: personLabel(session.index, trainer) }), t("train.record", { record })];
    // A CSR's revision is its source document's, which a bare "NES-001 2" does not say.
    const what = !revision ? id : csr ? t("train.csr-revision", { id, source: csr.value.source.document, revision }) : `${id} ${revision}`;
    const departmentLabels = departments.map((code) => departmentLabel(session.index, code));
    const whom = sessionTraineesIn(language(), entry, (p) => personLabel(session.index, p), (code) => departmentLabel(session.index, code), (p) => session.index.people.get(p)?.value.department);
    const lines = [
      t("train.recorded", { what, people: whom, details: details.join(t("train.detail-separator")) }),
      ...(replaces ? [t("train.record-replaced", { id, record })] : []),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t(department === undefined ? "commit.train.trained" : "commit.train.department", { id: what, count: people.length + trainees.length, department: list(departmentLabels) }) });
    return 0;
  });
}
