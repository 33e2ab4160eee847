// Errors the user can fix (a bad flag, an unreadable or invalid file): reported as plain messages
// with exit code 2, never with a stack trace. Anything else is an internal error (exit 1).

export class CliError extends Error {
  /** lines to print on stderr, one message each */
  readonly lines: string[];

  constructor(lines: string | string[]) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.lines = all;
  }
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
