/**
 * A known user error: printed as one line (plus an optional hint), never with a stack, exit 2.
 * Anything else that escapes a command is a bug and is printed with its stack.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}
