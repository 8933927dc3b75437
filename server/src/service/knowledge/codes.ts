// Typed view over codes.json (copied from shared/docs; a test keeps the copy identical): the return,
// reason, alert and message codes a z/OS TLS failure leaves behind. Every entry keeps the source and
// the "uncertain" mark of the reference; nothing here adds a code, a number or a name of its own.
import reference from './codes.json';

export type CodeKind =
  | 'tls-alert'
  | 'handshake-type'
  | 'content-type'
  | 'protocol-version'
  | 'gsk-rc'
  | 'gsk-trace-type'
  | 'attls-rc'
  | 'attls-message'
  | 'icsf-reason'
  | 'icsf-service'
  | 'racf-message'
  | 'java-error'
  | 'liberty-message';

/** One code of one table, in the shape the recogniser and the hover need. */
export interface CodeEntry {
  /** The reference id (`tls-alert-40`, `icsf-8-BFE`, `EZD1287I`, ...). */
  id: string;
  kind: CodeKind;
  /** The codes.json table the entry comes from. */
  table: CodeTable;
  /** The canonical written code: `40`, `8/BFE`, `0x0335308F`, `EZD1287I`, `0x0303`, a Java text. */
  code: string;
  /** Every written form the reference lists (deduplicated), plus the canonical code. */
  forms: string[];
  title: string;
  meaning: string;
  causes: string[];
  fix?: string;
  /** AT-TLS parameters, RACDCERT keywords, server.xml attributes the reference ties to the code. */
  related: string[];
  /** URLs, or a description of the source where the reference has no URL. */
  sources: string[];
  uncertain: boolean;
  /** Extra facts of the reference worth a line in the hover (symbol, message format, alert sent...). */
  facts: string[];
  note?: string;
  /** Numeric value where the code is a number (alerts, types, GSK and AT-TLS rcs, ICSF rc). */
  value?: number;
  /** ICSF pairs only. */
  returnCode?: number;
  reasonCode?: number;
}

export type CodeTable =
  | 'tlsAlerts'
  | 'handshakeTypes'
  | 'contentTypes'
  | 'protocolVersions'
  | 'gskReturnCodes'
  | 'gskTraceRecordTypes'
  | 'attlsReturnCodes'
  | 'attlsMessages'
  | 'icsf'
  | 'racfMessages'
  | 'javaErrors'
  | 'libertyMessages';

// The raw shapes vary per table; one loose record type keeps the adapters below readable.
interface Raw {
  id: string;
  code?: string | number;
  hex?: string | null;
  name?: string;
  names?: string[];
  forms?: string[];
  title?: string;
  text?: string;
  olderText?: string;
  match?: string;
  meaning?: string;
  note?: string;
  usedIn?: string;
  status?: string;
  causes?: string[];
  fix?: string | null;
  related?: string[];
  source?: string[];
  uncertain?: boolean;
  symbol?: string | null;
  symbolIbmI?: string | null;
  family?: string;
  kind?: string;
  returnCode?: number;
  reasonCode?: number;
  reasonHex?: string;
  format?: string;
  traceLevel?: number;
  entryId?: string;
  level?: string;
  description?: string;
  exception?: string;
  jdk?: string;
  alertSent?: string | null;
  csfservResource?: string;
  tls13AlwaysFatal?: boolean;
}

const ref = reference as unknown as Record<CodeTable | 'alertLevels', Raw[]>;

function uniq(xs: (string | undefined | null)[]): string[] {
  return [...new Set(xs.filter((x): x is string => typeof x === 'string' && x.length > 0))];
}

function base(
  raw: Raw,
  kind: CodeKind,
  table: CodeTable,
  code: string,
  title: string,
  meaning: string,
): CodeEntry {
  return {
    id: raw.id,
    kind,
    table,
    code,
    forms: uniq([code, ...(raw.forms ?? [])]),
    title,
    meaning,
    causes: raw.causes ?? [],
    fix: raw.fix ?? undefined,
    related: raw.related ?? [],
    sources: raw.source ?? [],
    uncertain: raw.uncertain === true,
    facts: [],
    note: raw.note,
  };
}

