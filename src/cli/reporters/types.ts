import type { Messages } from '../../i18n/index.js';
import type { Diagnostic } from '../../core/types.js';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
}

export interface ReportInput {
  diagnostics: Diagnostic[];
  summary: Summary;
  m: Messages;
  /** dvk's version, for formats that name the tool. */
  version: string;
}

export interface StylishOptions {
  color: boolean;
}

export function summarize(diagnostics: Diagnostic[], files: number): Summary {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { files, errors, warnings: diagnostics.length - errors };
}
