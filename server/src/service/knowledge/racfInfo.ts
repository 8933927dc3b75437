// Markdown explanations of RACDCERT functions and keywords, key sizes, dates, FACILITY and RDATALIB
// resources and IRRD messages, for hovers and diagnostics. Every fact comes from the RACF reference
// tables (racdcert-reference.json, via racfKeywords) with its source; the wording is ours. Facts the
// reference marks uncertain say "uncertain" wherever they are shown.
import type { KeyType, RacfKeywordDef, RacfLimit } from './racfKeywords';
import {
  DATES,
  EXPORT_FORMATS,
  EXPORT_FORMATS_SOURCE,
  FACILITY_ACCESS_LEVELS,
  FACILITY_GENERIC,
  FACILITY_MISSPELLINGS,
  FACILITY_RESOURCES,
  FACILITY_SOURCE,
  KEY_SIZES,
  KEY_USAGE,
  RACF_COMMANDS,
  RACF_FIPS,
  RACF_SOURCES,
  RDATALIB,
  RDATALIB_COMMANDS,
  REFRESH_CLASSES,
  facilityResource,
  functionsIssuing,
  keyTypeOf,
  keyUsageFor,
  keywordDef,
  parseRdatalibProfile,
  permitNotes,
  racdcertFunction,
  racfCommand,
  racfMessage,
} from './racfKeywords';
import { sourcesMarkdown as attlsSourcesMarkdown, signaturePairByCode } from './cipherInfo';

const SOURCE_ID = /\bR\d+\b|\bcorpus\b/g;

/** Source ids rendered as links; `corpus` names the real files the reference was checked against. */
export function racfSourcesMarkdown(source: string | undefined): string {
  if (!source) {
    return 'Source: not recorded in the reference.';
  }
  const ids = [...new Set(source.match(SOURCE_ID) ?? [])];
  const parts = ids.map((id) => {
    if (id === 'corpus') {
      return 'real jobs and execs (the reference corpus)';
    }
    const text = RACF_SOURCES[id] ?? '';
    const m = /https?:\/\/\S+/.exec(text);
    return m ? `[${id}](${m[0].replace(/[),;]+$/, '')})` : `${id} (${text || 'no description'})`;
  });
  return `Source: ${parts.join(', ') || source}`;
}

const UNCERTAIN = '⚠ **uncertain**';

function uncertainLine(uncertain: boolean | undefined, why: string): string | undefined {
  return uncertain ? `${UNCERTAIN} — ${why}` : undefined;
}

function push(lines: string[], ...more: (string | undefined)[]): void {
  for (const l of more) {
    if (l !== undefined) {
      lines.push('', l);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Functions and commands

/** A RACDCERT function (GENCERT, CONNECT, ...) or a companion command (SETROPTS, PERMIT, ...). */
export function functionMarkdown(name: string): string {
  const fn = racdcertFunction(name);
  if (!fn) {
    return commandMarkdown(name);
  }
  const lines = [`**RACDCERT ${fn.name}** — ${fn.summary}`, '', '```', fn.form, '```'];
  if (fn.since) {
    lines.push('', `Available since ${fn.since}.`);
  }
  if (fn.operand) {
    const op = fn.operand;
    const inner = op.subkeywords.size
      ? `nested keywords ${[...op.subkeywords.keys()].map((k) => `\`${k}\``).join(', ')}`
      : valueTypeText(op.valueType);
    lines.push(
      '',
      `${fn.name}(…) holds ${inner}${op.required === false ? ' (the parentheses are optional)' : ''}.`,
    );
    if (op.notes) {
      lines.push('', op.notes);
    }
  }
  if (fn.keywords.size) {
    lines.push('', `Keywords: ${[...fn.keywords.keys()].map((k) => `\`${k}\``).join(' ')}`);
  }
  for (const group of fn.conflicts) {
    lines.push('', `Only one of ${group.map((k) => `\`${k}\``).join(', ')}.`);
  }
  for (const [cond, needs] of fn.requires) {
    lines.push('', `With ${cond.replace('=', ' ')}, ${needs} is required.`);
  }
  for (const imp of fn.implies) {
    lines.push('', `Note: ${imp}.`);
  }
  if (fn.forbiddenOwners.length) {
    lines.push(
      '',
      `A ${fn.forbiddenOwners.join(' or ')} owner is refused${fn.forbiddenOwnersMessage ? ` (${fn.forbiddenOwnersMessage})` : ''}: only a user owns a key ring.`,
    );
  }
  if (fn.authority) {
    lines.push(
      '',
      `Authority: ${fn.authority}${fn.authorityUncertain ? ` (${UNCERTAIN}: the access levels were not confirmed in IBM text)` : ''}.`,
    );
  }
  if (fn.refresh.length) {
    lines.push(
      '',
      `Afterwards, if the class is RACLISTed: \`SETROPTS RACLIST(${fn.refresh.join(' ')}) REFRESH\`.`,
    );
  }
  if (fn.messages.length) {
    const msgs = fn.messages.map((id) => {
      const m = racfMessage(id);
      return m ? `\`${id}\` ${m.text}` : `\`${id}\``;
    });
    lines.push('', 'Messages:', ...msgs.map((m) => `- ${m}`));
  }
  if (fn.notes.length) {
    lines.push('', ...fn.notes.map((n) => `- ${n}`));
  }
  if (fn.issuingOptions && !fn.issuingOptions.commandDirection) {
    lines.push('', 'Cannot be directed to another system with AT or ONLYAT.');
  }
  push(
    lines,
    uncertainLine(
      fn.uncertain,
      'the reference could not read this function’s IBM syntax diagram; its keyword set is assembled from samples',
    ),
  );
  lines.push('', racfSourcesMarkdown(fn.source));
  return lines.join('\n');
}

