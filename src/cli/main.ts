/**
 * The command-line wiring. Only commander and the message catalog of the chosen language are loaded
 * up front, so `csr --help` and `csr --version` stay fast; each command's module is imported when it
 * runs, and a run wires only the command it names (commandNamed) unless it needs them all.
 * `npm run build` bundles this file twice: as dist/cli/main.js with its chunks, which bin/csr.js runs
 * for a help and a command line without a command, and as dist/cli/main.cjs, everything in one
 * file with V8's code cache of it, for a command line that names one (scripts/build.js bundleMain).
 */
import { t } from "../i18n/index.js";
import { citations, clauseReferenceExample, forStandards, helpExamples, underStandard, wordingOf } from "../model/citations.js";
import { packageManifest } from "../load/package.js";
import type { CommandContext } from "../commands/context.js";
import { Option, type Command } from "commander";
import type { PersonFlags } from "../commands/person/index.js";
import { wireCheck } from "./check.js";
import { wireSite } from "./site.js";
import { commandNamed } from "./named.js";
import { collect, runProgram, signatureOptions, standardOutput, type Output, type Wiring } from "./program.js";

/**
 * Runs the command line `argv` (as process.argv: node, the script, then csr's arguments), its output
 * to `output` (standard output and error unless given: a test running csr in its own process passes
 * what captures it); resolves to the exit code.
 */
