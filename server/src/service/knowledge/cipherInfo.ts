// Markdown explanations of cipher suites, named groups (curves) and signature pairs, shared by the
// hovers of every language that names them. Everything shown comes from the reference tables
// (attls-reference.json) with their source ids; nothing here is a second source of truth.
import type { CipherSuiteDef, NamedGroupDef, SignaturePairDef } from './attlsKeywords';
import {
  ATTLS_SOURCES,
  CIPHER_SUITES,
  NAMED_GROUPS,
  SIGNATURE_PAIRS,
  V2_CIPHER_SUITES,
  cipherByCode,
  cipherByName,
  paramDef,
} from './attlsKeywords';

const SOURCE_ID = /\bS\d+\b/g;

/**
 * A source field rendered as links. Sources without a URL (general knowledge, a corpus file) are
 * shown with their description, because that description is what tells the reader how strong the
 * evidence is. Free text around the ids (some entries explain a derivation there) is kept.
 */
export function sourcesMarkdown(source: string | undefined): string {
  if (!source) {
    return 'Source: not recorded in the reference.';
  }
  const ids = [...new Set(source.match(SOURCE_ID) ?? [])];
  const parts = ids.map((id) => {
    const text = ATTLS_SOURCES[id] ?? '';
    const m = /https?:\/\/\S+/.exec(text);
    return m ? `[${id}](${m[0].replace(/[),;]+$/, '')})` : `${id} (${text || 'no description'})`;
  });
  const rest = source
    .replace(SOURCE_ID, '')
    .replace(/^[\s,;()]+|[\s,;()]+$/g, '')
    .trim();
  const remark = rest && /[a-z]/i.test(rest) ? ` — ${source}` : '';
  return `Source: ${parts.join(', ') || source}${ids.length ? remark : ''}`;
}

function uncertainLine(uncertain: boolean | undefined, why: string | undefined): string | undefined {
  return uncertain
    ? `⚠ **uncertain** — ${why ?? 'the reference marks this entry as resting on weak evidence'}`
    : undefined;
}

const CLASS_GLOSS: Record<string, string> = {
  recommended: 'recommended',
  'recommended-nonFIPS': 'recommended, but not usable with FIPS140',
  acceptable: 'acceptable',
  legacy: 'legacy',
  weak: 'weak',
  insecure: 'insecure',
  'unknown-support': 'unknown: System SSL support not confirmed',
};

const isChaCha = (c: CipherSuiteDef): boolean => /CHACHA20/i.test(c.name);

function fipsText(c: CipherSuiteDef): string {
  if (isChaCha(c)) {
    // The reference records a real failure for this combination; say it where the suite is named.
    return 'not usable — ChaCha20-Poly1305 is not a NIST-approved algorithm; with FIPS140 on it failed for real with ICSF `CSFPSKE` 8/BFE';
  }
  if (c.protocols.length === 1 && c.protocols[0] === 'TLSv1.3') {
    return 'AT-TLS does not support FIPS140 with TLS 1.3 on z/OS 3.1 and earlier (z/OS 3.2 adds FIPS 140-3)';
  }
  if (c.fips140_2 === true) {
    return 'usable in FIPS mode (listed in the z/OS 2.1 System SSL FIPS-mode cipher list; the current release list was not captured)';
  }
  if (c.fips140_2 === false) {
    return 'not usable in FIPS mode';
  }
  return 'not recorded (the current System SSL FIPS list was not captured)';
}

function hex4Of(codeOrName: string): { suite?: CipherSuiteDef; code?: string } {
  const t = codeOrName.trim();
  if (/^[0-9A-Fa-f]{4}$/.test(t)) {
    return { suite: cipherByCode(t), code: t.toUpperCase() };
  }
  if (/^[0-9A-Fa-f]{2}$/.test(t)) {
    const code = '00' + t.toUpperCase();
    return { suite: cipherByCode(code), code };
  }
  const suite = cipherByName(t);
  return { suite, code: suite?.hex4.toUpperCase() };
}