function alerts(): CodeEntry[] {
  return ref.tlsAlerts.map((r) => {
    const e = base(r, 'tls-alert', 'tlsAlerts', String(r.code), `${r.name} (${r.code})`, r.meaning ?? '');
    e.value = Number(r.code);
    e.forms = uniq([...e.forms, r.name]);
    if (r.tls13AlwaysFatal) {
      e.facts.push('Always fatal in TLS 1.3.');
    }
    if (r.status && r.status !== 'active') {
      e.facts.push(`IANA status: ${r.status}.`);
    }
    return e;
  });
}

/** Alert levels (1 warning, 2 fatal): curl prints level × 256 + description. */
export const ALERT_LEVELS: ReadonlyMap<number, string> = new Map(
  ref.alertLevels.map((r) => [Number(r.code), r.name ?? '']),
);

function typeTable(table: 'handshakeTypes' | 'contentTypes', kind: CodeKind, what: string): CodeEntry[] {
  return ref[table].map((r) => {
    const e = base(
      r,
      kind,
      table,
      String(r.code),
      `${r.name} (${r.code})`,
      r.usedIn ?? r.note ?? `${what} ${r.name}.`,
    );
    e.value = Number(r.code);
    e.forms = uniq([...e.forms, r.hex, r.name, `(${r.code})`]);
    e.facts.push(`${what} ${r.code} (${r.hex}).`);
    if (r.usedIn && r.note) {
      e.facts.push(r.note);
    }
    return e;
  });
}

function versions(): CodeEntry[] {
  return ref.protocolVersions.map((r) => {
    const code = String(r.code);
    const e = base(
      r,
      'protocol-version',
      'protocolVersions',
      code,
      `${r.name} (${code})`,
      r.note ?? `The ${r.name} protocol version.`,
    );
    e.value = parseInt(code, 16);
    e.forms = uniq([...e.forms, ...(r.names ?? [])]);
    e.facts.push(`Protocol version field ${code}; also written ${(r.names ?? []).join(', ')}.`);
    return e;
  });
}

function gsk(): CodeEntry[] {
  return ref.gskReturnCodes.map((r) => {
    const cms = r.family === 'cms-status-code';
    const code = cms ? String(r.hex) : String(r.code);
    const symbol = r.symbol ?? r.symbolIbmI;
    const title = `${cms ? 'CMS status' : 'System SSL rc'} ${code}${symbol ? ` ${symbol}` : ''}: ${r.title ?? ''}`;
    const e = base(r, 'gsk-rc', 'gskReturnCodes', code, title, r.meaning ?? '');
    e.value = Number(r.code);
    if (r.symbol) {
      e.facts.push(`Symbol: \`${r.symbol}\`.`);
    } else if (r.symbolIbmI) {
      e.facts.push(`IBM i symbol \`${r.symbolIbmI}\` (same number; the z/OS name was not seen).`);
    }
    if (r.family === 'deprecated-function-return-code') {
      e.facts.push('Return code of the deprecated System SSL API (negative values).');
    }
    return e;
  });
}

function traceTypes(): CodeEntry[] {
  return ref.gskTraceRecordTypes.map((r) => {
    const e = base(
      r,
      'gsk-trace-type',
      'gskTraceRecordTypes',
      String(r.entryId),
      `GSK trace record ${r.entryId} ${r.description}`,
      r.meaning ?? '',
    );
    e.value = parseInt(String(r.entryId), 16);
    e.forms = uniq([String(r.entryId), r.description?.startsWith('SSL_') ? r.description : undefined]);
    e.facts.push(`Trace level ${r.level}.`);
    return e;
  });
}

function attlsRcs(): CodeEntry[] {
  return ref.attlsReturnCodes.map((r) => {
    const e = base(
      r,
      'attls-rc',
      'attlsReturnCodes',
      String(r.code),
      `AT-TLS RC ${r.code}: ${r.title ?? ''}`,
      r.meaning ?? '',
    );
    if (typeof r.code === 'number') {
      e.value = r.code;
    }
    return e;
  });
}

