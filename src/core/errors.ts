/**
 * A known user error: printed as one line (plus an optional hint), never with a stack, exit 2
 * (or 1, see exitCode).
 * Anything else that escapes a command is a bug and is printed with its stack.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /** 2 for a usage error; 1 when the cause is an error in the data itself (a file csr cannot read). */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/**
 * The input ended at a prompt (Ctrl-D on an empty answer, or the end of what a terminal was fed) before the
 * question was answered: the run is cancelled as by Ctrl-C, nothing written (cli/program.ts handleError, exit 130).
 */
export class InputEndedError extends Error {
  constructor() {
    super("input ended at a prompt");
    this.name = "InputEndedError";
  }
}