/**
 * A cipher suite by 4-char code, 2-char code (low byte of a 00xx suite) or constant name.
 * `written` says how the policy wrote it, so the hover can name the form (e.g. "2F in a
 * V3CipherSuites string").
 */
export function cipherSuiteMarkdown(codeOrName: string, written?: 'hex2' | 'hex4' | 'constant'): string {
  const { suite, code } = hex4Of(codeOrName);
  if (!suite) {
    const what = code ? `code \`${code}\`` : `\`${codeOrName}\``;
    return [
      `**${codeOrName}** — unknown cipher suite`,
      '',
      `${what} is not in the reference cipher table (${CIPHER_SUITES.length} suites), so nothing is known about it. Check the code or the constant's spelling.`,
    ].join('\n');
  }
  const hex = suite.hex4.toUpperCase();
  const form =
    written === 'hex2'
      ? `written as the 2-character code \`${codeOrName.toUpperCase()}\` = suite 0x${hex}`
      : written === 'hex4'
        ? `written as the 4-character code \`${hex}\``
        : written === 'constant'
          ? 'written as a cipher constant'
          : undefined;
  const lines = [
    `**${suite.name}** — cipher suite${form ? ` (${form})` : ''}`,
    '',
    '| | |',
    '|---|---|',
    `| IANA code | \`0x${hex.slice(0, 2)},0x${hex.slice(2)}\` (4-char \`${hex}\`) |`,
    `| 2-char code | ${suite.hex2 ? `\`${suite.hex2.toUpperCase()}\`` : 'none — only 00xx suites have one; use the constant or V3CipherSuites4Char'} |`,
    `| Protocols | ${suite.protocols.join(', ')} |`,
    `| FIPS 140 | ${fipsText(suite)} |`,
    `| Strength class | ${CLASS_GLOSS[suite.class] ?? suite.class} |`,
  ];
  if (suite.notes) {
    lines.push('', `Notes: ${suite.notes}`);
  }
  const u = uncertainLine(suite.uncertain, suite.notes);
  if (u) {
    lines.push('', u);
  }
  lines.push('', sourcesMarkdown(suite.source));
  return lines.join('\n');
}

/** An SSLv2 cipher written as its 1-character code on V2CipherSuites. */
export function v2CipherMarkdown(code1: string): string {
  const c = V2_CIPHER_SUITES.find((v) => v.code1 === code1 || v.name.toUpperCase() === code1.toUpperCase());
  if (!c) {
    return `**${code1}** — unknown SSLv2 cipher code: it is not in the reference table.`;
  }
  const lines = [`**${c.name}** — SSLv2 cipher (1-character code \`${c.code1}\`)`, '', 'SSLv2 is obsolete.'];
  if (c.notes) {
    lines.push('', `Notes: ${c.notes}`);
  }
  const u = uncertainLine(c.uncertain, c.notes);
  if (u) {
    lines.push('', u);
  }
  lines.push('', sourcesMarkdown(c.source));
  return lines.join('\n');
}

export function namedGroupByCode(code: string): NamedGroupDef | undefined {
  return NAMED_GROUPS.find((g) => g.code === code);
}

/** The 4-character codes a reference default string lists ("observed CS 3.1 default: 0021 0023 …"). */
export function codesInDefault(text: string | number | undefined): string[] {
  return typeof text === 'string'
    ? (text.match(/\b[0-9A-Fa-f]{4}\b/g) ?? []).map((c) => c.toUpperCase())
    : [];
}

const CURVE_PARAMS = ['ClientECurves', 'ClientKeyShareGroups', 'ServerKexECurves', 'ServerKeyShareGroups'];