function attlsMessages(): CodeEntry[] {
  return ref.attlsMessages.map((r) => {
    const e = base(r, 'attls-message', 'attlsMessages', String(r.code), String(r.code), r.meaning ?? '');
    if (r.format) {
      e.facts.push(`Format: \`${r.code} ${r.format}\``);
    }
    if (r.traceLevel !== undefined) {
      e.facts.push(`Written at AT-TLS Trace level ${r.traceLevel}.`);
    }
    return e;
  });
}

function icsf(): CodeEntry[] {
  return ref.icsf.map((r) => {
    const service = r.kind === 'service' || r.kind === 'csfserv-resource';
    let title = `${r.code}: ${r.title ?? ''}`;
    if (r.kind === 'return-reason') {
      title = `ICSF ${r.code} (return code ${r.returnCode}, reason ${r.reasonHex} = ${r.reasonCode}): ${r.title ?? ''}`;
    } else if (r.kind === 'return-code') {
      title = `ICSF return code ${r.code}: ${r.title ?? ''}`;
    }
    const e = base(
      r,
      service ? 'icsf-service' : 'icsf-reason',
      'icsf',
      String(r.code),
      title,
      r.meaning ?? '',
    );
    if (r.returnCode !== undefined) {
      e.returnCode = r.returnCode;
      e.value = r.returnCode;
    }
    if (r.reasonCode !== undefined) {
      e.reasonCode = r.reasonCode;
    }
    if (r.csfservResource) {
      e.facts.push(`CSFSERV resource: \`${r.csfservResource}\`.`);
    }
    return e;
  });
}

function racf(): CodeEntry[] {
  return ref.racfMessages.map((r) => {
    const e = base(
      r,
      'racf-message',
      'racfMessages',
      String(r.code),
      `${r.code}: ${r.text ?? ''}`,
      r.meaning ?? '',
    );
    return e;
  });
}

function java(): CodeEntry[] {
  return ref.javaErrors.map((r) => {
    const e = base(r, 'java-error', 'javaErrors', String(r.match), String(r.text), r.meaning ?? '');
    e.forms = uniq([r.match, r.text]);
    e.facts.push(`Exception: \`${r.exception}\` (JDK ${r.jdk}).`);
    if (r.alertSent) {
      e.facts.push(`Alert sent to the peer: ${r.alertSent}.`);
    }
    return e;
  });
}

function liberty(): CodeEntry[] {
  return ref.libertyMessages.map((r) => {
    const e = base(
      r,
      'liberty-message',
      'libertyMessages',
      String(r.code),
      `${r.code}: ${r.text ?? ''}`,
      r.meaning ?? '',
    );
    if (r.olderText) {
      e.facts.push(`Older text: ${r.olderText}`);
    }
    return e;
  });
}

/** Every table, in the order of codes.md. */
export const CODE_TABLES: Readonly<Record<CodeTable, readonly CodeEntry[]>> = {
  tlsAlerts: alerts(),
  handshakeTypes: typeTable('handshakeTypes', 'handshake-type', 'Handshake message type'),
  contentTypes: typeTable('contentTypes', 'content-type', 'Record content type'),
  protocolVersions: versions(),
  gskReturnCodes: gsk(),
  gskTraceRecordTypes: traceTypes(),
  attlsReturnCodes: attlsRcs(),
  attlsMessages: attlsMessages(),
  icsf: icsf(),
  racfMessages: racf(),
  javaErrors: java(),
  libertyMessages: liberty(),
};

export const ALL_CODES: readonly CodeEntry[] = Object.values(CODE_TABLES).flat();

const BY_ID = new Map(ALL_CODES.map((e) => [e.id, e]));

export function codeById(id: string): CodeEntry | undefined {
  return BY_ID.get(id);
}

function index(
  entries: readonly CodeEntry[],
  key: (e: CodeEntry) => string | undefined,
): Map<string, CodeEntry> {
  const m = new Map<string, CodeEntry>();
  for (const e of entries) {
    const k = key(e);
    if (k !== undefined && !m.has(k)) {
      m.set(k, e);
    }
  }
  return m;
}

