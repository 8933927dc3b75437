// Typed view over attls-reference.json (copied from shared/docs; a test keeps the copy identical).
// Every statement, parameter, cipher suite, curve and signature pair carries its source id there.
import reference from './attls-reference.json';

export interface AttlsParamDef {
  name: string;
  type: string;
  values?: string[] | string | Record<string, string>;
  default?: string | number;
  since?: string;
  notes?: string;
  source?: string;
  uncertain?: boolean;
  refTo?: string;
}

export interface AttlsStatementDef {
  name: string;
  file?: string;
  form?: string;
  notes?: string;
  source?: string;
  uncertain?: boolean;
  synonyms?: string[];
  nameRequired?: boolean | string;
  contains?: string[];
  params: Map<string, AttlsParamDef>;
  /** True for Policy Agent main/image file statements, written on one line without braces. */
  lineStatement: boolean;
}

interface RawParam extends Omit<AttlsParamDef, 'name' | 'default'> {
  default?: string | number;
}
type RawStatement = Omit<AttlsStatementDef, 'name' | 'params' | 'lineStatement'> & {
  parameters?: Record<string, RawParam>;
};

export const ATTLS_SOURCES: Record<string, string> = reference.sources as Record<string, string>;

/** The first URL a source id names ("S33" → https://…), for diagnostics' codeDescription. */
export function sourceUrl(sourceIds: string | undefined): string | undefined {
  for (const id of (sourceIds ?? '').split(/[,\s]+/)) {
    const text = ATTLS_SOURCES[id.trim()];
    const m = text ? /https?:\/\/\S+/.exec(text) : null;
    if (m) {
      return m[0].replace(/[),;]+$/, '');
    }
  }
  return undefined;
}

const LINE_STATEMENTS = new Set(['TcpImage', 'TTLSConfig', 'CommonTTLSConfig', 'LogLevel', 'Codepage']);

function buildStatements(): Map<string, AttlsStatementDef> {
  const out = new Map<string, AttlsStatementDef>();
  for (const [name, raw] of Object.entries(reference.statements as Record<string, RawStatement>)) {
    const params = new Map<string, AttlsParamDef>();
    if (!LINE_STATEMENTS.has(name)) {
      for (const [pname, p] of Object.entries(raw.parameters ?? {})) {
        params.set(pname.toLowerCase(), { ...p, name: pname });
      }
    }
    out.set(name.toLowerCase(), {
      name,
      file: raw.file,
      form: raw.form,
      notes: raw.notes,
      source: raw.source,
      uncertain: raw.uncertain,
      synonyms: raw.synonyms,
      nameRequired: raw.nameRequired,
      contains: raw.contains,
      params,
      lineStatement:
        LINE_STATEMENTS.has(name) || name === 'PolicyServer' || name === 'DynamicConfigPolicyLoad',
    });
    for (const syn of raw.synonyms ?? []) {
      out.set(syn.toLowerCase(), out.get(name.toLowerCase())!);
    }
  }
  return out;
}

export const STATEMENTS: ReadonlyMap<string, AttlsStatementDef> = buildStatements();

// Keywords are case-insensitive, but nearly every file writes them as IBM does: look the exact
// spelling up first, so the common case allocates no lower-cased copy (a large policy makes
// millions of these lookups).
const STATEMENTS_EXACT = new Map<string, AttlsStatementDef>();
const PARAMS_EXACT = new Map<AttlsStatementDef, Map<string, AttlsParamDef>>();
for (const def of STATEMENTS.values()) {
  STATEMENTS_EXACT.set(def.name, def);
  for (const syn of def.synonyms ?? []) {
    STATEMENTS_EXACT.set(syn, def);
  }
  PARAMS_EXACT.set(def, new Map([...def.params.values()].map((p) => [p.name, p])));
}

export function statementDef(keyword: string): AttlsStatementDef | undefined {
  return STATEMENTS_EXACT.get(keyword) ?? STATEMENTS.get(keyword.toLowerCase());
}