/** A companion command: SETROPTS (SETR), PERMIT, RDEFINE, RALTER, RLIST, or RACDCERT itself. */
export function commandMarkdown(name: string): string {
  const cmd = racfCommand(name);
  if (!cmd) {
    return `**${name}** — not a RACF command the reference knows.`;
  }
  const lines = [`**${cmd.name}** — ${cmd.summary}`];
  if (cmd.abbreviations.length) {
    lines.push('', `Also written ${cmd.abbreviations.map((a) => `\`${a}\``).join(', ')}.`);
  }
  if (cmd.name === 'RACDCERT') {
    const fns = [...new Set([...RACF_COMMANDS.get('RACDCERT')!.forms].map((f) => f.split(/[\s([]/)[1]))];
    lines.push('', `Functions: ${fns.map((f) => `\`${f}\``).join(' ')}`);
  } else if (cmd.forms.length) {
    lines.push('', 'As used with certificates and key rings:', '', '```', ...cmd.forms, '```');
  }
  if (cmd.keywords.size && cmd.name !== 'RACDCERT') {
    lines.push(
      '',
      `Keywords the reference shows: ${[...cmd.keywords.keys()].map((k) => `\`${k}\``).join(' ')}`,
    );
  }
  if (!cmd.keywordsComplete && cmd.name !== 'RACDCERT') {
    lines.push('', 'The reference quotes only these uses of the command; it has other keywords.');
  }
  if (cmd.notes) {
    lines.push('', cmd.notes);
  }
  if (cmd.name === 'SETROPTS') {
    lines.push(
      '',
      'Refresh after:',
      ...Object.entries(REFRESH_CLASSES).map(([cls, after]) => `- \`${cls}\` — ${after}`),
    );
  }
  push(lines, uncertainLine(cmd.uncertain, 'the reference documents no syntax for this command'));
  lines.push('', racfSourcesMarkdown(cmd.source));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Keywords

const VALUE_TYPES: Record<string, string> = {
  flag: 'no value: the keyword alone',
  userid: 'a RACF user ID',
  'quoted-string': 'a value in apostrophes (an apostrophe inside it is doubled)',
  'quoted-string-list': 'one or more values in apostrophes, separated by blanks or commas',
  'dataset-name':
    'a data set name: in apostrophes it is fully qualified; without them the TSO prefix is added',
  'ring-name': 'a key ring name, case-sensitive, normally written without apostrophes',
  'ring-name-or-*': 'a key ring name, or `*` for every ring of the owner',
  'pkds-label': 'an ICSF PKDS key label',
  subfield: 'nested keywords in parentheses',
  'subfield-list': 'nested keywords in parentheses',
  'flag-or-subfield': 'the keyword alone, or with nested keywords in parentheses',
  keyword: 'one of the listed values',
  'keyword-list': 'one or more of the listed values, separated by blanks or commas',
  integer: 'a decimal number',
  hex: 'a hexadecimal number',
  date: 'a date',
  time: 'a time of day',
  'ip-address': 'a numeric IPv4 or IPv6 address',
  'token-name': 'a PKCS #11 token name',
  'class-list': 'one or more class names, separated by blanks or commas',
  class: 'a class name',
  unknown: 'not described by the reference',
};

