// Errors the user can act on. The CLI's single handler (cli/main.ts) prints them and sets the
// exit code; anything else is an internal error.
import type { Diagnostic } from './core/types.js';

export class DvkError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** Bad command-line usage or configuration: exit code 2. */
export class UsageError extends DvkError {
  constructor(msg: { message: string; hint?: string }, diagnostics: Diagnostic[] = []) {
    super(msg.message, 2, msg.hint, diagnostics);
  }
}

/** The input files have errors: exit code 1. */
export class InputError extends DvkError {
  constructor(msg: { message: string; hint?: string }, diagnostics: Diagnostic[] = []) {
    super(msg.message, 1, msg.hint, diagnostics);
  }
}
