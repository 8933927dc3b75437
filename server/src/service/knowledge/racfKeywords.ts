// Typed view over racdcert-reference.json (copied from shared/docs; a test keeps the copy identical).
// The JSON is the only source of truth: this module reshapes it for lookups and never adds a keyword,
// value or limit of its own. Where the reference's keyword table for a function is thinner than its
// syntax form (REKEY, ALTMAP, the token functions ...), the keywords are read from the form itself and
// marked as such, so a hover can say how strong the evidence is.
import reference from './racdcert-reference.json';

/** Where a keyword definition comes from, weakest last. */
export type RacfKeywordOrigin =
  /** the function's own keyword table in the reference */
  | 'table'
  /** named in the function's syntax form; described under the same keyword of another function */
  | 'borrowed'
  /** named in the syntax form only; nothing more is known */
  | 'form'
  /** a companion command keyword read from the command forms the reference quotes */
  | 'companion';

export interface RacfLimit {
  maxLength?: number;
  pattern?: string;
  notes?: string;
  source?: string;
  uncertain?: boolean;
}

export interface RacfKeywordDef {
  /** Canonical upper-case spelling. */
  name: string;
  /** The reference's value type: flag, userid, quoted-string, subfield, keyword-list, date, ... */
  valueType: string;
  notes?: string;
  source?: string;
  uncertain?: boolean;
  since?: string;
  form?: string;
  /** Allowed keyword values (USAGE, FORMAT, KEYUSAGE, RACLIST classes ...). */
  values?: readonly string[];
  default?: string;
  required?: boolean;
  /** False where the reference says the value is written without apostrophes (ALTNAME IP). */
  quoted?: boolean;
  /** Date/time format (ccyy-mm-dd, hh:mm:ss). */
  format?: string;
  /** Length and character limits of the value, from the keyword or the reference's `limits`. */
  limit?: RacfLimit;
  /** Release from which several values of one type are allowed (ALTNAME). */
  multipleSince?: string;
  /** Spellings seen in real files besides the unique-prefix rule (REFRESH → REFR). */
  abbreviations?: readonly string[];
  /** Nested keywords, keyed by upper-case name. */
  subkeywords: ReadonlyMap<string, RacfKeywordDef>;
  /** Groups of nested keywords that exclude each other. */
  conflicts?: readonly (readonly string[])[];
  origin: RacfKeywordOrigin;
  /** For origin 'borrowed': the function whose table describes the keyword. */
  borrowedFrom?: string;
}

export interface RacfIssuingOptions {
  tso: boolean;
  operatorCommand: boolean;
  commandDirection: boolean;
  parameterLibrary: boolean;
  notes?: string;
  source?: string;
}

export interface RacdcertFunctionDef {
  name: string;
  summary: string;
  form: string;
  source: string;
  uncertain?: boolean;
  since?: string;
  /**
   * The function keyword's own parenthesised operand: a positional value (GENCERT('dsn'),
   * ADDRING(ring)) or nested keywords (CONNECT(LABEL(..) RING(..))). Its `required` says whether
   * the parentheses must be written.
   */
  operand?: RacfKeywordDef;
  /** Keywords written beside the function keyword (not including the function keyword itself). */
  keywords: ReadonlyMap<string, RacfKeywordDef>;
  conflicts: readonly (readonly string[])[];
  requires: readonly (readonly string[])[];
  implies: readonly string[];
  authority?: string;
  authoritySource?: string;
  authorityUncertain?: boolean;
  /** Classes to refresh with SETROPTS RACLIST(...) REFRESH after this function. */
  refresh: readonly string[];
  messages: readonly string[];
  notes: readonly string[];
  forbiddenOwners: readonly string[];
  forbiddenOwnersMessage?: string;
  issuingOptions?: RacfIssuingOptions;
  /** True for ADDTOKEN, DELTOKEN, LISTTOKEN, BIND, UNBIND, IMPORT (PKCS #11 token functions). */
  tokenFunction: boolean;
}

export type RacfCommandName = 'RACDCERT' | 'SETROPTS' | 'PERMIT' | 'RDEFINE' | 'RALTER' | 'RLIST';

export interface RacfPositionalDef {
  name: string;
  valueType: string;
  notes?: string;
}

export interface RacfCommandDef {
  name: RacfCommandName;
  /** Other names the reference documents for the command (SETROPTS → SETR). */
  abbreviations: readonly string[];
  summary: string;
  /** Command forms as the reference quotes them. */
  forms: readonly string[];
  positionals: readonly RacfPositionalDef[];
  keywords: ReadonlyMap<string, RacfKeywordDef>;
  /**
   * False when the reference quotes only a few uses of the command: a keyword outside `keywords`
   * is then unknown to us, not invalid.
   */
  keywordsComplete: boolean;
  /** False for a command the reference names nowhere (RALTER): recognised, nothing more. */
  documented: boolean;
  source?: string;
  uncertain?: boolean;
  notes?: string;
}

// ---------------------------------------------------------------------------------------------
// Raw JSON shapes (only what this module reads).

interface RawKeyword {
  valueType: string;
  notes?: string;
  source?: string;
  uncertain?: boolean;
  since?: string;
  form?: string;
  values?: string[];
  default?: string;
  required?: boolean;
  quoted?: boolean;
  format?: string;
  maxLength?: number;
  pattern?: string;
  multipleSince?: string;
  subkeywords?: Record<string, RawKeyword>;
  conflicts?: string[][];
  totalMaxLength?: { value: number; notes?: string; source?: string; uncertain?: boolean };
  tokenSyntaxUncertain?: boolean;
}

