// Typed view over liberty-reference.json (copied from shared/docs; a test keeps the copy identical).
// The JSON is the only source of truth: this module reshapes it for lookups and never adds an element,
// attribute, value, message or limit of its own. Pure: no I/O.
//
// API summary (issue 4) — for the Liberty rules, hovers and completion:
//   Sources      LIBERTY_SOURCES, libertySource(id), sourceIdsIn(text), libertySourceUrl(ids)
//   Elements     LIBERTY_ELEMENTS, libertyElement(name), libertyAttribute(element, attr),
//                childElement(parent, child) (nested <trustStore>/<sslOptions>/<keyEntry> → element def)
//   References   LIBERTY_REFERENCES, referenceTarget(element, attr) (incl. zosconnect_*@sslCertsRef),
//                REFERENCE_ATTRIBUTES
//   Built-ins    BUILT_IN_IDS, isBuiltInId(element, id), DEFAULT_INSTANCES, MERGE_RULES
//   Features     TLS_FEATURES, SSL_ENABLING_FEATURES, featureTls(name), enablesSsl(name)
//   Key rings    KEYRING_SCHEMES, keyringScheme(s), typeForScheme(s), schemesForType(t), isRacfKeystoreType(t),
//                KEYSTORE_TYPES, FILE_KEYSTORE_TYPES, isKeyringUrl(loc), parseKeyringUrl(url), KEYRING
//   Protocols    SSL_PROTOCOL, analyseSslProtocol(value), protocolFacts(entry)
//   Ciphers      CIPHERS, splitCipherList(value), classifyCipher(name), inSecurityLevel(name, level),
//                sslAliasFailsOnJava11(name), tlsSpelling(name), SECURITY_LEVELS
//   Other facts  CLIENT_AUTH, PASSWORD_ENCODINGS, passwordEncodingOf(value), HOSTNAME_VERIFICATION,
//                LIBERTY_MESSAGES, libertyMessage(id), LIBERTY_LINT_RULES, libertyLintRule(id),
//                CORPUS_FALSE_ERROR_GUARDS
import reference from './liberty-reference.json';

// ---------------------------------------------------------------------------------------------
// Sources

export interface LibertySource {
  id: string;
  /** The reference's own description of the source (repository + path, URL, or a note). */
  text: string;
  /** A link a reader can follow, when the description names a URL or a GitHub repository file. */
  url?: string;
  /** Short human title: the file name or the description without its URL. */
  title: string;
}

const GITHUB_PATH = /^([\w.-]+\/[\w.-]+) ((?:[\w.-]+\/)*[\w.-]+\.\w+)(?: @([0-9a-f]{7,40}))?(.*)$/;
const GITHUB_ISSUE = /^([\w.-]+\/[\w.-]+)#(\d+)/;

/**
 * Most Liberty sources are named as "Owner/repo path" rather than URLs; they are turned into GitHub
 * links at the recorded commit, at the branch the description names, or at the default branch (HEAD).
 * Sources read only through a code index (class names without a path) get no link: their
 * description is what tells the reader how strong the evidence is.
 */
function buildSource(id: string, text: string): LibertySource {
  const url = /https?:\/\/\S+/.exec(text)?.[0];
  if (url) {
    const title = text.replace(url, '').trim();
    return { id, text, url, title: title || id };
  }
  const path = GITHUB_PATH.exec(text);
  if (path) {
    const [, repo, file, commit, rest] = path;
    const branch = commit ?? /\bbranch ([\w.-]+)/.exec(rest)?.[1] ?? 'HEAD';
    return {
      id,
      text,
      url: `https://github.com/${repo}/blob/${branch}/${file}`,
      title: file.split('/').pop() ?? file,
    };
  }
  const issue = GITHUB_ISSUE.exec(text);
  if (issue) {
    return { id, text, url: `https://github.com/${issue[1]}/issues/${issue[2]}`, title: text };
  }
  return { id, text, title: text };
}

export const LIBERTY_SOURCES: ReadonlyMap<string, LibertySource> = new Map(
  Object.entries(reference.sources as Record<string, string>).map(([id, text]) => [
    id,
    buildSource(id, text),
  ]),
);

export function libertySource(id: string): LibertySource | undefined {
  return LIBERTY_SOURCES.get(id.trim());
}

const SOURCE_ID = /\bS-[A-Z0-9]+(?:-[A-Z0-9]+)*\b/g;

/** The source ids a text cites ("S-WSKS; S-DOC-FIPS", "[S-META][S-DEFINST]"), known ones only, in order. */
export function sourceIdsIn(text: string | undefined): string[] {
  return [...new Set(text?.match(SOURCE_ID) ?? [])].filter((id) => LIBERTY_SOURCES.has(id));
}

/** The first URL among the cited sources, for diagnostics' codeDescription. */
export function libertySourceUrl(sourceIds: string | undefined): string | undefined {
  for (const id of sourceIdsIn(sourceIds)) {
    const url = LIBERTY_SOURCES.get(id)?.url;
    if (url) {
      return url;
    }
  }
  return undefined;
}

/** Notes flag weak evidence in words; a hover must then say "uncertain". */
const UNCERTAIN_WORDS = /\buncertain\b|\binferred\b|low-confidence|medium confidence/i;

