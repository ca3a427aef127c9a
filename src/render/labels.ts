// Labels as documents print them: documents are always in Vietnamese, whatever --lang says.
import { curlyQuotes } from '../core/words.js';
import { messages } from '../i18n/index.js';

const vi = messages('vi');
export const fieldLabel = (f: string) => vi.score.fieldLabel(f);
export const typeLabel = (t: string) => vi.score.typeLabel(t);
/** A name in quotes, curly ones only: “Dân vận khéo trong xây dựng mô hình “Camera an ninh” …”. */
export const quote = (s: string) => `“${curlyQuotes(s)}”`;

/** The group one document of a batch covers (`--by`): a unit, the units of a level, or a field. */
export interface Scope {
  by: 'unit' | 'level' | 'field';
  /** The unit's name, the level's label ("Cấp xã") or the field's label ("Kinh tế"). */
  label: string;
}

/**
 * How a document of a batch names its group, as an official text would: `of` after "mô hình"
 * ("của Công an thị xã Duy Tiên", "của các đơn vị cấp xã", "thuộc lĩnh vực kinh tế"), `in` after
 * the movement ("… năm 2023 trong lĩnh vực kinh tế"), `subject` at the head of a sentence
 * ("Năm 2023, Công an thị xã Duy Tiên có …").
 */
export function scopeWords(scope: Scope): { of: string; in: string; subject: string } {
  const lower = scope.label.toLocaleLowerCase('vi');
  if (scope.by === 'unit') return { of: `của ${scope.label}`, in: `của ${scope.label}`, subject: scope.label };
  if (scope.by === 'level') return { of: `của các đơn vị ${lower}`, in: `của các đơn vị ${lower}`, subject: `các đơn vị ${lower}` };
  return { of: `thuộc lĩnh vực ${lower}`, in: `trong lĩnh vực ${lower}`, subject: `trong lĩnh vực ${lower}` };
}
