// Hovers for AT-TLS policy and Policy Agent configuration files: every keyword, value and name
// explains itself from the reference tables, with the source link, and says "uncertain" where the
// reference does. Nothing shown here is invented: where the reference has no meaning for a value,
// the hover says only what the reference has (allowed values, default).
import type { HoverResult, Position } from '../features';
import type { Range } from '../types';
import { containsPosition, rangeOf } from '../types';
import type { AttlsParamDef, AttlsStatementDef } from '../knowledge/attlsKeywords';
import { STATEMENTS, TRACE_BITS, paramDef, statementDef } from '../knowledge/attlsKeywords';
import {
  cipherSuiteMarkdown,
  namedGroupMarkdown,
  signaturePairMarkdown,
  sourcesMarkdown,
  v2CipherMarkdown,
} from '../knowledge/cipherInfo';
import type { AttlsAnalysis } from './analyze';
import type { AttlsModel } from './model';
import { expandCiphers, paramDefFor } from './model';
import type { AttlsNode, BlockNode, ParamNode, Token } from './parser';
import { SECRET_PARAMS, maskSecret, ruleSummaryMarkdown } from './effectivePolicy';
import { tokenizeLine } from './parser';
import { codeHoverAt } from '../codes/hoverInText';

type Hit =
  | { kind: 'block-keyword'; block: BlockNode; token: Token }
  | { kind: 'block-name'; block: BlockNode; token: Token }
  | { kind: 'block-extra'; block: BlockNode; token: Token }
  | { kind: 'param-keyword'; param: ParamNode; token: Token }
  | { kind: 'param-value'; param: ParamNode; token: Token; index: number };

function findHit(a: AttlsAnalysis, pos: Position): Hit | undefined {
  const inside = (t: Token): boolean => containsPosition(t.range, pos);
  // Only blocks whose lines include the position can hold the token: skipping the others keeps a
  // hover cheap on large policies.
  const search = (nodes: readonly AttlsNode[]): Hit | undefined => {
    for (const n of nodes) {
      if (pos.line < n.range.start.line || pos.line > n.range.end.line) {
        continue;
      }
      if (n.kind === 'param') {
        if (inside(n.keyword)) {
          return { kind: 'param-keyword', param: n, token: n.keyword };
        }
        const index = n.values.findIndex(inside);
        if (index >= 0) {
          return { kind: 'param-value', param: n, token: n.values[index], index };
        }
        continue;
      }
      if (n.keyword.text !== '{' && inside(n.keyword)) {
        return { kind: 'block-keyword', block: n, token: n.keyword };
      }
      if (n.name && inside(n.name)) {
        return { kind: 'block-name', block: n, token: n.name };
      }
      const extra = n.extra.find(inside);
      if (extra) {
        return { kind: 'block-extra', block: n, token: extra };
      }
      const inner = search(n.children);
      if (inner) {
        return inner;
      }
    }
    return undefined;
  };
  return search(a.model.doc.nodes);
}

const lineOf = (r: { range: Range } | Range): number => ('range' in r ? r.range : r).start.line + 1;
const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';

function uncertainLine(uncertain: boolean | undefined, why: string | undefined): string[] {
  return uncertain
    ? ['', `⚠ **uncertain** — ${why ?? 'the reference marks this entry as resting on weak evidence.'}`]
    : [];
}

/** Statements that hold this one inline, and the Ref parameters that name it. */
function placesOf(name: string): { inline: string[]; refs: string[] } {
  const inline: string[] = [];
  const refs: string[] = [];
  const seen = new Set<AttlsStatementDef>();
  for (const def of STATEMENTS.values()) {
    if (seen.has(def)) {
      continue;
    }
    seen.add(def);
    for (const p of def.params.values()) {
      if (p.refTo === name && p.type === 'inline-statement') {
        inline.push(def.name);
      } else if (p.refTo === name && p.type === 'ref') {
        refs.push(`${p.name} (in ${def.name})`);
      }
    }
  }
  return { inline, refs };
}

function requiredParams(def: AttlsStatementDef): string[] {
  return [...def.params.values()].filter((p) => /^Required\b/.test(p.notes ?? '')).map((p) => p.name);
}

function sinceNotes(def: AttlsStatementDef): string[] {
  return [...def.params.values()].filter((p) => p.since).map((p) => `${p.name}: ${p.since}`);
}