export function isUncertainText(text: string | undefined): boolean {
  return text !== undefined && UNCERTAIN_WORDS.test(text);
}

// ---------------------------------------------------------------------------------------------
// Elements and attributes

export interface LibertyEnumValue {
  value: string;
  doc: string;
}

export interface LibertyAttributeDef {
  element: string;
  name: string;
  /** Schema type as the reference records it: pidType, booleanType, enum, password, xsd:string ... */
  type: string;
  use?: string;
  label?: string;
  doc?: string;
  default?: string;
  /** Default computed from another attribute (trustStoreRef → `${keyStoreRef}`). */
  effectiveDefault?: string;
  /** Liberty variable whose value is the default (httpEndpoint host → defaultHostName). */
  defaultFromVariable?: string;
  /** Closed set of values (schema enum). */
  values?: readonly LibertyEnumValue[];
  /** Values known to work where the schema is open (keyStore type). */
  knownValues?: readonly string[];
  /** Element type the attribute's value names by id. */
  referencesElement?: string;
  /** Every Liberty schema type also accepts `${variable}`. */
  variableAllowed: boolean;
  /** The metatype requires it though the schema says optional (ssl keyStoreRef). */
  requiredInMetatype: boolean;
  /** A password-typed attribute: its value is a secret and is never shown in full. */
  password: boolean;
  /** Read by the runtime but absent from the schema (keyStore provider, ssl jsseProvider). */
  runtimeOnly: boolean;
  notes?: string;
  /** Source ids: the element's, the attribute's own, and those its notes cite. */
  sources: readonly string[];
  uncertain: boolean;
}

export interface LibertyChildDef {
  name: string;
  /** Schema type of the nested element. */
  type: string;
  doc?: string;
  /** The element definition the child uses (keyStore for <trustStore>), when the reference has it. */
  element?: string;
}

export interface LibertyElementDef {
  name: string;
  xsdType: string;
  label: string;
  doc: string;
  attributes: ReadonlyMap<string, LibertyAttributeDef>;
  runtimeOnlyAttributes: ReadonlyMap<string, LibertyAttributeDef>;
  children: ReadonlyMap<string, LibertyChildDef>;
  singleton: boolean;
  notes?: string;
  sources: readonly string[];
  uncertain: boolean;
}

/** An attribute as the reference writes it: the fields attributeDef copies, named as in the def. */
type RawAttribute = Partial<
  Pick<
    LibertyAttributeDef,
    | 'type'
    | 'use'
    | 'label'
    | 'doc'
    | 'default'
    | 'effectiveDefault'
    | 'defaultFromVariable'
    | 'referencesElement'
    | 'variableAllowed'
    | 'requiredInMetatype'
    | 'notes'
  >
> & {
  /** Becomes `values`. */
  allowed?: LibertyEnumValue[];
  /** Becomes `knownValues`. */
  allowedKnown?: string[];
  source?: string;
};

interface RawElement {
  xsdType: string;
  doc: string;
  label: string;
  attributes: Record<string, RawAttribute>;
  children: Record<string, { type: string; doc: string | null }>;
  source: string;
  singleton?: boolean;
  notes?: string;
  runtimeOnlyAttributes?: Record<string, { notes?: string; source?: string }>;
}

const RAW_ELEMENTS = reference.elements as unknown as Record<string, RawElement>;

const ELEMENT_BY_XSD_TYPE = new Map(Object.entries(RAW_ELEMENTS).map(([name, e]) => [e.xsdType, name]));

function attributeDef(
  element: string,
  elementSource: string,
  name: string,
  raw: RawAttribute,
  runtimeOnly: boolean,
): LibertyAttributeDef {
  const sources = [
    ...new Set([
      ...(runtimeOnly ? [] : sourceIdsIn(elementSource)),
      ...sourceIdsIn(raw.source),
      ...sourceIdsIn(raw.notes),
    ]),
  ];
  return {
    element,
    name,
    type: raw.type ?? (runtimeOnly ? 'runtime-only' : 'unknown'),
    use: raw.use,
    label: raw.label,
    doc: raw.doc,
    default: raw.default,
    effectiveDefault: raw.effectiveDefault,
    defaultFromVariable: raw.defaultFromVariable,
    values: raw.allowed,
    knownValues: raw.allowedKnown,
    referencesElement: raw.referencesElement,
    // The reference's conventions: every schema type is a union with a ${variable} pattern.
    variableAllowed: raw.variableAllowed ?? true,
    requiredInMetatype: raw.requiredInMetatype === true,
    password: raw.type === 'password',
    runtimeOnly,
    notes: raw.notes,
    sources,
    uncertain: isUncertainText(raw.notes),
  };
}

