// PDF through LibreOffice (`soffice --headless --convert-to pdf`), which embeds the fonts it
// uses. Each conversion runs in a temporary folder with a profile of its own, so that two runs,
// or a LibreOffice the user has open, never share one.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** The soffice program on PATH, or where the installers put it; undefined when there is none. */
export function findSoffice(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const names = platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const installed =
    platform === 'darwin' ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
    : platform === 'win32' ? ['C:\\Program Files\\LibreOffice\\program\\soffice.exe']
    : [];
  return [...dirs.flatMap((d) => names.map((n) => path.join(d, n))), ...installed].find((f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile());
}

/** The PDF of a .docx; throws with LibreOffice's last line of complaint when it makes none. */
export async function docxToPdf(soffice: string, docx: Uint8Array): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-pdf-'));
  try {
    const input = path.join(dir, 'van-ban.docx');
    fs.writeFileSync(input, docx);
    const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', dir, input];
    let detail = '';
    try {
      await promisify(execFile)(soffice, args, { timeout: 600_000, maxBuffer: 1 << 24 });
    } catch (e) {
      detail = String((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n').pop() ?? '';
    }
    const pdf = path.join(dir, 'van-ban.pdf');
    if (!fs.existsSync(pdf)) throw new Error(detail || 'soffice');
    return new Uint8Array(fs.readFileSync(pdf));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