function statementMarkdown(def: AttlsStatementDef, block: BlockNode | undefined): string {
  const lines = [`**${def.name}** — ${def.lineStatement ? 'configuration statement' : 'policy statement'}`];
  if (def.file) {
    lines.push('', `File: ${def.file}.`);
  }
  if (def.form) {
    lines.push('', `Form: ${code(def.form)}`);
  }
  if (def.notes) {
    lines.push('', def.notes);
  }
  if (!def.lineStatement) {
    const { inline, refs } = placesOf(def.name);
    const where: string[] = [];
    if (
      !block?.parent &&
      (def.nameRequired === true || def.nameRequired === 'when global' || !inline.length)
    ) {
      where.push('at the top level of a policy file, with a name');
    }
    if (inline.length) {
      where.push(`inline in ${inline.join(', ')}`);
    }
    if (where.length) {
      lines.push('', `May appear: ${where.join('; ')}.`);
    }
    if (refs.length) {
      lines.push('', `Referenced by: ${refs.join(', ')}.`);
    }
    if (block?.parent?.statement) {
      lines.push('', `Here: coded inline in ${block.parent.statement}.`);
    }
    const req = requiredParams(def);
    if (req.length) {
      lines.push('', `Required parameters: ${req.join(', ')}.`);
    }
  }
  const since = sinceNotes(def);
  lines.push(
    '',
    since.length
      ? `Release: the reference records no introduction release for the statement itself; for parameters — ${since.join('; ')}.`
      : 'Release: the reference records no introduction release for this statement.',
  );
  lines.push(...uncertainLine(def.uncertain, def.notes));
  lines.push('', sourcesMarkdown(def.source));
  return lines.join('\n');
}

function valuesText(def: AttlsParamDef): string | undefined {
  const v = def.values;
  if (v === undefined) {
    return undefined;
  }
  if (typeof v === 'string') {
    return v;
  }
  if (Array.isArray(v)) {
    return v.map(code).join(', ');
  }
  return Object.entries(v)
    .map(([k, t]) => `${code(k)} ${t}`)
    .join('; ');
}

/** Statements (other than `except`) that accept a parameter of this name. */
function statementsWithParam(keyword: string): string[] {
  const out = new Set<string>();
  for (const def of STATEMENTS.values()) {
    if (def.params.has(keyword.toLowerCase())) {
      out.add(def.name);
    }
  }
  return [...out];
}

function paramMarkdown(def: AttlsParamDef, statement: string): string {
  const lines = [`**${def.name}** — parameter of ${statement}`];
  if (def.type === 'ref' && def.refTo) {
    lines.push(
      '',
      `Names a ${def.refTo} statement defined at the top level of the policy (names are case-sensitive).`,
    );
  } else if (def.type === 'inline-statement' && def.refTo) {
    lines.push('', `The ${def.refTo} statement coded inline here, in braces.`);
  }
  if (def.notes) {
    lines.push('', def.notes);
  }
  const vals = valuesText(def);
  lines.push('', `Type: ${def.type}.${vals ? ` Values: ${vals}.` : ''}`);
  if (def.default !== undefined) {
    lines.push('', `Default: ${code(String(def.default))}.`);
  } else if (statement === 'TTLSConnectionAdvancedParms') {
    lines.push('', 'Default: none — when absent, the environment level value applies.');
  } else if (def.type !== 'ref' && def.type !== 'inline-statement') {
    lines.push('', 'Default: none recorded in the reference.');
  }
  if (def.since) {
    lines.push('', `Release: ${def.since}.`);
  }
  const others = statementsWithParam(def.name).filter((s) => s !== statement);
  if (others.length) {
    lines.push('', `Also a parameter of: ${others.join(', ')}.`);
  }
  lines.push(...uncertainLine(def.uncertain, def.notes));
  lines.push('', sourcesMarkdown(def.source));
  return lines.join('\n');
}

