// PDF through LibreOffice: `soffice --headless --convert-to pdf`, run in a temporary folder with a
// profile of its own (two runs never fight over one), several documents per run of soffice (its
// start-up is most of the cost). LibreOffice embeds the fonts it uses.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where LibreOffice usually is when it is not on PATH. */
const INSTALLED: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/Applications/LibreOffice.app/Contents/MacOS/soffice'],
  win32: ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'],
};

/** The soffice program: on PATH, else where the installer puts it; undefined when absent. */
export function findSoffice(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const names = platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const candidates = [...dirs.flatMap((d) => names.map((n) => path.join(d, n))), ...(INSTALLED[platform] ?? [])];
  return candidates.find((c) => {
    try {
      return fs.statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

export class PdfError extends Error {}

export interface PdfConverter {
  /** The PDF of each .docx, in order. */
  convert(docs: Uint8Array[]): Promise<Uint8Array[]>;
  /** Removes the temporary folder and its profile. */
  dispose(): void;
}

export function pdfConverter(soffice: string): PdfConverter {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-pdf-'));
  const profile = pathToFileURL(path.join(tmp, 'profile')).href;
  let batch = 0;
  return {
    async convert(docs) {
      const dir = path.join(tmp, String(++batch));
      fs.mkdirSync(dir);
      const inputs = docs.map((bytes, i) => {
        const file = path.join(dir, `${i + 1}.docx`);
        fs.writeFileSync(file, bytes);
        return file;
      });
      const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, ...inputs];
      let detail = '';
      try {
        await run(soffice, args, { timeout: 600_000, maxBuffer: 1 << 24 });
      } catch (e) {
        detail = String((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n').pop() ?? '';
      }
      return inputs.map((file) => {
        try {
          return new Uint8Array(fs.readFileSync(file.replace(/\.docx$/, '.pdf')));
        } catch {
          throw new PdfError(detail);
        }
      });
    },
    dispose() {
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
