// English message catalogue. Same shape as vi.ts (enforced by the type annotation).
import { formatNumber, list } from './format.js';
import type { ValueType } from '../core/load.js';
import { STEPS, type Path, type StepName } from '../core/types.js';
import { text } from '../core/rules/shape.js';
import type { Messages } from './index.js';
import type { Msg } from './vi.js';

const n = (x: number | string) => formatNumber(x, 'en');
const l = (xs: readonly string[], quote = true) => list(xs, 'en', quote);
/** "1 file", "2 files": a count and its noun, singular or plural. */
const count = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;
const q = (x: unknown) => `"${text(x)}"`;
/** A number of a YAML file as the file writes it (8.5, 1200): messages about the file quote it so. */
const yamlNumber = (x: number) => String(x);
const shown = (x: unknown) => (typeof x === 'string' ? q(x) : text(x));
const at = (where: string) => (where ? ` in ${where}` : ' at the top level');
const dotted = (path: Path) => path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');

/** ", as the condition “Minimum 6 months” requires", for a gate with a title. */
const condition = (title: string | undefined) => (title ? `, as the condition “${title}” requires` : '');

const TYPES: Record<string, string> = {
  null: 'empty',
  boolean: 'true/false',
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'a mapping of keys',
};

const STEP_NAMES: Record<StepName, string> = {
  register: 'step 1 (build and register the model)',
  implement: 'step 2 (implement)',
  inspect: 'step 3 (inspect)',
  review: 'step 4 (review, evaluate and draw lessons)',
};

const FIELD_LABELS: Record<string, string> = {
  'kinh-te': 'Economy',
  'van-hoa-xa-hoi': 'Culture and society',
  'quoc-phong-an-ninh': 'Defence and security',
  'xay-dung-he-thong-chinh-tri': 'Building the political system',
};

const AGGREGATIONS: Record<string, string> = {
  mean: 'the mean',
  median: 'the median',
  'trimmed-mean': 'the mean after dropping one highest and one lowest mark',
};

const FILE_ERROR_WORDS: Record<string, string> = {
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of the path is not a folder',
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EEXIST: 'the file exists',
  ENAMETOOLONG: 'the path is too long',
  EBUSY: 'the file is in use by another program',
  ENOTREG: 'it is not a regular file (a device, a FIFO or a socket)',
};

const YAML_ERRORS: Record<string, Msg> = {
  BAD_INDENT: { message: 'Wrong indentation.', hint: 'Keys at the same level must line up; indent each level by 2 spaces.' },
  TAB_AS_INDENT: { message: 'A tab is used for indentation.', hint: 'YAML indents with spaces only; replace the tab with 2 spaces.' },
  MISSING_CHAR: { message: 'A closing quote or bracket is missing.', hint: 'Check that every quote and bracket is closed.' },
  MULTILINE_IMPLICIT_KEY: { message: 'A key spans several lines, or a colon is missing after a key.', hint: 'Write "key: value" on one line; for long text use ">-" and continue on the next lines.' },
  BLOCK_AS_IMPLICIT_KEY: { message: 'A missing colon or wrong indentation makes a block read as a key.', hint: 'Check the colon after the key and the indentation of the line above.' },
  UNEXPECTED_TOKEN: { message: 'Unexpected character here.', hint: 'Put text that contains ": " or " #", or starts with a special character, in double quotes.' },
  BAD_SCALAR_START: { message: 'The value starts with a special character.', hint: 'Put the value in double quotes.' },
  BAD_DQ_ESCAPE: { message: 'Invalid escape in a double-quoted string.', hint: 'Write \\\\ for a backslash, or use single quotes.' },
  DUPLICATE_KEY: { message: 'A key appears twice in the same mapping.', hint: 'Each key may appear once; merge the two entries or remove one.' },
  MULTIPLE_DOCS: { message: 'The file holds several YAML documents (separated by ---).', hint: 'One file holds one model, score sheet or framework; split it into several files.' },
  TAG_RESOLVE_FAILED: { message: 'Unsupported tag.', hint: 'Remove the tag starting with "!"; if it is text, put it in double quotes.' },
  KEY_OVER_1024_CHARS: { message: 'A key is longer than 1024 characters.', hint: 'Look for a colon misplaced in text.' },
  BAD_ALIAS: { message: 'An alias (*) refers to no anchor (&).', hint: 'Check the anchor name, or put text starting with * in double quotes.' },
  RESOURCE_EXHAUSTION: { message: 'The data is nested too deep (over 64 levels).', hint: 'A dvk file needs only a few levels; check the brackets [ { and the indentation.' },
};