interface RawFunction {
  summary: string;
  form: string;
  source: string;
  uncertain?: boolean;
  since?: string;
  positional?: RawKeyword & { uncertainNote?: string };
  keywords: Record<string, RawKeyword>;
  conflicts?: string[][];
  requires?: string[][];
  implies?: string[];
  authority?: string;
  authoritySource?: string;
  authorityUncertain?: boolean;
  refresh?: string[];
  messages?: string[];
  notes?: string[];
  forbiddenOwners?: string[];
  forbiddenOwnersMessage?: string;
  issuingOptions?: RacfIssuingOptions;
}

interface RawLimit {
  value?: number;
  maxLength?: number;
  length?: number;
  pattern?: string;
  notes?: string;
  source?: string;
  uncertain?: boolean;
}

export const RACF_SOURCES: Readonly<Record<string, string>> = reference.sources as Record<string, string>;

/**
 * The first URL a source id names ("R3" → https://…), for diagnostics' codeDescription and hover
 * links. Accepts a list ("R1,R12,corpus"); ids without a URL (corpus, keySizes) are skipped.
 */
export function sourceUrl(sourceIds: string | undefined): string | undefined {
  for (const id of (sourceIds ?? '').split(/[,\s]+/)) {
    const text = RACF_SOURCES[id.trim()];
    const m = text ? /https?:\/\/\S+/.exec(text) : null;
    if (m) {
      return m[0].replace(/[),;]+$/, '');
    }
  }
  return undefined;
}

const RAW_FUNCTIONS = reference.functions as unknown as Record<string, RawFunction>;
const RAW_LIMITS = reference.limits as unknown as Record<string, RawLimit>;

/** Functions that manage PKCS #11 tokens (reference §3.13). */
const TOKEN_FUNCTIONS = new Set(['ADDTOKEN', 'DELTOKEN', 'LISTTOKEN', 'BIND', 'UNBIND', 'IMPORT']);

// ---------------------------------------------------------------------------------------------
// Limits: the reference keeps them in one table; attach them to the keywords they govern.

function limitFrom(raw: RawLimit | undefined): RacfLimit | undefined {
  if (!raw) {
    return undefined;
  }
  const max = raw.value ?? raw.maxLength ?? raw.length;
  return {
    maxLength: max,
    pattern: raw.pattern,
    notes: raw.notes,
    source: raw.source,
    uncertain: raw.uncertain,
  };
}

export const LIMITS = {
  label: limitFrom(RAW_LIMITS.labelMaxLength)!,
  ringName: limitFrom(RAW_LIMITS.ringNameMaxLength)!,
  pkdsLabel: limitFrom(RAW_LIMITS.pkdsLabel)!,
  subjectDn: limitFrom(RAW_LIMITS.subjectDnMaxLength)!,
  dnFilter: limitFrom(RAW_LIMITS.dnFilterMaxLength)!,
  digtcertProfileName: limitFrom(RAW_LIMITS.digtcertProfileNameMax)!,
  pkcs12Password: limitFrom(RAW_LIMITS.pkcs12PasswordMaxLength)!,
  userid: limitFrom(RAW_LIMITS.userid)!,
  countryCode: limitFrom(RAW_LIMITS.countryCode)!,
} as const;

const LABEL_KEYWORDS = new Set(['LABEL', 'WITHLABEL', 'NEWLABEL']);

/** The limit a value obeys: the keyword's own maxLength, else the reference's table for its kind. */
function limitOf(name: string, raw: RawKeyword, source: string | undefined): RacfLimit | undefined {
  if (raw.maxLength !== undefined || raw.pattern !== undefined) {
    // A keyword that repeats the label limit inherits that limit's uncertainty and source.
    const isLabel = LABEL_KEYWORDS.has(name) && raw.maxLength === LIMITS.label.maxLength;
    return {
      maxLength: raw.maxLength,
      pattern: raw.pattern,
      source: isLabel ? LIMITS.label.source : source,
      uncertain: isLabel ? LIMITS.label.uncertain : raw.uncertain,
      notes: isLabel ? LIMITS.label.notes : undefined,
    };
  }
  if (LABEL_KEYWORDS.has(name) && /quoted-string/.test(raw.valueType)) {
    return LIMITS.label;
  }
  switch (raw.valueType) {
    case 'userid':
      return LIMITS.userid;
    case 'ring-name':
    case 'ring-name-or-*':
      return LIMITS.ringName;
    case 'pkds-label':
      return LIMITS.pkdsLabel;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax forms: "RACDCERT ALTER(LABEL('l')|SERIALNUMBER(hex)) [ID()|SITE|CERTAUTH] ..." read into
// a tree of upper-case keyword names. Lower-case words and quoted strings are placeholders.

interface FormNode {
  name: string;
  children: Map<string, FormNode>;
  /** The keyword is followed by parentheses in the form. */
  hasOperand: boolean;
  /** The parentheses are optional (KEYWORD[(...)]). */
  operandOptional: boolean;
  /** The first placeholder inside the parentheses ('l', 'dsn', 'hex', 'n', 'ring-name' ...). */
  placeholder?: string;
}

const KEYWORD_TOKEN = /^[A-Z][A-Z0-9]*$/;

function parseForm(form: string): Map<string, FormNode> {
  const tokens = form.match(/'[^']*'|[A-Za-z][A-Za-z0-9-]*|\.{2,3}|[()[\]|*]/g) ?? [];
  const top = new Map<string, FormNode>();
  // Each open parenthesis owns the keyword written before it (or nothing, for a bare group).
  const stack: (FormNode | null)[] = [];
  const childrenOf = (owner: FormNode | null | undefined): Map<string, FormNode> | null =>
    owner === undefined ? top : owner === null ? null : owner.children;
  let last: FormNode | null = null;
  let bracketAfterLast = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i === 0 && t.toUpperCase() === 'RACDCERT') {
      continue;
    }
    if (t === '(') {
      if (last) {
        last.hasOperand = true;
        if (bracketAfterLast) {
          last.operandOptional = true;
        }
      }
      stack.push(last);
      last = null;
      bracketAfterLast = false;
    } else if (t === ')') {
      stack.pop();
      last = null;
    } else if (t === '[') {
      bracketAfterLast = last !== null;
    } else if (KEYWORD_TOKEN.test(t)) {
      const into = childrenOf(stack.length ? stack[stack.length - 1] : undefined);
      if (!into) {
        last = null;
        continue;
      }
      const node = into.get(t) ?? { name: t, children: new Map(), hasOperand: false, operandOptional: false };
      into.set(t, node);
      last = node;
      bracketAfterLast = false;
    } else {
      // A placeholder or a separator: note the first placeholder of the enclosing operand.
      const owner = stack.length ? stack[stack.length - 1] : null;
      if (owner && !owner.placeholder && t !== '|' && t !== ']') {
        owner.placeholder = t;
      }
      if (t === '|' || t === ']') {
        last = null;
      }
      bracketAfterLast = false;
    }
  }
  return top;
}

