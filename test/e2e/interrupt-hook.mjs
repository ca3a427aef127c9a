// Preloaded into dvk by the interruption tests (`node --import`): makes the timing of a Ctrl-C
// exact. Once INTERRUPT_AFTER documents (default 0) are written, the process sends itself a
// SIGINT in the middle of rendering the next one (the zip step encodes text).
import fs from 'node:fs';

const after = Number(process.env.INTERRUPT_AFTER ?? 0);
let written = 0;
let sent = false;

const rename = fs.renameSync;
fs.renameSync = function renameSync(from, to) {
  rename(from, to);
  if (String(to).endsWith('.docx')) written++;
};

const { TextEncoder } = globalThis;
const encode = TextEncoder.prototype.encode;
TextEncoder.prototype.encode = function encodeAndInterrupt(text) {
  // A SIGINT listener means dvk is writing documents.
  if (!sent && written >= after && process.listenerCount('SIGINT') > 0) {
    sent = true;
    process.kill(process.pid, 'SIGINT');
  }
  return encode.call(this, text);
};