/** A curve / named-group code as written on ClientECurves, ServerKexECurves and the key-share lists. */
export function namedGroupMarkdown(code: string): string {
  const c = code.trim();
  const g = namedGroupByCode(c);
  if (!g) {
    const asDecimal = /^\d{4}$/.test(c)
      ? ` Read as a decimal IANA group number it would be group ${Number(c)}.`
      : '';
    return [
      `**${c}** — unknown curve / group code`,
      '',
      `\`${c}\` is not in the reference table of named groups.${asDecimal} Codes here are IANA NamedGroup numbers written in **decimal**, padded to 4 digits (\`0023\` = secp256r1).`,
    ].join('\n');
  }
  const inDefaults = CURVE_PARAMS.filter((p) =>
    codesInDefault(paramDef('TTLSSignatureParms', p)?.default).includes(c),
  );
  const lines = [
    `**${g.name}** — named group (curve) code \`${g.code}\``,
    '',
    `The code is the IANA NamedGroup number in **decimal**: \`${g.code}\` is group ${g.iana_decimal} = ${g.iana_hex} (${g.name}) — not 0x${g.code}.`,
  ];
  if (inDefaults.length) {
    lines.push('', `In the default list of: ${inDefaults.join(', ')} (as recorded in the reference).`);
  }
  const u = uncertainLine(g.uncertain, g.source);
  if (u) {
    lines.push('', u);
  }
  lines.push('', sourcesMarkdown(g.source));
  return lines.join('\n');
}

const HASH_BYTE: Record<string, string> = {
  '02': 'SHA-1',
  '03': 'SHA-224',
  '04': 'SHA-256',
  '05': 'SHA-384',
  '06': 'SHA-512',
};
const SIG_BYTE: Record<string, string> = { '01': 'RSA', '02': 'DSA', '03': 'ECDSA' };

export function signaturePairByCode(code: string): SignaturePairDef | undefined {
  return SIGNATURE_PAIRS.find((s) => s.code.toUpperCase() === code.toUpperCase());
}

/** A signature pair (4 hex digits) as written on SignaturePairs, SignaturePairsCert or OCSP parameters. */
export function signaturePairMarkdown(code: string): string {
  const c = code.trim().toUpperCase();
  const s = signaturePairByCode(c);
  const hash = HASH_BYTE[c.slice(0, 2)];
  const sig = SIG_BYTE[c.slice(2, 4)];
  const defaults = codesInDefault(paramDef('TTLSSignatureParms', 'SignaturePairs')?.default);
  if (!s && !(hash && sig)) {
    return [
      `**${c}** — unknown signature pair`,
      '',
      `\`${c}\` is not in the reference table of signature pairs. Pairs are two hex bytes: hash (\`02\` SHA-1 … \`06\` SHA-512) then signature (\`01\` RSA, \`02\` DSA, \`03\` ECDSA).`,
    ].join('\n');
  }
  const lines = [`**${s?.name ?? `${hash} with ${sig}`}** — signature pair \`${c}\``, ''];
  if (c.startsWith('08')) {
    lines.push(
      'An 08xx code is an RFC 8446 SignatureScheme (RSASSA-PSS or EdDSA), not a hash byte + signature byte pair.',
    );
  } else if (hash && sig) {
    lines.push(`Hash \`${c.slice(0, 2)}\` = ${hash}, signature \`${c.slice(2)}\` = ${sig}.`);
  }
  const inDefault = s?.inDefaultCS31 ?? defaults.includes(c);
  lines.push(
    '',
    inDefault
      ? 'In the default SignaturePairs list observed on z/OS 3.1.'
      : 'Not in the default SignaturePairs list observed on z/OS 3.1 (that list has no RSASSA-PSS pair).',
  );
  if (s?.notes) {
    lines.push('', `Notes: ${s.notes}`);
  }
  const u = uncertainLine(
    s ? s.uncertain : true,
    s?.notes ?? 'the pair is decoded from its bytes; it is not in the reference table',
  );
  if (u) {
    lines.push('', u);
  }
  lines.push('', sourcesMarkdown(s?.source ?? 'S8'));
  return lines.join('\n');
}