function valueTypeText(valueType: string): string {
  return VALUE_TYPES[valueType] ?? valueType;
}

function limitText(limit: RacfLimit | undefined): string | undefined {
  if (!limit || (limit.maxLength === undefined && !limit.pattern)) {
    return undefined;
  }
  const parts: string[] = [];
  if (limit.maxLength !== undefined) {
    parts.push(`up to ${limit.maxLength} characters`);
  }
  if (limit.pattern) {
    parts.push(`matching \`${limit.pattern}\``);
  }
  if (limit.notes) {
    parts.push(`(${limit.notes})`);
  }
  if (limit.uncertain) {
    parts.push(`— ${UNCERTAIN}`);
  }
  if (limit.source) {
    parts.push(`[${limit.source}]`);
  }
  return parts.join(' ');
}

function sizesLine(type: KeyType): string {
  switch (type) {
    case 'NISTECC':
    case 'BPECC': {
      const t = KEY_SIZES[type];
      return `${type} sizes: ${t.valid.join(', ')}${t.validUncertain ? ` (list ${UNCERTAIN})` : ''}; default ${t.default}${t.defaultUncertain ? ` (${UNCERTAIN})` : ''}.`;
    }
    case 'RSA': {
      const t = KEY_SIZES.RSA;
      return `RSA sizes: ${t.software.min}–${t.software.max} in software${t.software.uncertain ? ` (${UNCERTAIN})` : ''}; default ${t.default.value} since ${t.default.since}, ${t.default.before} before${t.default.uncertain ? ` (${UNCERTAIN})` : ''}.`;
    }
    case 'DSA': {
      const t = KEY_SIZES.DSA;
      return `DSA sizes: ${t.min}–${t.max}; default ${t.default}${t.uncertain ? ` (${UNCERTAIN})` : ''}.`;
    }
  }
}

/** Facts the reference keeps outside the keyword table, shown with the keywords they concern. */
function keywordExtras(def: RacfKeywordDef, within: readonly string[]): string[] {
  const out: string[] = [];
  const type = within.length === 0 ? keyTypeOf(def.name) : undefined;
  if (def.name === 'KEYUSAGE') {
    out.push(
      '| Value | Meaning |',
      '|---|---|',
      ...Object.entries(KEY_USAGE.values).map(([v, m]) => `| \`${v}\` | ${m} |`),
      '',
      `Allowed per key algorithm (otherwise ${KEY_USAGE.errorMessage}): ${Object.entries(
        KEY_USAGE.byAlgorithm,
      )
        .map(([alg, vs]) => `${alg}: ${vs.join(' ')}`)
        .join('; ')}.`,
      '',
      `For a CERTAUTH certificate: ${KEY_USAGE.certauth}.`,
    );
    if (KEY_USAGE.bitMappingUncertain) {
      out.push('', `The mapping to X.509 keyUsage bits is ${UNCERTAIN}.`);
    }
  } else if (def.name === 'FORMAT' && def.values?.includes('CERTB64')) {
    out.push(
      '| Format | Content |',
      '|---|---|',
      ...Object.entries(EXPORT_FORMATS).map(([v, m]) => `| \`${v}\` | ${m} |`),
      '',
      racfSourcesMarkdown(EXPORT_FORMATS_SOURCE),
    );
  } else if (def.name === 'SIZE') {
    out.push(...(['RSA', 'DSA', 'NISTECC', 'BPECC'] as const).map((t) => `- ${sizesLine(t)}`));
  } else if (type) {
    out.push(sizesLine(type));
    if (def.name === 'BPECC') {
      out.push('', `FIPS: ${RACF_FIPS.brainpool.text}.`);
    }
  } else if (
    def.name === 'NOTAFTER' ||
    def.name === 'NOTBEFORE' ||
    within.some((w) => /^NOT(AFTER|BEFORE)$/.test(w))
  ) {
    const which = def.name.startsWith('NOT') ? def.name : within.find((w) => w.startsWith('NOT'))!;
    const defaults = Object.entries(DATES.defaults).filter(([k]) => k.startsWith(which));
    out.push(
      `Written ${DATES.format}.`,
      '',
      `Defaults: ${defaults.map(([k, v]) => `${k.split('.')[1]} ${v}`).join(', ')}${DATES.defaultsUncertain ? ` (${UNCERTAIN})` : ''}.`,
      '',
      `${DATES.error}.`,
    );
  }
  return out;
}

