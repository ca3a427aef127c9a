// Labels as documents print them: documents are always in Vietnamese, whatever --lang says.
import { messages } from '../i18n/index.js';

const vi = messages('vi');
export const fieldLabel = (f: string) => vi.score.fieldLabel(f);
export const typeLabel = (t: string) => vi.score.typeLabel(t);
export const quote = (s: string) => `“${s}”`;