function buildElements(): Map<string, LibertyElementDef> {
  const out = new Map<string, LibertyElementDef>();
  for (const [name, raw] of Object.entries(RAW_ELEMENTS)) {
    const attributes = new Map<string, LibertyAttributeDef>();
    for (const [aname, a] of Object.entries(raw.attributes)) {
      attributes.set(aname, attributeDef(name, raw.source, aname, a, false));
    }
    const runtimeOnly = new Map<string, LibertyAttributeDef>();
    for (const [aname, a] of Object.entries(raw.runtimeOnlyAttributes ?? {})) {
      runtimeOnly.set(aname, attributeDef(name, raw.source, aname, a, true));
    }
    const children = new Map<string, LibertyChildDef>();
    for (const [cname, c] of Object.entries(raw.children)) {
      children.set(cname, {
        name: cname,
        type: c.type,
        doc: c.doc ?? undefined,
        element: ELEMENT_BY_XSD_TYPE.get(c.type.replace(/-factory$/, '')),
      });
    }
    out.set(name, {
      name,
      xsdType: raw.xsdType,
      label: raw.label,
      doc: raw.doc,
      attributes,
      runtimeOnlyAttributes: runtimeOnly,
      children,
      singleton: raw.singleton === true,
      notes: raw.notes,
      sources: [...new Set([...sourceIdsIn(raw.source), ...sourceIdsIn(raw.notes)])],
      uncertain: isUncertainText(raw.notes),
    });
  }
  return out;
}

/** Element name (XML spelling, case-sensitive) → definition. */
export const LIBERTY_ELEMENTS: ReadonlyMap<string, LibertyElementDef> = buildElements();

export function libertyElement(name: string): LibertyElementDef | undefined {
  return LIBERTY_ELEMENTS.get(name);
}

/** The element definition a nested child uses: <ssl><trustStore> → keyStore, <httpEndpoint><sslOptions>. */
export function childElement(parent: string, child: string): LibertyElementDef | undefined {
  const c = LIBERTY_ELEMENTS.get(parent)?.children.get(child);
  return c?.element ? LIBERTY_ELEMENTS.get(c.element) : undefined;
}

/** An attribute of an element, schema or runtime-only; undefined when the reference does not list it. */
export function libertyAttribute(element: string, attribute: string): LibertyAttributeDef | undefined {
  const e = LIBERTY_ELEMENTS.get(element);
  return e?.attributes.get(attribute) ?? e?.runtimeOnlyAttributes.get(attribute);
}

// ---------------------------------------------------------------------------------------------
// References between elements

export interface LibertyReferenceDef {
  /** Element name, or a pattern with `*` (zosconnect_*). */
  element: string;
  attribute: string;
  targetElement: string;
  default?: string;
  notes?: string;
  sources: readonly string[];
  wildcard: boolean;
}

interface RawReference {
  element: string;
  attribute: string;
  targetElement: string;
  default?: string | null;
  notes?: string;
  source?: string;
}

interface RawLintRule {
  id: string;
  title: string;
  severity: string;
  appliesTo: string[];
  logic: string;
  evidence: string[];
  falseErrorGuards?: string[];
  quickFix?: string | null;
}

const RAW_LINT_RULES = reference.lintRules as unknown as RawLintRule[];

function buildReferences(): LibertyReferenceDef[] {
  const out: LibertyReferenceDef[] = [];
  const seen = new Set<string>();
  for (const r of reference.references as RawReference[]) {
    const key = `${r.element}@${r.attribute}`;
    if (seen.has(key)) {
      continue; // the reference lists transportLayer@sslRef twice (two schema types)
    }
    seen.add(key);
    out.push({
      element: r.element,
      attribute: r.attribute,
      targetElement: r.targetElement,
      default: r.default ?? undefined,
      notes: r.notes,
      sources: r.source ? sourceIdsIn(r.source) : ['S-XSD'],
      wildcard: false,
    });
  }
  // LIB-TLS-001 generalises the z/OS Connect entries to zosconnect_*@sslCertsRef: product elements
  // beyond the two seen in the corpus carry the same attribute. The target is the one the explicit
  // entries agree on.
  const undefinedRef = RAW_LINT_RULES.find((r) => r.id === 'LIB-TLS-001');
  for (const pattern of undefinedRef?.appliesTo ?? []) {
    const [element, attribute] = pattern.split('@');
    if (!element.includes('*') || !attribute) {
      continue;
    }
    const re = wildcardRegExp(element);
    const targets = new Set(
      out.filter((r) => r.attribute === attribute && re.test(r.element)).map((r) => r.targetElement),
    );
    if (targets.size === 1) {
      out.push({
        element,
        attribute,
        targetElement: [...targets][0],
        notes:
          'Any z/OS Connect product element with this attribute (product schema, not in the Open Liberty schema).',
        sources: ['S-CORPUS'],
        wildcard: true,
      });
    }
  }
  return out;
}

function wildcardRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

export const LIBERTY_REFERENCES: readonly LibertyReferenceDef[] = buildReferences();

const REFERENCE_EXACT = new Map(
  LIBERTY_REFERENCES.filter((r) => !r.wildcard).map((r) => [`${r.element}@${r.attribute}`, r]),
);
const REFERENCE_WILDCARDS = LIBERTY_REFERENCES.filter((r) => r.wildcard).map(
  (r) => [wildcardRegExp(r.element), r] as const,
);

/** What element@attribute points to (ssl@keyStoreRef → keyStore), exact entries before wildcards. */
export function referenceTarget(element: string, attribute: string): LibertyReferenceDef | undefined {
  return (
    REFERENCE_EXACT.get(`${element}@${attribute}`) ??
    REFERENCE_WILDCARDS.find(([re, r]) => r.attribute === attribute && re.test(element))?.[1]
  );
}

/** Every attribute name that holds a reference somewhere (keyStoreRef, sslRef, sslCertsRef ...). */
export const REFERENCE_ATTRIBUTES: ReadonlySet<string> = new Set(LIBERTY_REFERENCES.map((r) => r.attribute));