/**
 * A keyword of a RACDCERT function or a companion command. `within` names the enclosing keywords
 * of a nested one: keywordMarkdown('GENCERT', 'CN', ['SUBJECTSDN']).
 */
export function keywordMarkdown(
  fnOrCommand: string,
  keyword: string,
  within: readonly string[] = [],
): string {
  const def = keywordDef(fnOrCommand, keyword, within);
  const fn = racdcertFunction(fnOrCommand);
  const owner = fn ? `RACDCERT ${fn.name}` : (racfCommand(fnOrCommand)?.name ?? fnOrCommand.toUpperCase());
  const path = within.map((w) => w.toUpperCase());
  if (!def) {
    const where = path.length ? ` inside ${path.join('(…')}(…)` : '';
    return `**${keyword.toUpperCase()}** — not a keyword of ${owner}${where} in the reference.`;
  }
  const context = path.length ? ` inside \`${path.join('(… ')}(…)\`` : '';
  const lines = [`**${def.name}** — keyword of ${owner}${context}`];
  if (def.notes) {
    lines.push('', def.notes);
  }
  const rows: [string, string][] = [['Value', valueTypeText(def.valueType)]];
  if (def.form) {
    rows.push(['Form', `\`${def.form}\``]);
  }
  if (def.format) {
    rows.push(['Format', `\`${def.format}\``]);
  }
  if (def.quoted === false) {
    rows.push(['Quotes', 'written without apostrophes']);
  }
  const limit = limitText(def.limit);
  if (limit) {
    rows.push(['Limit', limit]);
  }
  if (def.values?.length) {
    rows.push(['Values', def.values.map((v) => `\`${v}\``).join(' ')]);
  }
  if (def.abbreviations?.length) {
    rows.push(['Also written', def.abbreviations.map((v) => `\`${v}\``).join(' ')]);
  }
  if (def.default !== undefined) {
    rows.push(['Default', `\`${def.default}\``]);
  }
  if (def.required) {
    rows.push(['Required', 'yes']);
  }
  if (def.subkeywords.size) {
    rows.push(['Nested keywords', [...def.subkeywords.keys()].map((k) => `\`${k}\``).join(' ')]);
  }
  if (def.since) {
    rows.push(['Since', def.since]);
  }
  if (def.multipleSince) {
    rows.push(['Several values', `from ${def.multipleSince} (before that, one value of each kind)`]);
  }
  lines.push('', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`));
  for (const group of def.conflicts ?? []) {
    lines.push('', `Only one of ${group.map((k) => `\`${k}\``).join(', ')}.`);
  }
  const exclusive = (fn?.conflicts ?? []).find((g) => path.length === 0 && g.includes(def.name));
  if (exclusive) {
    lines.push('', `Only one of ${exclusive.map((k) => `\`${k}\``).join(', ')}.`);
  }
  const extras = keywordExtras(def, path);
  if (extras.length) {
    lines.push('', ...extras);
  }
  if (def.origin === 'borrowed' && def.borrowedFrom) {
    lines.push(
      '',
      `Named in the syntax form of ${owner}; the description is the reference's entry for RACDCERT ${def.borrowedFrom}.`,
    );
  } else if (def.origin === 'form') {
    lines.push('', `Named in the syntax form of ${owner}; the reference describes it no further.`);
  }
  push(
    lines,
    uncertainLine(def.uncertain, 'the reference could not confirm this keyword or its details in IBM text'),
  );
  lines.push('', racfSourcesMarkdown(def.source));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// FACILITY and RDATALIB