// Meanings of enumerated values, in our words, from the reference sections named in `source`.
interface ValueMeanings {
  source: string;
  values: Record<string, string>;
}
const REQ_OPT_OFF: ValueMeanings = {
  source: 'S40',
  values: {
    required: 'the connection ends if the peer does not accept the function.',
    optional: 'the function is negotiated but not enforced (the guideline for servers).',
    off: 'the function is not supported; a peer that requires it closes the connection.',
  },
};
const VALUE_MEANINGS: Record<string, ValueMeanings> = {
  direction: {
    source: 'S13,S14',
    values: {
      inbound: 'the rule applies to connections this side accepts (passive socket).',
      outbound: 'the rule applies to connections this side opens (active socket, connect).',
      both: 'the rule applies to connections in either direction.',
    },
  },
  handshakerole: {
    source: 'S5,S26',
    values: {
      client:
        'this side plays the TLS client in the handshake. The role does not depend on which side connects or listens.',
      server:
        'this side plays the TLS server; ClientAuthType applies only with ServerWithClientAuth. The role does not depend on which side connects or listens.',
      serverwithclientauth:
        'this side plays the TLS server and asks the client for a certificate; ClientAuthType (default Required) says how it is checked.',
    },
  },
  clientauthtype: {
    source: 'S26',
    values: {
      passthru: 'a client certificate is optional and is not validated at all.',
      full: 'a client certificate is optional; if one is sent it is validated against the key ring.',
      required: 'a client certificate is required and validated against the key ring (the default).',
      safcheck:
        'a client certificate is required, validated, and must map to a user ID in the security product.',
    },
  },
  fips140: {
    source: 'S6,S28,S33',
    values: {
      off: 'FIPS 140 mode is off (the default).',
      on: 'FIPS 140 mode on; the same as Level1.',
      level1: 'FIPS 140 mode with 80-bit minimum strength.',
      level2:
        '112-bit strength for keys and signatures this side creates and for RSA encryption; 80-bit is still accepted when verifying or decrypting what the peer sends.',
      level3: '112-bit strength or more for everything.',
    },
  },
  ttlsenabled: {
    source: 'S6,S15',
    values: {
      on: 'AT-TLS protects the connections of rules that use this group.',
      off: 'data flows in the clear; no environment action is needed.',
    },
  },
  ctracecleartext: {
    source: 'S6',
    values: {
      on: 'decrypted application data appears in CTRACE and data traces.',
      off: 'traces do not show decrypted application data (the default).',
    },
  },
  syslogfacility: {
    source: 'S27',
    values: {
      daemon: 'AT-TLS writes to syslogd under facility daemon (the default).',
      auth: 'AT-TLS writes under facility auth, so syslogd can route its records apart from other TCP/IP daemon records.',
    },
  },
  applicationcontrolled: {
    source: 'S1,S35',
    values: {
      on: 'the application starts and stops TLS itself with the SIOCTTLSCTL ioctl (FTP needs this, with SecondaryMap On).',
    },
  },
  truncatedhmac: REQ_OPT_OFF,
  clientmaxsslfragment: REQ_OPT_OFF,
  servermaxsslfragment: REQ_OPT_OFF,
  clienthandshakesni: REQ_OPT_OFF,
  serverhandshakesni: REQ_OPT_OFF,
  'flush|noflush': {
    source: 'S24',
    values: {
      flush: 'all policies are deleted and reloaded when Policy Agent starts.',
      noflush: 'changed policies are updated; deleted ones are not removed.',
    },
  },
  'purge|nopurge': {
    source: 'S24',
    values: {
      purge: 'policies are deleted from the stack when Policy Agent ends.',
      nopurge: 'policies are left in the stack when Policy Agent ends.',
    },
  },
};