const ALERT_BY_VALUE = index(CODE_TABLES.tlsAlerts, (e) => String(e.value));
const ALERT_BY_NAME = index(CODE_TABLES.tlsAlerts, (e) =>
  e.forms.find((f) => /^[a-z][A-Za-z_]*_[A-Za-z_]+$/.test(f))?.toLowerCase(),
);
const HS_BY_VALUE = index(CODE_TABLES.handshakeTypes, (e) => String(e.value));
const CT_BY_VALUE = index(CODE_TABLES.contentTypes, (e) => String(e.value));
const VERSION_BY_VALUE = index(CODE_TABLES.protocolVersions, (e) => String(e.value));
const GSK_BY_VALUE = index(
  CODE_TABLES.gskReturnCodes.filter((e) => !e.code.startsWith('0x')),
  (e) => String(e.value),
);
const CMS_BY_HEX = index(
  CODE_TABLES.gskReturnCodes.filter((e) => e.code.startsWith('0x')),
  (e) => e.code.slice(2).toUpperCase(),
);
const TRACE_BY_FORM = new Map(
  CODE_TABLES.gskTraceRecordTypes.flatMap((e) => e.forms.map((f) => [f.toUpperCase(), e] as const)),
);
const ATTLS_RC_BY_VALUE = index(CODE_TABLES.attlsReturnCodes, (e) =>
  e.value === undefined ? undefined : String(e.value),
);
const ICSF_PAIR = index(
  CODE_TABLES.icsf.filter((e) => e.reasonCode !== undefined),
  (e) => `${e.returnCode}/${e.reasonCode}`,
);
const ICSF_RC = index(
  CODE_TABLES.icsf.filter((e) => e.reasonCode === undefined && e.returnCode !== undefined),
  (e) => String(e.returnCode),
);
const ICSF_SERVICE = index(
  CODE_TABLES.icsf.filter((e) => e.kind === 'icsf-service'),
  (e) => e.code.toUpperCase(),
);
const MESSAGE_IDS = index(
  [...CODE_TABLES.attlsMessages, ...CODE_TABLES.racfMessages, ...CODE_TABLES.libertyMessages],
  (e) => e.code.toUpperCase(),
);

export const alertByValue = (n: number): CodeEntry | undefined => ALERT_BY_VALUE.get(String(n));
export const alertByName = (name: string): CodeEntry | undefined => ALERT_BY_NAME.get(name.toLowerCase());
export const handshakeTypeByValue = (n: number): CodeEntry | undefined => HS_BY_VALUE.get(String(n));
export const contentTypeByValue = (n: number): CodeEntry | undefined => CT_BY_VALUE.get(String(n));
export const protocolVersionByValue = (n: number): CodeEntry | undefined => VERSION_BY_VALUE.get(String(n));
export const gskByValue = (n: number): CodeEntry | undefined => GSK_BY_VALUE.get(String(n));
/** A CMS status code by its 8 hex digits (any case, no 0x). */
export const cmsByHex = (hex8: string): CodeEntry | undefined => CMS_BY_HEX.get(hex8.toUpperCase());
export const traceTypeByForm = (form: string): CodeEntry | undefined => TRACE_BY_FORM.get(form.toUpperCase());
export const attlsRcByValue = (n: number): CodeEntry | undefined => ATTLS_RC_BY_VALUE.get(String(n));
export const icsfPair = (rc: number, reason: number): CodeEntry | undefined =>
  ICSF_PAIR.get(`${rc}/${reason}`);
export const icsfReturnCode = (rc: number): CodeEntry | undefined => ICSF_RC.get(String(rc));
export const icsfService = (name: string): CodeEntry | undefined => ICSF_SERVICE.get(name.toUpperCase());
/** AT-TLS (EZD/EZZ), RACF (IRRD/ICH) and Liberty (CW...) message ids of the tables. */
export const messageById = (id: string): CodeEntry | undefined => MESSAGE_IDS.get(id.toUpperCase());

/** Alert names written with spaces or in title case (OpenSSL "alert handshake failure", Wireshark). */
export const ALERT_NAMES: readonly string[] = [...ALERT_BY_NAME.keys()];

/** Entries per table, for the README's coverage line and the test that a table never shrinks. */
export function coverage(): Record<CodeTable, number> {
  return Object.fromEntries(Object.entries(CODE_TABLES).map(([k, v]) => [k, v.length])) as Record<
    CodeTable,
    number
  >;
}