/** An IRR.DIGTCERT.* resource of the FACILITY class: what its access levels allow. */
export function facilityResourceMarkdown(resourceName: string): string {
  const name = resourceName.trim().toUpperCase();
  if (name === FACILITY_GENERIC.toUpperCase()) {
    return [
      `**${FACILITY_GENERIC}** — generic FACILITY profile covering every RACDCERT function resource`,
      '',
      `Access levels: ${FACILITY_ACCESS_LEVELS}.`,
      '',
      'A generic profile needs generic checking for the class: `SETROPTS GENERIC(FACILITY)`.',
      '',
      racfSourcesMarkdown(FACILITY_SOURCE),
    ].join('\n');
  }
  const def = facilityResource(name);
  if (!def) {
    const misspelt = FACILITY_MISSPELLINGS.find((m) => m.split(' ')[0].toUpperCase() === name);
    const lines = [
      `**${name}** — not a RACDCERT FACILITY resource`,
      '',
      `The RACDCERT resources are \`IRR.DIGTCERT.<function>\` (${[...FACILITY_RESOURCES.keys()]
        .filter((k) => FACILITY_RESOURCES.get(k)!.seenInIbmText)
        .map((k) => `\`${k}\``)
        .join(', ')}, …).`,
    ];
    if (misspelt) {
      lines.push('', `This misspelling was seen in a real file: ${misspelt}.`);
    }
    lines.push('', racfSourcesMarkdown(FACILITY_SOURCE));
    return lines.join('\n');
  }
  const lines = [
    `**${def.name}** — FACILITY resource guarding \`RACDCERT ${def.function ?? '?'}\`${def.name.endsWith('EXPORTKEY') ? ' of private keys' : ''}`,
  ];
  if (def.authority) {
    lines.push('', `What access allows: ${def.authority}.`);
  }
  for (const p of permitNotes(def.name)) {
    lines.push('', `\`ACCESS(${p.access})\`: ${p.text}. ${racfSourcesMarkdown(p.source)}`);
  }
  lines.push('', `General rule for these resources: ${FACILITY_ACCESS_LEVELS}.`);
  lines.push(
    '',
    `When the RDATALIB class has a matching profile (ring-specific \`owner.ring.LST\`/\`.UPD\`, or granular checking with \`IRR.RACDCERT.GRANULAR\`), that profile decides instead: ${RDATALIB.fallback}.`,
  );
  lines.push('', 'After a PERMIT: `SETROPTS RACLIST(FACILITY) REFRESH` (if FACILITY is RACLISTed).');
  if (!def.seenInIbmText) {
    lines.push(
      '',
      `${UNCERTAIN} — this resource name follows the IRR.DIGTCERT.<function> pattern; IBM text naming it was not read.`,
    );
  } else if (def.uncertain) {
    lines.push('', `${UNCERTAIN} — the access levels were not confirmed in IBM text.`);
  }
  lines.push('', racfSourcesMarkdown([def.source, def.authoritySource].filter(Boolean).join(',')));
  return lines.join('\n');
}

/** An RDATALIB profile: owner.ring.LST / owner.ring.UPD, certificate profiles, IRR.RACDCERT.GRANULAR. */
export function rdatalibMarkdown(profile: string): string {
  const p = parseRdatalibProfile(profile);
  const lines: string[] = [];
  switch (p.kind) {
    case 'ring': {
      const what = p.access === 'LST' ? RDATALIB.read : RDATALIB.update;
      lines.push(
        `**${profile.trim()}** — RDATALIB profile for ${p.access === 'LST' ? 'reading' : 'updating'} key ring \`${p.ring}\` of \`${p.owner}\``,
        '',
        `Controls the R_datalib functions ${what.split(':')[1]?.trim() ?? what}.`,
      );
      if (p.access === 'LST') {
        lines.push('', `Private keys: ${RDATALIB.privateKey}.`);
      }
      lines.push('', `Names: ${RDATALIB.case}.`);
      if (p.owner !== p.owner.toUpperCase()) {
        lines.push(
          '',
          `The owner \`${p.owner}\` is not in upper case, so this profile does not match the ring's owner.`,
        );
      }
      break;
    }
    case 'certificate':
      lines.push(
        `**${profile.trim()}** — RDATALIB profile for RACDCERT ${p.action} of certificate \`${p.label}\` of \`${p.owner}\``,
        '',
        `Certificate-specific profiles have the form ${RDATALIB.certificate}.`,
      );
      break;
    case 'granular': {
      const g = RDATALIB_COMMANDS.find((c) => /GRANULAR/.test(c.form));
      lines.push(
        `**${profile.trim()}** — switches on granular RDATALIB checking of RACDCERT`,
        '',
        g ? `${g.text}.` : '',
      );
      break;
    }
    default:
      return [
        `**${profile.trim()}** — not an RDATALIB profile form the reference knows`,
        '',
        `Ring profiles are ${RDATALIB.read.split(':')[0]} (read) and ${RDATALIB.update.split(':')[0]} (update); certificate profiles ${RDATALIB.certificate}.`,
        '',
        racfSourcesMarkdown(RDATALIB.source),
      ].join('\n');
  }
  lines.push(
    '',
    `R_datalib errors: ${Object.entries(RDATALIB.errors)
      .map(([code, text]) => `\`${code}\` ${text}`)
      .join('; ')}.`,
  );
  const raclist = RDATALIB_COMMANDS.find((c) => /CLASSACT/.test(c.form));
  lines.push(
    '',
    `${raclist ? `${raclist.text}: \`${raclist.form}\`. ` : ''}After RDEFINE or PERMIT: \`SETROPTS RACLIST(RDATALIB) REFRESH\`.`,
  );
  lines.push('', racfSourcesMarkdown(RDATALIB.source));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Messages