const PROTOCOL_PARAMS = new Set(['sslv2', 'sslv3', 'tlsv1', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3']);
const CURVE_PARAMS = new Set([
  'clientecurves',
  'clientkeysharegroups',
  'serverkexecurves',
  'serverkeysharegroups',
]);
const SIGPAIR_PARAMS = new Set([
  'signaturepairs',
  'signaturepairscert',
  'ocsprequestsigalg',
  'ocspresponsesigalgpairs',
]);
const CIPHER_PARAMS = new Set(['v3ciphersuites', 'v3ciphersuites4char']);

function traceMarkdown(value: string, def: AttlsParamDef | undefined): string {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n)) {
    return `**Trace ${value}** — not a number: Trace is a bit map of the values below, added together.\n\n${traceTable()}`;
  }
  const lines = [`**Trace ${n}** — bits set:`, ''];
  const known = Object.keys(TRACE_BITS).map(Number);
  let rest = n;
  for (const bit of known.sort((x, y) => x - y)) {
    if (n & bit) {
      rest &= ~bit;
      const text = TRACE_BITS[String(bit)];
      lines.push(`- ${bit}: ${text}${/uncertain/i.test(text) ? ' ⚠' : ''}`);
    }
  }
  if (rest) {
    const bits: number[] = [];
    for (let b = 1; b <= rest; b <<= 1) {
      if (rest & b) {
        bits.push(b);
      }
    }
    lines.push(`- ${bits.join(', ')}: not described in the reference`);
  }
  if (n === 0) {
    lines.push('- none');
  }
  lines.push(
    '',
    `Default ${def?.default ?? 2} (errors to syslogd). 6 or 7 helps while deploying a new policy; values above 7 are for problem diagnosis, and then many trace records may be discarded instead of reaching syslogd.`,
    '',
    sourcesMarkdown(def?.source ?? 'S27,S38'),
  );
  return lines.join('\n');
}

function traceTable(): string {
  return Object.entries(TRACE_BITS)
    .map(([b, t]) => `- ${b}: ${t}`)
    .join('\n');
}

function keyringMarkdown(value: string, def: AttlsParamDef | undefined): string {
  let form: string;
  if (/^\*TOKEN\*\//i.test(value)) {
    form = `a z/OS PKCS #11 token named ${code(value.slice(8))}.`;
  } else if (value.startsWith('/')) {
    form =
      'a path, so a gskkyman key database file; it needs KeyringPw or KeyringStashFile for its password.';
  } else if (value.includes('/')) {
    const i = value.indexOf('/');
    form = `the SAF key ring ${code(value.slice(i + 1))} owned by user ${code(value.slice(0, i))}.`;
  } else {
    form = `the SAF key ring ${code(value)} of the current user — so one policy can serve many users.`;
  }
  return [
    `**Keyring** ${code(value)}`,
    '',
    `Form: ${form}`,
    '',
    'Forms: `userid/ring` (ring of that user), `ring` (ring of the current user), `/path` (key database), `*TOKEN*/name` (PKCS #11 token). 1–1023 characters.',
    '',
    sourcesMarkdown(def?.source ?? 'S9'),
  ].join('\n');
}

function refMarkdown(model: AttlsModel, p: ParamNode, value: string): string {
  const r = model.refs.get(p);
  const def = paramDefFor(p);
  if (!r) {
    return `**${value}** — name given to ${p.keyword.text}.`;
  }
  const lines: string[] = [];
  if (r.targets.length) {
    const t = r.targets[0];
    lines.push(`**${value}** → ${r.targetType} defined at line ${lineOf(t)}`);
    if (r.targets.length > 1) {
      lines.push(
        '',
        `⚠ The name is defined ${r.targets.length} times (lines ${r.targets.map(lineOf).join(', ')}); which one Policy Agent uses is not documented.`,
      );
    }
    const preview = t.children
      .filter((c): c is ParamNode => c.kind === 'param')
      .slice(0, 12)
      .map((c) =>
        `${c.keyword.text} ${maskSecret(c.keyword.text, c.values.map((v) => v.text).join(' ')) ?? ''}`.trimEnd(),
      );
    const inline = t.children
      .filter((c): c is BlockNode => c.kind === 'block')
      .map((b) => `${b.keyword.text} { … }`);
    if (preview.length || inline.length) {
      lines.push('', '```', [...preview, ...inline].join('\n'), '```');
    }
  } else {
    lines.push(`**${value}** — unresolved: no ${r.targetType} named ${code(value)} in this file.`);
    if (r.wrongType.length) {
      lines.push(
        '',
        `A ${r.wrongType[0].statement ?? 'statement'} of that name exists (line ${lineOf(r.wrongType[0])}), but ${p.keyword.text} must name a ${r.targetType}.`,
      );
    }
    const near = [...(model.globals.get(r.targetType)?.keys() ?? [])].filter(
      (n) => n.toLowerCase() === value.toLowerCase(),
    );
    if (near.length) {
      lines.push('', `Names are case-sensitive: ${near.map(code).join(', ')} differs only in case.`);
    }
    lines.push('', 'Policy Agent installs no AT-TLS policy while a reference does not resolve.');
  }
  if (def?.source) {
    lines.push('', sourcesMarkdown(def.source));
  }
  return lines.join('\n');
}

