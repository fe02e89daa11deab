/** What every command gets from the CLI: where to work and how to print. */
export interface CommandContext {
  /** The directory given with -C, or the current directory. */
  dir: string;
  color: boolean;
  /** The terminal's width in columns when stdout is a terminal; absent when it is a pipe or a file, whose output scripts read. */
  width?: number;
  stdout(text: string): void;
  stderr(text: string): void;
}
