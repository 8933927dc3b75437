// Shared by the security-rule tests: a small policy builder, and applying a quick-fix's edits.
import type { Finding, Fix, ZosRelease } from '../../../../server/src/service/types';
import { SourceText } from '../../../../server/src/service/text/sourceText';
import { analyzeAttls } from '../../../../server/src/service/attls/analyze';

export function findings(text: string, rule: string, release: ZosRelease = '3.1'): Finding[] {
  return analyzeAttls(text, { release }).findings.filter((f) => f.rule === rule);
}

/** Applies a fix's edits (from the end backwards, so earlier offsets stay valid). */
export function applyFix(text: string, fix: Fix): string {
  const src = new SourceText(text);
  const edits = fix.edits
    .map((e) => ({ start: src.offsetAt(e.range.start), end: src.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

export function fixTitled(f: Finding, start: string): Fix {
  const fix = f.fixes?.find((x) => x.title.startsWith(start));
  if (!fix) {
    throw new Error(`no fix starting '${start}' in ${JSON.stringify(f.fixes?.map((x) => x.title))}`);
  }
  return fix;
}

/** The text a finding's range covers. */
export function textAt(text: string, f: Finding): string {
  return new SourceText(text).getText(f.range);
}

export interface PolicyParts {
  rule?: string[];
  group?: string[];
  env?: string[];
  envAdv?: string[];
  conn?: string[];
  connAdv?: string[];
  cipher?: string[];
  /** Extra top-level statements. */
  extra?: string[];
}

const block = (header: string, body: string[], indent = ''): string[] => [
  indent + header,
  indent + '{',
  ...body.map((l) => indent + '  ' + l),
  indent + '}',
];

/** One rule R1 → group G1, environment E1 (server), and a connection action C1 when asked for. */
export function policy(p: PolicyParts = {}): string {
  const env = [
    'HandshakeRole Server',
    'TTLSKeyringParms',
    '{',
    '  Keyring ring1',
    '}',
    ...(p.envAdv ? ['TTLSEnvironmentAdvancedParms', '{', ...p.envAdv.map((l) => '  ' + l), '}'] : []),
    ...(p.cipher ? ['TTLSCipherParmsRef CP1'] : []),
    ...(p.env ?? []),
  ];
  const hasConn = p.conn || p.connAdv;
  const out = [
    ...block('TTLSRule R1', [
      'LocalPortRange 443',
      'Direction Inbound',
      'TTLSGroupActionRef G1',
      'TTLSEnvironmentActionRef E1',
      ...(hasConn ? ['TTLSConnectionActionRef C1'] : []),
      ...(p.rule ?? []),
    ]),
    ...block('TTLSGroupAction G1', ['TTLSEnabled On', ...(p.group ?? [])]),
    ...block('TTLSEnvironmentAction E1', env),
    ...(hasConn
      ? block('TTLSConnectionAction C1', [
          ...(p.connAdv ? ['TTLSConnectionAdvancedParms', '{', ...p.connAdv.map((l) => '  ' + l), '}'] : []),
          ...(p.conn ?? []),
        ])
      : []),
    ...(p.cipher ? block('TTLSCipherParms CP1', p.cipher) : []),
    ...(p.extra ?? []),
  ];
  return out.join('\n') + '\n';
}