function enumValueMarkdown(def: AttlsParamDef, statement: string, value: string): string {
  const meanings = VALUE_MEANINGS[def.name.toLowerCase()];
  const meaning = meanings?.values[value.toLowerCase()];
  const allowed = Array.isArray(def.values) ? def.values : undefined;
  const canonical = allowed?.find((v) => v.toLowerCase() === value.toLowerCase());
  const lines = [`**${def.name} ${canonical ?? value}**${meaning ? ` — ${meaning}` : ''}`];
  if (allowed && !canonical) {
    lines.push(
      '',
      `⚠ ${code(value)} is not one of the allowed values of ${def.name}: ${allowed.map(code).join(', ')}.`,
    );
  } else if (allowed) {
    lines.push('', `Allowed values of ${def.name} (${statement}): ${allowed.map(code).join(', ')}.`);
  }
  if (def.default !== undefined) {
    const same = String(def.default).toLowerCase() === value.toLowerCase();
    lines.push('', `Default: ${code(String(def.default))}${same ? ' — the same as this value' : ''}.`);
  } else if (statement === 'TTLSConnectionAdvancedParms') {
    lines.push('', 'No default at connection level: when absent, the environment level value applies.');
  }
  if (PROTOCOL_PARAMS.has(def.name.toLowerCase()) && def.notes) {
    lines.push('', def.notes);
  }
  if (def.name === 'FIPS140') {
    lines.push(
      '',
      'Any value other than Off turns FIPS mode on. ICSF must be active before the group starts. On z/OS 3.1 and earlier, AT-TLS does not support FIPS140 together with TLS 1.3; z/OS 3.2 adds FIPS 140-3 support (its policy value was not found).',
    );
    if (def.since && /level/i.test(value)) {
      lines.push('', `Release: ${def.since}.`);
    }
  }
  if (!meaning && !PROTOCOL_PARAMS.has(def.name.toLowerCase()) && meanings === undefined && allowed) {
    lines.push('', 'The reference gives no separate meaning for each value.');
  }
  lines.push(...uncertainLine(def.uncertain, def.notes));
  lines.push(
    '',
    sourcesMarkdown(meanings && meaning ? `${meanings.source},${def.source ?? ''}` : def.source),
  );
  return lines.join('\n');
}

/** The 4-character piece of a code string under the cursor, with its range inside the token. */
function pieceAt(token: Token, pos: Position, width: number): { text: string; range: Range } | undefined {
  const t = token.text;
  if (t.length % width !== 0 || !/^[0-9A-Fa-f]+$/.test(t)) {
    return undefined;
  }
  const col = Math.min(Math.max(pos.character - token.range.start.character, 0), t.length - 1);
  const start = col - (col % width);
  const line = token.range.start.line;
  const s = token.range.start.character + start;
  return { text: t.slice(start, start + width), range: rangeOf(line, s, s + width) };
}