// ---------------------------------------------------------------------------------------------
// Built-in instances and merging

export interface DefaultInstanceDef {
  element: string;
  id: string;
  attributes: Readonly<Record<string, string>>;
  notes?: string;
  sources: readonly string[];
}

export const DEFAULT_INSTANCES: readonly DefaultInstanceDef[] = (
  reference.defaultInstances as {
    element: string;
    id: string;
    attributes: Record<string, string>;
    notes?: string;
    source: string;
  }[]
).map((d) => ({ ...d, sources: sourceIdsIn(d.source) }));

/** Element → ids that always exist even if no file writes them (defaultSSLConfig, defaultKeyStore). */
export const BUILT_IN_IDS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(reference.builtInIds as Record<string, string[]>),
);

export function isBuiltInId(element: string, id: string): boolean {
  return BUILT_IN_IDS.get(element)?.includes(id) ?? false;
}

export const MERGE_RULES: { summary: string; sources: readonly string[] } = {
  summary: reference.mergeRules.summary,
  sources: sourceIdsIn(reference.mergeRules.source),
};

// ---------------------------------------------------------------------------------------------
// Features

export const TLS_FEATURES: Readonly<Record<'transportSecurity-1.0' | 'ssl-1.0', string>> = reference.features
  .tls as Record<'transportSecurity-1.0' | 'ssl-1.0', string>;

/** Open Liberty 25.0.0.6 public features that enable ssl-1.0 transitively (not ssl-1.0 or transportSecurity-1.0 themselves). */
export const SSL_ENABLING_FEATURES: ReadonlySet<string> = new Set(
  reference.features.transitivelyEnableSsl_OL25006,
);
export const FEATURES_NOTES: string = reference.features.notes;
export const FEATURES_SOURCES: readonly string[] = sourceIdsIn(reference.features.source);

export type FeatureTlsKind = 'transportSecurity' | 'ssl' | 'enablesSsl' | 'unknown';

// The reference does not say whether feature names are matched case-sensitively; matching without
// case keeps a differently cased feature from causing a "no TLS feature" warning.
const LOWER_SSL_ENABLING = new Map([...SSL_ENABLING_FEATURES].map((f) => [f.toLowerCase(), f]));
const LOWER_TLS = new Map(Object.keys(TLS_FEATURES).map((f) => [f.toLowerCase(), f]));

/**
 * What a <feature> entry means for TLS. 'unknown' covers features outside the Open Liberty list —
 * including WebSphere/z/OS product features, whose TLS behaviour an offline checker cannot know.
 */
export function featureTls(name: string): { kind: FeatureTlsKind; canonical?: string } {
  const lower = name.trim().toLowerCase();
  const tls = LOWER_TLS.get(lower);
  if (tls) {
    return { kind: tls === 'ssl-1.0' ? 'ssl' : 'transportSecurity', canonical: tls };
  }
  const enabling = LOWER_SSL_ENABLING.get(lower);
  return enabling ? { kind: 'enablesSsl', canonical: enabling } : { kind: 'unknown' };
}

/** True when the feature is ssl-1.0, transportSecurity-1.0 or one that enables ssl-1.0. */
export function enablesSsl(name: string): boolean {
  return featureTls(name).kind !== 'unknown';
}

// ---------------------------------------------------------------------------------------------
// SAF key ring URLs and key store types

export type KeyringScheme =
  | 'safkeyring'
  | 'safkeyringhw'
  | 'safkeyringhybrid'
  | 'safkeyringjce'
  | 'safkeyringjcecca'
  | 'safkeyringjcehybrid';

export type RacfKeystoreType = 'JCERACFKS' | 'JCECCARACFKS' | 'JCEHYBRIDRACFKS';

export interface KeyringSchemeDef {
  scheme: KeyringScheme;
  type: RacfKeystoreType;
  /** Which JVM generation the spelling belongs to; Liberty rewrites it to the running one. */
  java: '8' | '11+';
  /** The same handler's spelling for the other generation. */
  counterpart: KeyringScheme;
  java8Handler?: string;
}

interface RawScheme {
  type: RacfKeystoreType;
  java11Alias?: KeyringScheme;
  java8Alias?: KeyringScheme;
  java8Handler?: string;
}

const RAW_KEYRING = reference.keyringUrls as unknown as {
  schemes: Record<KeyringScheme, RawScheme>;
  forms: { pattern: string; meaning: string }[];
  regexTwoSlashes: string;
  regexThreeSlashes: string;
  prefixConversion: string;
  requiredAttributes: Record<string, string>;
  source: string;
};

export const KEYRING_SCHEMES: ReadonlyMap<KeyringScheme, KeyringSchemeDef> = new Map(
  (Object.entries(RAW_KEYRING.schemes) as [KeyringScheme, RawScheme][]).map(([scheme, s]) => [
    scheme,
    {
      scheme,
      type: s.type,
      java: s.java11Alias ? '8' : '11+',
      counterpart: (s.java11Alias ?? s.java8Alias)!,
      java8Handler: s.java8Handler,
    },
  ]),
);