export async function run(argv: string[], output?: Output): Promise<number> {
  // `csr --version` alone needs neither the commands nor a message catalog: answered as commander would, before they are set up.
  if (argv.length === 3 && (argv[2] === "--version" || argv[2] === "-V")) {
    (output ?? standardOutput(() => 0)).stdout(`${packageManifest().version}\n`);
    return 0;
  }
  return runProgram(argv, (wiring: Wiring) => {
    const { program, action, standards } = wiring;
    // Each top-level command (or group of commands) by name, in the order of the help, wired only when
    // called: a run wires only the command its arguments name (commandNamed), all of them otherwise.
    const commands: Record<string, () => void> = {
      check: () => wireCheck(wiring),
      explain: () => {
        program
          .command("explain")
          .description(t("help.explain"))
          .argument("[rule-id]", t("help.explain.rule-id"))
          .action(action(async () => (await import("../commands/explain/index.js")).explainCommand));
      },
      add: () => {
        program
          .command("add")
          .description(t("help.add"))
          .option("--customer <code>", t("help.add.customer"))
          .option("--source <id>", t("help.add.source"))
          .option("--section <text>", t("help.add.section"))
          .option("--clause <ref>", t("help.add.clause", { example: clauseReferenceExample(standards) }), collect, [])
          .option("--title <text>", t("help.add.title"))
          .option("--title-en <text>", t("help.add.title-en"))
          .option("--text <text>", t("help.add.text"))
          .option("--category <text>", t("help.add.category"))
          .option("--classification <level>", t("help.add.classification"))
          .option("--received <date>", t("help.add.received"))
          .option("--allow-duplicate", t("help.add.allow-duplicate"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit-new"))
          .action(action(async () => (await import("../commands/add/index.js")).addCommand));
      },
      review: () => {
        program
          .command("review")
          .description(t("help.review"))
          .argument("[id]", t("help.common.csr-id"))
          .option("--department <code>", t("help.review.department"))
          .option("--reviewer <person>", t("help.review.reviewer"))
          .option("--opinion <opinion>", t("help.review.opinion"))
          .option("--comment <text>", t("help.common.comment"))
          .option("--disposition <disposition>", t("help.review.disposition"))
          .option("--justification <text>", t("help.review.justification"))
          .option("--alternative <text>", t("help.review.alternative"))
          .option("--agreed-with <name>", t("help.review.agreed-with"))
          .option("--agreed-on <date>", t("help.review.agreed-on"))
          .option("--agreed-record <record>", t("help.review.agreed-record"))
          .option("--by <person>", t("help.review.by"))
          .option("--late-reason <text>", t("help.review.late-reason"))
          .option("--recorder <person>", t("help.review.recorder"))
          .option("--leader <person>", t("help.review.leader"))
          .option("--military-representative <person>", t("help.review.military-representative"))
          .option("--date <date>", t("help.review.date"))
          .option("--required <departments...>", t("help.review.required"))
          .option("--record <number>", t("help.review.record"))
          .option("--record-form <form>", t("help.review.record-form"))
          .option("--force", t("help.review.force"))
          .option("--amend", t("help.review.amend"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/review/index.js")).reviewCommand));
      },
      address: () => {
        program
          .command("address")
          .description(t("help.address"))
          .argument("[csr]", t("help.common.csr-id"))
          .argument("[document]", t("help.common.document-number"))
          .option("--section <section>", t("help.address.section"))
          .option("--remove", t("help.address.remove"))
          .option("--confirm", t("help.address.confirm"))
          .option("--pin-all", t("help.address.pin-all"))
          .option("--by <person>", t("help.address.by"))
          .option("--date <date>", t("help.address.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/address/index.js")).addressCommand));
      },
      implement: () => {
        program
          .command("implement")
          .description(t("help.implement"))
          .argument("<csr>", t("help.common.csr-id"))
          .option("--owner <person>", t("help.implement.owner"))
          .option("--due <date>", t("help.implement.due"))
          .option("--required-by <date>", t("help.implement.required-by"))
          .option("--late-reason <text>", t("help.implement.late-reason"))
          .option("--status <status>", t("help.implement.status"))
          .option("--evidence <text>", t("help.implement.evidence"))
          .option("--implemented <date>", t("help.implement.implemented"))
          .option("--verified-by <person>", t("help.implement.verified-by"))
          .option("--date <date>", t("help.implement.date"))
          .option("--amend", t("implement.amend.help"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/implement/index.js")).implementCommand));
      },
      calendar: () => {
        const calendar = program.command("calendar").description(t("help.calendar"));
        for (const [name, load] of [
          ["holiday", async () => (await import("../commands/calendar/day.js")).calendarHolidayCommand],
          ["workday", async () => (await import("../commands/calendar/day.js")).calendarWorkdayCommand],
        ] as const)
          calendar
            .command(name)
            .description(t(`help.calendar.${name}`))
            .option("--from <date>", t("help.calendar.day.from"))
            .option("--to <date>", t("help.calendar.day.to"))
            .option("--name <text>", t("help.calendar.day.name"))
            .option("--dry-run", t("help.calendar.day.dry-run"))
            .option("-y, --yes", t("help.common.yes"))
            .option("--commit", t("help.common.commit"))
            .action(action(load));
        calendar
          .command("notice")
          .description(t("help.calendar.notice"))
          .argument("<file>", t("help.calendar.notice.file"))
          .option("--year <year>", t("help.calendar.notice.year"))
          .option("--replace", t("help.calendar.notice.replace"))
          .option("--dry-run", t("help.calendar.notice.dry-run"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/calendar/notice.js")).calendarNoticeCommand));
        calendar
          .command("show")
          .description(t("help.calendar.show"))
          .option("--year <year>", t("help.calendar.show.year"))
          .option("--month <month>", t("help.calendar.show.month"))
          .option("--format <format>", t("help.common.format-text"))
          .action(action(async () => (await import("../commands/calendar/show.js")).calendarShowCommand));
      },
      customer: () => {
        const customer = program.command("customer").description(t("help.customer"));
        customer
          .command("add")
          .description(t("help.customer.add"))
          .argument("[code]", t("help.customer.add.code"))
          .option("--name <text>", t("help.customer.add.name"))
          .option("--name-en <text>", t("help.customer.add.name-en"))
          .option("--class <class>", t("help.customer.add.class"))
          .option("--contact <name>", t("help.customer.add.contact"))
          .option("--contact-role <text>", t("help.customer.add.contact-role"))
          .option("--contact-email <email>", t("help.customer.add.contact-email"))
          .option("--contact-phone <phone>", t("help.customer.add.contact-phone"))
          .option("--notes <text>", t("help.customer.add.notes"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/customer/add.js")).customerAddCommand));
        customer
          .command("update")
          .description(t("help.customer.update"))
          .argument("<code>", t("help.customer.update.code"))
          .option("--name <text>", t("help.customer.update.name"))
          .option("--name-en <text>", t("help.customer.update.name-en"))
          .option("--class <class>", t("help.customer.update.class"))
          .option("--contact <name>", t("help.customer.update.contact"))
          .option("--contact-role <text>", t("help.customer.update.contact-role"))
          .option("--contact-email <email>", t("help.customer.update.contact-email"))
          .option("--contact-phone <phone>", t("help.customer.update.contact-phone"))
          .option("--remove-contact <name>", t("help.customer.update.remove-contact"))
          .option("--notes <text>", t("help.customer.update.notes"))
          .option("--complaint-deadline <step=time...>", t("help.customer.update.complaint-deadline"))
          .option("--deadlines-csr <id>", t("help.customer.update.deadlines-csr"))
          .option("--change-notification <time>", t("help.customer.update.change-notification"))
          .option("--change-notification-csr <id>", t("help.customer.update.change-notification-csr"))
          .option("--target-ppm <number>", t("help.customer.update.target-ppm"))
          .option("--target-delivery <percent>", t("help.customer.update.target-delivery"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/customer/update.js")).customerUpdateCommand));
        customer
          .command("score")
          .description(t("help.customer.score"))
          .argument("<code>", t("help.customer.update.code"))
          .option("--period <period>", t("help.supplier.rate.period"))
          .option("--ppm <number>", t("help.customer.score.ppm"))
          .option("--delivery <percent>", t("help.customer.score.delivery"))
          .option("--grade <grade>", t("help.customer.score.grade"))
          .option("--rank <rank>", t("help.customer.score.rank"))
          .option("--complaints <count>", t("help.customer.score.complaints"))
          .option("--by <person>", t("help.customer.score.by"))
          .option("--date <date>", t("help.customer.score.date"))
          .option("--record <number>", t("help.customer.score.record"))
          .option("--action-plan <id>", t("help.customer.score.action-plan"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/customer/score.js")).customerScoreCommand));
        customer
          .command("special-status")
          .description(t("help.customer.special-status"))
          .argument("<code>", t("help.customer.update.code"))
          .option("--status <status>", t("help.customer.special-status.status"))
          .option("--from <date>", t("help.customer.special-status.from"))
          .option("--until <date>", t("help.customer.special-status.until"))
          .option("--note <text>", t("help.customer.special-status.note"))
          .option("--record <number>", t("help.customer.special-status.record"))
          .option("--cb-notified <date>", t("help.customer.special-status.cb-notified"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/customer/score.js")).customerSpecialStatusCommand));
      },
      person: () => {
        const person = program.command("person").description(t("help.person"));
        person
          .command("add")
          .description(t("help.person.add"))
          .argument("[id]", t("help.person.add.id"))
          .option("--name <text>", t("help.person.name"))
          .option("--name-en <text>", t("help.person.name-en"))
          .option("--department <code>", t("help.person.department"))
          .option("--roles <roles...>", t("help.person.roles"))
          .option("--title <text>", t("help.person.title"))
          .option("--from <date>", t("help.person.from"))
          .option("--today <date>", t("help.person.add.today"))
          .option("--number <text>", t("help.person.number"))
          .option("--station <codes...>", t("help.person.station"))
          .option("--operator", t("help.person.operator"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/person/index.js")).personAddCommand));
        person
          .command("update")
          .description(t("help.person.update"))
          .argument("<id>", t("help.person.id"))
          .option("--name <text>", t("help.person.name"))
          .option("--name-en <text>", t("help.person.name-en"))
          .option("--department <code>", t("help.person.department"))
          .option("--roles <roles...>", t("help.person.roles"))
          .option("--title <text>", t("help.person.title"))
          .option("--from <date>", t("help.person.from"))
          .option("--no-from", t("help.person.update.no-from"))
          .option("--left <date>", t("help.person.update.left"))
          .option("--no-left", t("help.person.update.no-left"))
          .option("--auditor-since <date>", t("help.person.update.auditor-since"))
          .option("--auditor-until <date>", t("help.person.update.auditor-until"))
          .option("--auditor-record <number>", t("help.person.update.auditor-record"))
          .option("--auditor-kinds <kinds...>", t("help.person.update.auditor-kinds"))
          .option("--number <text>", t("help.person.number"))
          .option("--station <codes...>", t("help.person.update.station"))
          .option("--operator", t("help.person.operator"))
          .option("--no-operator", t("help.person.update.no-operator"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(
            action(async () => {
              const { personUpdateCommand } = await import("../commands/person/index.js");
              // commander lets the last of --from/--no-from (--left/--no-left) win: both given is refused as opposite instructions.
              return (ctx: CommandContext, id: string, flags: PersonFlags, command: Command) => {
                let root = command;
                while (root.parent) root = root.parent;
                const raw = (root as unknown as { rawArgs?: string[] }).rawArgs ?? [];
                const given = (option: string) => raw.some((a) => a === option || a.startsWith(`${option}=`));
                const opposite = ["--from", "--left"].filter((option) => given(option) && given(option.replace("--", "--no-")));
                return personUpdateCommand(ctx, id, { ...flags, ...(opposite.length > 0 ? { opposite: opposite[0] } : {}) });
              };
            }),
          );
        person
          .command("leave")
          .description(t("help.person.leave"))
          .argument("<id>", t("help.person.id"))
          .option("--date <date>", t("help.person.leave.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/person/index.js")).personLeaveCommand));
        person
          .command("remove")
          .description(t("help.person.remove"))
          .argument("[ids...]", t("help.person.remove.ids"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/person/index.js")).personRemoveCommand));
      },
      department: () => {
        const department = program.command("department").description(t("help.department"));
        department
          .command("add")
          .description(t("help.department.add"))
          .argument("[code]", t("help.department.add.code"))
          .option("--name <text>", t("help.department.name"))
          .option("--name-en <text>", t("help.department.name-en"))
          .option("--countersign", t("help.department.countersign"))
          .option("--date <date>", t("help.department.date"))
          .option("--external <kind>", t("help.department.external"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/department/index.js")).departmentAddCommand));
        department
          .command("update")
          .description(t("help.department.update"))
          .argument("<code>", t("help.department.code"))
          .option("--name <text>", t("help.department.name"))
          .option("--name-en <text>", t("help.department.name-en"))
          .option("--countersign", t("help.department.countersign"))
          .option("--no-countersign", t("help.department.no-countersign"))
          .option("--date <date>", t("help.department.date"))
          .option("--add-delegate <people...>", t("help.department.add-delegate"))
          .option("--remove-delegate <people...>", t("help.department.remove-delegate"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/department/index.js")).departmentUpdateCommand));
      },
      supplier: () => {
        const supplier = program.command("supplier").description(t("help.supplier"));
        const load = async () => await import("../commands/supplier/index.js");
        supplier
          .command("add")
          .description(t("help.supplier.add"))
          .argument("<code>", t("help.supplier.code"))
          .option("--name <text>", t("help.supplier.add.name"))
          .option("--name-en <text>", t("help.supplier.add.name-en"))
          .option("--supplies <items...>", t("help.supplier.supplies"))
          .option("--special-characteristics", t("help.supplier.special-characteristics"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).supplierAddCommand));
        supplier
          .command("update")
          .description(t("help.supplier.update"))
          .argument("<code>", t("help.supplier.code"))
          .option("--status <status>", t("help.supplier.update.status"))
          .option("--date <date>", t("help.supplier.update.date"))
          .option("--by <person>", t("help.supplier.update.by"))
          .option("--remark <text>", t("help.supplier.update.remark"))
          .option("--supplies <items...>", t("help.supplier.supplies"))
          .option("--special-characteristics", t("help.supplier.special-characteristics"))
          .option("--no-special-characteristics", t("help.supplier.no-special-characteristics"))
          .option("--development <standard>", t("help.supplier.update.development"))
          .option("--development-due <date>", t("help.supplier.update.development-due"))
          .option("--development-note <text>", t("help.supplier.update.development-note"))
          .option("--customer-authorised <customer>", t("help.supplier.update.customer-authorised"))
          .option("--authorisation-record <record>", t("help.supplier.update.authorisation-record"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).supplierUpdateCommand));
        supplier
          .command("certificate")
          .description(t("help.supplier.certificate"))
          .argument("<code>", t("help.supplier.code"))
          .option("--standard <text>", t("help.supplier.certificate.standard"))
          .option("--number <text>", t("help.supplier.certificate.number"))
          .option("--body <text>", t("help.supplier.certificate.body"))
          .option("--valid-until <date>", t("help.supplier.certificate.valid-until"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).supplierCertificateCommand));
        supplier
          .command("audited")
          .description(t("help.supplier.audited"))
          .argument("<code>", t("help.supplier.code"))
          .option("--date <date>", t("help.supplier.audited.date"))
          .option("--by <person>", t("help.supplier.audited.by"))
          .option("--report <number>", t("help.supplier.audited.report"))
          .option("--result <result>", t("help.supplier.audited.result"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).supplierAuditedCommand));
        supplier
          .command("rate")
          .description(t("help.supplier.rate"))
          .argument("<code>", t("help.supplier.code"))
          .option("--period <period>", t("help.supplier.rate.period"))
          .option("--ppm <number>", t("help.supplier.rate.ppm"))
          .option("--on-time <percent>", t("help.supplier.rate.on-time"))
          .option("--disruptions <count>", t("help.supplier.rate.disruptions"))
          .option("--grade <grade>", t("help.supplier.rate.grade"))
          .option("--by <person>", t("help.supplier.rate.by"))
          .option("--date <date>", t("help.supplier.rate.date"))
          .option("--record <number>", t("help.supplier.rate.record"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).supplierRateCommand));
      },
      tooling: () => {
        const tooling = program.command("tooling").description(t("help.tooling"));
        const load = async () => await import("../commands/tooling/index.js");
        tooling
          .command("add")
          .description(t("help.tooling.add"))
          .argument("<id>", t("help.tooling.id"))
          .option("--name <text>", t("help.tooling.name"))
          .option("--name-en <text>", t("help.tooling.name-en"))
          .option("--kind <kind>", t("help.tooling.kind"))
          .option("--station <codes...>", t("help.tooling.station"))
          .option("--process <code>", t("help.tooling.process"))
          .option("--part <numbers...>", t("help.tooling.part"))
          .option("--owner <ours|customer>", t("help.tooling.owner"))
          .option("--marking <text>", t("help.tooling.marking"))
          .option("--status <status>", t("help.tooling.status"))
          .option("--location <text>", t("help.tooling.location"))
          .option("--change-level <text>", t("help.tooling.change-level"))
          .option("--frequency <frequency>", t("help.tooling.frequency"))
          .option("--parts <n>", t("help.tooling.parts"))
          .option("--method <text>", t("help.tooling.method"))
          .option("--maintenance-days <n>", t("help.tooling.maintenance-days"))
          .option("--maintenance-months <n>", t("help.tooling.maintenance-months"))
          .option("--in-use-since <date>", t("help.tooling.in-use-since"))
          .option("--range <text>", t("help.tooling.range"))
          .option("--resolution <text>", t("help.tooling.resolution"))
          .option("--calibration-months <n>", t("help.tooling.calibration-months"))
          .option("--remark <text>", t("help.tooling.remark"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).toolingAddCommand));
        tooling
          .command("update")
          .description(t("help.tooling.update"))
          .argument("<id>", t("help.tooling.id"))
          .option("--name <text>", t("help.tooling.name"))
          .option("--status <status>", t("help.tooling.status"))
          .option("--location <text>", t("help.tooling.location"))
          .option("--change-level <text>", t("help.tooling.change-level"))
          .option("--owner <ours|customer>", t("help.tooling.owner"))
          .option("--marking <text>", t("help.tooling.marking"))
          .option("--station <codes...>", t("help.tooling.station"))
          .option("--process <code>", t("help.tooling.process"))
          .option("--in-use-since <date>", t("help.tooling.in-use-since"))
          .option("--range <text>", t("help.tooling.range"))
          .option("--resolution <text>", t("help.tooling.resolution"))
          .option("--calibration-months <n>", t("help.tooling.calibration-months"))
          .option("--remark <text>", t("help.tooling.remark"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).toolingUpdateCommand));
        tooling
          .command("verify")
          .description(t("help.tooling.verify"))
          .argument("<id>", t("help.tooling.id"))
          .option("--result <result>", t("help.tooling.result"))
          .option("--by <person>", t("help.tooling.verify.by"))
          .option("--date <date>", t("help.tooling.verify.date"))
          .option("--shift <text>", t("help.tooling.shift"))
          .option("--reaction <text>", t("help.tooling.reaction"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).toolingVerifyCommand));
        tooling
          .command("maintain")
          .description(t("help.tooling.maintain"))
          .argument("<id>", t("help.tooling.id"))
          .option("--by <person>", t("help.tooling.maintain.by"))
          .option("--date <date>", t("help.tooling.maintain.date"))
          .option("--work <text>", t("help.tooling.work"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).toolingMaintainCommand));
        tooling
          .command("calibrate")
          .description(t("help.tooling.calibrate"))
          .argument("<id>", t("help.tooling.id"))
          .option("--result <result>", t("help.tooling.calibrate.result"))
          .option("--by <person>", t("help.tooling.calibrate.by"))
          .option("--lab <name>", t("help.tooling.lab"))
          .option("--accredited <text>", t("help.tooling.accredited"))
          .option("--certificate <no>", t("help.tooling.certificate"))
          .option("--date <date>", t("help.tooling.calibrate.date"))
          .option("--reaction <text>", t("help.tooling.calibrate.reaction"))
          .option("--action <id>", t("help.tooling.calibrate.action"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).toolingCalibrateCommand));
        tooling
          .command("msa")
          .description(t("help.tooling.msa"))
          .argument("<id>", t("help.tooling.id"))
          .option("--grr <percent>", t("help.tooling.grr"))
          .option("--ndc <n>", t("help.tooling.ndc"))
          .option("--study <record>", t("help.tooling.study"))
          .option("--date <date>", t("help.tooling.msa.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await load()).toolingMsaCommand));
      },
      "first-article": () => {
        const firstArticle = program.command("first-article").description(t("help.first-article"));
        firstArticle
          .command("add")
          .description(t("help.first-article.add"))
          .argument("[product]", t("help.first-article.product"))
          .option("--operation <text>", t("help.first-article.operation"))
          .option("--process <code>", t("help.first-article.process"))
          .option("--document <id>", t("help.first-article.document"))
          .option("--reason <reason>", t("help.first-article.reason"))
          .option("--change-request <number>", t("help.first-article.change-request"))
          .option("--date <date>", t("help.first-article.date"))
          .option("--members <people...>", t("help.first-article.members"))
          .option("--military-representative <person>", t("help.first-article.military-representative"))
          .option("--result <result>", t("help.first-article.result"))
          .option("--report <number>", t("help.first-article.report"))
          .option("--remark <text>", t("help.first-article.remark"))
          .option("--amend <id>", t("help.first-article.amend"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/first-article/index.js")).firstArticleAddCommand));
      },
      objective: () => {
        const objective = program.command("objective").description(t("help.objective"));
        objective
          .command("add")
          .description(t("help.objective.add"))
          .argument("[text]", t("help.objective.text"))
          .option("--target <target>", t("help.objective.target"))
          .option("--unit <unit>", t("help.objective.unit"))
          .option("--frequency <frequency>", t("help.objective.frequency"))
          .option("--owner <person>", t("help.objective.owner"))
          .option("--process <code>", t("help.objective.process"))
          .option("--department <code>", t("help.objective.department"))
          .option("--from <date>", t("help.objective.from"))
          .option("--to <date>", t("help.objective.to"))
          .option("--text-en <text>", t("help.objective.text-en"))
          .option("--remark <text>", t("help.objective.remark"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/objective/index.js")).objectiveAddCommand));
        objective
          .command("measure")
          .description(t("help.objective.measure"))
          .argument("<id>", t("help.objective.id"))
          .option("--period <period>", t("help.objective.period"))
          .option("--value <number>", t("help.objective.value"))
          .option("--by <person>", t("help.objective.by"))
          .option("--note <text>", t("help.objective.note"))
          .option("--amend", t("help.objective.amend"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/objective/index.js")).objectiveMeasureCommand));
      },
      register: () => {
        const register = program.command("register").description(t("help.register"));
        register
          .command("sign")
          .description(t("help.register.sign"))
          .argument("<register>", t("help.register.name"))
          .option("--edition <name>", t("help.register.sign.edition"))
          .option("--as-of <date>", t("help.register.sign.as-of"))
          .option("--sign <line=person@date>", t("help.register.sign.sign"), collect, [])
          .option("--date <date>", t("help.register.sign.date"))
          .option("--amend", t("help.register.sign.amend"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/register/index.js")).registerSignCommand));
      },
      "management-review": () => {
        const review = program.command("management-review").description(t("help.management-review"));
        review
          .command("held")
          .description(t("help.management-review.held"))
          .option("--period <period>", t("help.management-review.period"))
          .option("--date <date>", t("help.management-review.date"))
          .option("--chair <person>", t("help.management-review.chair"))
          .option("--attendees <people...>", t("help.management-review.attendees"))
          .option("--inputs <report>", t("help.management-review.inputs"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/management-review/index.js")).managementReviewHeldCommand));
        review
          .command("output")
          .description(t("help.management-review.output"))
          .argument("<record>", t("help.management-review.output.record"))
          .argument("[text]", t("help.management-review.output.text"))
          .option("--kind <kind>", t("help.management-review.kind"))
          .option("--owner <person>", t("help.management-review.owner"))
          .option("--due <date>", t("help.management-review.due"))
          .option("--done <date>", t("help.management-review.done"))
          .option("--evidence <text>", t("help.management-review.evidence"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/management-review/index.js")).managementReviewOutputCommand));
        review
          .command("approve")
          .description(t("help.management-review.approve"))
          .argument("<record>", t("help.management-review.approve.record"))
          .option("--by <person>", t("help.management-review.by"))
          .option("--date <date>", t("help.management-review.approve.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/management-review/index.js")).managementReviewApproveCommand));
      },
      organisation: () => {
        const organisation = program.command("organisation").description(t("help.organisation"));
        organisation
          .command("update")
          .description(t("help.organisation.update"))
          .option("--name <text>", t("help.organisation.name"))
          .option("--name-en <text>", t("help.organisation.name-en"))
          .option("--confidentiality <text>", t("help.organisation.confidentiality"))
          .option("--confidentiality-en <text>", t("help.organisation.confidentiality-en"))
          .option("--register-form <register=form>", t("help.organisation.register-form"), collect, [])
          .option("--register-signatures <lines>", t("help.organisation.register-signatures"))
          .option("--review-days <n>", t("help.organisation.review-days"))
          .option("--warn-days <n>", t("help.organisation.warn-days"))
          .option("--audit-interval <months>", t("help.organisation.audit-interval"))
          .option("--external-check-months <months>", t("help.organisation.external-check-months"))
          .option("--review-interval <kind=months>", t("help.organisation.review-interval"), collect, [])
          .option("--review-warn-days <n>", t("help.organisation.review-warn-days"))
          .option("--exclude <clause>", t("help.organisation.exclude"), collect, [])
          .option("--justification <text>", t("help.organisation.justification"))
          .option("--include <clause>", t("help.organisation.include"), collect, [])
          .option("--add-category <name>", t("help.organisation.add-category"), collect, [])
          .option("--remove-category <name>", t("help.organisation.remove-category"), collect, [])
          .option("--add-standard <id>", t("help.organisation.add-standard"), collect, [])
          .option("--date <date>", t("help.organisation.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/organisation/index.js")).organisationUpdateCommand));
        const layout = organisation.command("layout").description(t("help.organisation.layout"));
        const selecting = (command: Command) =>
          command
            .option("--family <name>", t("help.organisation.layout.family"))
            .option("--kind <kind>", t("help.organisation.layout.kind"))
            .option("--level <levels>", t("help.organisation.layout.level"))
            .option("--since <date>", t("help.organisation.layout.since"));
        selecting(layout.command("set").description(t("help.organisation.layout.set")))
          .option("--signatures <cells>", t("help.organisation.layout.signatures"))
          .option("--label <text>", t("help.organisation.layout.label"))
          .option("--label-en <text>", t("help.organisation.layout.label-en"))
          .option("--classification <level>", t("help.organisation.layout.classification"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/organisation/layout.js")).organisationLayoutSetCommand));
        layout
          .command("list")
          .description(t("help.organisation.layout.list"))
          .option("--format <format>", t("help.organisation.layout.format"))
          .action(action(async () => (await import("../commands/organisation/layout.js")).organisationLayoutListCommand));
        selecting(layout.command("remove").description(t("help.organisation.layout.remove")))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/organisation/layout.js")).organisationLayoutRemoveCommand));
      },
      process: () => {
        const process_ = program.command("process").description(t("help.process"));
        process_
          .command("add")
          .description(t("help.process.add"))
          .argument("[code]", t("help.process.add.code"))
          .option("--name <text>", t("help.process.name"))
          .option("--name-en <text>", t("help.process.name-en"))
          .option("--type <type>", t("help.process.type"))
          .option("--owner <department>", t("help.process.owner"))
          .option("--clause <clauses...>", forStandards(t("help.process.clause"), standards, t("common.list-separator")))
          .option("--document <numbers...>", t("help.process.document"))
          .option("--audit-months <months>", t("help.process.audit-months"))
          .option("--audit-reason <text>", t("help.process.audit-reason"))
          .option("--shifts <shifts>", t("help.process.shifts"))
          .option("--manufacturing", t("help.process.manufacturing"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/process/index.js")).processAddCommand));
        process_
          .command("update")
          .description(t("help.process.update"))
          .argument("<code>", t("help.process.code"))
          .option("--name <text>", t("help.process.name"))
          .option("--name-en <text>", t("help.process.name-en"))
          .option("--type <type>", t("help.process.type"))
          .option("--owner <department>", t("help.process.owner-update"))
          .option("--add-clause <clauses...>", t("help.process.add-clause"))
          .option("--remove-clause <clauses...>", t("help.process.remove-clause"))
          .option("--add-document <numbers...>", t("help.process.add-document"))
          .option("--remove-document <numbers...>", t("help.process.remove-document"))
          .option("--audit-months <months>", t("help.process.audit-months-update"))
          .option("--audit-reason <text>", t("help.process.audit-reason-update"))
          .option("--shifts <shifts>", t("help.process.shifts-update"))
          .option("--owner-person <person>", t("help.process.owner-person"))
          .option("--manufacturing", t("help.process.manufacturing"))
          .option("--no-manufacturing", t("help.process.no-manufacturing"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/process/index.js")).processUpdateCommand));
        process_
          .command("audited")
          .description(t("help.process.audited"))
          .argument("<code>", t("help.process.code"))
          .option("--date <date>", t("help.process.audited.date"))
          .option("--by <people...>", t("help.process.audited.by"))
          .option("--report <number>", t("help.process.audited.report"))
          .option("--nonconformities <n>", t("help.process.audited.nonconformities"))
          .option("--kind <kind>", t("help.process.audited.kind"))
          .option("--part <number>", t("help.process.audited.part"))
          .option("--customer <code>", t("help.process.audited.customer"), collect)
          .option("--shift <text>", t("help.process.audited.shift"), collect)
          .option("--trainee <person>", t("help.process.audited.trainee"), collect)
          .option("--expert <person>", t("help.process.audited.expert"), collect)
          .option("--scope <text>", t("help.process.audited.scope"))
          .option("--clause <ref>", t("help.process.audited.clause"), collect)
          .option("--csr <id>", t("help.process.audited.csr"), collect)
          .option("--auditee <person>", t("help.process.audited.auditee"), collect)
          .option("--finding <text>", t("help.process.audited.finding"), collect)
          .option("--grade <grade>", t("help.process.audited.grade"), collect)
          .option("--requirement <text>", t("help.process.audited.requirement"), collect)
          .option("--evidence <text>", t("help.process.audited.evidence"), collect)
          .option("--amend <report>", t("help.process.audited.amend"))
          .option("--comment <text>", t("help.process.audited.comment"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/process/audited.js")).processAuditedCommand));
        process_
          .command("plan")
          .description(t("help.process.plan"))
          .argument("<code>", t("help.process.code"))
          .option("--month <month>", t("help.process.plan.month"))
          .option("--date <date>", t("help.process.plan.date"))
          .option("--kind <kind>", t("help.process.plan.kind"))
          .option("--by <people...>", t("help.process.plan.by"))
          .option("--customer <code>", t("help.process.plan.customer"), collect)
          .option("--shift <text>", t("help.process.plan.shift"), collect)
          .option("--comment <text>", t("help.process.plan.comment"))
          .option("--move <month>", t("help.process.plan.move"))
          .option("--cancel <month>", t("help.process.plan.cancel"))
          .option("--reason <text>", t("help.process.plan.reason"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/process/plan.js")).processPlanCommand));
      },
      action: () => {
        const record = program.command("action").description(t("help.action"));
        record
          .command("open")
          .description(t("help.action.open"))
          .argument("[id]", t("help.action.open.id"))
          .option("--title <text>", t("help.action.title"))
          .option("--title-en <text>", t("help.action.title-en"))
          .option("--source <source>", t("help.action.source"))
          .option("--customer <code>", t("help.action.customer"))
          .option("--supplier <code>", t("help.action.supplier"))
          .option("--complaint <number>", t(underStandard(standards, "GJB9001C") ? "help.action.complaint-gjb" : "help.action.complaint"))
          // The user's own failure report number of a field failure (故障报告单编号, GJB 841 FRACAS): a GJB 9001C repository's
          // name for it; an IATF 16949 one keeps --complaint's wording, and is not shown this option.
          .addOption(new Option("--failure-report <number>", t("help.action.failure-report")).hideHelp(!underStandard(standards, "GJB9001C")))
          .option("--product <text>", t("help.action.product"))
          .option("--product-en <text>", t("help.action.product-en"))
          .option("--problem-grade <grade>", t("help.action.problem-grade"))
          .option("--batch <number>", t("help.action.batch"), collect)
          .option("--serial <number>", t("help.action.serial"), collect)
          .option("--notified <date>", t("help.action.notified"))
          .option("--safety", t("help.action.safety"))
          .option("--process <code>", t("help.action.process"))
          .option("--audit-report <number>", t("help.action.audit-report"))
          .option("--received <date>", t("help.action.received"))
          .option("--owner <person>", t("help.action.owner"))
          .option("--csr <ids...>", t("help.action.csr"))
          .option("--due <step=date...>", t("help.action.due"))
          .option("--auditor <name>", t("help.action.auditor"))
          .option("--audit-type <type>", t("help.action.audit-type"))
          .option("--closing-meeting <date>", t("help.action.closing-meeting"))
          .option("--nc <number>", t("help.action.nc"))
          .option("--grade <grade>", t("help.action.grade"))
          .option("--clause <clause>", t("help.action.clause"))
          .option("--requirement <text>", t("help.action.requirement"))
          .option("--statement <text>", t("help.action.statement"))
          .option("--evidence <text>", t("help.action.evidence"))
          .option("--response-due <date>", t("help.action.response-due"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit-new"))
          .action(action(async () => (await import("../commands/action/index.js")).actionOpenCommand));
        record
          .command("update")
          .description(t("help.action.update"))
          .argument("<id>", t("help.action.id"))
          .option("--problem-grade <grade>", t("help.action.update.problem-grade"))
          .option("--batch <number>", t("help.action.batch"), collect)
          .option("--remove-batch <number>", t("help.action.update.remove-batch"), collect)
          .option("--serial <number>", t("help.action.serial"), collect)
          .option("--remove-serial <number>", t("help.action.update.remove-serial"), collect)
          .option("--notified <date>", t("help.action.update.notified"))
          .option("--safety", t("help.action.safety"))
          .option("--no-safety", t("help.action.update.no-safety"))
          .option("--amend", t("help.action.update.amend"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/action/update.js")).actionUpdateCommand));
        record
          .command("cost")
          .description(t("help.action.cost"))
          .argument("<id>", t("help.action.id"))
          .option("--scrap <yuan>", t("help.action.cost.scrap"))
          .option("--rework <yuan>", t("help.action.cost.rework"))
          .option("--sorting <yuan>", t("help.action.cost.sorting"))
          .option("--customer-charge <yuan>", t("help.action.cost.customer-charge"))
          .option("--warranty <yuan>", t("help.action.cost.warranty"))
          .option("--other <yuan>", t("help.action.cost.other"))
          .option("--note <text>", t("help.action.cost.note"))
          .option("--date <date>", t("help.action.cost.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/action/cost.js")).actionCostCommand));
        record
          .command("step")
          .description(t("help.action.step"))
          .argument("<id>", t("help.action.id"))
          .argument("<step>", t("help.action.step.step"))
          .option("--date <date>", t("help.action.step.date"))
          .option("--by <person>", t("help.action.step.by"))
          .option("--note <text>", t("help.action.step.note"))
          .option("--due <date>", t("help.action.step.due"))
          .option("--reason <text>", t("help.action.step.reason"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/action/index.js")).actionStepCommand));
        record
          .command("readacross")
          .description(t("help.action.readacross"))
          .argument("<id>", t("help.action.id"))
          .argument("[checked]", t("help.action.readacross.checked"))
          .option("--process <code>", t("help.action.readacross.process"))
          .option("--product <text>", t("help.action.readacross.product"))
          .option("--result <text>", t("help.action.readacross.result"))
          .option("--by <person>", t("help.action.readacross.by"))
          .option("--date <date>", t("help.action.readacross.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/action/index.js")).actionReadAcrossCommand));
        record
          .command("close")
          .description(t("help.action.close"))
          .argument("<id>", t("help.action.id"))
          .option("--verified-by <person>", t("help.action.close.verified-by"))
          .option("--date <date>", t("help.action.close.date"))
          .option("--evidence <text>", t("help.action.close.evidence"))
          .option("--no-read-across-reason <text>", t("help.action.close.no-read-across-reason"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/action/index.js")).actionCloseCommand));
        record
          .command("zero")
          .description(t("help.action.zero"))
          .argument("<id>", t("help.action.id"))
          .option("--located <text>", t("help.action.zero.located"))
          .option("--mechanism <text>", t("help.action.zero.mechanism"))
          .option("--reproduced <text>", t("help.action.zero.reproduced"))
          .option("--effective <text>", t("help.action.zero.effective"))
          .option("--read-across <text>", t("help.action.zero.read-across"))
          .option("--process-clear <text>", t("help.action.zero.process-clear"))
          .option("--responsibility <text>", t("help.action.zero.responsibility"))
          .option("--measures-taken <text>", t("help.action.zero.measures-taken"))
          .option("--dealt-with <text>", t("help.action.zero.dealt-with"))
          .option("--rules-improved <text>", t("help.action.zero.rules-improved"))
          .option("--report <number>", t("help.action.zero.report"))
          .option("--reviewed-by <name>", t("help.action.zero.reviewed-by"))
          .option("--reviewed <date>", t("help.action.zero.reviewed"))
          .option("--amend", t("help.action.zero.amend"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/action/index.js")).actionZeroCommand));
        record
          .command("respond")
          .description(t("help.action.respond"))
          .argument("<id>", t("help.action.id"))
          .option("--date <date>", t("help.action.respond.date"))
          .option("--note <text>", t("help.action.respond.note"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/action/external.js")).actionRespondCommand));
        for (const decision of ["accepted", "rejected"] as const) {
          record
            .command(decision === "accepted" ? "accept" : "reject")
            .description(t(`help.action.${decision}`))
            .argument("<id>", t("help.action.id"))
            .option("--by <name>", t("help.action.review.by"))
            .option("--date <date>", t("help.action.review.date"))
            .option("--note <text>", t(`help.action.${decision}.note`))
            .option("-y, --yes", t("help.common.yes"))
            .option("--commit", t("help.common.commit"))
            .action(action(async () => {
              const { actionReviewCommand } = await import("../commands/action/external.js");
              return (ctx: Parameters<typeof actionReviewCommand>[0], id: string, flags: Parameters<typeof actionReviewCommand>[3]) => actionReviewCommand(ctx, id, decision, flags);
            }));
        }
        record
          .command("verify")
          .description(t("help.action.verify"))
          .argument("<id>", t("help.action.id"))
          .option("--at <where>", t("help.action.verify.at"))
          .option("--by <name>", t("help.action.verify.by"))
          .option("--date <date>", t("help.action.verify.date"))
          .option("--report <number>", t("help.action.verify.report"))
          .option("--note <text>", t("help.action.verify.note"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/action/external.js")).actionVerifyCommand));
      },
      symbol: () => {
        // Under GJB 9001C or ISO 9001 without IATF 16949, the table is of key and important characteristics (report/registers/symbols.ts).
        const general = wordingOf(standards) === "general";
        const symbol = program.command("symbol").description(t(general ? "help.symbol.general" : "help.symbol"));
        symbol
          .command("approve")
          .description(t("help.symbol.approve"))
          .argument("<customer>", t("help.symbol.customer"))
          .option("--by <name>", t("help.symbol.approve.by"))
          .option("--date <date>", t("help.symbol.approve.date"))
          .option("--evidence <text>", t("help.symbol.approve.evidence"))
          .option("--source <document>", t("help.symbol.approve.source"))
          .option("--rows <symbols...>", t("help.symbol.approve.rows"))
          .option("--amend", t("help.symbol.approve.amend"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/symbol/approve.js")).symbolApproveCommand));
        symbol
          .command("add")
          .description(t("help.symbol.add"))
          .option("--customer <code>", t("help.symbol.add.customer"))
          .option("--customer-symbol <symbol>", t(general ? "help.symbol.customer-symbol.general" : "help.symbol.customer-symbol"))
          .option("--customer-class <class>", t(general ? "help.symbol.customer-class.general" : "help.symbol.customer-class"))
          .option("--meaning <text>", t("help.symbol.meaning"))
          .option("--meaning-en <text>", t("help.symbol.meaning-en"))
          .option("--symbol <symbol>", t("help.symbol.symbol"))
          .option("--class <class>", t("help.symbol.class"))
          .option("--class-en <text>", t("help.symbol.class-en"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/symbol/add.js")).symbolAddCommand));
        symbol
          .command("update")
          .description(t("help.symbol.update"))
          .argument("<customer>", t("help.symbol.customer"))
          .argument("<customer-symbol>", t("help.symbol.row"))
          .option("--customer-class <class>", t(general ? "help.symbol.customer-class.general" : "help.symbol.customer-class"))
          .option("--meaning <text>", t("help.symbol.meaning"))
          .option("--meaning-en <text>", t("help.symbol.meaning-en"))
          .option("--symbol <symbol>", t("help.symbol.symbol"))
          .option("--class <class>", t("help.symbol.class"))
          .option("--class-en <text>", t("help.symbol.class-en"))
          .option("--by <person>", t("help.symbol.update.by"))
          .option("--date <date>", t("help.symbol.update.date"))
          .option("--reason <text>", t("help.symbol.update.reason"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/symbol/update.js")).symbolUpdateCommand));
        symbol
          .command("retire")
          .description(t("help.symbol.retire"))
          .argument("<customer>", t("help.symbol.customer"))
          .argument("<customer-symbol>", t("help.symbol.row"))
          .option("--by <person>", t("help.symbol.update.by"))
          .option("--date <date>", t("help.symbol.update.date"))
          .option("--reason <text>", t("help.symbol.retire.reason"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/symbol/retire.js")).symbolRetireCommand));
      },
      source: () => {
        const source = program.command("source").description(t("help.source"));
        source
          .command("add")
          .description(t("help.source.add"))
          .argument("<customer>", t("help.source.add.customer"))
          .option("--id <id>", t("help.source.add.id"))
          .option("--title <text>", t("help.source.add.title"))
          .option("--title-en <text>", t("help.source.add.title-en"))
          .option("--revision <rev>", t("help.source.add.revision"))
          .option("--issued <date>", t("help.source.add.issued"))
          .option("--effective <date>", t("help.source.add.effective"))
          .option("--summary <text>", t("help.source.add.summary"))
          .option("--summary-en <text>", t("help.source.add.summary-en"))
          .option("--received <date>", t("help.source.add.received"))
          .option("--file <path>", t("help.source.add.file"))
          .option("--department <code>", t("help.source.add.department"))
          .option("--classification <level>", t("help.source.add.classification"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/source/add.js")).sourceAddCommand));
        source
          .command("confirm")
          .description(t("help.source.confirm"))
          .argument("[ids...]", t("help.source.confirm.id"))
          .option("--by <person>", t("help.source.confirm.by"))
          .option("--date <date>", t("help.source.confirm.date"))
          .option("--via <where>", t("help.source.confirm.via"))
          .option("--customer <code>", t("help.source.confirm.customer"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/source/confirm.js")).sourceConfirmCommand));
        source
          .command("update")
          .description(t("help.source.update"))
          .argument("[source-id]", t("help.source.update.source-id"))
          .option("--customer <code>", t("help.source.update.customer"))
          .option("--revision <rev>", t("help.source.update.revision"))
          .option("--issued <date>", t("help.source.update.issued"))
          .option("--effective <date>", t("help.source.update.effective"))
          .option("--summary <text>", t("help.source.update.summary"))
          .option("--summary-en <text>", t("help.source.update.summary-en"))
          .option("--received <date>", t("help.source.update.received"))
          .option("--department <code>", t("help.source.update.department"))
          .option("--classification <level>", t("help.source.update.classification"))
          .option("--file <path>", t("help.source.update.file"))
          .option("--previous-file <path>", t("help.source.update.previous-file"))
          .option("--unchanged <csr...>", t("help.source.update.unchanged"))
          .option("--removed <csr...>", t("help.source.update.removed"))
          .option("--accept", t("help.source.update.accept"))
          .option("--by <person>", t("help.source.update.by"))
          .option("--date <date>", t("help.source.update.date"))
          .option("--late-reason <text>", t("help.source.update.late-reason"))
          .option("--amend", t("help.source.update.amend"))
          .option("--earlier", t("help.source.update.earlier"))
          .option("--without-requirements", t("help.source.update.without-requirements"))
          .option("-y, --yes", t("help.source.update.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/source/update.js")).sourceUpdateCommand));
      },
      list: () => {
        program
          .command("list")
          .description(t("help.list"))
          .argument("[what]", t("help.list.what"), "csr")
          .argument("[document]", t("help.list.document-argument"))
          .option("--customer <code>", t("help.list.customer"))
          .option("--supplier <code>", t("help.list.supplier"))
          .option("--status <status>", t("help.list.status"))
          .option("--overdue", t("help.list.overdue"))
          .option("--from <date>", t("help.list.from"))
          .option("--to <date>", t("help.list.to"))
          .option("--clause <ref>", t("help.list.clause"))
          .option("--kind <kind>", t("help.list.kind"))
          .option("--owner <person>", t("help.list.owner"))
          .option("--process <code>", t("help.list.process"))
          .option("--category <name>", t("help.list.category"))
          .option("--grep <text>", t("help.list.grep"), collect)
          .option("--department <dept>", t("help.list.department"))
          .option("--holder <person>", t("help.list.holder"))
          .option("--document <id>", t("help.list.document"))
          .option("--level <n>", t("help.list.level"))
          .option("--style <style>", t("help.list.style"))
          .option("--columns <keys>", t("help.list.columns"))
          .option("--sort <order>", t("help.list.sort"))
          .option("--due-by <date>", t("help.list.due-by"))
          .option("--year <year>", t("help.list.year"))
          .option("--with-details", t("help.list.with-details"))
          .option("--with-signatures", t("help.list.with-signatures"))
          .option("--standard <id>", t("help.list.standard"))
          .option("--missing", t("help.list.missing"))
          .option("--person <person>", t("help.list.person"))
          .option("--source <source>", t("help.list.source"))
          .option("--station <code>", t("help.list.station"))
          .option("--due", t("help.list.due"))
          .option("--tooling <id>", t("help.list.tooling"))
          .option("--edition <name>", t("help.list.edition"))
          .option("--format <format>", t("help.common.format"))
          .option("--out <file|dir>", t("help.common.out"))
          .option("--force", t("help.common.force"))
          .option("--today <date>", t("help.list.today"))
          .option("-y, --yes", t("help.common.yes"))
          .action(action(async () => (await import("../commands/list/index.js")).listCommand));
      },
      show: () => {
        program
          .command("show")
          .description(t("help.show"))
          .argument("<id>", t("help.show.id"))
          .option("--format <format>", t("help.common.format-text"))
          .option("--today <date>", t("help.show.today"))
          .action(action(async () => (await import("../commands/show/index.js")).showCommand));
      },
      render: () => {
        program
          .command("render")
          .description(t("help.render"))
          .argument("[ids...]", t("help.render.ids"))
          .option("--all", t("help.render.all"))
          .option("--format <format>", t("help.render.format"))
          .option("--out <dir|file>", t("help.render.out"))
          .option("--copy <n>", t("help.render.copy"))
          .option("--draft", t("help.render.draft"))
          .option("--revision <version>", t("help.render.revision"))
          .option("--as-of <date>", t("help.render.as-of"))
          .option("--force", t("help.common.force"))
          .option("--today <date>", t("help.render.today"))
          .option("-y, --yes", t("help.common.yes"))
          .action(action(async () => (await import("../commands/render/index.js")).renderCommand));
      },
      site: () => wireSite(wiring),
      submit: () => {
        program
          .command("submit")
          .description(t("help.submit"))
          .argument("<documents...>", t("help.submit.documents"))
          .option("--withdraw", t("help.submit.withdraw"))
          .option("--date <date>", t("help.submit.date"))
          .option("--by <person>", t("help.submit.by"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/submit/index.js")).submitCommand));
      },
      edit: () => {
        program
          .command("edit")
          .description(t("help.edit"))
          .argument("<id>", t("help.common.document-id"))
          .option("--section <section>", t("help.edit.section"))
          .option("--from <file>", t("help.edit.from"))
          .option("--add-section <title>", t("help.edit.add-section"))
          .option("--after <section>", t("help.edit.after"))
          .option("--remove-section <section>", t("help.edit.remove-section"))
          .option("--rename-section <section>", t("help.edit.rename-section"))
          .option("--title <title>", t("help.edit.title"))
          .option("--append-row <row>", t("help.edit.append-row"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/edit/index.js")).editCommand));
      },
      release: () => {
        const release = program
          .command("release")
          .description(t("help.release"))
          .argument("<id>", t("help.common.document-id"))
          .option("--major", t("help.release.major"))
          .option("--summary <text>", t("help.release.summary"))
          .option("--summary-en <text>", t("help.release.summary-en"))
          .option("--reason <text>", t("help.release.reason"))
          .option("--reason-en <text>", t("help.release.reason-en"))
          .option("--change-request <number>", t("help.release.change-request"))
          .option("--configuration-change", t("help.release.configuration-change"))
          .option("--change-class <class>", t("help.release.change-class"))
          .option("--affects-product <text>", t("help.release.affects-product"), collect, [])
          .option("--affects <document>", t("help.release.affects"), collect, [])
          .option("--first-article-required", t("help.release.first-article-required"))
          .option("--editorial", t("help.release.editorial"))
          .option("--ecn <numbers...>", t("help.release.ecn"))
          .option("--action <ids...>", t("help.release.action"))
          .option("--customer-notified <customers...>", t("help.release.customer-notified"))
          .option("--customer-approved <customers...>", t("help.release.customer-approved"))
          .option("--pages <pages>", t("help.release.pages"))
          .option("--total-pages <n>", t("help.release.total-pages"));
        signatureOptions(release, "release")
          .option("--effective <date>", t("help.release.effective"))
          .option("--until <date>", t("help.release.until"))
          .option("--force", t("help.release.force"))
          .option("--include-changes", t("help.release.include-changes"))
          .option("-y, --yes", t("help.common.yes"))
          // A no-op: written after the other writing commands' --commit, it must not make the release with its signatures fail (tester64 N14).
          .option("--commit", t("help.release.commit"))
          .action(action(async () => (await import("../commands/release/index.js")).releaseCommand));
      },
      sign: () => {
        const sign = program
          .command("sign")
          .description(t("help.sign"))
          .argument("<documents...>", t("help.sign.documents"));
        signatureOptions(sign)
          .option("--customer-notified <customers...>", t("help.sign.customer-notified"))
          .option("--customer-approved <customers...>", t("help.sign.customer-approved"))
          .option("--late-reason <code=text>", t("help.sign.late-reason"), collect, [])
          .option("--notice-ref <code=text>", t("help.sign.notice-ref"), collect, [])
          .option("--notice-to <code=contact>", t("help.sign.notice-to"), collect, [])
          .option("--approval-ref <code=text>", t("help.sign.approval-ref"), collect, [])
          .option("--revision <version>", t("help.sign.revision"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/sign/index.js")).signCommand));
      },
      new: () => {
        program
          .command("new")
          .description(t("help.new"))
          .argument("[kind]", t("help.new.kind"))
          .option("--number <number>", t("help.new.number"))
          .option("--family <family>", t("help.new.family"))
          .option("--title <text>", t("help.new.title"))
          .option("--title-en <text>", t("help.new.title-en"))
          .option("--department <code>", t("help.new.department"))
          .option("--level <n>", t("help.new.level"))
          .option("--clause <ref>", t("help.new.clause"), collect, [])
          .option("--used-by <document>", t("help.new.used-by"))
          .option("--deviates-from <documents...>", t("help.new.deviates-from"))
          .option("--retention <period>", t("help.new.retention"))
          .option("--classification <level>", t("help.new.classification"))
          .option("--publisher <name>", t("help.new.publisher"))
          .option("--revision <edition>", t("help.new.revision"))
          .option("--issued <date>", t("help.new.issued"))
          .option("--effective <date>", t("help.new.effective"))
          .option("--received <date>", t("help.new.received"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit-new"))
          .action(action(async () => (await import("../commands/new/index.js")).newCommand));
      },
      set: () => {
        program
          .command("set")
          .description(t("help.set"))
          .argument("<ids...>", t("help.set.id"))
          .option("--title <text>", t("help.set.title"))
          .option("--title-en <text>", t("help.set.title-en"))
          .option("--text <text>", t("help.set.text"))
          .option("--section <text>", t("help.set.section"))
          .option("--category <text>", t("help.set.category"))
          .option("--source <id>", t("help.set.source"))
          .option("--source-revision <revision>", t("help.set.source-revision"))
          .option("--clauses <refs...>", t("help.set.clauses", { example: clauseReferenceExample(standards) }))
          .option("--add-clause <refs...>", t("help.set.add-clause"))
          .option("--remove-clause <refs...>", t("help.set.remove-clause"))
          .option("--processes <codes...>", t("help.set.processes"))
          .option("--station <codes...>", t("help.set.station"))
          .option("--key-operation <codes...>", t("help.set.key-operation"))
          .option("--add-process <processes...>", t("help.set.add-process"))
          .option("--remove-process <processes...>", t("help.set.remove-process"))
          .option("--add-form <forms...>", t("help.set.add-form"))
          .option("--remove-form <forms...>", t("help.set.remove-form"))
          .option("--add-related <documents...>", t("help.set.add-related"))
          .option("--remove-related <documents...>", t("help.set.remove-related"))
          .option("--deviates-from <documents...>", t("help.set.deviates-from"))
          .option("--retention <period>", t("help.set.retention"))
          .option("--medium <medium>", t("help.set.medium"))
          .option("--location <text>", t("help.set.location"))
          .option("--retention-en <text>", t("help.set.retention-en"))
          .option("--location-en <text>", t("help.set.location-en"))
          .option("--retention-term <period>", t("help.set.retention-term"))
          .option("--retention-customer <customer=period>", t("help.set.retention-customer"), collect, [])
          .option("--classification <level>", t("help.set.classification"))
          .option("--by <person>", t("help.set.by"))
          .option("--department <department>", t("help.set.department"))
          .option("--remarks <text>", t("help.set.remarks"))
          .option("--review-interval <months>", t("help.set.review-interval"))
          .option("--audience <audience>", t("help.set.audience"))
          .option("--role <role>", t("help.set.role"))
          .option("--orientation <orientation>", t("help.set.orientation"))
          .option("--edition <edition>", t("help.set.edition"))
          .option("--issued <date>", t("help.set.issued"))
          .option("--effective <date>", t("help.set.effective"))
          .option("--received <date>", t("help.set.received"))
          .option("--amend", t("help.set.amend"))
          .option("--reason <text>", t("help.set.reason"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/set/index.js")).setCommand));
      },
      numbering: () => {
        const numbering = program.command("numbering").description(t("help.numbering"));
        numbering
          .command("add")
          .description(t("help.numbering.add"))
          .argument("[pattern]", t("help.numbering.add.pattern"))
          .option("--kind <kind>", t("help.numbering.add.kind"))
          .option("--family <name>", t("help.numbering.add.family"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/numbering/add.js")).numberingAddCommand));
        numbering
          .command("list")
          .description(t("help.numbering.list"))
          .option("--format <format>", t("help.numbering.list.format"))
          .action(action(async () => (await import("../commands/numbering/list.js")).numberingListCommand));
        numbering
          .command("remove")
          .description(t("help.numbering.remove"))
          .argument("<family>", t("help.numbering.remove.family"))
          .option("--kind <kind>", t("help.numbering.remove.kind"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/numbering/remove.js")).numberingRemoveCommand));
      },
      standard: () => {
        const gjb = helpExamples(standards) === "gjb";
        program
          .command("standard")
          .description(t("help.standard"))
          .command("migrate")
          .description(t("help.standard.migrate"))
          .argument("<from>", t(gjb ? "help.standard.migrate.from.gjb" : "help.standard.migrate.from"))
          .argument("<to>", t(gjb ? "help.standard.migrate.to.gjb" : "help.standard.migrate.to"))
          .option("--dry-run", t("help.standard.migrate.dry-run"))
          .option("--date <date>", t("help.standard.migrate.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/standard/migrate.js")).standardMigrateCommand));
      },
      distribute: () => {
        program
          .command("distribute")
          .description(t("help.distribute"))
          .argument("<id>", t("help.distribute.target"))
          .option("--to <dept...>", t("help.distribute.to"))
          .option("--copies <n>", t("help.distribute.copies"))
          .option("--holder <person>", t("help.distribute.holder"))
          .option("--location <place>", t("help.distribute.location"))
          .option("--remark <text>", t("help.distribute.remark"))
          .option("--copy <n...>", t("help.distribute.copy"))
          .option("--amend", t("help.distribute.amend"))
          .option("--issued-by <person>", t("help.distribute.issued-by"))
          .option("--by <person>", t("help.distribute.by"))
          .option("--date <date>", t("help.distribute.date"))
          .option("--old-version <version>", t("help.distribute.old-version"))
          .option("--electronic", t("help.distribute.electronic"))
          .option("--system <name>", t("help.distribute.system"))
          .option("--customer-consent <record>", t("help.distribute.customer-consent"))
          .option("--today <date>", t("help.distribute.today"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/distribute/index.js")).distributeCommand));
      },
      recall: () => {
        program
          .command("recall")
          .description(t("help.recall"))
          .argument("<document>", t("help.common.document-number"))
          .option("--copy <n...>", t("help.recall.copy"))
          .option("--date <date>", t("help.recall.date"))
          .option("--by <person>", t("help.recall.by"))
          .option("--received-by <person>", t("help.recall.received-by"))
          .option("--lost", t("help.recall.lost"))
          .option("--destroyed", t("help.recall.destroyed"))
          .option("--retained", t("help.recall.retained"))
          .option("--remark <text>", t("help.recall.remark"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/distribute/index.js")).recallCommand));
      },
      "hand-over": () => {
        program
          .command("hand-over")
          .description(t("help.hand-over"))
          .option("--from <person>", t("help.hand-over.from"))
          .option("--to <person>", t("help.hand-over.to"))
          .option("--document <id...>", t("help.hand-over.document"))
          .option("--copy <n...>", t("help.hand-over.copy"))
          .option("--by <person>", t("help.hand-over.by"))
          .option("--record <number>", t("help.hand-over.record"))
          .option("--date <date>", t("help.hand-over.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/hand-over/index.js")).handOverCommand));
      },
      train: () => {
        program
          .command("train")
          .description(t("help.train"))
          .argument("<ids...>", t("help.train.id"))
          .option("--people <person...>", t("help.train.people"))
          .option("--department <codes...>", t("help.train.department"))
          .option("--trainees <names...>", t("help.train.trainees"))
          .option("--date <date>", t("help.train.date"))
          .option("--trainer <person>", t("help.train.trainer"))
          .option("--record <number>", t("help.train.record"))
          .option("--external-trainer <name, organisation>", t("help.train.external-trainer"))
          .option("--method <method>", t("help.train.method"))
          .option("--hours <hours>", t("help.train.hours"))
          .option("--failed <trainees...>", t("help.train.failed"))
          .option("--require", t("help.train.require"))
          .option("--retrain-months <months>", t("help.train.retrain-months"))
          .option("--remove", t("help.train.remove"))
          .option("--evaluate", t("help.train.evaluate"))
          .option("--evaluated-on <date>", t("help.train.evaluated-on"))
          .option("--evaluation-method <method>", t("help.train.evaluation-method"))
          .option("--by <person>", t("help.train.by"))
          .option("--result <result>", t("help.train.result"))
          .option("--evaluation-record <number>", t("help.train.evaluation-record"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/train/index.js")).trainCommand));
      },
      qualify: () => {
        program
          .command("qualify")
          .description(t("help.qualify"))
          .argument("<person>", t("help.qualify.person"))
          .option("--station <code>", t("help.qualify.station"))
          .option("--level <level>", t("help.qualify.level"))
          .option("--date <date>", t("help.qualify.date"))
          .option("--by <person>", t("help.qualify.by"))
          .option("--evidence <number>", t("help.qualify.evidence"))
          .option("--withdraw", t("help.qualify.withdraw"))
          .option("--reason <text>", t("help.qualify.reason"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/qualify/index.js")).qualifyCommand));
      },
      "flow-down": () => {
        program
          .command("flow-down")
          .description(t("help.flow-down"))
          .argument("<id>", t("help.common.csr-id"))
          .option("--to <suppliers...>", t("help.flow-down.to"))
          .option("--via <document>", t("help.flow-down.via"))
          .option("--revision <revision>", t("help.flow-down.revision"))
          .option("--acknowledged <suppliers...>", t("help.flow-down.acknowledged"))
          .option("--by <name>", t("help.flow-down.by"))
          .option("--date <date>", t("help.flow-down.date"))
          .option("--record <number>", t("help.flow-down.record"))
          .option("--require", t("help.flow-down.require"))
          .option("--not-required", t("help.flow-down.not-required"))
          .option("--reason <text>", t("help.flow-down.reason"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/flow-down/index.js")).flowDownCommand));
      },
      "periodic-review": () => {
        program
          .command("periodic-review")
          .description(t("help.periodic-review"))
          .argument("[ids...]", t("help.periodic-review.documents"))
          .option("--due-by <date>", t("help.periodic-review.due-by"))
          .option("--department <code>", t("help.periodic-review.department"))
          .option("--by <person>", t("help.periodic-review.by"))
          .option("--date <date>", t("help.common.date"))
          .option("--result <result>", t("help.periodic-review.result"))
          .option("--for-edition <id>", t("help.periodic-review.for-edition"))
          .option("--due <date>", t("help.periodic-review.due"))
          .option("--owner <person>", t("help.periodic-review.owner"))
          .option("--comment <text>", t("help.common.comment"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/periodic-review/index.js")).periodicReviewCommand));
      },
      record: () => {
        const record = program.command("record").description(t("help.record"));
        record
          .command("dispose")
          .description(t("help.record.dispose"))
          .argument("<form>", t("help.record.dispose.form"))
          .argument("<batch>", t("help.record.dispose.batch"))
          .option("--date <date>", t("help.record.dispose.date"))
          .option("--approved-by <person>", t("help.record.dispose.approved-by"))
          .option("--method <method>", t("help.record.dispose.method"))
          .option("--witness <person>", t("help.record.dispose.witness"))
          .option("--record <number>", t("help.record.dispose.record"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/record/dispose.js")).recordDisposeCommand));
        const batch = record.command("batch").description(t("help.record.batch"));
        batch
          .command("add")
          .description(t("help.record.batch.add"))
          .argument("<form>", t("help.record.dispose.form"))
          .argument("<name>", t("help.record.batch.name"))
          .option("--from <date>", t("help.record.batch.from"))
          .option("--to <date>", t("help.record.batch.to"))
          .option("--counted-from <date>", t("help.record.batch.counted-from"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/record/batch.js")).recordBatchAddCommand));
        batch
          .command("set")
          .description(t("help.record.batch.set"))
          .argument("<form>", t("help.record.dispose.form"))
          .argument("<name>", t("help.record.dispose.batch"))
          .option("--counted-from <date>", t("help.record.batch.set.counted-from"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/record/batch.js")).recordBatchSetCommand));
      },
      obsolete: () => {
        program
          .command("obsolete")
          .description(t("help.obsolete"))
          .argument("<id>", t("help.common.document-id"))
          .option("--reason <text>", t("help.obsolete.reason"))
          .option("--superseded-by <id>", t("help.obsolete.superseded-by"))
          .option("--approved-by <person>", t("help.obsolete.approved-by"))
          .option("--military-representative <person>", t("help.obsolete.military-representative"))
          .option("--date <date>", t("help.common.date"))
          .option("-y, --yes", t("help.common.yes"))
          .action(action(async () => (await import("../commands/obsolete/index.js")).obsoleteCommand));
      },
      supersede: () => {
        program
          .command("supersede")
          .description(t("help.supersede"))
          .argument("<id>", t("help.common.csr-id"))
          .option("--by <id>", t("help.supersede.by"))
          .option("--reason <text>", t("help.supersede.reason"))
          .option("--date <date>", t("help.supersede.date"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/supersede/index.js")).supersedeCommand));
      },
      renumber: () => {
        program
          .command("renumber")
          .description(t("help.renumber"))
          .argument("<id>", t("help.renumber.csr"))
          .argument("[new-id]", t("help.renumber.new-id"))
          .option("--keep <side>", t("help.renumber.keep"))
          .option("--force", t("help.renumber.force"))
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.common.commit"))
          .action(action(async () => (await import("../commands/renumber/index.js")).renumberCommand));
      },
      recover: () => {
        program
          .command("recover")
          .description(t("help.recover"))
          .option("-y, --yes", t("help.common.yes"))
          .action(action(async () => (await import("../commands/recover/index.js")).recoverCommand));
      },
      history: () => {
        program
          .command("history")
          .description(t("help.history"))
          .argument("<id>", t("help.common.document-id"))
          .option("--format <format>", t("help.common.format-text"))
          .action(action(async () => (await import("../commands/history/index.js")).historyCommand));
      },
      diff: () => {
        program
          .command("diff")
          .description(t("help.diff"))
          .argument("<id>", t("help.common.document-id"))
          .option("--from <version>", t("help.diff.from"))
          .option("--to <version>", t("help.diff.to"))
          .option("--format <format>", t("help.diff.format"))
          .option("--out <file>", t("help.common.out"))
          .option("--force", t("help.common.force"))
          .action(action(async () => (await import("../commands/diff/index.js")).diffCommand));
      },
      changes: () => {
        program
          .command("changes")
          .description(t("help.changes"))
          .argument("[from]", t("help.changes.from"))
          .argument("[to]", t("help.changes.to"))
          .option("--customer <code>", t("help.changes.customer"))
          .option("--document <id>", t("help.changes.document"))
          .option("--action <id>", t("help.changes.action"))
          .option("--department <code>", t("help.changes.department"))
          .option("--ecn <number>", t("help.changes.ecn"))
          .option("--change-request <number>", t("help.changes.change-request"))
          .option("--configuration-change", t("help.changes.configuration-change"))
          .option("--format <format>", t("help.common.format"))
          .option("--out <file|dir>", t("help.common.out"))
          .option("--force", t("help.common.force"))
          .action(action(async () => (await import("../commands/changes/index.js")).changesCommand));
      },
      matrix: () => {
        const matrix = program.command("matrix").description(t("help.matrix"));
        for (const name of ["clauses", "csr"] as const) {
          matrix
            .command(name)
            .description(t(`help.matrix.${name}`, { clause: citations(standards, "requirements-matrix").join(t("common.list-separator")) }))
            .option("--standard <id>", t("help.matrix.standard"))
            .option("--style <style>", t("help.matrix.style"))
            .option("--customer <code>", t("help.matrix.customer"))
            .option("--sort <order>", t("help.matrix.sort"))
            .option("--format <format>", t("help.common.format"))
            .option("--out <file|dir>", t("help.common.out"))
            .option("--force", t("help.common.force"))
            .option("--today <date>", t("help.matrix.today"))
            .option("--from <date>", t("help.matrix.from"))
            .option("--to <date>", t("help.matrix.to"))
            .option("--audits", t("help.matrix.audits"))
            .option("--not-audited-since <date>", t("help.matrix.not-audited-since"))
            .option("-y, --yes", t("help.common.yes"))
            .action(
              action(async () => {
                const { matrixCommand } = await import("../commands/matrix/index.js");
                return (ctx: CommandContext, flags: Record<string, unknown>) => matrixCommand(ctx, name, flags);
              }),
            );
        }
      },
      export: () => {
        program
          .command("export")
          .description(t("help.export"))
          .requiredOption("--out <file|dir>", t("help.export.out"))
          .option("--force", t("help.export.force"))
          .option("--today <date>", t("help.export.today"))
          .option("--customer <code>", t("help.export.customer"))
          .option("-y, --yes", t("help.common.yes"))
          .action(action(async () => (await import("../commands/export/index.js")).exportCommand));
      },
      import: () => {
        const importer = program
          .command("import")
          .description(t("help.import"))
          .argument("<file>", t("help.import.file"))
          .option("--as <kind>", t("help.import.as"))
          .option("--sheet <name>", t("help.import.sheet"))
          .option("--dry-run", t("help.import.dry-run"))
          .option("--standard <id>", t("help.import.standard"))
          .option("--department <code>", t("help.import.department"))
          .option("--add-people", t("help.import.add-people"))
          .option("--link-forms", t("help.import.link-forms"))
          .option("--version-in-use <version>", t("help.import.version-in-use"))
          .option("--customer <code>", t("help.import.customer"))
          .option("--source <id>", t("help.import.source"))
          .option("--received <date>", t("help.import.received"))
          .option("--today <date>", t("help.import.today"));
        // The signatures of the paper originals, recorded on every released document imported (as csr sign).
        signatureOptions(importer)
          .option("-y, --yes", t("help.common.yes"))
          .option("--commit", t("help.import.commit"))
          .action(action(async () => (await import("../commands/import/index.js")).importCommand));
      },
      init: () => {
        program
          .command("init")
          .description(t("help.init"))
          .argument("[dir]", t("help.init.dir"))
          .option("--standard <id>", t("help.init.standard"), collect)
          .option("--example", t("help.init.example"))
          .option("-y, --yes", t("help.common.yes"))
          .action(action(async () => (await import("../commands/init/index.js")).initCommand));
      },
      "merge-driver": () => {
        program
          .command("merge-driver")
          .description(t("help.merge-driver"))
          .argument("[files...]", t("help.merge-driver.files"))
          .option("--install", t("help.merge-driver.install"))
          .action(action(async () => (await import("../commands/merge-driver/index.js")).mergeDriverCommand));
      },
      schema: () => {
        program
          .command("schema")
          .description(t("help.schema"))
          .argument("[kind]", t("help.schema.kind"))
          .option("--out <dir>", t("help.schema.out"))
          .option("-y, --yes", t("help.common.yes"))
          .action(action(async () => (await import("../commands/schema/index.js")).schemaCommand));
      },
    };
    const named = commandNamed(argv.slice(2), commands);
    for (const [name, wire] of Object.entries(commands)) if (named === undefined || name === named) wire();
  }, output);
}