function valueHover(a: AttlsAnalysis, p: ParamNode, token: Token, pos: Position): HoverResult | undefined {
  const model = a.model;
  const kw = p.key;
  const value = token.text;
  const range = token.range;
  const statement = p.parent?.statement;
  const def = paramDefFor(p);

  // Top-level one-line statements of the Policy Agent main/image file.
  if (!p.parent) {
    const stmt = statementDef(p.keyword.text);
    if (!stmt) {
      return undefined;
    }
    for (const pd of stmt.params.values()) {
      const m = VALUE_MEANINGS[pd.name.toLowerCase()];
      const meaning = m?.values[value.toLowerCase()];
      if (meaning) {
        return {
          contents: [
            `**${value.toUpperCase()}** — ${meaning}`,
            '',
            'Default: not found in the reference (uncertain).',
            '',
            sourcesMarkdown(m.source),
          ].join('\n'),
          range,
        };
      }
    }
    return {
      contents: `${code(value)} — operand of ${stmt.name}. Form: ${code(stmt.form ?? stmt.name)}\n\n${sourcesMarkdown(stmt.source)}`,
      range,
    };
  }

  if (SECRET_PARAMS.has(kw)) {
    return {
      contents: [
        `**${p.keyword.text}** — a password written in clear text in the policy file (value not shown).`,
        '',
        'Anyone who can read this file can read the password.',
        '',
        sourcesMarkdown(def?.source ?? 'S9,S12'),
      ].join('\n'),
      range,
    };
  }
  if (def?.type === 'ref') {
    return { contents: refMarkdown(model, p, value), range };
  }
  if (CIPHER_PARAMS.has(kw)) {
    // Expanding only this line keeps the hover cheap on long cipher lists.
    const entries = expandCiphers([{ ...p.parent, children: [p] }]).filter((e) => e.token === token);
    const col = pos.character - range.start.character;
    const entry =
      entries.find((e) => col >= e.start && col < e.end) ?? entries.find((e) => col === e.end) ?? entries[0];
    if (!entry) {
      return undefined;
    }
    const pieceRange = rangeOf(
      range.start.line,
      range.start.character + entry.start,
      range.start.character + entry.end,
    );
    const piece = value.slice(entry.start, entry.end);
    let note = '';
    if (entry.problem === 'constant-in-4char') {
      note =
        '\n\n⚠ A cipher constant on V3CipherSuites4Char is invalid (IBM support: it led to unexpected cipher selection); constants belong on V3CipherSuites. [S29]';
    } else if (entry.problem === 'odd-length') {
      note = `\n\n⚠ The string's length is not a multiple of ${kw === 'v3ciphersuites4char' ? 4 : 2}, so it cannot be split into cipher codes.`;
    } else if (entry.problem === 'non-hex') {
      note = '\n\n⚠ Neither a known cipher constant nor a hex code string.';
    }
    if (entry.problem === 'odd-length' || entry.problem === 'non-hex') {
      return { contents: `**${value}** — not a valid cipher value.${note}`, range: pieceRange };
    }
    const md = cipherSuiteMarkdown(piece, entry.form);
    return { contents: md + note, range: pieceRange };
  }
  if (kw === 'v2ciphersuites') {
    // Either one cipher constant or a string of 1-character SSLv2 codes (attls-reference §4.10).
    if (/^[0-9]+$/.test(value)) {
      const col = Math.min(Math.max(pos.character - range.start.character, 0), value.length - 1);
      return {
        contents: v2CipherMarkdown(value[col]),
        range: rangeOf(range.start.line, range.start.character + col, range.start.character + col + 1),
      };
    }
    return { contents: v2CipherMarkdown(value), range };
  }
  if (CURVE_PARAMS.has(kw)) {
    if (/^any$/i.test(value)) {
      return {
        contents: [
          '**ClientECurves Any**',
          '',
          'Allows every supported curve, Brainpool curves included; `Any` may not be combined with specific curve codes. Without it, only NIST curves may be listed (z/OS 2.1 text).',
          '',
          sourcesMarkdown(def?.source ?? 'S8'),
        ].join('\n'),
        range,
      };
    }
    const piece = pieceAt(token, pos, 4);
    if (!piece) {
      return {
        contents: `**${value}** — curve and group codes are 4 digits each (IANA group number in decimal, e.g. \`0023\` = secp256r1); this value is not a sequence of 4-digit codes.`,
        range,
      };
    }
    return { contents: namedGroupMarkdown(piece.text), range: piece.range };
  }
  if (SIGPAIR_PARAMS.has(kw)) {
    const piece = pieceAt(token, pos, 4);
    if (!piece) {
      return {
        contents: `**${value}** — signature pairs are 4 hex digits each (hash byte + signature byte, e.g. \`0401\`); this value is not a sequence of them.`,
        range,
      };
    }
    return { contents: signaturePairMarkdown(piece.text), range: piece.range };
  }
  if (kw === 'trace' && def) {
    return { contents: traceMarkdown(value, def), range };
  }
  if (kw === 'keyring' && statement === 'TTLSKeyringParms') {
    return { contents: keyringMarkdown(value, def), range };
  }
  if (def && Array.isArray(def.values)) {
    return { contents: enumValueMarkdown(def, statement ?? '', value), range };
  }
  if (def) {
    const vals = valuesText(def);
    const lines = [`${code(value)} — value of **${def.name}** (${def.type})`];
    if (vals) {
      lines.push('', `Values: ${vals}.`);
    }
    if (def.default !== undefined) {
      lines.push('', `Default: ${code(String(def.default))}.`);
    }
    if (def.notes) {
      lines.push('', def.notes);
    }
    lines.push(...uncertainLine(def.uncertain, def.notes), '', sourcesMarkdown(def.source));
    return { contents: lines.join('\n'), range };
  }
  return undefined;
}