/** Form table, conversion rule, recommended attributes and sources of §5. */
export const KEYRING = {
  forms: RAW_KEYRING.forms,
  prefixConversion: RAW_KEYRING.prefixConversion,
  requiredAttributes: RAW_KEYRING.requiredAttributes,
  sources: sourceIdsIn(RAW_KEYRING.source),
  regexTwoSlashes: RAW_KEYRING.regexTwoSlashes,
  regexThreeSlashes: RAW_KEYRING.regexThreeSlashes,
} as const;

/** A known scheme by exact (lower-case) spelling. */
export function keyringScheme(scheme: string): KeyringSchemeDef | undefined {
  return KEYRING_SCHEMES.get(scheme as KeyringScheme);
}

export function typeForScheme(scheme: string): RacfKeystoreType | undefined {
  return keyringScheme(scheme)?.type;
}

/** Both spellings of the scheme a RACF key store type needs (exact type spelling only). */
export function schemesForType(type: string): { java8: KeyringScheme; java11: KeyringScheme } | undefined {
  const java8 = [...KEYRING_SCHEMES.values()].find((s) => s.type === type && s.java === '8');
  return java8 ? { java8: java8.scheme, java11: java8.counterpart } : undefined;
}

/** The runtime compares the RACF types with a case-sensitive equals(). */
export function isRacfKeystoreType(type: string): type is RacfKeystoreType {
  return [...KEYRING_SCHEMES.values()].some((s) => s.type === type);
}

/** keyStore type values the reference knows to work (schema type is open). */
export const KEYSTORE_TYPES: readonly string[] = RAW_ELEMENTS.keyStore.attributes.type.allowedKnown ?? [];
/** The hardware type: like the RACF types, not file based. */
export const PKCS11_TYPE = 'PKCS11';
/** File key store types: the known types that are neither a RACF type nor PKCS11. */
export const FILE_KEYSTORE_TYPES: readonly string[] = KEYSTORE_TYPES.filter(
  (t) => t !== PKCS11_TYPE && !isRacfKeystoreType(t),
);

// Scheme matched without case and with any number of slashes so that near misses
// (SAFKEYRING://, safkeyring:/RING) are recognised as key ring URLs and reported, not taken for paths.
const SCHEME_PREFIX = new RegExp(`^\\s*(${[...KEYRING_SCHEMES.keys()].join('|')}):`, 'i');

export function isKeyringUrl(location: string): boolean {
  return SCHEME_PREFIX.test(location);
}

export type KeyringUrlForm = 'own-ring' | 'owner-ring' | 'ring-only' | 'malformed';

export interface KeyringUrl {
  /** The scheme as written (case kept). */
  scheme: string;
  /** The scheme's definition when it is spelled exactly. */
  schemeDef?: KeyringSchemeDef;
  /** The ring owner; absent when the ring belongs to the server's own SAF identity. */
  owner?: string;
  ring: string;
  form: KeyringUrlForm;
  /** `<scheme>:///RING` for the `<scheme>://RING` form, which Liberty normalises that way. */
  normalised?: string;
  valid: boolean;
  /** What is wrong, in words a diagnostic can use. */
  problem?: string;
  /** The problem rests on an inference, not on a documented rule. */
  uncertain?: boolean;
  /** The URL holds `${…}`: its final text is unknown, so it is never reported as malformed. */
  variable?: boolean;
}

const TWO_SLASHES = new RegExp(`^(?:${RAW_KEYRING.regexTwoSlashes})$`);
const THREE_SLASHES = new RegExp(`^(?:${RAW_KEYRING.regexThreeSlashes})$`);
const WORD_START = /^\w/;

/**
 * Splits a key ring URL following §5 of the reference: `<scheme>:///RING` (the server identity's
 * ring), `<scheme>://OWNER/RING`, and `<scheme>://RING` (accepted and normalised to :///RING — RING
 * is the ring, not an owner). Valid means: one of these forms, matching Liberty's own patterns
 * (KEYRING.regexTwoSlashes / regexThreeSlashes), with no blank or backslash and a non-empty ring
 * (the malformations LIB-TLS-004 names). Returns undefined when the text is not a key ring URL.
 */