/** An IRRD message (or the SYSTSIN I/O error) by id. */
export function irrdMessageMarkdown(id: string): string {
  const m = racfMessage(id);
  if (!m) {
    return `**${id.trim().toUpperCase()}** — not a message the reference lists.`;
  }
  const lines = [`**${m.id}** — ${m.text}`];
  if (m.action) {
    lines.push('', `Then: ${m.action}.`);
  }
  if (m.rule) {
    lines.push('', `Rule: ${m.rule}.`);
  }
  if (m.limit !== undefined) {
    lines.push('', `Limit: ${m.limit} characters.`);
  }
  if (m.note) {
    lines.push('', `Issued by ${m.note}.`);
  }
  // The message table may qualify a function ("GENCERT (SIGNWITH)"); do not list it twice.
  const listed = m.functions ?? [];
  const fns = [
    ...listed,
    ...functionsIssuing(m.id).filter((f) => !listed.some((l) => l.split(' ')[0] === f)),
  ];
  if (fns.length) {
    lines.push('', `From: ${fns.map((f) => `RACDCERT ${f}`).join(', ')}.`);
  }
  lines.push('', racfSourcesMarkdown(m.source));
  return lines.join('\n');
}

/** The name the first brief used for irrdMessageMarkdown. */
export const ircdMessageMarkdown = irrdMessageMarkdown;

// ---------------------------------------------------------------------------------------------
// Key sizes

/** P-curve size → the TLS 1.3 ECDSA signature scheme tied to it (RFC 8446 names; codes as System SSL writes them). */
const TLS13_ECDSA: Record<number, { code: string; scheme: string }> = {
  256: { code: '0403', scheme: 'ecdsa_secp256r1_sha256' },
  384: { code: '0503', scheme: 'ecdsa_secp384r1_sha384' },
  521: { code: '0603', scheme: 'ecdsa_secp521r1_sha512' },
};

function tls13Lines(size: number | undefined): string[] {
  const rows = Object.entries(TLS13_ECDSA).map(([bits, s]) => {
    const pair = signaturePairByCode(s.code);
    const mark = Number(bits) === size ? ' ←' : '';
    return `| P-${bits} | \`${s.code}\` ${s.scheme}${pair ? ` (System SSL ${pair.name})` : ''}${mark} |`;
  });
  const lines = [
    'Under TLS 1.3 each ECDSA signature scheme belongs to one curve: the peer must enable the scheme of the certificate’s curve among its signature pairs.',
    '',
    '| Curve | TLS 1.3 signature scheme |',
    '|---|---|',
    ...rows,
  ];
  if (size === 192 || size === 224) {
    lines.push('', `TLS 1.3 defines no ECDSA signature scheme for P-${size}.`);
  }
  lines.push(
    '',
    `${attlsSourcesMarkdown('S44')} (RFC 8446 code points, general knowledge); System SSL codes ${attlsSourcesMarkdown(signaturePairByCode('0403')?.source).replace(/^Source: /, '')}; the tie was the cause of a field report in issue 3 (a NISTECC SIZE(256) server certificate failing under TLS 1.3).`,
  );
  return lines;
}

function normaliseKeyType(type: string): KeyType | undefined {
  return keyTypeOf(type) ?? (/^ECC$/i.test(type) ? 'NISTECC' : undefined);
}

/**
 * What a key type and size mean: the valid sizes, whether this one is among them, and for NIST
 * curves the TLS 1.3 signature scheme the curve needs. `size` may be omitted (the key type's facts).
 */
