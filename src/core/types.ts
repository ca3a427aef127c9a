// Plain data shared by every layer. Core functions take and return these; nothing here does I/O.

export type Severity = 'error' | 'warning';

/** One finding about one place in one file (DESIGN.md §4). Lines and columns count from 1. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  hint?: string;
}

export type Kind = 'model' | 'assessment' | 'criteria' | 'config';
export const KINDS: readonly Kind[] = ['model', 'assessment', 'criteria', 'config'];

export const STEPS = ['register', 'implement', 'inspect', 'review'] as const;
export type StepName = (typeof STEPS)[number];

export const FIELDS = ['kinh-te', 'van-hoa-xa-hoi', 'quoc-phong-an-ninh', 'xay-dung-he-thong-chinh-tri'] as const;
export type Field = (typeof FIELDS)[number];

export const MODEL_TYPES = ['collective', 'individual'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

/** A JSON pointer split into its segments: ['steps', 'register', 'date']. */
export type Path = readonly (string | number)[];

export interface Model {
  kind: 'model';
  version: 1;
  id: string;
  name: string;
  type: ModelType;
  field: Field;
  year: number;
  unit: { name: string; code?: string; level: string; parent?: string };
  person?: { name: string; position?: string; birth_year?: number };
  steps: {
    register?: RegisterStep;
    implement?: { activities?: Activity[]; notes?: string };
    inspect?: Inspection[];
    review?: ReviewStep;
  };
  evidence?: { title?: string; file: string }[];
  notes?: string;
  /** Where the model was proposed from (written by `dvk import` of a proposal bundle). */
  source?: ModelSource;
}

export interface ModelSource {
  name: string;
  place?: string;
  level: string;
  date: string;
  commit?: string;
  file?: string;
}

export interface RegisterStep {
  date?: string;
  problem?: string;
  goals?: string[];
  content?: string;
  area?: string;
  forces?: { name: string; role?: string }[];
  resources?: { funds_vnd?: number; socialized_vnd?: number; workdays?: number; facilities?: string };
  start?: string;
  end?: string;
  outputs?: string[];
  sustainability?: string;
}

export interface Activity {
  date?: string;
  title?: string;
  participants?: number;
  description?: string;
}

export interface Inspection {
  date?: string;
  by?: string;
  findings?: string;
  verdict?: 'on-track' | 'behind' | 'off-track';
  recommendations?: string;
}

export interface ReviewResults {
  participants?: number;
  households?: number;
  funds_vnd?: number;
  workdays?: number;
  other?: { label: string; value: number; unit?: string }[];
}

export interface ReviewStep {
  date?: string;
  results?: ReviewResults;
  summary?: string;
  lessons?: string[];
  replication?: string;
}

/** One step of a model: present, complete, and what it lacks ("goals", "activities[0].date"). */
export interface StepState {
  step: StepName;
  present: boolean;
  complete: boolean;
  missing: string[];
}

/**
 * A model as dvk keeps it once checked: what the cross-file rules, scores and documents need,
 * with each step's state worked out from the whole file. The steps keep only their dates and
 * the review's results and summary; the rest of their text is left in the file.
 */
export interface ModelInfo extends Omit<Model, 'steps' | 'notes'> {
  steps: {
    register?: Pick<RegisterStep, 'date' | 'start' | 'end'>;
    review?: Pick<ReviewStep, 'date' | 'results' | 'summary'>;
  };
  /** The four steps in order. */
  states: StepState[];
}

export type Scores = Record<string, number>;

export interface Assessment {
  kind: 'assessment';
  version: 1;
  model: string;
  level: string;
  framework: string;
  date?: string;
  scores?: Scores;
  assessors?: { name?: string; role?: string; scores: Scores }[];
  note?: string;
}

export interface Criterion {
  id: string;
  title: string;
  description?: string;
  max: number;
  step?: StepName;
}

export interface CriteriaGroup {
  id: string;
  title: string;
  description?: string;
  criteria: Criterion[];
}

export interface Gate {
  id: string;
  title?: string;
  require_steps?: StepName[];
  min_months?: number;
}

export type Aggregation = 'mean' | 'median' | 'trimmed-mean';

export interface ClassDef {
  id: string;
  label: string;
  min: number;
}

export interface Framework {
  kind: 'criteria';
  version: 1;
  id: string;
  title: string;
  note?: string;
  applies_to?: { types?: ModelType[]; fields?: 'all' | Field[] };
  groups: CriteriaGroup[];
  gates?: Gate[];
  aggregation?: Aggregation;
  rounding?: number;
  classes: ClassDef[];
  recognition?: {
    min_class?: string;
    min_group_ratio?: number;
    exemplary?: { min_class: string };
  };
}

export interface LevelDef {
  id: string;
  label?: string;
}

export type RuleSetting = 'error' | 'warning' | 'off';

export interface Config {
  kind?: 'config';
  version?: 1;
  lang?: 'vi' | 'en';
  year?: number;
  level?: string;
  id_pattern?: string;
  paths?: Partial<Record<'models' | 'assessments' | 'criteria' | 'evidence' | 'out', string>>;
  levels?: (string | LevelDef)[];
  issuer?: { format?: 'party' | 'state'; superior?: string; name?: string; short?: string; place?: string };
  signer?: { authority?: string; title?: string; name?: string };
  rules?: Record<string, RuleSetting>;
  numbering?: { decision?: string; report?: string; certificate?: string; proposal?: string };
  decision?: {
    number?: number | string;
    date?: string;
    summary?: string;
    authority?: string;
    bases?: string[];
    proposal?: string;
    effect?: string;
    implementers?: string;
    recipients?: string[];
  };
  report?: {
    number?: number | string;
    date?: string;
    summary?: string;
    intro?: string;
    directions?: string[];
    recipients?: string[];
  };
  certificate?: {
    date?: string;
    title?: string;
    orientation?: 'landscape' | 'portrait';
    border?: boolean;
    layout?: Partial<Record<CertificateItem, LayoutBox | false>>;
  };
  propose?: {
    to?: string;
    recipient?: string;
    select?: 'exemplary' | 'recognized' | string[];
    number?: number | string;
    date?: string;
    summary?: string;
    bases?: string[];
    closing?: string;
    recipients?: string[];
  };
  document?: {
    font?: string;
    margins_mm?: Partial<Record<'top' | 'bottom' | 'left' | 'right', number>>;
    sizes?: Partial<Record<DocumentSize, number>>;
    line_spacing?: number;
    paragraph_spacing_pt?: number;
    annex_landscape?: boolean;
  };
}

export type DocumentSize =
  | 'national' | 'motto' | 'agency' | 'number' | 'date' | 'title' | 'summary'
  | 'body' | 'table' | 'recipients_heading' | 'recipients' | 'signature';

/** The variable texts of a certificate, each placed on its own on a pre-printed blank. */
export const CERTIFICATE_ITEMS = ['issuer', 'number', 'name', 'person', 'unit', 'recognition', 'decision', 'date', 'signer'] as const;
export type CertificateItem = (typeof CERTIFICATE_ITEMS)[number];

/** A box on the sheet, in millimetres from its top-left corner; sizes in points. */
export interface LayoutBox {
  x: number;
  y: number;
  width: number;
  height?: number;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
}