export const en: Messages = {
  lang: 'en',
  number: n,

  fileTooLarge: (bytes, max) => ({
    message: `File too large: ${n(bytes)} bytes, the limit is ${n(max)} bytes.`,
    hint: 'One file holds one model; put evidence documents in evidence/ and list their paths under evidence.',
  }),
  utf16: () => ({
    message: 'The file is saved as UTF-16, not UTF-8.',
    hint: 'Open it in an editor and save it again as UTF-8 (Notepad: Save as… > Encoding: UTF-8).',
  }),
  notUtf8: (byte) => ({
    message: `The file is not UTF-8 text (invalid byte 0x${byte.toString(16).padStart(2, '0')}).`,
    hint: 'It may be saved in a legacy encoding (TCVN3, VNI, Windows-1258). Convert it to Unicode UTF-8 (e.g. with Unikey\'s converter) and save it again.',
  }),
  emptyFile: () => ({ message: 'The file is empty.', hint: 'Write its content (for a new model file, use "dvk new model"), or delete the file.' }),
  yamlError: (code, snippet) => {
    const known = YAML_ERRORS[code];
    const found = snippet.trim() ? ` (found ${q(snippet.trim().slice(0, 40))})` : '';
    return known
      ? { message: `YAML syntax error: ${known.message.replace(/\.$/, '')}${found}.`, hint: known.hint }
      : { message: `YAML syntax error${found}.`, hint: 'Check the indentation, the colon after each key and the quotes on this line and the one above.' };
  },
  yamlColonInValue: (key, fixed) => ({
    message: `The value of ${q(key)} holds a colon and a space (": "), so YAML reads what follows as a new key.`,
    hint: `Put the whole value in quotes: ${fixed}`,
  }),
  yamlKeyTooDeep: (key, spaces, expected, above) => ({
    message: `The key ${q(key)} is indented ${spaces} spaces, deeper than the key ${q(above)} on the line above (${expected} spaces).`,
    hint: `Keys at the same level line up: indent ${q(key)} by ${expected} spaces, like ${q(above)}.`,
  }),
  yamlMissingColon: (key, fixed) => ({
    message: `The colon after the key ${q(key)} is missing.`,
    hint: `Write ${q(fixed)}: the colon right after the key, then a space.`,
  }),
  aliasLimit: (max) => ({
    message: `The file uses too many YAML aliases (*), over the limit of ${n(max)}.`,
    hint: 'Write the content out instead of using anchors (&) and aliases (*).',
  }),
  notMapping: (found: ValueType) => ({
    message: `The file must hold "key: value" pairs, but it holds ${TYPES[found]}.`,
    hint: 'A file starts with lines such as "kind: model" and "version: 1".',
  }),
  missingKind: (rel) => ({
    message: `${rel} has no kind key, so dvk cannot tell what it is.`,
    hint: 'Add "kind: model", "kind: assessment" or "kind: criteria" at the top of the file.',
  }),
  unknownKind: (kind) => ({
    message: `Unknown file kind ${q(kind)}.`,
    hint: 'kind is one of: model, assessment, criteria, config.',
  }),

  badKeyName: (name, _expected, suggestion) => ({
    message: `Id ${q(name)} is not in the required form.`,
    hint: suggestion ? `Did you mean ${q(suggestion)}?` : 'Use unaccented letters, digits and hyphens (criterion ids may also use dots and underscores, e.g. C1.2).',
  }),
  unknownKey: (key, where, suggestion, allowed) => ({
    message: `Unknown key ${q(key)}${at(where)}.`,
    hint: suggestion ? `Did you mean ${q(suggestion)}?` : allowed.length ? `Allowed keys: ${l(allowed, false)}.` : 'Remove this key.',
  }),
  missingKey: (key, where) => ({
    message: `Missing required key ${q(key)}${at(where)}.`,
    hint: `Add a line "${key}: …"${where ? ` inside ${where}` : ''}.`,
  }),
  wrongType: (where, expected, found, value, fix) => ({
    message: `${where || 'The value'} must be ${expected.split(',').map((t) => TYPES[t] ?? t).join(' or ')}, but it is ${TYPES[found]}${found === 'string' || found === 'number' || found === 'integer' ? ` ${q(value)}` : ''}.`,
    hint: fix.quote
      ? `Quote the code to keep it as written: '${fix.quote}'.`
      : fix.unquote
        ? `Remove the quotes: write ${fix.unquote}, as numbers are not quoted.`
      : fix.number && expected === 'integer'
        ? `Write ${fix.number}: digits only, no thousands separators.`
        : fix.number
          ? `Write ${fix.number}: a dot for decimals, and no quotes.`
          : expected === 'array'
            ? 'Write each item on its own line starting with "- ".'
            : expected === 'string'
              ? 'Put the value in double quotes.'
              : undefined,
  }),
  notAllowed: (where, value, allowed, suggestion) => ({
    message:
      allowed.length === 1
        ? `${where || 'The value'} must be ${shown(allowed[0])}, but it is ${shown(value)}.`
        : `Invalid value ${q(value)} for ${where}: must be one of ${list(allowed.map(String), 'en', true, true)}.`,
    hint: suggestion ? `Write ${suggestion} (the code has no diacritics).` : undefined,
  }),
  badDate: (where, value, suggestion, days) => ({
    message: `${where} is not a valid date: ${q(value)}.`,
    hint: suggestion
      ? `Write ${suggestion} (year-month-day).`
      : days
        ? `Month ${Number(String(value).slice(5, 7))} of ${String(value).slice(0, 4)} has only ${days} days.`
        : 'Write dates as year-month-day, e.g. 2023-05-24 for 24 May 2023.',
  }),
  badPattern: (where, value, _title, description, suggestion) => ({
    message: `${where} ${q(value)} is not in the required form.`,
    hint: suggestion ? `Write ${suggestion}.` : description ? `Expected: ${description}` : undefined,
  }),
  outOfRange: (where, value, keyword, limit) => ({
    message: `${where} = ${q(value)} ${keyword === 'minimum' ? `is below the minimum ${yamlNumber(limit)}` : keyword === 'maximum' ? `is above the maximum ${yamlNumber(limit)}` : keyword === 'exclusiveMinimum' ? `must be greater than ${yamlNumber(limit)}` : `must be less than ${yamlNumber(limit)}`}.`,
  }),
  schemaOther: (where, keyword) => ({
    message: `${where || 'The file'} does not match the schema (keyword ${keyword}).`,
    hint: 'See this key\'s description in the schema: dvk schema.',
  }),
  emptyText: (where) => ({ message: `${where} is empty.`, hint: 'Write the text, or remove the line until you have it.' }),
  tooFew: (where, limit, items) => ({ message: `${where} needs at least ${count(limit, items ? 'item' : 'figure')}.` }),
  oneOf: (where, options, multiple) => {
    const forms = options.map((o) => `${l(o.keys)}`).join(' or ');
    return multiple
      ? { message: `${where || 'The file'} may use only one of ${forms}.`, hint: 'Keep one and remove the other.' }
      : { message: `${where || 'The file'} needs ${forms}.`, hint: 'Add one of these keys.' };
  },

  dateBefore: (path, date, earliest, what) => ({
    message: `The date ${date} at ${dotted(path)} is before the ${what === 'registered' ? 'registration date' : 'start date'} ${earliest}.`,
    hint: what === 'registered'
      ? 'The start must be on or after the registration date (steps.register.date).'
      : 'Activities, inspections and the review fall on or after the start (steps.register.start); check the year or month.',
  }),
  endBeforeStart: (end, start) => ({ message: `The end date ${end} is before the start date ${start}.`, hint: 'Check steps.register.start and steps.register.end.' }),
  yearMismatch: (year, years) => ({
    message: `The year ${year} does not match the model's dates (registration, start, end, review), which are in ${l(years.map(String), false)}.`,
    hint: `If the model ran in ${years[0]}, write year: ${years[0]} (and keep the file under models/${years[0]}/); otherwise correct the dates.`,
  }),
  placeholder: (text) => ({
    message: `The template text ${q(text)} has not been replaced.`,
    hint: 'Write the real text here; dvk refuses to print a decision, report, certificate or proposal with template text in it.',
  }),
  evidenceOutside: (file) => ({
    message: `The evidence path ${q(file)} leaves the workspace.`,
    hint: 'Copy the file into the workspace\'s evidence/ folder and give a relative path, e.g. evidence/2023/minutes.pdf.',
  }),
  evidenceMissing: (rel) => ({ message: `Evidence file ${q(rel)} not found.`, hint: 'Check the name (case matters) or copy the file into place.' }),
  stepName: (step) => STEP_NAMES[step],
  stepAbsent: (step) => ({
    message: `The model has no ${STEP_NAMES[step]}, which is required.`,
    hint: `Fill in steps.${step} before scoring, or drop --require ${step}.`,
  }),
  stepIncomplete: (step, missing, required) => ({
    message: `${STEP_NAMES[step][0]!.toUpperCase()}${STEP_NAMES[step].slice(1)} is incomplete: ${missing.includes('[0]') ? 'it has no entry' : `missing ${l(missing)}`}.`,
    hint: required ? `Fill in what is missing; this step is required (--require ${step}).` : 'Fill in what is missing when you have it.',
  }),
  notNfc: (value) => ({
    message: `The text ${q(value.length > 40 ? `${value.normalize('NFC').slice(0, 40)}…` : value.normalize('NFC'))} uses combining marks (Unicode NFD), not precomposed characters (NFC).`,
    hint: 'Retype it with a precomposed Unicode keyboard setting, or normalise the file to NFC.',
  }),
  unknownLevel: (level, ids, suggestion) => ({
    message: `Level ${q(level)} is not one of the levels: ${l(ids)}.`,
    hint: suggestion ? `Did you mean ${q(suggestion)}?` : 'Use a listed level, or add it under levels in dvk.config.yaml.',
  }),
  duplicateId: (id, elsewhere) => ({ message: `Duplicate id ${q(id)}: also used in ${l(elsewhere, false)}.`, hint: 'Each id belongs to one file; change one of them.' }),
  duplicateAssessment: (model, level, elsewhere) => ({
    message: `Model ${q(model)} already has a score sheet at level ${q(level)} in ${l(elsewhere, false)}.`,
    hint: 'One model has one score sheet per level; put every council member\'s scores in one file (assessors).',
  }),
  unknownModel: (id, suggestion) => ({
    message: `No model has the id ${q(id)}.`,
    hint: suggestion ? `Did you mean ${q(suggestion)}?` : 'Check the id key of the model file.',
  }),
  unknownFramework: (id, known, suggestion) => ({
    message: `No criteria framework has the id ${q(id)}.`,
    hint: suggestion ? `Did you mean ${q(suggestion)}?` : known.length ? `Frameworks in the workspace: ${l(known)}.` : 'Add a framework under criteria/.',
  }),
  notApplicable: (framework, model, why) => ({
    message: `Framework ${q(framework)} does not apply to model ${q(model.id)} (${why === 'type' ? `type ${q(model.type)}` : `field ${q(model.field)}`}).`,
    hint: 'Choose a framework whose applies_to covers the model\'s type and field.',
  }),
  unknownCriterion: (id, framework, suggestion, missingHere) => ({
    message: `Framework ${q(framework)} has no criterion ${q(id)}.`,
    hint: suggestion ? `Did you mean ${q(suggestion)}${missingHere ? ', which this sheet does not score' : ''}?` : 'Remove this score or correct the criterion id.',
  }),
  scoreOverMax: (id, score, max) => ({ message: `The score for ${q(id)} is ${yamlNumber(score)}, above its maximum ${yamlNumber(max)}.`, hint: `Score from 0 to ${yamlNumber(max)}.` }),
  missingScores: (missing, name) => ({
    message: `${name ? `${name}'s sheet` : 'The sheet'} does not score ${missing.length} criteria: ${l(missing, false)}.`,
    hint: 'Every council member scores every criterion of the framework.',
  }),
  frameworkDuplicateId: (id) => ({ message: `Duplicate id ${q(id)} in the framework.`, hint: 'Each group, criterion, gate and class needs its own id.' }),
  classOrder: (label, min, aboveLabel, aboveMin) => ({
    message: `Class ${q(label)} (from ${yamlNumber(min)}) is not below the class before it, ${q(aboveLabel)} (from ${yamlNumber(aboveMin)}).`,
    hint: 'List classes from high to low, with decreasing minimums.',
  }),
  lowestClassMin: (label, min) => ({
    message: `The lowest class ${q(label)} starts at ${yamlNumber(min)}, so a total below ${yamlNumber(min)} gets no class.`,
    hint: 'Set min: 0 on the lowest class.',
  }),
  maxNotOnStep: (id, max, step) => ({
    message: `Criterion ${q(id)} has a maximum of ${yamlNumber(max)}, not a multiple of the rounding step ${yamlNumber(step)}: a rounded score could exceed it.`,
    hint: `Make the maximum a multiple of ${yamlNumber(step)}, or change rounding.`,
  }),
  unknownClass: (id, ids, suggestion) => ({
    message: `The framework has no class ${q(id)}.`,
    hint: suggestion ? `Did you mean ${q(suggestion)}?` : `Classes: ${l(ids)}.`,
  }),

  score: {
    gateSteps: (title, lacking) =>
      lacking.length ? `${l(lacking.map((s) => STEP_NAMES[s]), false)} not done${condition(title)}` : `all steps done${condition(title)}`,
    gateMonths: (title, months, passed, start, end, due) =>
      !start || !end
        ? `no ${!start ? 'start date' : 'review date'}, so the time the model ran cannot be measured${condition(title)}`
        : passed
          ? `ran from ${start} to ${end}, at least ${months} months${condition(title)}`
          : `ran from ${start} to ${end}, less than ${months} months${condition(title)}; the review can be on ${due} at the earliest`,
    noClass: (total) => `the total ${n(total)} reaches no class`,
    minClass: (label, minLabel, passed) => (passed ? `class ${label}, at or above ${minLabel}` : `class ${label}, below ${minLabel}, the class recognition needs`),
    groupRatio: (id, score, max, pct, passed) =>
      passed ? `criteria group ${id} scored ${n(score)}/${n(max)}, at least ${n(pct)}% of the group's points` : `criteria group ${id} scored only ${n(score)}/${n(max)}, below ${n(pct)}% of the group's points`,
    notLowest: (label, passed) => (passed ? `class ${label}, above the lowest class` : `class ${label} is the lowest class`),
    exemplary: (label, top, passed) => (passed ? `class ${label}, exemplary (${top} or above)` : `class ${label}, not exemplary (needs ${top} or above)`),
    marks: { exemplary: '✓ exemplary', recognized: '✓', no: '✗' },
    notAssessed: 'not assessed',
    notAssessedLong: 'The model has no score sheet.',
    columns: { rank: 'Rank', id: 'Id', name: 'Model', unit: 'Unit', level: 'Scored at', total: 'Total', class: 'Class', recognized: 'Recognised', reasons: 'Reasons' },
    reasonsTitle: 'Why not recognised:',
    legend: '✓: recognised; ✓ exemplary: recognised as exemplary; ✗: not recognised.',
    summary: (t) => `${count(t.models, 'model')}: ${n(t.assessed)} assessed, ${n(t.recognized)} recognised (${n(t.exemplary)} exemplary), ${n(t.notAssessed)} not assessed.`,
    fieldLabel: (f) => FIELD_LABELS[f] ?? f,
    typeLabel: (t) => (t === 'individual' ? 'Individual exemplar' : 'Collective model'),
    csv: {
      headers: ['Rank', 'Id', 'Model', 'Unit', 'Unit code', 'Unit level', 'Year', 'Field', 'Type', 'Scored at', 'Framework', 'Total', 'Maximum', 'Class', 'Recognised', 'Exemplary', 'Reasons'],
      group: (id) => `Group ${id}`,
      yes: 'Yes',
      no: 'No',
    },
    explain: {
      modelLine: (unit, level, field, type, year) => `${type} · ${field} · ${year} · ${unit} (${level})`,
      sheetLine: (level, framework, file) => `Scored at: ${level} · framework ${framework} · ${file}`,
      method: (aggregation, applied, count, rounding) =>
        `${n(count)} sheets combined by ${AGGREGATIONS[applied]}${aggregation !== applied ? ` (the framework asks for ${AGGREGATIONS[aggregation]}, which falls back to the mean below 3 sheets)` : ''}; each criterion rounded once, half up, to ${rounding}.`,
      assessors: 'Members',
      assessorShort: (i) => `M${i}`,
      unnamed: '(unnamed)',
      criterion: 'Criterion',
      max: 'Max',
      exact: (applied) => (applied === 'median' ? 'Median' : 'Mean'),
      rounded: 'Rounded',
      groupTotal: (id) => `Group ${id}`,
      total: 'Total',
      classLine: (label, min) => `Class: ${label} (from ${min}).`,
      noClassLine: 'Class: none reached.',
      conditions: 'Conditions for recognition:',
      conclusion: (recognized, exemplary) => `Result: ${exemplary ? 'recognised as exemplary' : recognized ? 'recognised' : 'not recognised'}.`,
    },
  },
  rules: {
    'yaml-syntax': 'The file is valid YAML.',
    'yaml-duplicate-key': 'A key appears once per mapping.',
    'yaml-unknown-tag': 'No YAML tags.',
    'yaml-multiple-documents': 'One YAML document per file.',
    'yaml-alias-limit': 'YAML aliases (*) are limited.',
    'file-encoding': 'The file is UTF-8 text.',
    'file-too-large': 'The file is at most 1 MiB.',
    'file-empty': 'The file is not empty.',
    'file-not-mapping': 'The file holds key: value pairs.',
    'file-unknown-kind': 'The file declares a valid kind: model, assessment, criteria or config.',
    'schema-unknown-key': 'Only keys the schema defines.',
    'schema-required': 'Required keys are present.',
    'schema-type': 'Values have the right type (number, text, list…).',
    'schema-enum': 'Values are among the allowed ones.',
    'schema-format': 'Values have the right form (dates, ids).',
    'schema-range': 'Values are within range and not empty.',
    'schema-one-of': 'Exactly one of the allowed forms is used.',
    'schema-other': 'Values satisfy the schema.',
    'duplicate-id': 'Model and framework ids are unique.',
    'duplicate-assessment': 'One score sheet per model and level.',
    'unknown-model': 'A score sheet names an existing model.',
    'unknown-framework': 'A score sheet names an existing framework.',
    'unknown-level': 'Levels are among the workspace\'s levels.',
    'framework-not-applicable': 'The framework applies to the model\'s type and field.',
    'unknown-criterion': 'Only the framework\'s criteria are scored.',
    'missing-score': 'Every sheet scores every criterion.',
    'score-over-max': 'No score exceeds its criterion\'s maximum.',
    'framework-duplicate-id': 'Ids within a framework are unique.',
    'framework-class-order': 'Classes run from high to low, the lowest from 0.',
    'framework-rounding': 'Each criterion\'s maximum is a multiple of the rounding step.',
    'framework-unknown-class': 'Recognition names existing classes.',
    'date-order': 'Dates follow in order: registration, start, activities, end.',
    'year-mismatch': 'A model\'s year matches the dates it records.',
    placeholder: 'No template text (name, place, model name…) is left in place.',
    'evidence-outside': 'Evidence files lie inside the workspace.',
    'evidence-missing': 'Evidence files exist.',
    'step-incomplete': 'Each step that is present has what it requires.',
    nfc: 'Text is in precomposed Unicode (NFC).',
    'file-unreadable': 'Every file and folder of the workspace can be read.',
    'yaml-depth-limit': 'Data nests at most 64 levels deep.',
    'config-paths': 'The folders of paths lie inside the workspace; paths.out is apart from the data folders.',
    'control-character': 'Text holds no control characters (NUL, ESC, bidirectional overrides…).',
    'file-link': 'No symbolic link leads to a place dvk does not read.',
  },

  cli: {
    description: 'dvk: manage "Dân vận khéo" (skilful mass mobilisation) models as YAML files in git: validate, score, and write decisions and reports.',
    errorPrefix: 'Error',
    hintPrefix: 'Hint',
    severity: { error: 'error', warning: 'warning' },
    summary: (s) =>
      s.errors + s.warnings === 0
        ? `✔ No problems in ${count(s.files, 'file')}.`
        : `${s.errors ? '✖' : '⚠'} ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')} in ${count(s.files, 'file')}.`,
    help: {
      titles: { 'Usage:': 'Usage:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Arguments:': 'Arguments:', 'Global Options:': 'Global Options:' },
      choices: (c) => `choices: ${c.join(', ')}`,
      default: (d) => `default: ${d}`,
      words: { options: 'options', command: 'command' },
      helpOption: 'show help for the command',
      helpCommand: 'show help for a command',
      version: 'show the version number',
      footer: '\nExamples:\n  dvk validate                  check the whole workspace\n  dvk status                    which step each model has reached\n  dvk validate --format github  annotate a pull request\n\nMessages in Vietnamese by default; --lang en or DVK_LANG=en for English.',
    },
    options: {
      cwd: 'folder to work in (default: the current folder)',
      lang: 'language of messages (also DVK_LANG, or lang in dvk.config.yaml)',
      noColor: 'no colours (also NO_COLOR)',
      quiet: 'print errors only, no warnings or notes',
      format: 'output format',
      year: 'only models of this year (default: year in dvk.config.yaml)',
    },
    cache: {
      option: 'do not use the cache between runs (.dvk-cache/ in the workspace)',
    },
    parseError: (code, quoted, suggestion, choices, raw) => {
      const hint = suggestion ? `Did you mean ${suggestion}?` : 'See "dvk --help".';
      switch (code) {
        case 'commander.unknownOption': return { message: `Unknown option ${quoted[0]}.`, hint };
        case 'commander.unknownCommand': return { message: `Unknown command ${quoted[0]}.`, hint };
        case 'commander.missingArgument': return { message: `Missing argument ${quoted[0]}.`, hint: 'See the command\'s --help.' };
        case 'commander.optionMissingArgument': return { message: `Option ${quoted[0]} needs a value.`, hint: 'See the command\'s --help.' };
        case 'commander.conflictingOption': return { message: `${quoted[0]} cannot be used with ${quoted[1]}.`, hint: 'Drop one of the two options.' };
        case 'commander.excessArguments': return { message: 'Too many arguments.', hint: 'See the command\'s --help.' };
        case 'commander.invalidArgument':
          return choices
            ? { message: `Invalid value ${quoted[1] ?? ''} for ${quoted[0] ?? ''}.`, hint: `${suggestion ? `Did you mean ${suggestion}? ` : ''}Choose one of: ${choices.replace(/'/g, '')}.` }
            : { message: raw.replace(/^option '([^']*)' argument '([^']*)' is invalid\. ?/, 'Invalid value $2 for $1: ') };
        default: return { message: raw };
      }
    },
    configInvalid: (file) => ({ message: `The configuration file ${file} has errors.`, hint: `Fix the errors above (run "dvk validate ${file}") and try again.` }),
    fileError: (file, code) => ({
      message: `Cannot read or write ${q(file)}: ${FILE_ERROR_WORDS[code] ?? code}.`,
      hint: code === 'EISDIR' ? 'With -o, give a file path (e.g. out/decision.docx); a folder only with --by.' : 'Check the path, the permissions and the free disk space.',
    }),
    internalError: (detail) => ({
      message: `Internal error in dvk: ${detail}`,
      hint: 'This is a bug in the program, not in your data. Run again with DVK_DEBUG=1 and send the output to the developers.',
    }),
    pathNotFound: (p) => ({ message: `${q(p)} not found.`, hint: 'Check the path, relative to the current folder.' }),
    git: {
      notRepo: (dir) => ({ message: `${dir} is not inside a git repository.`, hint: 'Run the command in a workspace that git manages (git init).' }),
      unknownRev: (rev) => ({ message: `Unknown git revision ${q(rev)}.`, hint: 'Use a branch, tag or commit of this repository, e.g. main or HEAD~1.' }),
      noBase: { message: 'Cannot tell which branch to compare with.', hint: 'Name the revision, e.g. --since main or --changed=main.' },
    },
    diff: {
      description: 'compare with a git revision: models added, removed, renamed; steps completed; score sheets changed; totals, classes and recognition before → after',
      rev: 'the git revision to compare with (branch, tag or commit), e.g. main (default: the upstream of the current branch, else HEAD)',
      examples: '\nExamples:\n  dvk diff main\n  dvk diff HEAD~1 --format markdown > comment.md\n  dvk diff origin/main --format json',
      status: { added: 'added', removed: 'removed', renamed: 'renamed', changed: 'edited', scored: 'score changed' },
      renamed: (from) => `renamed from ${from}`,
      edited: (keys) => `edited ${keys.join(', ')}`,
      reached: (before, after) => `step reached: ${before} → ${after}`,
      completed: (steps) => `completed ${steps.join(', ')}`,
      uncompleted: (steps) => `no longer complete: ${steps.join(', ')}`,
      sheets: (levels) => `score sheet changed: ${levels.join(', ')}`,
      heading: (rev, commit, models) => `Compared with ${rev} (${commit}): ${models ? `${count(models, 'model')} changed` : 'no model changed'}.`,
      totals: (t) => `Recognised: ${n(t.recognized[0])} → ${n(t.recognized[1])}; exemplary: ${n(t.exemplary[0])} → ${n(t.exemplary[1])}.`,
      none: 'No change to models, score sheets or scores.',
      columns: { id: 'Id', model: 'Model', change: 'Change', level: 'Scored at', total: 'Total', class: 'Class', recognized: 'Recognised' },
    },
    badStep: (s, suggestion) => `invalid step ${q(s)}; ${suggestion ? `did you mean ${suggestion}? Steps: ` : 'choose '}register, implement, inspect, review or all`,
    badCount: (s) => `${q(s)} is not a whole number`,
    stdin: {
      filename: 'with the path "-" (the file on standard input): the file it stands for, so that messages name it',
    },
    completion: {
      description: 'print a shell completion script for bash, zsh, fish or PowerShell',
      shell: 'the shell: bash, zsh, fish or powershell',
      examples: '\nExamples:\n  source <(dvk completion bash)           add to ~/.bashrc\n  source <(dvk completion zsh)            add to ~/.zshrc, after compinit\n  dvk completion fish > ~/.config/fish/completions/dvk.fish\n  dvk completion powershell | Out-String | Invoke-Expression   add to $PROFILE',
    },
    validate: {
      description: 'check files: syntax, schemas, cross-file rules and the completeness of each step',
      paths: 'files or folders to check (default: the whole workspace)',
      require: 'steps that must be complete (errors, not warnings): register, implement, inspect, review, all; comma-separated',
      maxWarnings: 'fail (exit code 1) when there are more than n warnings',
      changed: 'report only files changed since the merge base with the default branch, or since the revision written after an equals sign (--changed=main); cross-file rules still see the whole workspace',
      since: 'like --changed, since this git revision (branch, tag or commit)',
      examples: '\nExamples:\n  dvk validate\n  dvk validate models/2023/HM\n  dvk validate --require review --format json\n  dvk validate --format sarif > dvk.sarif\n\nExit codes: 0 no errors; 1 errors (or too many warnings); 2 usage or configuration error.',
      nothing: (dir) => `No dvk file found in ${dir}: check the folder (-C), or create a workspace with "dvk init".`,
      tooManyWarnings: (warnings, max) => `${count(warnings, 'warning')}, over --max-warnings ${n(max)}.`,
    },
    status: {
      description: 'which step each model has reached and what is missing; a table by unit',
      examples: '\nExamples:\n  dvk status\n  dvk status --year 2023\n  dvk status models/2023/HM --format json',
      invalid: (files) => `${files === 1 ? '1 file has' : `${n(files)} files have`} errors and ${files === 1 ? 'is' : 'are'} not counted; run "dvk validate" for details.`,
      none: 'No models.',
      id: 'Id',
      unit: 'Unit',
      reached: 'Reached',
      missing: 'Missing',
      stepShort: { register: '1. Register', implement: '2. Implement', inspect: '3. Inspect', review: '4. Review' },
      noStep: 'no step yet',
      missingList: (items) =>
        items.map((i) => (i.endsWith('[0]') && !i.includes('.') ? `step ${STEPS.indexOf(i.slice(0, -3) as StepName) + 1} (no entry)` : /[.[]/.test(i) ? i : `step ${STEPS.indexOf(i as StepName) + 1}`)).join(', '),
      models: 'Models',
      level: 'Level',
      col: { none: 'None', register: 'S1', implement: 'S2', inspect: 'S3', review: 'S4' },
      complete: 'All 4 steps',
      total: 'Total',
      modelsTitle: (count) => `Models (${n(count)})`,
      unitsTitle: (count) => `By unit (${n(count)})`,
      legend: 'S1–S4: models whose furthest step is 1 (register), 2 (implement), 3 (inspect), 4 (review); ✓: all four steps complete.',
    },
    schema: {
      description: 'print a JSON Schema, for editors and other tools',
      name: 'schema name; leave out to list them',
      examples: '\nExamples:\n  dvk schema\n  dvk schema model > model.schema.json\n  dvk schema steps/review',
      unknown: (name, names, suggestion) => ({ message: `No schema ${q(name)}.`, hint: suggestion ? `Did you mean ${suggestion}?` : `Schemas: ${l(names, false)}.` }),
      all: 'write every schema (with --out)',
      out: 'folder to write the schema files to',
      needOut: { message: 'Say which folder to write the schemas to.', hint: 'Add --out, e.g. dvk schema --all --out schemas' },
      written: (schemas, dir) => `Wrote ${count(schemas, 'schema')} to ${dir}.`,
    },
    init: {
      description: 'create a new workspace: config, example framework, one example model, CI workflow, CODEOWNERS, editor settings',
      dir: 'the workspace folder (default: the current folder)',
      force: 'overwrite files that exist',
      year: 'the workspace\'s year (default: this year)',
      level: 'level of the steering committee: xa, huyen, tinh or trung-uong',
      examples: '\nExamples:\n  dvk init dan-van-kheo-2025\n  dvk init . --level tinh --year 2025',
      exists: (files) => ({
        message: `The folder already has ${n(files.length)} of the files dvk init creates: ${files.length > 5 ? `${files.slice(0, 5).join(', ')}, …` : l(files, false)}. Nothing was written.`,
        hint: 'Choose another folder, or add --force to overwrite.',
      }),
      done: (dir, files) => `Created a workspace in ${dir} (${count(files, 'file')}).`,
      next: (dir) =>
        `Next steps:\n  1. Edit ${dir}/dvk.config.yaml: issuing body, signer, legal bases.\n  2. Replace the example model with your own: dvk new model --name "…" --unit "…" --unit-code …\n  3. Check: dvk validate -C ${dir}\n  4. Put it in git: git init, git add, git commit; set the committee's team in .github/CODEOWNERS.`,
    },
    score: {
      description: 'score models: group and criterion scores, class, recognition, exemplary tier and reasons',
      explain: 'account for every number of one model: each member\'s marks, aggregation, rounding, conditions',
      year: 'only models of this year (default: year in dvk.config.yaml)',
      level: 'only score sheets of this level',
      unit: 'only the unit with this code, or whose name contains this text',
      field: 'only this field',
      failUnder: 'fail (exit code 1) if a scored model totals less than this',
      examples: '\nExamples:\n  dvk score\n  dvk score --level huyen --format csv > results.csv\n  dvk score --explain DT-2023-HM-01\n  dvk score --unit HM --format markdown',
      noSuchModel: (id, suggestion) => ({ message: `No model ${q(id)} in scope.`, hint: suggestion ? `Did you mean ${suggestion}?` : 'Check the id, or drop the --year or --level filter.' }),
      refused: (files) => ({ message: `Cannot score: ${files.length === 1 ? 'a file' : `${n(files.length)} files`} it needs ${files.length === 1 ? 'has' : 'have'} errors: ${l(files, false)}.`, hint: 'Fix the errors above (see also "dvk validate") and try again.' }),
      explainFormat: { message: '--explain prints a table or JSON only.', hint: 'Leave out --format, or use --format json.' },
      badTotal: (v) => `${q(v)} is not a score`,
      empty: 'No models in scope.',
      under: (limit, models) => `${count(models.length, 'model')} below ${n(limit)}: ${models.join(', ')}.`,
    },
    docs: {
      year: 'year (default: year in dvk.config.yaml)',
      level: 'level of the steering committee (default: level in dvk.config.yaml)',
      date: 'date of signing, year-month-day or day/month/year (default: the date in dvk.config.yaml, SOURCE_DATE_EPOCH or today)',
      output: 'the .docx or .pdf file to write; with --by, a folder (default: under out/)',
      by: 'one document per group: by unit, unit level or field',
      badDate: (v) => ({ message: `Invalid date ${q(v)}.`, hint: 'Write a real date, as 2023-12-20 or 20/12/2023.' }),
      needYear: { message: 'The document\'s year is not known.', hint: 'Add --year 2023, or year: 2023 in dvk.config.yaml.' },
      needLevel: (levels, found, year) => ({
        message: found.length ? `The ${year} score sheets are at ${n(found.length)} levels (${l(found, false)}): which level is the document for?` : 'The level of the issuing steering committee is not known.',
        hint: `Add --level (one of ${l(found.length ? found : levels, false)}), or level in dvk.config.yaml.`,
      }),
      interrupted: (done, total) => `Stopped part-way: ${n(done)}/${n(total)} documents written; no file is half-written.`,
    },
    numbering: {
      from: 'with --by: number the documents from n, in the order they are listed',
      none: 'leave the number blank for the office to fill in from its register (ignores the number in dvk.config.yaml)',
      oneNumber: (number, documents, fromConfig) => ({
        message: `${fromConfig ? `The number ${q(number)} in dvk.config.yaml` : `--number ${number}`} is one number, but this writes ${n(documents)} documents; each needs its own number from the register.`,
        hint: `Add --number-from ${number} to number them ${number}, ${Number(number) + 1 || '…'}, … in the order listed, or --no-number to leave the number blank for the office.`,
      }),
      numbered: (from, to) => `Numbered ${from} to ${to}, in the order listed above.`,
    },
    pdf: {
      option: 'write PDF (through LibreOffice) instead of .docx; -o name.pdf also chooses PDF',
      noLibreOffice: (platform) => ({
        message: 'PDF output needs LibreOffice, but the soffice program was not found.',
        hint: `Install LibreOffice: ${platform === 'win32' ? 'winget install TheDocumentFoundation.LibreOffice' : platform === 'darwin' ? 'brew install --cask libreoffice' : 'sudo apt-get install -y libreoffice-writer (Debian, Ubuntu) or sudo dnf install -y libreoffice-writer (Fedora)'}, then run again; or leave out --pdf to write .docx.`,
      }),
      badExtension: (file) => ({ message: `Cannot write a document as ${q(file)}: dvk writes .docx or .pdf files.`, hint: 'End the file name with .docx (Word) or .pdf.' }),
      docxWithPdf: (file) => ({ message: `--pdf, but -o ${q(file)} is a .docx file.`, hint: 'Leave out --pdf to write .docx, or end the file name with .pdf.' }),
      failed: (detail) => ({
        message: `LibreOffice could not convert the document to PDF${detail ? ` (${detail})` : ''}.`,
        hint: 'Open LibreOffice once so that it finishes setting up, then run again; or leave out --pdf to write .docx.',
      }),
    },
    placeholders: {
      refused: (files) => ({
        message: `No document written: ${l(files, false)} still ${files.length === 1 ? 'holds' : 'hold'} template text (see above).`,
        hint: 'Write the real text (signer, place, body, model name…) in those places and run again.',
      }),
    },
    decide: {
      description: 'write the recognition decision (.docx) in the Party or state document format',
      number: 'decision number (default: decision.number in dvk.config.yaml; leave blank to write by hand)',
      examples: '\nExamples:\n  dvk decide\n  dvk decide --level huyen --year 2023 --number 15 --date 2023-12-20 -o decision.docx\n  dvk decide --by unit --number-from 16 -o out/by-unit\n  dvk decide --by field --no-number',
      nothing: (year, level) => ({ message: `No model is recognised at ${level} in ${year}, so there is no decision to write.`, hint: 'See "dvk score" for scores and reasons; check --year and --level.' }),
      done: (files, models) => `Wrote ${count(files, 'decision')} recognising ${count(models, 'model')}.`,
    },
    report: {
      description: 'write the year\'s summary report (.docx): figures by field, type, level and unit, comparison with last year, a chart, exemplary models',
      number: 'report number (default: report.number in dvk.config.yaml; leave blank to write by hand)',
      examples: '\nExamples:\n  dvk report\n  dvk report --year 2023 -o report-2023.docx\n  dvk report --by unit --number-from 33 -o out/reports-by-unit',
      nothing: (year) => ({ message: `No model of ${year} to report on.`, hint: 'Check --year, or the model files under models/.' }),
      noPrevious: (year) => `The ${year} data has errors, so the report does not compare with ${year}; run "dvk validate" for details.`,
      done: (files) => `Wrote ${count(files, 'report')}.`,
    },
    certificate: {
      description: 'write a certificate (.docx) for each recognised model, one page each; print onto pre-printed blanks with --blank-form',
      numberFrom: 'give each certificate a register number, starting from this one, in print order (default: blank, to write by hand)',
      decisionNumber: 'number of the recognition decision printed on the certificates (default: decision.number in dvk.config.yaml)',
      decisionDate: 'date of the recognition decision, year-month-day (default: decision.date in dvk.config.yaml)',
      border: 'no decorative border (default: a border, or certificate.border in dvk.config.yaml)',
      blankForm: 'print only the variable texts, each where the pre-printed blank wants it (certificate.layout in dvk.config.yaml)',
      calibrate: 'print one page with a millimetre grid and the boxes of certificate.layout, to hold against a blank to the light',
      examples:
        '\nExamples:\n  dvk certificate\n  dvk certificate --number-from 101 -o certificates.docx\n  dvk certificate --by unit -o out/certificates\n  dvk certificate --calibrate            print the grid and the boxes\n  dvk certificate --blank-form --no-border --number-from 101\n\nWhere each item goes on the blank (millimetres from the top-left corner of the sheet) is set in dvk.config.yaml, e.g.:\n  certificate:\n    layout:\n      name: { x: 30, y: 80, width: 237, height: 18, size: 18, bold: true }\n      number: false      # pre-printed on the blank: not printed\nItems: issuer, number, name, person, unit, recognition, decision, date, signer.',
      nothing: (year, level) => ({
        message: `No model is recognised at ${level.toLowerCase()} level in ${year}, so there is no certificate to write.`,
        hint: 'See "dvk score" for the scores and reasons; check --year and --level.',
      }),
      outside: (item, right, bottom, width, height) => ({
        message: `Box ${q(item)} in certificate.layout lies outside the ${n(width)} × ${n(height)} mm sheet (right edge at ${n(right)} mm, bottom edge at ${n(bottom)} mm).`,
        hint: 'Fix the box\'s x, y, width and height (millimetres from the top-left corner of the sheet), then print "dvk certificate --calibrate" to check.',
      }),
      done: (files, pages) => `Wrote ${n(pages)} certificate(s) in ${n(files)} file(s).`,
      calibrated: 'Wrote the calibration page: print it at actual size (100%, no scaling), lay it on a blank and hold both to the light.',
    },
    propose: {
      description: 'write the proposal (Tờ trình) to the committee one level up (.docx) and the bundle (.zip) that it takes in with "dvk import"',
      to: 'level of the committee the proposal goes to, e.g. tinh (default: propose.to in dvk.config.yaml)',
      select: 'models to propose: exemplary (the exemplary ones, the default), recognized (every recognised one) or model ids separated by commas',
      number: 'proposal number (default: propose.number in dvk.config.yaml; leave blank to write by hand)',
      output: '.docx file to write; the .zip bundle is written beside it, with the same name (default: out/de-nghi-<year>-<level>-<to>.docx)',
      examples:
        '\nExamples:\n  dvk propose --to tinh\n  dvk propose --to tinh --select recognized --number 21 --date 2023-12-26\n  dvk propose --to tinh --select DT-2023-CA-01,DT-2023-HM-01 -o out/proposal.docx\n\nThe .zip holds the proposed models\' files, their score sheets at this level, the frameworks used, the evidence files and manifest.json (proposing body, git commit, date, a SHA-256 checksum for every file). The committee above takes it in with: dvk import de-nghi-2023-huyen-tinh.zip',
      needTo: (levels) => ({ message: 'Which level is the proposal for?', hint: `Add --to (one of ${l(levels, false)}), or set propose.to in dvk.config.yaml.` }),
      sameLevel: (level) => ({ message: `--to ${level} is the recognising level itself; a proposal goes to another level.`, hint: 'Give the level of the committee above, e.g. --to tinh.' }),
      unknownId: (id, suggestion) => ({
        message: `No model ${q(id)} in scope.`,
        hint: suggestion ? `Did you mean ${q(suggestion)}?` : 'See the model ids with "dvk score"; check --year and --level.',
      }),
      notRecognized: (id, level, reasons) => ({
        message: `Model ${id} is not recognised at ${level.toLowerCase()} level, so it cannot be proposed${reasons.length ? `: ${reasons.join('; ')}` : ''}.`,
        hint: `Only recognised models can be proposed; see "dvk score --explain ${id}".`,
      }),
      noneSelected: (select) => ({
        message: `No model to propose (--select ${select}).`,
        hint: 'With no exemplary model, use --select recognized, or give the ids of the models to propose.',
      }),
      done: (models, to, files, dirty) =>
        `Wrote the proposal to ${to.toLowerCase()} level for ${n(models)} model(s) and the bundle of ${n(files)} file(s).${dirty ? ' Note: some files in the bundle are not committed to git, so the commit in the manifest does not fully match the bundle.' : ''}`,
    },
    bundle: {
      mixed: (file) => ({ message: `${file} is not a proposal bundle (.zip); bundles are not imported together with sheets or forms.`, hint: 'Import the .zip bundles in one command and the other files in another.' }),
      sourceColumn: 'Source',
      carried: (id, origin) => `Framework ${id} of ${origin}, imported from a proposal bundle (dvk import); renamed so as not to clash with this workspace's frameworks.`,
      history: (level, origin) => `Score sheet of ${level.toLowerCase()} level from ${origin}, imported from a proposal bundle (dvk import), kept as history.`,
      notZip: (file) => ({ message: `${file} is not a readable proposal bundle (.zip).`, hint: 'Check that the file was downloaded whole; proposal bundles are made by "dvk propose".' }),
      noManifest: (file) => ({ message: `${file} has no manifest.json, so it is not a dvk proposal bundle.`, hint: 'Proposal bundles are made by "dvk propose"; do not unzip and re-zip them.' }),
      badManifest: (file, where) => ({ message: `manifest.json in ${file} is invalid (at ${where}).`, hint: 'The bundle was edited or damaged; ask the sender to make it again with "dvk propose".' }),
      mismatch: (file, entry, key) => ({
        message: `File ${entry} in bundle ${file} does not match manifest.json (${key === 'YAML' ? 'it cannot be read as YAML' : `it differs at key ${key}`}). Nothing was imported.`,
        hint: 'The bundle was edited; ask the sender to make it again with "dvk propose".',
      }),
      version: (file, version) => ({ message: `Bundle ${file} has format version ${version}; this dvk reads version 1 only.`, hint: 'Update dvk, then import again.' }),
      tampered: (file, entry, why) => ({
        message: `Bundle ${file} does not match its manifest.json: file ${entry} ${{ corrupt: 'is damaged and cannot be unpacked', missing: 'is listed but not in the bundle', unlisted: 'is in the bundle but not listed', checksum: 'has a SHA-256 checksum other than manifest.json says' }[why]}. Nothing was imported.`,
        hint: 'The bundle was edited or damaged on its way; ask the sender to send it again (compare the bundle\'s SHA-256 printed in the proposal).',
      }),
      noLevel: (level, levels) => ({
        message: `The bundle comes from level ${q(level)}, which this workspace does not have (levels: ${l(levels, false)}).`,
        hint: `Add ${level} to levels in dvk.config.yaml to keep that level's score sheets as history, then import again.`,
      }),
      header: (name, from, to, year, date, models, commit) =>
        `Proposal bundle from ${name}: ${from.toLowerCase()} level to ${to.toLowerCase()} level, year ${year}, dated ${date}, ${n(models)} model(s)${commit ? `; commit ${commit.slice(0, 10)}` : ''}.`,
      added: (id, file, wouldAdd) => `${wouldAdd ? 'Would add' : 'Added'} ${id}: ${file}`,
      framework: (id, as, file, written) => (written ? `Framework ${id}: stored as ${as} (${file}).` : `Framework ${id}: the same as ${file}, shared.`),
      skipped: (id, why) => `Skipped ${id}: ${why}.`,
      why: {
        imported: (file) => `imported before (${file})`,
        idTaken: (file) => `another model in this workspace has this id (${file})`,
        exists: (file) => `${file} already exists; dvk does not overwrite`,
        unitLevel: (level) => `unit level ${q(level)} is not among this workspace's levels`,
      },
      done: (added, skipped, dryRun) => `${dryRun ? 'Dry run, nothing written: would add' : 'Added'} ${n(added)} model(s)${skipped ? `; skipped ${n(skipped)}` : ''}.`,
      next: (level) => `Next: add the score sheets of ${level.toLowerCase()} level under assessments/, then "dvk validate" and "dvk score".`,
    },
    import: {
      source: (file, row) => `Imported from ${file}, row ${row} (dvk import).`,
      description: 'import models from a registration sheet (.xlsx or .csv: one model file per row, with the register step filled in), from filled .docx forms, or from a proposal bundle .zip of the level below (dvk propose)',
      file: '.xlsx or .csv (UTF-8) spreadsheet; the first row holds the column headers',
      map: 'assign a column to a key, as "Column header=key"; repeatable (keys: see below)',
      unit: 'name of the registering unit, for rows without a "Đơn vị đăng ký" column or cell',
      unitCode: 'short code of the unit, e.g. HM (default: the "Mã đơn vị" column, the code the workspace already uses for the unit, or the initials of its name)',
      level: 'the unit\'s level, for rows without a "Cấp" column or cell (default: the level the workspace already uses for the unit, or the first configured level)',
      year: 'the year of every row (default: the year of the row\'s registration date or period, then year in dvk.config.yaml)',
      field: 'field, for rows without a "Lĩnh vực" column or cell',
      type: 'model type, for rows without a "Loại" column or cell',
      sheet: 'worksheet to read in an .xlsx file: its name or number (default: the first with data)',
      dryRun: 'write nothing; list the files that would be written',
      examples: '\nExamples:\n  dvk import dang-ky-2023.xlsx --dry-run\n  dvk import dang-ky-2023.xlsx\n  dvk import dang-ky.csv --unit "Ủy ban MTTQ phường Hòa Mạc" --unit-code HM --field van-hoa-xa-hoi\n  dvk import bieu-mau.xlsx --map "Tên sáng kiến=name" --map "Kết quả mong đợi=outputs"\n\nColumns recognised (case, diacritics, punctuation and spacing ignored): Tên mô hình; Thực trạng, lý do; Mục tiêu, tiêu chí; Nội dung, cách thức; Địa bàn, đối tượng; Lực lượng tham gia; Nguồn lực, tiến độ; Sản phẩm đầu ra; Khả năng duy trì, nhân rộng; Đơn vị đăng ký; Mã đơn vị; Cấp; Lĩnh vực; Loại; Ngày đăng ký; Thời gian thực hiện; Ngày bắt đầu; Ngày kết thúc; Kinh phí; Ngày công; Họ và tên; Ghi chú.\nKeys for --map: name, problem, goals, content, area, forces, resources, outputs, sustainability, unit, unit_code, level, field, type, date, time, start, end, funds, workdays, person, notes; ignore to skip a column.\nFrom the "Nguồn lực, tiến độ" column dvk reads funds ("50 triệu đồng"), workdays ("200 ngày công") and the period ("từ 01/4/2023 đến 30/11/2023"); it never overwrites a file.\n\nExit codes: 0 every row imported (now or before); 1 rows skipped or the file unreadable; 2 usage or configuration error.',
      utf16: (file) => ({
        message: `${file} is saved as UTF-16 (Unicode Text); dvk reads CSV files in UTF-8 only.`,
        hint: 'Open it in Excel and use Save As with the type "CSV UTF-8 (Comma delimited) (*.csv)" or "Excel Workbook (*.xlsx)", then try again.',
      }),
      notUtf8: (file, line) => ({
        message: `${file} is not UTF-8 text (unexpected bytes on line ${n(line)}); it was probably saved in a legacy encoding (Windows-1258, TCVN3), which would garble the Vietnamese text.`,
        hint: 'Open it in Excel and use Save As with the type "CSV UTF-8 (Comma delimited) (*.csv)" or "Excel Workbook (*.xlsx)", then try again.',
      }),
      oldXls: (file) => ({
        message: `${file} is an old-style Excel workbook (.xls); dvk reads .xlsx and .csv only.`,
        hint: 'Open it in Excel or LibreOffice, save it as "Excel Workbook (*.xlsx)", then try again.',
      }),
      unknownFormat: (file) => ({ message: `Cannot read ${file}: dvk reads .xlsx and .csv spreadsheets only.`, hint: 'Save the registration sheet as .xlsx or CSV UTF-8 and try again.' }),
      badXlsx: (file, detail) => ({
        message: `Cannot read ${file} as an .xlsx workbook (${detail}).`,
        hint: 'Check that it opens in Excel; if it does, save it again as .xlsx or CSV UTF-8 and try again.',
      }),
      badCsv: (file, line) => ({
        message: `${file} has a CSV syntax error on line ${n(line)}.`,
        hint: 'Usually an unclosed double quote ("). Fix that cell in Excel and save again as CSV UTF-8.',
      }),
      noSheet: (name, names) => ({ message: `No worksheet ${q(name)}.`, hint: `Worksheets: ${l(names)}.` }),
      noRows: (file) => ({ message: `${file} has no data rows below the header row.`, hint: 'The first row holds the column headers, each row after it one model.' }),
      badMap: (value) => ({ message: `--map ${q(value)} is not in the right form.`, hint: 'Write "Column header=key", e.g. --map "Tên sáng kiến=name".' }),
      unknownKey: (key, keys, suggestion) => ({
        message: `No key ${q(key)} for --map.`,
        hint: suggestion ? `Did you mean ${suggestion}? Keys: ${keys.join(', ')}; or ignore to skip the column.` : `Choose one of: ${keys.join(', ')}; or ignore to skip the column.`,
      }),
      mapNoColumn: (header, headers) => ({ message: `The sheet has no column ${q(header)} named in --map.`, hint: `The sheet's columns: ${l(headers)}.` }),
      noNameColumn: (headers) => ({
        message: 'No column holds the model name.',
        hint: `Give the column the header "Tên mô hình", or add --map "Column header=name". The sheet's columns: ${l(headers)}.`,
      }),
      noUnit: { message: 'The sheet has no column for the registering unit.', hint: 'Add a "Đơn vị đăng ký" column, or give --unit "Unit name" (and --unit-code).' },
      noField: { message: 'The sheet has no column for the field.', hint: 'Add a "Lĩnh vực" column (Kinh tế; Văn hóa - xã hội; Quốc phòng - an ninh; Xây dựng hệ thống chính trị), or give --field.' },
      unusedColumns: (headers) => `${headers.length === 1 ? 'Column' : `${n(headers.length)} columns`} not used: ${l(headers)}; to import one, add --map "Column header=key".`,
      created: (file, id, row) => `Created ${file} (id ${id}) from row ${n(row)}.`,
      wouldCreate: (file, id, row) => `Would create ${file} (id ${id}) from row ${n(row)}.`,
      skipped: (row, problems) => `Skipped row ${n(row)}: ${problems.join('; ')}.`,
      done: (count, rows, already, dryRun) =>
        count === 0 && rows.length === 0 && already > 0
          ? `Nothing new: ${already === 1 ? 'the one row was' : `all ${n(already)} rows were`} imported before (the models are in the workspace).`
          : `${dryRun ? 'Dry run, nothing written: would create' : 'Created'} ${n(count)} file${count === 1 ? '' : 's'}${already ? `; ${n(already)} row${already === 1 ? ' was' : 's were'} imported before` : ''}${rows.length ? `; skipped ${n(rows.length)} row${rows.length === 1 ? '' : 's'}: ${rows.map((r) => n(r)).join(', ')}` : ''}.`,
      notZip: 'not an .xlsx zip package',
      next: 'Run "dvk validate" to check them, then fill in what is still missing.',
      problem: {
        missingName: 'no model name',
        missingUnit: 'no registering unit',
        missingField: 'no field',
        badField: (value) => `unknown field ${q(value)} (write Kinh tế, Văn hóa - xã hội, Quốc phòng - an ninh or Xây dựng hệ thống chính trị)`,
        badType: (value) => `unknown type ${q(value)} (write "tập thể" or "cá nhân")`,
        badLevel: (value, levels) => `level ${q(value)} is not among the levels (${levels.join(', ')})`,
        badDate: (value, column) => `date ${q(value)} in column ${q(column)} does not exist or cannot be read (write day/month/year, e.g. 15/3/2023)`,
        badMoney: (value, column) => `cannot read the amount ${q(value)} in column ${q(column)} (write e.g. 50 triệu đồng or 50.000.000 đồng)`,
        badCount: (value, column) => `${q(value)} in column ${q(column)} is not a whole number`,
        noYear: 'the year is not known (add --year, year in dvk.config.yaml, or a registration date)',
        badYear: (year) => `year ${year} is outside 2000–2100`,
        startBeforeDate: (start, date) => `start date ${start} is before the registration date ${date}`,
        endBeforeStart: (end, start) => `end date ${end} is before the start date ${start}`,
        exists: (file) => `${file} already exists; dvk does not overwrite it`,
        sameFile: (file, row) => `same file ${file} as row ${n(row)}`,
        idTaken: (id) => `id ${id} is already used by a model`,
        invalid: (detail) => `the data made is invalid: ${detail}`,
      },
    },
    fmt: {
      description: 'format YAML files canonically (keys in schema order, Unicode NFC, comments kept) so that changes in git stay small and easy to review',
      paths: 'files or folders to format (default: the whole workspace)',
      check: 'check only: list the files that are not formatted, exit 1 if any',
      write: 'rewrite the files that are not formatted',
      examples: '\nExamples:\n  dvk fmt --check                   list the files that are not formatted\n  dvk fmt --write                   format the whole workspace\n  dvk fmt --write models/2023/HM\n  dvk fmt models/2023/HM/rac.yaml   print the file formatted\n\nWith neither --check nor --write: one file is printed formatted; several files are checked as with --check.\nExit codes: 0 every file is formatted or was written; 1 some file is not formatted (with --check) or has errors and was skipped; 2 usage error; 70 internal error.',
      stdinWrite: { message: 'Standard input (-) cannot be rewritten with --write.', hint: 'Leave out --write: dvk fmt - prints the formatted text to standard output.' },
      checkAndWrite: { message: 'Use either --check or --write, not both.', hint: 'Use --check to see which files are not formatted, --write to rewrite them.' },
      unformatted: (changed, total) => `${n(changed)} of ${count(total, 'file')} ${changed === 1 ? 'is' : 'are'} not formatted; run "dvk fmt --write" to fix them.`,
      formatted: (total, clean) => `${clean ? '✔ ' : ''}${total === 1 ? `1 ${clean ? '' : 'other '}file is` : `${n(total)} ${clean ? '' : 'other '}files are`} formatted.`,
      written: (changed, total, clean) => (changed ? `Formatted ${n(changed)} of ${count(total, 'file')}.` : `${clean ? '✔ ' : ''}${total === 1 ? '1 file is' : `${n(total)} files are`} formatted; nothing to rewrite.`),
      skipped: (files) => `Skipped ${count(files, 'file')} with errors; fix the errors above and run "dvk fmt" again.`,
      unsafe: (file, why) => ({
        message: `Internal error in dvk: formatting ${file} would ${why === 'meaning' ? 'change its data' : 'lose or alter a comment'}, so the file was left as it is.`,
        hint: 'This is a bug in the program, not in your data. Please send this file to the developers.',
      }),
      failed: (file, detail) => ({
        message: `Internal error in dvk while formatting ${file}: ${detail}`,
        hint: 'The file was left as it is. This is a bug in the program, not in your data; please send this file to the developers.',
      }),
    },
    prompts: {
      intro: 'A new model file: answer each question; Enter takes the value in square brackets.',
      name: 'Model name: ',
      unit: 'Unit carrying it out: ',
      unitCode: (initials) => `Short code of the unit, used in model ids [${initials}]: `,
      field: 'Field (1 economy, 2 culture–society, 3 defence–security, 4 political system): ',
      type: 'Type (1 collective model, 2 individual exemplar) [1]: ',
      level: (levels, initial) => `Level of the unit (${levels.join(', ')}) [${initial}]: `,
      year: (year) => `Year [${year}]: `,
      again: (answer) => (answer ? `Cannot use ${q(answer)}; try again.` : 'An answer is needed.'),
      cancelled: { message: 'Cancelled; no file written.' },
    },
    newCommand: 'create a new file from a template',
    newModel: {
      description: 'create a new model file, with a Vietnamese comment on every key',
      file: 'file path (default: models/<year>/<unit code>/<name>.yaml)',
      name: 'the model\'s name',
      type: 'model type',
      field: 'field',
      unit: 'name of the unit carrying it out',
      unitCode: 'short code of the unit, e.g. HM',
      level: 'the unit\'s level',
      year: 'year',
      id: 'model id (default: made from id_pattern in dvk.config.yaml)',
      examples: '\nExample:\n  dvk new model --name "Dân vận khéo trong xây dựng nông thôn mới" --unit "UBND xã Mộc Nam" --unit-code MN --field kinh-te',
      missingFlags: (flags) => ({
        message: `Missing ${l(flags, false)}: dvk asks only on a terminal; here every option must be given.`,
        hint: 'For example: dvk new model --name "Skilful mobilisation for new rural areas" --unit "Moc Nam commune" --unit-code MN --field kinh-te',
      }),
      badId: (id) => ({ message: `Invalid id ${q(id)}.`, hint: 'Ids use capital letters without diacritics, digits and hyphens, e.g. DT-2023-HM-01.' }),
      idTaken: (id) => ({ message: `Id ${q(id)} is already used by a model.`, hint: 'Choose another with --id, or leave --id out to have one made.' }),
      exists: (file) => ({ message: `${file} already exists; dvk does not overwrite it.`, hint: 'Choose another file name or remove the old file.' }),
      created: (file, id) => `Created ${file} (id ${id}). Fill it in, then run "dvk validate ${file}".`,
    },
    forms: {
      description: 'fillable Word forms (.docx) for units to fill in and send back: a registration form, the review form of one model',
      register: 'a blank registration form, with the unit and year filled in if given',
      review: 'the review (step 4) form of one model, filled in with what its file already holds',
      id: 'model id, e.g. DT-2023-CA-01',
      output: '.docx file to write (default: out/phieu-dang-ky-<year>.docx or out/phieu-tong-ket-<id>.docx)',
      unit: 'unit name to print on the form',
      year: 'year to print on the form (default: year in dvk.config.yaml)',
      examples:
        '\nExamples:\n  dvk form register --unit "Ủy ban MTTQ phường Hòa Mạc"\n  dvk form review DT-2023-QS-01 -o phieu-tong-ket-qs.docx\n  dvk import phieu-dang-ky-hoa-mac.docx phieu-tong-ket-qs.docx\n  dvk import forms-folder/\n\nUnits fill the form in Word or LibreOffice (or on paper, typed in later) and keep its headings; "dvk import" reads filled forms into model files.',
      written: (file) => `Wrote ${file}.`,
      next: 'Send the form to the unit to fill in with Word or LibreOffice, then import it: dvk import <form>.docx',
      badOutput: (file) => ({ message: `${q(file)} does not end in .docx.`, hint: 'A form is a Word document: give a file name ending in .docx.' }),
      noModel: (id, near) => ({
        message: `No model with id ${q(id)} in the workspace (or its file has errors).`,
        hint: near ? `Did you mean ${near}? "dvk status" lists the models' ids.` : '"dvk status" lists the models\' ids; run "dvk validate" if the file has errors.',
      }),
      importFiles: 'or filled .docx forms (files or folders; see "dvk form --help"), or proposal bundles (.zip)',
      update: 'let a form replace what a model file already holds (by default a form only fills what is empty)',
      notDocx: (file) => ({ message: `${file} is not a Word .docx document.`, hint: 'Open it in Word or LibreOffice and save it as "Word Document (*.docx)".' }),
      oldWord: (file) => ({ message: `${file} is an old-style Word document (.doc).`, hint: 'Open it in Word or LibreOffice, save it as "Word Document (*.docx)", then import it again.' }),
      badXml: (file, detail) => ({ message: `${file} is damaged; its content cannot be read (${detail}).`, hint: 'Open it in Word or LibreOffice; if it opens, save it again and import it again.' }),
      notForm: (file) => ({
        message: `${file} is not a dvk form: it has no "dvk-form …" line or form property.`,
        hint: 'Only forms made by "dvk form register" or "dvk form review" can be imported. Save a registration sheet with many models as .xlsx or .csv.',
      }),
      otherVersion: (file, kind, version, supported) => ({
        message: `${file} is a ${kind} form of version ${version}; this dvk reads version ${supported} only, so it does not read it rather than misread it.`,
        hint: version > supported ? 'Update dvk, then import it again.' : `Make a new form with "dvk form ${kind}", copy the answers into it and import that.`,
      }),
      unknownKind: (file, kind) => ({ message: `${file} is a form of kind ${q(kind)}, which dvk does not know.`, hint: 'dvk reads registration (register) and review forms.' }),
      conflict: (file, ids) => ({
        message: `${file} names its form inconsistently (${ids.join(', ')}); dvk does not read it rather than misread it.`,
        hint: 'Make the form again with "dvk form", copy the answers into it and import that.',
      }),
      noForms: (folder) => ({ message: `The folder ${folder} holds no .docx file.`, hint: 'Copy the filled forms into it, or name each file.' }),
      mixed: { message: 'Forms (.docx) cannot be imported together with a spreadsheet.', hint: 'Run "dvk import" for the spreadsheet (.xlsx, .csv) and for the forms (.docx) separately.' },
      oneSheet: { message: 'One spreadsheet at a time.', hint: 'Run "dvk import" for each spreadsheet.' },
      source: (file) => `Nhập từ phiếu ${file} (dvk import).`,
      created: (file, id, form) => `Created ${file} (id ${id}) from ${form}.`,
      wouldCreate: (file, id, form) => `Would create ${file} (id ${id}) from ${form}.`,
      updated: (file, id, keys, form) => `Updated ${file} (id ${id}: ${keys.join(', ')}) from ${form}.`,
      wouldUpdate: (file, id, keys, form) => `Would update ${file} (id ${id}: ${keys.join(', ')}) from ${form}.`,
      refused: (form, reason) => `Skipped ${form}: ${reason}`,
      withErrors: 'the form has errors (see above); correct it and import it again.',
      overwrite: (file, keys) => `the form would replace what ${file} holds (${keys.join(', ')}); add --update if that is what you want.`,
      unknownModel: (id) => `no model with id ${id} in the workspace (or its file has errors).`,
      sameModel: (id, form) => `${form} is also for model ${id}; import one form per model at a time.`,
      invalid: (detail) => `the data made is invalid: ${detail}`,
      done: (s) =>
        `${s.dryRun ? 'Dry run, nothing written: ' : ''}${s.forms} form${s.forms === 1 ? '' : 's'}: ${s.dryRun ? 'would create' : 'created'} ${s.created}, ${s.dryRun ? 'would update' : 'updated'} ${s.updated}, ${s.unchanged} with nothing new, ${s.refused} skipped.`,
      validateNext: 'Run "dvk validate" to check the files written.',
      problem: {
        missing: (label) => ({ message: `The field ${q(label)} is not in the form (both its control and its label were removed or changed).`, hint: `Add the line "${label}: …" back, or make a new form with "dvk form".` }),
        empty: (label) => ({ message: `The field ${q(label)} is empty.`, hint: 'Fill it in on the form and import it again (or write it into the model file); while it is empty the step is not complete.' }),
        emptyRequired: (label) => ({ message: `The field ${q(label)} is empty, so no model file can be made.`, hint: 'Fill it in on the form and import it again.' }),
        badDate: (label, value) => ({ message: `${q(label)}: ${q(value)} is not a real date or cannot be read.`, hint: 'Write day/month/year, e.g. 15/3/2023.' }),
        badMoney: (label, value) => ({ message: `${q(label)}: cannot read the amount ${q(value)}.`, hint: 'Write e.g. 50 triệu đồng or 50.000.000.' }),
        badCount: (label, value) => ({ message: `${q(label)}: ${q(value)} is not a whole number.`, hint: 'Write a number, e.g. 1.200 or 1200.' }),
        badYear: (label, value) => ({ message: `${q(label)}: ${q(value)} is not a year (four digits, 2000 to 2100).`, hint: 'Write e.g. 2023.' }),
        badChoice: (label, value, choices) => ({ message: `${q(label)}: ${q(value)} is not one of this field's choices.`, hint: `Write one of: ${choices.join(', ')}.` }),
        rowNoName: (label, row) => ({ message: `${q(label)}, row ${row} of the table: the first column is empty.`, hint: 'Write the name in the first column, or delete the row.' }),
        rowBadValue: (label, row, value) => ({ message: `${q(label)}, row ${row} of the table: ${value ? `${q(value)} is not a number` : 'no figure'}.`, hint: 'Write the figure as a number, e.g. 3,5 or 120.' }),
        notTable: (label) => ({ message: `${q(label)}: no table found; the text cannot be read.`, hint: 'Write each result on a row of the form\'s table: result, figure, unit.' }),
        noFigures: { message: 'No figure under "Kết quả đạt được".', hint: 'Give at least one figure: participants, households, funds, workdays or another result.' },
        levelDefault: (level) => ({ message: `"Cấp của đơn vị" is empty; dvk uses ${level}.`, hint: 'If that is wrong, write the level on the form and import it again with --update, or edit unit.level in the model file.' }),
        noYear: { message: 'No year: the form gives no year, registration date or start date.', hint: 'Fill in "Năm đăng ký" or "Ngày đăng ký" and import the form again.' },
        startBeforeDate: (start, date) => ({ message: `The start ${start} is before the registration date ${date}.`, hint: 'Correct one of the two dates on the form and import it again.' }),
        endBeforeStart: (end, start) => ({ message: `The end ${end} is before the start ${start}.`, hint: 'Correct one of the two dates on the form and import it again.' }),
        reviewBeforeStart: (date, start) => ({ message: `The review date ${date} is before the model's start ${start}.`, hint: 'Correct the review date on the form and import it again.' }),
        modelMismatch: (ids) => ({ message: `The form names different model ids (${ids.join(', ')}).`, hint: 'Make the form again with "dvk form review <id>" and copy the answers into it.' }),
      },
    },
    places: {
      notFolder: (dir) => ({ message: `${q(dir)} is not a folder.`, hint: 'With -C, give the folder of the workspace.' }),
      placed: (top, sub, files) =>
        `The workspace is ${sub} in the git repository whose top is ${top}: ${l(files, false)} went to the top of the repository, because GitHub and pre-commit read them only there; the paths inside count from there.`,
      kept: (file, text) => {
        const why =
          file === '.github/CODEOWNERS' ? 'GitHub reads one CODEOWNERS file only; add these lines to it:'
          : file === '.pre-commit-config.yaml' ? 'pre-commit reads the file at the top only; add this entry to its repos: list:'
          : 'GitHub runs every file in .github/workflows/; save this as another file there (e.g. dvk-workspace.yml), or merge it into the existing one:';
        return `Warning: ${file} already exists at the top of the git repository; dvk did not overwrite it. ${why}\n${text.replace(/^/gm, '    ')}`;
      },
    },
  },
  safety: {
    pathOutside: (name, value) => ({
      message: `paths.${name} leads out of the workspace: ${q(value)}.`,
      hint: 'Write a path relative to the folder of dvk.config.yaml, without .. and not absolute.',
    }),
    outAmongInputs: (value, name) => ({
      message: `paths.out (${q(value)}) is, holds or lies in the data folder ${name}: documents could replace data.`,
      hint: 'Give paths.out a folder of its own, e.g. out.',
    }),
    controlCharacter: (code, at) => ({
      message: `The text holds the control character ${code} (character ${n(at)}): invisible, but it can garble a terminal, a CI log or a document.`,
      hint: 'Delete it: type the text again, or paste it as plain text.',
    }),
    outputExtension: (file, ext) => ({
      message: `Not writing ${file}: the output file must end in ${ext}.`,
      hint: `Name a file that ends in ${ext}, e.g. out/decision${ext}.`,
    }),
    outputNotFile: (file) => ({
      message: `Not writing ${file}: it is not a regular file (a folder, a device or a FIFO).`,
      hint: 'Write to a file in the out/ folder.',
    }),
    outputNotFolder: (dir) => ({
      message: `Not writing into ${dir}: it is not a folder.`,
      hint: 'With --by, -o names a folder (dvk makes it if needed).',
    }),
    outputIsInput: (file) => ({
      message: `Not writing ${file}: it is an input of the workspace (the config, a model, a score sheet, a framework or evidence).`,
      hint: 'Documents go to the out/ folder; they never replace data.',
    }),
    tooLarge: (file, bytes, max) => ({
      message: `${file} is too large: ${n(bytes)} bytes, the limit is ${n(max)} bytes.`,
      hint: 'Split the sheet into smaller files and import each.',
    }),
    notRegular: (file) => ({
      message: `${file} is not a regular file (a folder, a FIFO or a device).`,
      hint: 'Name an .xlsx or .csv file.',
    }),
    unreadable: (folder, reason) => ({
      message: `Cannot read this ${folder ? 'folder' : 'file'}: ${reason === 'not-regular' ? 'it is not a regular file (a FIFO, a device or a socket)' : reason === 'broken-link' ? 'a symbolic link to nothing' : (FILE_ERROR_WORDS[reason] ?? reason)}.`,
      hint: 'Make it readable, repair it or remove it. While a file cannot be read, dvk scores nothing and writes no document: a model may be missing.',
    }),
    link: (target) => ({
      message: `A symbolic link leads to ${q(target)}, where dvk does not read (outside the workspace, in a hidden folder, out/ or evidence/).`,
      hint: 'dvk does not follow links: it reads each file where it lies. Copy the file in instead of the link, or remove the link.',
    }),
  },
};