export function keySizeMarkdown(type: string, size?: number): string {
  const t = normaliseKeyType(type);
  if (!t) {
    return `**${type}** — not a key type the reference knows (RSA, PCICC, ICSF, DSA, NISTECC, BPECC).`;
  }
  const title = size === undefined ? `**${t}** key sizes` : `**${t} SIZE(${size})**`;
  const lines = [title];
  if (t === 'NISTECC' || t === 'BPECC') {
    const tab = KEY_SIZES[t];
    const valid = size === undefined || tab.valid.includes(size);
    lines.push(
      '',
      '| Size | Curve |',
      '|---|---|',
      ...tab.valid.map((v) => `| ${v} | ${tab.curves[String(v)]}${v === size ? ' ←' : ''} |`),
    );
    if (size !== undefined && valid) {
      lines.push('', `${size} is a valid ${t} size: ${tab.curves[String(size)]}.`);
    }
    if (!valid) {
      lines.push('', `**${size} is not a ${t === 'NISTECC' ? 'NIST prime-curve' : 'Brainpool'} size.**`);
      if (t === 'NISTECC' && size === 512) {
        lines.push(
          '',
          `512 is no NIST curve: P-521 is 521 bits, so write \`SIZE(521)\` for P-521. 512 is a Brainpool size (${KEY_SIZES.BPECC.curves['512']}) — write \`BPECC SIZE(512)\` if that curve was meant.`,
        );
      } else if (t === 'BPECC' && size === 521) {
        lines.push(
          '',
          `521 is a NIST size (${KEY_SIZES.NISTECC.curves['521']}): write \`NISTECC SIZE(521)\` for P-521.`,
        );
      } else {
        const other = t === 'NISTECC' ? KEY_SIZES.BPECC : KEY_SIZES.NISTECC;
        if (size !== undefined && other.valid.includes(size)) {
          lines.push(
            '',
            `${size} is a ${t === 'NISTECC' ? 'BPECC' : 'NISTECC'} size: ${other.curves[String(size)]}.`,
          );
        }
      }
      lines.push(
        '',
        `Whether RACF rejects such a size or rounds it up is ${UNCERTAIN}: ${KEY_SIZES.oddSizes.answer}`,
      );
    }
    lines.push('', `Default: ${tab.default}${tab.defaultUncertain ? ` (${UNCERTAIN})` : ''}.`);
    if (tab.weak?.length) {
      lines.push('', `Weak: ${tab.weak.join(', ')} (${RACF_FIPS.sp800131Strict.text} — SP 800-131 strict).`);
    }
    if (t === 'BPECC') {
      lines.push('', `FIPS: ${tab.fips ?? RACF_FIPS.brainpool.text}.`);
    } else {
      lines.push('', `FIPS: ${RACF_FIPS.NIST.text} (${UNCERTAIN}).`);
    }
    if (tab.validUncertain) {
      lines.push('', `The size list is ${UNCERTAIN}${tab.validNote ? `: ${tab.validNote}` : ''}.`);
    }
    if (t === 'NISTECC') {
      lines.push('', ...tls13Lines(size));
    }
    lines.push('', `Valid KEYUSAGE with ECC: ${keyUsageFor(t).join(' ')}.`);
    lines.push('', racfSourcesMarkdown(tab.source));
    return lines.join('\n');
  }
  if (t === 'RSA') {
    const r = KEY_SIZES.RSA;
    lines.push(
      '',
      `Software keys: ${r.software.min}–${r.software.max} bits (${UNCERTAIN}); ${r.software.notes}.`,
      '',
      `Keys in the PKDS or a token: up to ${r.pkdsOrToken.max} (${r.pkdsOrToken.notes}; ${UNCERTAIN}).`,
      '',
      `Default without SIZE: ${r.default.value} since ${r.default.since}, ${r.default.before} before (${UNCERTAIN}).`,
      '',
      `Recommended minimum: ${r.recommendedMin} (${racfSourcesMarkdown(r.recommendedSource).replace(/^Source: /, '')}).`,
    );
    if (size !== undefined) {
      if (size < r.software.min || size > r.pkdsOrToken.max) {
        lines.push('', `**${size} is outside ${r.software.min}–${r.pkdsOrToken.max}.**`);
      } else if (size < r.recommendedMin) {
        lines.push('', `**${size} is below the recommended minimum of ${r.recommendedMin}.**`);
      } else {
        lines.push('', `${size} is within the range and meets the recommended minimum.`);
      }
    }
    lines.push('', `FIPS: ${RACF_FIPS.RSA.text} (${UNCERTAIN}).`);
    lines.push('', `Valid KEYUSAGE with RSA: ${keyUsageFor('RSA').join(' ')}.`);
    lines.push('', racfSourcesMarkdown(r.source));
    return lines.join('\n');
  }
  const d = KEY_SIZES.DSA;
  lines.push(
    '',
    `${d.min}–${d.max} bits, default ${d.default}; ${d.rounding} (${UNCERTAIN}).`,
    '',
    `FIPS mode accepts ${d.fips.min}–${d.fips.max}.`,
  );
  if (size !== undefined) {
    if (size < d.min || size > d.max) {
      lines.push('', `**${size} is outside ${d.min}–${d.max}.**`);
    } else if (size % 64 !== 0) {
      lines.push('', `${size} is not a multiple of 64 (${UNCERTAIN} whether RACF rounds it up).`);
    } else {
      lines.push('', `${size} is within the range.`);
    }
  }
  lines.push('', `Valid KEYUSAGE with DSA: ${keyUsageFor('DSA').join(' ')}.`);
  lines.push('', racfSourcesMarkdown(d.source));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;

function ymd(text: string): { y: number; m: number; d: number; sep: string } | undefined {
  const m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(text.trim());
  return m ? { y: Number(m[1]), sep: m[2], m: Number(m[3]), d: Number(m[4]) } : undefined;
}

function dayNumber(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d
    ? Math.round(t / DAY_MS)
    : undefined;
}

/**
 * A DATE(...) value: whether it is written in the documented form, and the days until it (for
 * NOTAFTER: until expiry). `today` is a Date (its UTC calendar day) or a ccyy-mm-dd string, so the
 * caller decides the clock and tests stay deterministic.
 */
export function dateMarkdown(
  date: string,
  today: Date | string,
  which: 'NOTBEFORE' | 'NOTAFTER' = 'NOTAFTER',
): string {
  const parts = ymd(date);
  const lines = [`**DATE(${date.trim()})** — ${which === 'NOTAFTER' ? 'end' : 'start'} of validity`];
  if (!parts) {
    lines.push(
      '',
      `Not a date in the documented form ${DATES.format}.`,
      '',
      racfSourcesMarkdown(DATES.source),
    );
    return lines.join('\n');
  }
  const day = dayNumber(parts.y, parts.m, parts.d);
  if (day === undefined) {
    lines.push('', `There is no such calendar day.`, '', racfSourcesMarkdown(DATES.source));
    return lines.join('\n');
  }
  const todayParts = typeof today === 'string' ? ymd(today) : undefined;
  const todayDay =
    typeof today === 'string'
      ? todayParts && dayNumber(todayParts.y, todayParts.m, todayParts.d)
      : dayNumber(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());
  if (todayDay !== undefined) {
    const delta = day - todayDay;
    if (which === 'NOTAFTER') {
      lines.push(
        '',
        delta > 0
          ? `Expires in **${delta} day${delta === 1 ? '' : 's'}**.`
          : delta === 0
            ? '**Expires today.**'
            : `**Expired ${-delta} day${delta === -1 ? '' : 's'} ago.** NOTBEFORE defaults to today, so GENCERT with this NOTAFTER fails: ${DATES.error}.`,
      );
    } else {
      lines.push(
        '',
        delta > 0
          ? `Starts in ${delta} day${delta === 1 ? '' : 's'}.`
          : delta === 0
            ? 'Starts today.'
            : `Started ${-delta} day${delta === -1 ? '' : 's'} ago.`,
      );
    }
  }
  if (parts.sep === '/') {
    lines.push(
      '',
      `Written with slashes; the documented form is ccyy-mm-dd. ${DATES.slashForm.text} (${UNCERTAIN}).`,
    );
  }
  if (parts.y > 2049 || parts.y < 1950) {
    lines.push('', `Year ${parts.y}: ${DATES.yearRange.text} (${UNCERTAIN}).`);
  }
  lines.push('', `Local time; ${which} TIME defaults to ${DATES.defaults[`${which}.TIME`]} (${UNCERTAIN}).`);
  lines.push('', racfSourcesMarkdown(DATES.source));
  return lines.join('\n');
}
