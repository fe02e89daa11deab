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