export function paramDef(statement: string, keyword: string): AttlsParamDef | undefined {
  const def = statementDef(statement);
  return def ? (PARAMS_EXACT.get(def)!.get(keyword) ?? def.params.get(keyword.toLowerCase())) : undefined;
}

/** Statements that are never coded inline: they can only stand at the top level of a policy. */
export const GLOBAL_ONLY = new Set([
  'TTLSRule',
  'TTLSGroupAction',
  'TTLSEnvironmentAction',
  'TTLSConnectionAction',
]);

/** Statement types a block may hold inline (TTLSEnvironmentAction → TTLSKeyringParms, ...). */
export function inlineChildren(statement: string): Set<string> {
  const def = statementDef(statement);
  const out = new Set<string>();
  for (const p of def?.params.values() ?? []) {
    if (p.type === 'inline-statement' && p.refTo) {
      out.add(p.refTo);
    }
  }
  return out;
}

/** Parameters whose repeats are concatenated (cipher, curve and signature lists, LDAP servers, SNI lists). */
export function isListParam(def: AttlsParamDef): boolean {
  return (
    def.type === 'cipher-list' ||
    def.type === 'list' ||
    def.name === 'GSK_LDAP_SERVER' ||
    def.name.endsWith('SNIList')
  );
}

export type CipherClass =
  'recommended' | 'recommended-nonFIPS' | 'acceptable' | 'legacy' | 'weak' | 'insecure' | 'unknown-support';

export interface CipherSuiteDef {
  hex4: string;
  hex2?: string;
  name: string;
  protocols: string[];
  class: CipherClass;
  fips140_2?: boolean;
  notes?: string;
  source?: string;
  uncertain?: boolean;
}

export const CIPHER_SUITES: readonly CipherSuiteDef[] = reference.cipherSuites as CipherSuiteDef[];
const byHex4 = new Map(CIPHER_SUITES.map((c) => [c.hex4.toUpperCase(), c]));
const byName = new Map(CIPHER_SUITES.map((c) => [c.name.toUpperCase(), c]));

export function cipherByCode(hex4: string): CipherSuiteDef | undefined {
  return byHex4.get(hex4.toUpperCase());
}

/** Cipher constants are accepted with the TLS_ prefix and, as older policies write them, SSL_. */
export function cipherByName(name: string): CipherSuiteDef | undefined {
  const upper = name.toUpperCase();
  return byName.get(upper) ?? (upper.startsWith('SSL_') ? byName.get('TLS_' + upper.slice(4)) : undefined);
}

export interface V2CipherDef {
  code1: string;
  name: string;
  notes?: string;
  source?: string;
  uncertain?: boolean;
}
export const V2_CIPHER_SUITES: readonly V2CipherDef[] = reference.v2CipherSuites as V2CipherDef[];

export interface NamedGroupDef {
  code: string;
  name: string;
  iana_decimal: number;
  iana_hex: string;
  source?: string;
  uncertain?: boolean;
}
export const NAMED_GROUPS: readonly NamedGroupDef[] = reference.namedGroups as NamedGroupDef[];

export interface SignaturePairDef {
  code: string;
  name: string;
  source?: string;
  uncertain?: boolean;
  notes?: string;
  inDefaultCS31?: boolean;
}
export const SIGNATURE_PAIRS: readonly SignaturePairDef[] = reference.signaturePairs as SignaturePairDef[];

export const TRACE_BITS: Record<string, string> = reference.traceBits as Record<string, string>;

/** Every keyword a policy can use, with its canonical spelling, for suggestions and completion. */
export function allKeywords(): string[] {
  const out = new Set<string>();
  for (const def of STATEMENTS.values()) {
    out.add(def.name);
    for (const p of def.params.values()) {
      out.add(p.name);
    }
  }
  return [...out];
}
