/**
 * What `csr train --method --hours --failed` adds to a session (tester72 Q5): how it was given (培训方式), its hours
 * (学时) and the trainees who failed its assessment (考核不合格), whom it does not train (IATF 16949 7.2.2: the
 * effectiveness of training evaluated; ISO 9001 7.2 d; GJB 9001C 7.2). Kept apart from the command's flow.
 */
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { TRAINING_METHODS, type TrainingMethod, type TrainingSession } from "../../model/types.js";
import { listOption } from "../shared/edit.js";
import { personLabel, resolvePerson, type Register } from "../shared/people.js";

export interface ResultFlags {
  externalTrainer?: string;
  trainer?: string;
  method?: string;
  hours?: string;
  failed?: string[];
}

/**
 * The session's `method`, `hours` and `failed` from the flags, with the words the command says of them. `people`
 * (ids) and `trainees` (names) are the session's: a failed trainee is one of them, given by id, name or as the
 * trainee is written. Errors (UserError): an unknown method, hours not above 0, a failed person who is no trainee.
 */
export function sessionResult(index: Register, flags: ResultFlags, people: readonly string[], trainees: readonly string[], date: string): { fields: Pick<TrainingSession, "method" | "hours" | "failed">; details: string[] } {
  const method = flags.method === undefined ? undefined : methodOption(flags.method);
  const hours = flags.hours === undefined ? undefined : hoursOption(flags.hours);
  const failed = [...new Set(listOption(flags.failed).flatMap((given) => failedTrainee(index, given, people, trainees, date)))];
  const details = [
    ...(method ? [t("train.method", { method: t(`value.training-method.${method}`) })] : []),
    ...(hours !== undefined ? [t("train.hours", { hours })] : []),
    ...(failed.length > 0 ? [t("train.failed", { people: list(failed.map((f) => (index.people.has(f) ? personLabel(index, f) : f))) })] : []),
  ];
  return { fields: { ...(method ? { method } : {}), ...(hours !== undefined ? { hours } : {}), ...(failed.length > 0 ? { failed } : {}) }, details };
}

function methodOption(given: string): TrainingMethod {
  const method = given.trim();
  if (!(TRAINING_METHODS as readonly string[]).includes(method)) throw new UserError(t("train.bad-method", { method, methods: list(TRAINING_METHODS) }) + didYouMean(method, TRAINING_METHODS));
  return method as TrainingMethod;
}

function hoursOption(given: string): number {
  const hours = Number(given.trim());
  if (given.trim() === "" || !Number.isFinite(hours) || hours <= 0 || hours > 1000) throw new UserError(t("train.bad-hours", { hours: given }));
  return hours;
}

/** A --failed value as the session records it: a trainee's name as --trainees gave it, else a person of --people by id or name. */
function failedTrainee(index: Register, given: string, people: readonly string[], trainees: readonly string[], date: string): string[] {
  if (trainees.includes(given)) return [given];
  const person = resolvePerson(index, given, "--failed", date);
  if (people.includes(person.id)) return [person.id];
  throw new UserError(t("train.failed-not-trainee", { given }));
}

/**
 * --external-trainer "王工, 中汽研": a trainer from outside the organisation (外部讲师: a training body, a customer's SQE, a
 * certification body's tutor), recorded as given — who and of which organisation — instead of a person of people.yaml
 * (tester72 Q8). Undefined when not given. Errors (UserError): given with --trainer, or without the organisation.
 */
export function externalTrainerOption(flags: ResultFlags): string | undefined {
  if (flags.externalTrainer === undefined) return undefined;
  if (flags.trainer !== undefined) throw new UserError(t("train.external-and-trainer"));
  const given = flags.externalTrainer.trim();
  const [name, ...organisation] = given.split(/[,，]/).map((part) => part.trim());
  if (!name || organisation.join("").trim() === "") throw new UserError(t("train.external-trainer-format", { given }));
  return given;
}