/** The value type a form placeholder stands for (only used where the reference has no table entry). */
function placeholderType(placeholder: string | undefined): string {
  if (!placeholder) {
    return 'unknown';
  }
  if (placeholder.startsWith("'")) {
    return /dsn/i.test(placeholder) ? 'dataset-name' : 'quoted-string';
  }
  switch (placeholder) {
    case 'dsn':
    case 'request-data-set':
      return 'dataset-name';
    case 'hex':
      return 'hex';
    case 'n':
      return 'integer';
    case 'ring':
    case 'ring-name':
      return 'ring-name';
    case 't':
    case 'token':
    case 'token-name':
    case 'name':
      return 'token-name';
    case 'lbl':
    case 'pkds-label':
      return 'pkds-label';
    default:
      return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// Building the keyword tables.

function buildKeyword(
  name: string,
  raw: RawKeyword,
  inherited: { source?: string; uncertain?: boolean },
  origin: RacfKeywordOrigin,
  form: FormNode | undefined,
  borrowedFrom?: string,
): RacfKeywordDef {
  const source = raw.source || inherited.source;
  const subkeywords = new Map<string, RacfKeywordDef>();
  for (const [sub, rawSub] of Object.entries(raw.subkeywords ?? {})) {
    subkeywords.set(
      sub.toUpperCase(),
      buildKeyword(
        sub.toUpperCase(),
        rawSub,
        { source, uncertain: raw.uncertain },
        origin,
        form?.children.get(sub),
      ),
    );
  }
  // The form may name nested keywords the table leaves out (RSA(PKDS(..)|TOKEN(..))). Keywords whose
  // parentheses hold values (USAGE(PERSONAL|SITE|CERTAUTH)) are not read this way.
  if (form && !raw.values) {
    for (const child of form.children.values()) {
      if (!subkeywords.has(child.name)) {
        subkeywords.set(child.name, fromForm(child, { source, uncertain: true }, name));
      }
    }
  }
  return {
    name,
    valueType: raw.valueType,
    notes: raw.notes || undefined,
    source,
    uncertain: raw.uncertain || inherited.uncertain || raw.tokenSyntaxUncertain || undefined,
    since: raw.since,
    form: raw.form,
    values: raw.values,
    default: raw.default,
    required: raw.required,
    quoted: raw.quoted,
    format: raw.format,
    limit: limitOf(name, raw, source),
    multipleSince: raw.multipleSince,
    subkeywords,
    conflicts: raw.conflicts,
    origin,
    borrowedFrom,
  };
}

/** Every keyword definition in the reference's tables, by name, in table order (GENCERT first). */
function tableIndex(): Map<string, { raw: RawKeyword; fn: string; parent?: string }[]> {
  const index = new Map<string, { raw: RawKeyword; fn: string; parent?: string }[]>();
  const add = (name: string, entry: { raw: RawKeyword; fn: string; parent?: string }): void => {
    const list = index.get(name) ?? [];
    list.push(entry);
    index.set(name, list);
  };
  for (const [fn, raw] of Object.entries(RAW_FUNCTIONS)) {
    for (const [kw, def] of Object.entries(raw.keywords)) {
      add(kw.toUpperCase(), { raw: def, fn });
      for (const [sub, subDef] of Object.entries(def.subkeywords ?? {})) {
        add(sub.toUpperCase(), { raw: subDef, fn, parent: kw.toUpperCase() });
      }
    }
  }
  return index;
}
const TABLE_INDEX = tableIndex();

/** A keyword named only in a syntax form: borrow another function's description when one exists. */
function fromForm(
  node: FormNode,
  inherited: { source?: string; uncertain?: boolean },
  parent?: string,
): RacfKeywordDef {
  const candidates = TABLE_INDEX.get(node.name) ?? [];
  // Prefer a description at the same nesting (LABEL inside a subfield, SIZE at the top) that says
  // something; a bare table entry still gives the value type.
  const sameNesting = (c: { parent?: string }): boolean =>
    (c.parent !== undefined) === (parent !== undefined);
  const match =
    candidates.find((c) => sameNesting(c) && c.raw.notes) ??
    candidates.find((c) => c.raw.notes) ??
    candidates.find(sameNesting) ??
    candidates[0];
  if (match) {
    const def = buildKeyword(
      node.name,
      match.raw,
      { source: match.raw.source || RAW_FUNCTIONS[match.fn].source, uncertain: inherited.uncertain },
      'borrowed',
      node,
      match.fn,
    );
    // Whether a keyword is required is the other function's business, not this one's.
    return { ...def, required: undefined, uncertain: inherited.uncertain || def.uncertain || undefined };
  }
  const subkeywords = new Map<string, RacfKeywordDef>();
  for (const child of node.children.values()) {
    subkeywords.set(child.name, fromForm(child, inherited, node.name));
  }
  const valueType = !node.hasOperand
    ? 'flag'
    : subkeywords.size
      ? 'subfield'
      : placeholderType(node.placeholder);
  return {
    name: node.name,
    valueType,
    source: inherited.source,
    uncertain: true,
    subkeywords,
    origin: 'form',
    limit: LABEL_KEYWORDS.has(node.name) ? LIMITS.label : undefined,
  };
}

function buildOperand(fn: string, raw: RawFunction, form: FormNode | undefined): RacfKeywordDef | undefined {
  const tableDef = raw.keywords[fn];
  const inherited = { source: raw.source, uncertain: raw.uncertain };
  if (tableDef) {
    const def = buildKeyword(fn, tableDef, inherited, 'table', form);
    return { ...def, required: form ? !form.operandOptional : def.required };
  }
  if (raw.positional) {
    const def = buildKeyword(fn, raw.positional, inherited, 'table', undefined);
    return {
      ...def,
      notes: raw.positional.notes || undefined,
      required: form ? form.hasOperand && !form.operandOptional : undefined,
    };
  }
  if (form?.hasOperand) {
    const def = fromForm({ ...form, name: fn }, inherited);
    // A function keyword is never "borrowed": its operand is described by the form alone.
    return {
      ...def,
      name: fn,
      origin: 'form',
      borrowedFrom: undefined,
      notes: undefined,
      valueType: def.subkeywords.size ? 'subfield' : placeholderType(form.placeholder),
      required: !form.operandOptional,
      uncertain: true,
    };
  }
  return undefined;
}

function buildFunctions(): Map<string, RacdcertFunctionDef> {
  const out = new Map<string, RacdcertFunctionDef>();
  for (const [name, raw] of Object.entries(RAW_FUNCTIONS)) {
    const form = parseForm(raw.form);
    const inherited = { source: raw.source, uncertain: raw.uncertain };
    const keywords = new Map<string, RacfKeywordDef>();
    for (const [kw, def] of Object.entries(raw.keywords)) {
      const upper = kw.toUpperCase();
      if (upper !== name) {
        keywords.set(upper, buildKeyword(upper, def, inherited, 'table', form.get(upper)));
      }
    }
    for (const node of form.values()) {
      if (node.name !== name && !keywords.has(node.name)) {
        keywords.set(node.name, fromForm(node, { source: raw.source, uncertain: true }));
      }
    }
    out.set(name, {
      name,
      summary: raw.summary,
      form: raw.form,
      source: raw.source,
      uncertain: raw.uncertain,
      since: raw.since,
      operand: buildOperand(name, raw, form.get(name)),
      keywords,
      conflicts: raw.conflicts ?? [],
      requires: raw.requires ?? [],
      implies: raw.implies ?? [],
      authority: raw.authority,
      authoritySource: raw.authoritySource,
      authorityUncertain: raw.authorityUncertain,
      refresh: raw.refresh ?? [],
      messages: raw.messages ?? [],
      notes: raw.notes ?? [],
      forbiddenOwners: raw.forbiddenOwners ?? [],
      forbiddenOwnersMessage: raw.forbiddenOwnersMessage,
      issuingOptions: raw.issuingOptions,
      tokenFunction: TOKEN_FUNCTIONS.has(name),
    });
  }
  return out;
}

export const RACDCERT_FUNCTIONS: ReadonlyMap<string, RacdcertFunctionDef> = buildFunctions();

// ---------------------------------------------------------------------------------------------
// Companion commands. The reference quotes them only in the forms real jobs use (§6), so their
// keyword tables hold exactly those keywords and say they are incomplete.

interface RawCompanion {
  text?: string;
  forms?: string[];
  classes?: Record<string, string>;
  source: string;
}
const COMPANIONS = reference.companionCommands as unknown as Record<string, RawCompanion>;
const REFRESH_ENTRY = COMPANIONS['SETROPTS RACLIST(class) REFRESH'];

/** Classes a SETROPTS RACLIST(...) REFRESH is written for in this domain, with what each follows. */
export const REFRESH_CLASSES: Readonly<Record<string, string>> = REFRESH_ENTRY.classes ?? {};

function companionKeyword(
  name: string,
  valueType: string,
  source: string,
  extra: Partial<RacfKeywordDef> = {},
): RacfKeywordDef {
  return { name, valueType, source, subkeywords: new Map(), origin: 'companion', ...extra };
}

function keywordMap(defs: RacfKeywordDef[]): Map<string, RacfKeywordDef> {
  return new Map(defs.map((d) => [d.name, d]));
}

function companionForms(prefix: string): string[] {
  return Object.keys(COMPANIONS).filter((k) => k.startsWith(prefix + ' '));
}

function buildCommands(): Map<RacfCommandName, RacfCommandDef> {
  const racdcertKeywords = new Map<string, RacfKeywordDef>();
  for (const fn of RACDCERT_FUNCTIONS.values()) {
    for (const [k, def] of fn.keywords) {
      if (!racdcertKeywords.has(k)) {
        racdcertKeywords.set(k, def);
      }
    }
  }
  const setroptsSource = REFRESH_ENTRY.source;
  const classact = COMPANIONS['SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)'];
  const generic = COMPANIONS['SETROPTS GENERIC(FACILITY)'];
  const rdatalibLst = COMPANIONS['RDEFINE RDATALIB owner.ring.LST UACC(NONE)'];
  const rlist = COMPANIONS.RLIST;
  const permitSources = companionForms('PERMIT').map((k) => COMPANIONS[k].source);
  const permitSource = [...new Set(permitSources.join(',').split(','))].join(',');
  const rdefineSource = [
    ...new Set(
      companionForms('RDEFINE')
        .map((k) => COMPANIONS[k].source)
        .join(',')
        .split(','),
    ),
  ].join(',');

  const commands: RacfCommandDef[] = [
    {
      name: 'RACDCERT',
      abbreviations: [],
      summary: 'Manages RACF digital certificates, key rings, certificate name filters and PKCS #11 tokens.',
      forms: [...RACDCERT_FUNCTIONS.values()].map((f) => f.form),
      positionals: [],
      keywords: racdcertKeywords,
      keywordsComplete: true,
      documented: true,
      source: 'R2',
      notes:
        'Not allowed with AT or ONLYAT, not an operator command and not allowed in the RACF parameter library.',
    },
    {
      name: 'SETROPTS',
      abbreviations: ['SETR'],
      summary:
        'Sets RACF options; here it refreshes the in-storage profiles of RACLISTed classes after certificate, ring and permission changes.',
      forms: [
        ...(REFRESH_ENTRY.forms ?? []),
        'SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)',
        'SETROPTS GENERIC(FACILITY)',
      ],
      positionals: [],
      keywords: keywordMap([
        companionKeyword('RACLIST', 'class-list', setroptsSource, {
          values: Object.keys(REFRESH_CLASSES),
          notes:
            'Classes whose in-storage profiles are meant; with REFRESH they are reloaded. Classes are separated by blanks or commas.',
        }),
        companionKeyword('REFRESH', 'flag', setroptsSource, {
          abbreviations: ['REFR'],
          notes: 'Reload the RACLISTed classes named in RACLIST(...).',
        }),
        companionKeyword('CLASSACT', 'class-list', classact.source, {
          notes: `Activate a class. ${classact.text ?? ''}`.trim(),
        }),
        companionKeyword('GENERIC', 'class-list', generic.source, {
          notes: `Generic profile checking for a class; ${generic.text ?? ''}`.trim(),
        }),
      ]),
      keywordsComplete: false,
      documented: true,
      source: setroptsSource,
    },
    {
      name: 'PERMIT',
      abbreviations: [],
      summary:
        'Grants a user or group access to a resource profile (FACILITY IRR.DIGTCERT.*, RDATALIB owner.ring.LST).',
      forms: [...companionForms('PERMIT'), 'PERMIT owner.ring.LST CLASS(RDATALIB) ID(u) ACCESS(READ)'],
      positionals: [
        {
          name: 'profile',
          valueType: 'profile-name',
          notes: 'the resource profile, e.g. IRR.DIGTCERT.LISTRING',
        },
      ],
      keywords: keywordMap([
        companionKeyword('CLASS', 'class', permitSource, {
          values: ['FACILITY', 'RDATALIB'],
          notes: 'Class of the profile.',
        }),
        companionKeyword('ID', 'userid', permitSource, {
          notes: 'Who is given access.',
          limit: LIMITS.userid,
        }),
        companionKeyword('ACCESS', 'keyword', permitSource, {
          values: ['READ', 'UPDATE', 'CONTROL'],
          notes: 'Access level granted (the levels the reference names for these resources).',
        }),
      ]),
      keywordsComplete: false,
      documented: true,
      source: permitSource,
      notes: 'A PERMIT fails when the profile does not exist yet: define it first (RDEFINE).',
    },
    {
      name: 'RDEFINE',
      abbreviations: [],
      summary:
        'Defines a general resource profile, e.g. the RDATALIB profile that controls access to one key ring.',
      forms: companionForms('RDEFINE'),
      positionals: [
        { name: 'class', valueType: 'class', notes: 'RDATALIB (or FACILITY)' },
        {
          name: 'profile',
          valueType: 'profile-name',
          notes: 'owner.ring.LST, owner.ring.UPD, IRR.RACDCERT.GRANULAR',
        },
      ],
      keywords: keywordMap([
        companionKeyword('UACC', 'keyword', rdatalibLst.source, {
          values: ['NONE'],
          notes: 'Universal access of the new profile; the reference shows UACC(NONE).',
        }),
      ]),
      keywordsComplete: false,
      documented: true,
      source: rdefineSource,
    },
    {
      name: 'RALTER',
      abbreviations: [],
      summary: 'Changes a general resource profile.',
      forms: [],
      positionals: [],
      keywords: new Map(),
      keywordsComplete: false,
      documented: false,
      uncertain: true,
      notes: 'Named as a companion command in issue 3; the RACDCERT reference documents no RALTER syntax.',
    },
    {
      name: 'RLIST',
      abbreviations: [],
      summary: 'Lists a general resource profile with its access list.',
      forms: rlist.forms ?? [],
      positionals: [
        { name: 'class', valueType: 'class', notes: 'FACILITY or RDATALIB' },
        { name: 'profile', valueType: 'profile-name' },
      ],
      keywords: keywordMap([
        companionKeyword('ALL', 'flag', rlist.source, { notes: 'List every field of the profile.' }),
      ]),
      keywordsComplete: false,
      documented: true,
      source: rlist.source,
    },
  ];
  return new Map(commands.map((c) => [c.name, c]));
}

export const RACF_COMMANDS: ReadonlyMap<RacfCommandName, RacfCommandDef> = buildCommands();

const COMMAND_BY_SPELLING = new Map<string, RacfCommandDef>();
for (const c of RACF_COMMANDS.values()) {
  COMMAND_BY_SPELLING.set(c.name, c);
  for (const a of c.abbreviations) {
    COMMAND_BY_SPELLING.set(a, c);
  }
}

/** A RACF command by name or documented abbreviation (SETR → SETROPTS), any case. */
export function racfCommand(name: string): RacfCommandDef | undefined {
  return COMMAND_BY_SPELLING.get(name.toUpperCase());
}

/** A RACDCERT function by its full name, any case. Abbreviations: see matchKeyword. */
export function racdcertFunction(name: string): RacdcertFunctionDef | undefined {
  return RACDCERT_FUNCTIONS.get(name.toUpperCase());
}

/**
 * The definition of a keyword of a RACDCERT function or of a companion command, any case.
 * `within` names the enclosing keywords for nested ones: keywordDef('GENCERT', 'CN', ['SUBJECTSDN']),
 * keywordDef('CONNECT', 'RING', ['CONNECT']). The function keyword itself (keywordDef('CONNECT',
 * 'CONNECT')) is its operand definition.
 */
export function keywordDef(
  fnOrCommand: string,
  keyword: string,
  within: readonly string[] = [],
): RacfKeywordDef | undefined {
  const fnName = fnOrCommand.toUpperCase();
  const fn = RACDCERT_FUNCTIONS.get(fnName);
  const top = (name: string): RacfKeywordDef | undefined =>
    fn ? (name === fn.name ? fn.operand : fn.keywords.get(name)) : racfCommand(fnName)?.keywords.get(name);
  const path = [...within.map((w) => w.toUpperCase()), keyword.toUpperCase()];
  let def = top(path[0]);
  for (const name of path.slice(1)) {
    def = def?.subkeywords.get(name);
  }
  return def;
}

export type KeywordMatch =
  | { kind: 'exact'; def: RacfKeywordDef }
  | { kind: 'abbreviation'; def: RacfKeywordDef; tentative: boolean }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown'; tentative: boolean };

/**
 * Resolves a keyword as written, by TSO's unique-prefix rule (R13): exact spellings first, then a
 * spelling the reference records (REFR), then a unique prefix among the known keywords at that
 * level. `tentative` is set when the keyword table is known to be incomplete (companion commands),
 * so an unknown or prefix match there may be a keyword the reference does not list.
 */
// A function's keywords plus its own operand, built once per function: rules ask for every
// operand of every command, and a fresh Map per call showed up in profiles of large jobs.
const pools = new WeakMap<object, ReadonlyMap<string, RacfKeywordDef>>();
function functionPool(
  fn: NonNullable<ReturnType<typeof racdcertFunction>>,
): ReadonlyMap<string, RacfKeywordDef> {
  let pool = pools.get(fn);
  if (!pool) {
    pool = new Map([...fn.keywords, ...(fn.operand ? ([[fn.name, fn.operand]] as const) : [])]);
    pools.set(fn, pool);
  }
  return pool;
}

export function matchKeyword(
  fnOrCommand: string,
  written: string,
  within: readonly string[] = [],
): KeywordMatch {
  const exact = keywordDef(fnOrCommand, written, within);
  if (exact) {
    return { kind: 'exact', def: exact };
  }
  const fn = racdcertFunction(fnOrCommand);
  const command = fn ? RACF_COMMANDS.get('RACDCERT')! : racfCommand(fnOrCommand);
  let pool: ReadonlyMap<string, RacfKeywordDef> | undefined;
  if (within.length) {
    const [head, ...rest] = within;
    pool = keywordDef(fnOrCommand, head, [])?.subkeywords;
    for (const w of rest) {
      pool = pool?.get(w.toUpperCase())?.subkeywords;
    }
  } else if (fn) {
    pool = functionPool(fn);
  } else {
    pool = command?.keywords;
  }
  const tentative = !(command?.keywordsComplete ?? false);
  const upper = written.toUpperCase();
  for (const def of pool?.values() ?? []) {
    if (def.abbreviations?.includes(upper)) {
      return { kind: 'abbreviation', def, tentative: false };
    }
  }
  const candidates = upper ? [...(pool?.keys() ?? [])].filter((k) => k.startsWith(upper)) : [];
  if (candidates.length === 1) {
    return { kind: 'abbreviation', def: pool!.get(candidates[0])!, tentative };
  }
  if (candidates.length > 1) {
    return { kind: 'ambiguous', candidates };
  }
  return { kind: 'unknown', tentative };
}

/** RACDCERT function names matching a written prefix (unique-prefix abbreviation of the function). */
export function functionsByPrefix(written: string): RacdcertFunctionDef[] {
  const upper = written.toUpperCase();
  const exact = RACDCERT_FUNCTIONS.get(upper);
  return exact ? [exact] : [...RACDCERT_FUNCTIONS.values()].filter((f) => upper && f.name.startsWith(upper));
}

// ---------------------------------------------------------------------------------------------
// Key sizes, key usage, dates, export formats.

export type KeyType = 'RSA' | 'DSA' | 'NISTECC' | 'BPECC';

export interface EccSizes {
  valid: readonly number[];
  validUncertain?: boolean;
  validNote?: string;
  default: number;
  defaultUncertain?: boolean;
  curves: Readonly<Record<string, string>>;
  weak?: readonly number[];
  fipsWeak?: readonly number[];
  fips?: string;
  source: string;
}

export interface RsaSizes {
  software: { min: number; max: number; uncertain?: boolean; notes?: string };
  pkdsOrToken: { max: number; uncertain?: boolean; notes?: string };
  default: { value: number; since: string; before: number; uncertain?: boolean; evidence?: string };
  recommendedMin: number;
  recommendedSource: string;
  source: string;
}

export interface DsaSizes {
  min: number;
  max: number;
  default: number;
  rounding?: string;
  uncertain?: boolean;
  fips: { min: number; max: number };
  source: string;
}

export interface KeySizeTables {
  RSA: RsaSizes;
  DSA: DsaSizes;
  NISTECC: EccSizes;
  BPECC: EccSizes;
  oddSizes: { question: string; answer: string; uncertain?: boolean };
}

export const KEY_SIZES: KeySizeTables = reference.keySizes as unknown as KeySizeTables;

/** The key type a GENCERT/REKEY key keyword selects (PCICC and ICSF are RSA keys in the PKDS). */
export function keyTypeOf(keyword: string): KeyType | undefined {
  switch (keyword.toUpperCase()) {
    case 'RSA':
    case 'PCICC':
    case 'ICSF':
      return 'RSA';
    case 'DSA':
      return 'DSA';
    case 'NISTECC':
      return 'NISTECC';
    case 'BPECC':
      return 'BPECC';
    default:
      return undefined;
  }
}

export interface KeyStorageDef {
  name: string;
  keywords: readonly string[];
  notes?: string;
  source?: string;
  uncertain?: boolean;
}
export const KEY_STORAGE: readonly KeyStorageDef[] = Object.entries(
  reference.keyStorage as unknown as Record<string, Omit<KeyStorageDef, 'name'>>,
).map(([name, v]) => ({ name, ...v }));

export interface KeyUsageTable {
  values: Readonly<Record<string, string>>;
  byAlgorithm: Readonly<Record<'RSA' | 'DSA' | 'ECC', readonly string[]>>;
  errorMessage: string;
  certauth: string;
  source: string;
  bitMappingUncertain?: boolean;
}
export const KEY_USAGE: KeyUsageTable = reference.keyUsage as unknown as KeyUsageTable;

/** KEYUSAGE values RACF accepts with a key type (IRRD156I otherwise). */
export function keyUsageFor(type: KeyType): readonly string[] {
  return KEY_USAGE.byAlgorithm[type === 'NISTECC' || type === 'BPECC' ? 'ECC' : type];
}

export interface DatesTable {
  format: string;
  defaults: Readonly<Record<string, string>>;
  defaultsUncertain?: boolean;
  slashForm: { text: string; uncertain?: boolean };
  yearRange: { text: string; uncertain?: boolean };
  error: string;
  source: string;
}
export const DATES: DatesTable = reference.dates as unknown as DatesTable;

const RAW_EXPORT = reference.exportFormats as unknown as Record<string, string>;
/** EXPORT FORMAT values with their meaning (the `source` entry is kept apart). */
export const EXPORT_FORMATS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(RAW_EXPORT).filter(([k]) => k !== 'source'),
);
export const EXPORT_FORMATS_SOURCE: string = RAW_EXPORT.source;

export interface ReleaseChange {
  release: string;
  changes: readonly string[];
  source: string;
  uncertain?: boolean;
}
export const RACF_RELEASES: readonly ReleaseChange[] = reference.releases as ReleaseChange[];

export interface FipsTable {
  scope: string;
  pkdsSecureKeysNotSupported: { text: string; affects: readonly string[]; source: string };
  brainpool: { text: string; source: string };
  DSA: { nonFips: string; fips: string; source: string };
  RSA: { text: string; uncertain?: boolean };
  NIST: { text: string; uncertain?: boolean };
  sp800131Strict: { text: string; source: string };
}
export const RACF_FIPS: FipsTable = reference.fips as unknown as FipsTable;

// ---------------------------------------------------------------------------------------------
// FACILITY resources, RDATALIB profiles, messages.

export interface FacilityResourceDef {
  name: string;
  /** The RACDCERT function the resource guards (EXPORTKEY guards EXPORT of keys). */
  function?: string;
  /** True when IBM text names the resource; false when only the IRR.DIGTCERT.<function> pattern does. */
  seenInIbmText: boolean;
  /** Access levels and what they allow, as the function's authority entry states them. */
  authority?: string;
  authoritySource?: string;
  uncertain?: boolean;
  source: string;
}

interface RawFacility {
  seenInIbmText: string[];
  byPatternUncertain: string[];
  generic: string;
  accessLevels: string;
  knownMisspellings: string[];
  source: string;
}
const RAW_FACILITY = reference.facilityResources as unknown as RawFacility;

export const FACILITY_GENERIC: string = RAW_FACILITY.generic;
export const FACILITY_ACCESS_LEVELS: string = RAW_FACILITY.accessLevels;
export const FACILITY_SOURCE: string = RAW_FACILITY.source;
/** Misspelled resource names seen in real files, with where they were seen. */
export const FACILITY_MISSPELLINGS: readonly string[] = RAW_FACILITY.knownMisspellings;

function buildFacility(): Map<string, FacilityResourceDef> {
  const out = new Map<string, FacilityResourceDef>();
  const add = (name: string, seen: boolean): void => {
    const suffix = name.slice('IRR.DIGTCERT.'.length);
    const fnName = suffix === 'EXPORTKEY' ? 'EXPORT' : suffix;
    const fn = RACDCERT_FUNCTIONS.get(fnName);
    out.set(name, {
      name,
      function: fn?.name,
      seenInIbmText: seen,
      authority: fn?.authority,
      authoritySource: fn?.authoritySource ?? fn?.source,
      uncertain: !seen || fn?.authorityUncertain || undefined,
      source: RAW_FACILITY.source,
    });
  };
  RAW_FACILITY.seenInIbmText.forEach((n) => add(n, true));
  RAW_FACILITY.byPatternUncertain.forEach((n) => add(n, false));
  return out;
}
export const FACILITY_RESOURCES: ReadonlyMap<string, FacilityResourceDef> = buildFacility();

export function facilityResource(name: string): FacilityResourceDef | undefined {
  return FACILITY_RESOURCES.get(name.toUpperCase());
}

/** What the reference says about PERMITs on a resource (companion command entries), if anything. */
export function permitNotes(resource: string): { access: string; text: string; source: string }[] {
  const out: { access: string; text: string; source: string }[] = [];
  const upper = resource.toUpperCase();
  for (const [form, v] of Object.entries(COMPANIONS)) {
    const m = /^PERMIT (\S+) CLASS\(FACILITY\) ID\(u\) ACCESS\((\w+)\)$/.exec(form);
    if (m && m[1] === upper && v.text) {
      out.push({ access: m[2], text: v.text, source: v.source });
    }
  }
  return out;
}

export interface RdatalibTable {
  read: string;
  update: string;
  certificate: string;
  fallback: string;
  case: string;
  privateKey: string;
  errors: Readonly<Record<string, string>>;
  source: string;
}
export const RDATALIB: RdatalibTable = reference.rdatalib as unknown as RdatalibTable;

/** Companion-command entries about RDATALIB (profile forms, GRANULAR, RACLIST need). */
export const RDATALIB_COMMANDS: readonly { form: string; text: string; source: string }[] = Object.entries(
  COMPANIONS,
)
  .filter(([form]) => /RDATALIB/.test(form) && COMPANIONS[form].text)
  .map(([form, v]) => ({ form, text: v.text!, source: v.source }));

export type RdatalibProfile =
  | { kind: 'ring'; owner: string; ring: string; access: 'LST' | 'UPD' }
  | { kind: 'certificate'; owner: string; label: string; action: string }
  | { kind: 'granular' }
  | { kind: 'unknown' };

/**
 * Splits an RDATALIB profile name. Ring names may hold periods (Liberty.KeyRing), so the owner is
 * the first qualifier and the ring everything up to the final .LST/.UPD.
 */
export function parseRdatalibProfile(profile: string): RdatalibProfile {
  const p = profile.trim();
  if (/^IRR\.RACDCERT\.GRANULAR$/i.test(p)) {
    return { kind: 'granular' };
  }
  const cert = /^IRR\.DIGTCERT\.([^.]+)\.(.+)\.UPD\.(ADD|DELETE|ALTER)$/i.exec(p);
  if (cert) {
    return { kind: 'certificate', owner: cert[1], label: cert[2], action: cert[3].toUpperCase() };
  }
  const ring = /^([^.]+)\.(.+)\.(LST|UPD)$/i.exec(p);
  if (ring) {
    return { kind: 'ring', owner: ring[1], ring: ring[2], access: ring[3].toUpperCase() as 'LST' | 'UPD' };
  }
  return { kind: 'unknown' };
}

export interface RacfMessageDef {
  id: string;
  text: string;
  action?: string;
  functions?: readonly string[];
  rule?: string;
  limit?: number;
  note?: string;
  source: string;
}

function buildMessages(): Map<string, RacfMessageDef> {
  const raw = reference.messages as unknown as Record<
    string,
    Omit<RacfMessageDef, 'id' | 'source'> & { source?: string }
  >;
  const defaultSource = (reference.messages as { source: string }).source;
  const out = new Map<string, RacfMessageDef>();
  for (const [id, v] of Object.entries(raw)) {
    if (id === 'source' || typeof v !== 'object') {
      continue;
    }
    out.set(id.toUpperCase(), { ...v, id, source: v.source ?? defaultSource });
  }
  return out;
}
export const RACF_MESSAGES: ReadonlyMap<string, RacfMessageDef> = buildMessages();

/** A message by id (IRRD114I, irrd114i, IEC020I 001-4). */
export function racfMessage(id: string): RacfMessageDef | undefined {
  return RACF_MESSAGES.get(id.trim().toUpperCase());
}

/** RACDCERT functions whose reference entry lists the message. */
export function functionsIssuing(id: string): string[] {
  const upper = id.toUpperCase();
  return [...RACDCERT_FUNCTIONS.values()].filter((f) => f.messages.includes(upper)).map((f) => f.name);
}

/** Every keyword a RACF command in this domain can use, for suggestions and completion. */
export function allRacfKeywords(): string[] {
  const out = new Set<string>();
  const walk = (defs: ReadonlyMap<string, RacfKeywordDef>): void => {
    for (const d of defs.values()) {
      out.add(d.name);
      walk(d.subkeywords);
    }
  };
  for (const fn of RACDCERT_FUNCTIONS.values()) {
    out.add(fn.name);
    walk(fn.keywords);
    if (fn.operand) {
      walk(fn.operand.subkeywords);
    }
  }
  for (const c of RACF_COMMANDS.values()) {
    walk(c.keywords);
  }
  return [...out];
}