export function parseKeyringUrl(url: string): KeyringUrl | undefined {
  const m = SCHEME_PREFIX.exec(url);
  if (!m) {
    return undefined;
  }
  const scheme = m[1];
  const schemeDef = keyringScheme(scheme);
  const afterColon = url.slice(m[0].length);
  const base = { scheme, schemeDef };
  if (url.includes('${')) {
    const parts = splitOwnerRing(afterColon.replace(/^\/\//, ''));
    return { ...base, ...parts, form: parts.form, valid: true, variable: true };
  }
  const bad = (
    problem: string,
    extra: Partial<KeyringUrl> = {},
    ring = afterColon.replace(/^\/*/, ''),
  ): KeyringUrl => ({ ...base, ring, form: 'malformed', valid: false, problem, ...extra });
  if (/^\s/.test(url) || /\s$/.test(url)) {
    return bad('it has blanks before or after it: the key ring URL must be written without spaces');
  }
  if (url.includes('\\')) {
    return bad('it contains a backslash: key ring URLs use forward slashes (`safkeyring:///RING`)');
  }
  if (!afterColon.startsWith('//')) {
    return bad(
      `\`${scheme}:\` must be followed by two slashes: \`${scheme}:///RING\` for the server's own ring or \`${scheme}://OWNER/RING\``,
    );
  }
  const rest = afterColon.slice(2);
  const parts = splitOwnerRing(rest);
  const result: KeyringUrl = { ...base, ...parts, valid: true };
  if (/\s/.test(rest)) {
    return {
      ...result,
      form: 'malformed',
      valid: false,
      problem: 'it contains a blank: key ring URLs are written without spaces',
    };
  }
  if (parts.ring === '') {
    return {
      ...result,
      form: 'malformed',
      valid: false,
      problem: 'the ring name is empty: name the ring after the last slash',
    };
  }
  if (parts.form === 'owner-ring' && parts.owner === '') {
    return { ...result, form: 'malformed', valid: false, problem: 'there is an empty owner' };
  }
  if (!WORD_START.test(parts.ring) || (parts.owner !== undefined && !WORD_START.test(parts.owner))) {
    return {
      ...result,
      form: 'malformed',
      valid: false,
      problem:
        'the owner and ring must each start with a letter, digit or underscore, separated by one slash',
    };
  }
  if (!schemeDef) {
    return {
      ...result,
      valid: false,
      problem: `the scheme \`${scheme}\` is not written in lower case as Liberty's key ring patterns spell it (\`${scheme.toLowerCase()}\`)`,
      uncertain: true,
    };
  }
  // Both of Liberty's patterns (full match, as Java's matches()) must accept what the forms accept.
  if (!TWO_SLASHES.test(url) && !THREE_SLASHES.test(url)) {
    return {
      ...result,
      form: 'malformed',
      valid: false,
      problem: "it does not match Liberty's key ring URL patterns",
    };
  }
  if (parts.form === 'ring-only') {
    result.normalised = `${scheme}:///${parts.ring}`;
  }
  return result;
}

function splitOwnerRing(rest: string): { owner?: string; ring: string; form: KeyringUrlForm } {
  if (rest.startsWith('/')) {
    return { ring: rest.slice(1), form: 'own-ring' };
  }
  const slash = rest.indexOf('/');
  return slash < 0
    ? { ring: rest, form: 'ring-only' }
    : { owner: rest.slice(0, slash), ring: rest.slice(slash + 1), form: 'owner-ring' };
}

// ---------------------------------------------------------------------------------------------
// sslProtocol

const RAW_PROTOCOL = reference.sslProtocol;

export const SSL_PROTOCOL = {
  /** What a single value may be (any JSSE name valid on the JVM). */
  singleValue: RAW_PROTOCOL.singleValue,
  /** The only values allowed inside a comma list. */
  listValues: RAW_PROTOCOL.listValues as readonly string[],
  listValuesFips1403: RAW_PROTOCOL.listValuesFips1403 as readonly string[],
  listSeparator: RAW_PROTOCOL.listSeparator,
  listParsing: RAW_PROTOCOL.listParsing,
  listError: RAW_PROTOCOL.listError,
  weak: RAW_PROTOCOL.weak as readonly string[],
  /** Values that leave the protocol set to the JVM's defaults. */
  jvmDefaultValues: RAW_PROTOCOL.jvmDefaultValues as readonly string[],
  introducedLists: RAW_PROTOCOL.introducedLists,
  sources: sourceIdsIn(RAW_PROTOCOL.source),
  /** The list parsing does not trim; whether config processing does is not known. */
  spacesUncertain: isUncertainText(RAW_PROTOCOL.listParsing),
} as const;

export interface SslProtocolEntry {
  /** The entry as written, blanks included. */
  text: string;
  /** The entry without surrounding blanks. */
  value: string;
  /** Offset of `text` in the attribute value. */
  offset: number;
  /** Blanks around the entry (after a comma, before a comma). */
  padded: boolean;
}

export interface SslProtocolAnalysis {
  kind: 'unset' | 'single' | 'list';
  entries: readonly SslProtocolEntry[];
  /** Unset or TLS/SSL/SSL_TLSv2 alone: the JVM decides, possibly including old versions. */
  jvmDefault: boolean;
  /** Entries that are weak protocols. */
  weak: readonly SslProtocolEntry[];
  /** List entries outside TLSv1…TLSv1.3 (CWPKI0832E). Empty entries count. */
  notAllowedInList: readonly SslProtocolEntry[];
  /** Some list entry has blanks around it (whether Liberty trims is uncertain). */
  spacesAroundCommas: boolean;
}

const WEAK_LOWER = new Set(SSL_PROTOCOL.weak.map((p) => p.toLowerCase()));
const JVM_DEFAULT_LOWER = new Set(SSL_PROTOCOL.jvmDefaultValues.map((p) => p.toLowerCase()));

/** Facts about one protocol name (not position-dependent). */
export function protocolFacts(value: string): {
  weak: boolean;
  jvmDefault: boolean;
  allowedInList: boolean;
  allowedInFipsList: boolean;
} {
  const v = value.trim();
  return {
    // JSSE looks protocol names up without case, so a lower-case weak name is still weak.
    weak: WEAK_LOWER.has(v.toLowerCase()),
    jvmDefault: JVM_DEFAULT_LOWER.has(v.toLowerCase()),
    allowedInList: SSL_PROTOCOL.listValues.includes(v),
    allowedInFipsList: SSL_PROTOCOL.listValuesFips1403.includes(v),
  };
}

/** Splits an sslProtocol value as Liberty does (split on commas, no trimming) and classifies it. */
export function analyseSslProtocol(value: string | undefined): SslProtocolAnalysis {
  if (value === undefined || value.trim() === '') {
    return {
      kind: 'unset',
      entries: [],
      jvmDefault: true,
      weak: [],
      notAllowedInList: [],
      spacesAroundCommas: false,
    };
  }
  const entries: SslProtocolEntry[] = [];
  let offset = 0;
  for (const text of value.split(SSL_PROTOCOL.listSeparator)) {
    entries.push({ text, value: text.trim(), offset, padded: text !== text.trim() });
    offset += text.length + SSL_PROTOCOL.listSeparator.length;
  }
  const list = entries.length > 1;
  const weak = entries.filter((e) => protocolFacts(e.value).weak);
  return {
    kind: list ? 'list' : 'single',
    entries,
    jvmDefault: !list && protocolFacts(entries[0].value).jvmDefault,
    weak,
    notAllowedInList: list ? entries.filter((e) => !protocolFacts(e.value).allowedInList) : [],
    spacesAroundCommas: list && entries.some((e) => e.padded),
  };
}

// ---------------------------------------------------------------------------------------------
// Cipher suites and securityLevel

const RAW_CIPHERS = reference.ciphers as unknown as {
  separator: string;
  tls13Suites: string[];
  namingNote: string;
  weakSubstrings: Record<CipherSeverity, string[]>;
  securityLevelFilters: Record<'HIGH' | 'MEDIUM' | 'LOW', { include: string[]; exclude: string[] }> & {
    CUSTOM: string;
  };
  source: string;
};

export type CipherSeverity = 'error' | 'warning' | 'info';
export type SecurityLevel = 'HIGH' | 'MEDIUM' | 'LOW' | 'CUSTOM';

export const CIPHERS = {
  separator: RAW_CIPHERS.separator,
  tls13Suites: RAW_CIPHERS.tls13Suites as readonly string[],
  namingNote: RAW_CIPHERS.namingNote,
  securityLevelFilters: RAW_CIPHERS.securityLevelFilters,
  sources: sourceIdsIn(RAW_CIPHERS.source),
} as const;

export interface CipherWeakness {
  severity: CipherSeverity;
  /** The name part that makes the suite weak (EXPORT, _RC4, TLS_RSA_WITH_ ...). */
  pattern: string;
  /** The reference's reason, where it gives one (info entries: "SHA-1 MAC", "no forward secrecy"). */
  why?: string;
}

interface WeakPattern {
  severity: CipherSeverity;
  pattern: string;
  why?: string;
}

// Info entries are written "pattern (reason)" and may hold alternatives joined by "/".
const WEAK_PATTERNS: readonly WeakPattern[] = (['error', 'warning', 'info'] as const).flatMap((severity) =>
  RAW_CIPHERS.weakSubstrings[severity].flatMap((entry) => {
    const m = /^(\S+)(?:\s+\((.+)\))?$/.exec(entry.trim());
    const [pats, why] = m ? [m[1], m[2]] : [entry, undefined];
    return pats.split('/').map((pattern) => ({ severity, pattern, why }));
  }),
);

function containsPart(name: string, pattern: string): boolean {
  const i = name.toUpperCase().indexOf(pattern.toUpperCase());
  if (i < 0) {
    return false;
  }
  // The MAC is the last part of a suite name: `_CBC_SHA` means SHA-1 only, not `_CBC_SHA256`.
  return !/_SHA$/i.test(pattern) || i + pattern.length === name.length;
}

/** Why a JSSE cipher suite name is weak per the reference (§8, LIB-TLS-009); empty when it is not. */
export function classifyCipher(name: string): CipherWeakness[] {
  return WEAK_PATTERNS.filter((p) => containsPart(name.trim(), p.pattern)).map((p) => ({
    severity: p.severity,
    pattern: p.pattern,
    why: p.why,
  }));
}

/** The suites a securityLevel selects, decided per name as Liberty's filter does. */
export function inSecurityLevel(name: string, level: Exclude<SecurityLevel, 'CUSTOM'>): boolean {
  const f = RAW_CIPHERS.securityLevelFilters[level];
  const n = name.toUpperCase();
  return (
    f.include.some((p) => n.includes(p.toUpperCase())) && !f.exclude.some((p) => n.includes(p.toUpperCase()))
  );
}

export interface CipherListEntry {
  name: string;
  offset: number;
}

/**
 * Splits an enabledCiphers value on blanks (the documented separator). Commas are reported
 * separately and also split on, so each name can still be looked at.
 */
export function splitCipherList(value: string): { names: CipherListEntry[]; commas: boolean } {
  const names: CipherListEntry[] = [];
  const re = /[^\s,]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    names.push({ name: m[0], offset: m.index });
  }
  return { names, commas: value.includes(',') };
}

/**
 * LIB-TLS-010: `SSL_`-prefixed ECDHE or GCM suite names are IBM Java 8 aliases that Java 11+ JSSE
 * rejects ("Unsupported CipherSuite").
 */
export function sslAliasFailsOnJava11(name: string): boolean {
  return /^SSL_/.test(name) && /ECDHE|GCM/.test(name);
}

/** The `TLS_` spelling of an `SSL_` alias (unchanged otherwise). */
export function tlsSpelling(name: string): string {
  return /^SSL_/.test(name) ? `TLS_${name.slice(4)}` : name;
}

export const SECURITY_LEVELS: readonly LibertyEnumValue[] =
  libertyAttribute('ssl', 'securityLevel')?.values ?? [];

// ---------------------------------------------------------------------------------------------
// Client authentication, passwords, host-name verification

export const CLIENT_AUTH = {
  clientAuthentication: reference.clientAuth.clientAuthentication,
  clientAuthenticationSupported: reference.clientAuth.clientAuthenticationSupported,
  both: reference.clientAuth.both,
  trust: reference.clientAuth.trust,
  sources: sourceIdsIn(reference.clientAuth.source),
} as const;

export type PasswordEncoding = '{xor}' | '{aes}' | '{hash}' | '{custom}' | '${...}';

export interface PasswordEncodingDef {
  encoding: PasswordEncoding;
  strength: string;
  /** False where a key store cannot use it ({hash}: a key store password must be decryptable). */
  keyStoreOk: boolean;
  notes?: string;
}

export const PASSWORD_ENCODINGS: ReadonlyMap<PasswordEncoding, PasswordEncodingDef> = new Map(
  (
    Object.entries(reference.passwords.encodings) as [
      PasswordEncoding,
      { strength: string; keyStoreOk: boolean; notes?: string },
    ][]
  ).map(([encoding, d]) => [encoding, { encoding, ...d }]),
);

export const PASSWORDS = {
  zos: reference.passwords.zos,
  keyringPasswordIgnored: reference.passwords.keyringPasswordIgnored,
  sources: sourceIdsIn(reference.passwords.source),
  uncertainZos: isUncertainText(reference.passwords.zos),
} as const;

/**
 * How a password value is stored: an encoding prefix ({xor}, {aes}, {hash}, {custom…}), a variable,
 * or 'plain'. Prefixes are matched without case: an encoded value must not be called plain text.
 */
export function passwordEncodingOf(value: string): {
  encoding: PasswordEncoding | 'plain';
  def?: PasswordEncodingDef;
} {
  if (value.includes('${')) {
    return { encoding: '${...}', def: PASSWORD_ENCODINGS.get('${...}') };
  }
  const m = /^\{([a-z]+)[^}]*\}/i.exec(value.trim());
  const def = m ? PASSWORD_ENCODINGS.get(`{${m[1].toLowerCase()}}` as PasswordEncoding) : undefined;
  return def ? { encoding: def.encoding, def } : { encoding: 'plain' };
}

export const HOSTNAME_VERIFICATION = {
  verifyHostnameDefault: reference.hostnameVerification.verifyHostnameDefault,
  since: reference.hostnameVerification.since,
  disabledMessage: reference.hostnameVerification.disabledMessage,
  failureMessage: reference.hostnameVerification.failureMessage,
  httpHostNameVerificationDefault: reference.hostnameVerification.httpHostNameVerificationDefault,
  sources: sourceIdsIn(reference.hostnameVerification.source),
} as const;

// ---------------------------------------------------------------------------------------------
// Messages and lint rules

export type LibertyMessageSeverity = 'I' | 'A' | 'W' | 'E';

export interface LibertyMessageDef {
  id: string;
  severity: LibertyMessageSeverity;
  meaning: string;
  /** Empty when the reference gives no action (informational messages). */
  action: string;
  sources: readonly string[];
}

export const LIBERTY_MESSAGES: ReadonlyMap<string, LibertyMessageDef> = new Map(
  (
    reference.messages as {
      id: string;
      severity: LibertyMessageSeverity;
      meaning: string;
      action: string;
      source: string;
    }[]
  ).map((m) => [
    m.id,
    { id: m.id, severity: m.severity, meaning: m.meaning, action: m.action, sources: sourceIdsIn(m.source) },
  ]),
);

export function libertyMessage(id: string): LibertyMessageDef | undefined {
  return LIBERTY_MESSAGES.get(id.trim().toUpperCase());
}

export interface LibertyLintRuleDef {
  id: string;
  title: string;
  severity: string;
  appliesTo: readonly string[];
  logic: string;
  evidence: readonly string[];
  falseErrorGuards: readonly string[];
  quickFix?: string;
  sources: readonly string[];
}

export const LIBERTY_LINT_RULES: ReadonlyMap<string, LibertyLintRuleDef> = new Map(
  RAW_LINT_RULES.map((r) => [
    r.id,
    {
      id: r.id,
      title: r.title,
      severity: r.severity,
      appliesTo: r.appliesTo,
      logic: r.logic,
      evidence: r.evidence,
      falseErrorGuards: r.falseErrorGuards ?? [],
      quickFix: r.quickFix ?? undefined,
      sources: sourceIdsIn(r.evidence.join(' ')),
    },
  ]),
);

/** A LIB-TLS-nnn rule of the reference (rules.md maps liberty/* ids to these numbers). */
export function libertyLintRule(id: string): LibertyLintRuleDef | undefined {
  return LIBERTY_LINT_RULES.get(id);
}

/** Values the corpus showed must never be reported (Go templates, ${VAR}, placeholders ...). */
export const CORPUS_FALSE_ERROR_GUARDS: readonly string[] = reference.corpusFalseErrorGuards;