function keywordHover(p: ParamNode, token: Token): HoverResult | undefined {
  if (!p.parent) {
    const stmt = statementDef(p.keyword.text);
    return stmt ? { contents: statementMarkdown(stmt, undefined), range: token.range } : undefined;
  }
  const statement = p.parent.statement;
  if (!statement) {
    return undefined;
  }
  const def = paramDef(statement, p.keyword.text);
  if (def) {
    return { contents: paramMarkdown(def, statement), range: token.range };
  }
  const elsewhere = statementsWithParam(p.keyword.text);
  const stmt = statementDef(p.keyword.text);
  const lines = [`${code(p.keyword.text)} is not a parameter of ${statement} in the reference.`];
  if (elsewhere.length) {
    lines.push('', `It is a parameter of: ${elsewhere.join(', ')}.`);
  } else if (stmt) {
    lines.push('', `It is the ${stmt.name} statement, which needs braces here.`);
  }
  return { contents: lines.join('\n'), range: token.range };
}

function blockNameHover(model: AttlsModel, block: BlockNode, token: Token): HoverResult {
  if (block.statement === 'TTLSRule' && !block.parent) {
    return { contents: ruleSummaryMarkdown(model, block), range: token.range };
  }
  const lines = [
    `**${block.statement ?? block.keyword.text}** ${code(token.text)} — defined at line ${lineOf(block)}`,
  ];
  if (block.parent) {
    lines.push(
      '',
      `Inline in ${block.parent.statement ?? block.parent.keyword.text}${block.parent.name ? ' ' + code(block.parent.name.text) : ''}; the name of an inline statement is optional.`,
    );
  } else if (block.statement) {
    const same = model.globals.get(block.statement)?.get(token.text) ?? [];
    if (same.length > 1) {
      lines.push(
        '',
        `⚠ ${block.statement} ${code(token.text)} is defined ${same.length} times (lines ${same.map(lineOf).join(', ')}).`,
      );
    }
    const users: string[] = [];
    for (const [p, r] of model.refs) {
      if (r.targets.includes(block)) {
        const owner = p.parent;
        users.push(
          `${owner?.statement ?? '?'} ${owner?.name ? code(owner.name.text) + ' ' : ''}(${p.keyword.text}, line ${lineOf(p)})`,
        );
      }
    }
    lines.push(
      '',
      users.length
        ? `Referenced by: ${users.join('; ')}.`
        : 'Not referenced by any Ref parameter in this file.',
    );
  }
  return { contents: lines.join('\n'), range: token.range };
}

/** A code (`RC: 5003`, `EZD1287I`, `Alert (40)`) written in the `#` comment under the cursor. */
function commentCodeHover(a: AttlsAnalysis, pos: Position): HoverResult | undefined {
  const lineText = a.model.doc.source.lineText(pos.line);
  const { comment } = tokenizeLine(lineText, pos.line);
  return comment && pos.character > comment.range.start.character
    ? codeHoverAt(lineText, pos.character, { line: pos.line, from: comment.range.start.character + 1 })
    : undefined;
}

export function attlsHover(a: AttlsAnalysis, pos: Position): HoverResult | undefined {
  const hit = findHit(a, pos);
  if (!hit) {
    return commentCodeHover(a, pos);
  }
  switch (hit.kind) {
    case 'block-keyword': {
      const def = hit.block.statement ? statementDef(hit.block.statement) : undefined;
      return def
        ? { contents: statementMarkdown(def, hit.block), range: hit.token.range }
        : {
            contents: `${code(hit.token.text)} is not a statement the reference knows.`,
            range: hit.token.range,
          };
    }
    case 'block-name':
      return blockNameHover(a.model, hit.block, hit.token);
    case 'block-extra':
      return {
        contents: `${code(hit.token.text)} — extra text after the statement name; a statement line holds only the type and one name.`,
        range: hit.token.range,
      };
    case 'param-keyword':
      return keywordHover(hit.param, hit.token);
    case 'param-value':
      return valueHover(a, hit.param, hit.token, pos);
  }
}
