/** What every command gets from the CLI: where to work and how to print. */
export interface CommandContext {
  /** The directory given with -C, or the current directory. */
  dir: string;
  color: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}
