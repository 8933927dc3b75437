// The effective AT-TLS policy, computed from the file alone, in the spirit of `pasearch -t`: what
// each rule would get after group → environment → connection inheritance and the release's
// defaults (attls-reference §5.2, §4.6), so a reader sees the defaults before anything is installed.
import type { AttlsStatementDef } from '../knowledge/attlsKeywords';
import { paramDef, statementDef } from '../knowledge/attlsKeywords';
import { codesInDefault, namedGroupByCode, signaturePairByCode } from '../knowledge/cipherInfo';
import type { AttlsModel, CipherEntry, EffectiveRule, EffectiveValue } from './model';
import { PROTOCOLS, defaultFor, paramValue, paramsOf, subStatements } from './model';
import type { BlockNode, ParamNode } from './parser';

/** Parameters whose values are secrets: shown masked everywhere. */
export const SECRET_PARAMS = new Set(['keyringpw', 'gsk_ldap_user_pw']);

export function maskSecret(keyword: string, value: string | undefined): string | undefined {
  return value !== undefined && SECRET_PARAMS.has(keyword.toLowerCase())
    ? '******** (secret, not shown)'
    : value;
}

export interface RulePriority {
  value: number;
  coded: boolean;
  param?: ParamNode;
}

export function priorityOf(rule: BlockNode): RulePriority {
  const p = paramsOf(rule, 'Priority').at(-1);
  const n = p ? Number(paramValue(p)) : NaN;
  if (p && Number.isFinite(n)) {
    return { value: n, coded: true, param: p };
  }
  // Default 1: what pasearch shows on z/OS 3.1 for rules that code no Priority (attls-reference §4.2).
  return { value: Number(defaultFor('TTLSRule', 'Priority') ?? 1), coded: false, param: p };
}

/**
 * Rules in the order the stack compares them: Priority high → low, then by name (§5.1). The
 * reference says "alphabetically" without saying how case and digits compare on the host, so plain
 * code-unit order is used.
 */
export function rulesInEvaluationOrder(model: AttlsModel): BlockNode[] {
  return [...model.rules].sort((a, b) => {
    const d = priorityOf(b).value - priorityOf(a).value;
    if (d !== 0) {
      return d;
    }
    const an = a.name?.text ?? '';
    const bn = b.name?.text ?? '';
    return an < bn ? -1 : an > bn ? 1 : 0;
  });
}

const lineOf = (n: { range: { start: { line: number } } }): number => n.range.start.line + 1;

/** Where a value came from: "(default)" or the level and line that set it. */
export function levelLabel(v: EffectiveValue): string {
  if (v.level === 'default') {
    return v.value === undefined ? '(not set, no default)' : '(default)';
  }
  return v.param ? `(${v.level}, line ${lineOf(v.param)})` : `(${v.level})`;
}

export function releaseNote(model: AttlsModel): string {
  const base =
    'Defaults are the ones the reference records for z/OS 3.1 (syntax diagrams and a real z/OS 3.1 `pasearch -t` report)';
  return model.release === '3.1'
    ? `${base}.`
    : `${base}; the target release is z/OS ${model.release}, where they may differ.`;
}

const CONDITION_KEYS = [
  'Direction',
  'LocalAddr',
  'LocalAddrRef',
  'LocalAddrSetRef',
  'LocalAddrGroupRef',
  'RemoteAddr',
  'RemoteAddrRef',
  'RemoteAddrSetRef',
  'RemoteAddrGroupRef',
  'LocalPortRange',
  'LocalPortRangeRef',
  'LocalPortGroupRef',
  'RemotePortRange',
  'RemotePortRangeRef',
  'RemotePortGroupRef',
  'Jobname',
  'Userid',
  'IpTimeConditionRef',
];

function refTarget(model: AttlsModel, p: ParamNode): string {
  const r = model.refs.get(p);
  if (!r) {
    return '';
  }
  const t = r.targets[0];
  return t ? ` → ${r.targetType} line ${lineOf(t)}` : ` → unresolved: no ${r.targetType} of that name`;
}

const pad = (s: string, n: number): string => (s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length));

function settingLine(indent: string, key: string, value: string | undefined, label: string): string {
  return `${indent}${pad(key + ':', 28)}${pad(value ?? '-', 16)}${label}`.trimEnd();
}

function cipherLine(indent: string, c: CipherEntry): string {
  const piece = c.token.text.slice(c.start, c.end);
  if (c.suite) {
    return `${indent}${c.suite.hex4.toUpperCase()}  ${c.suite.name}${c.problem ? `   (${c.problem})` : ''}`;
  }
  return `${indent}${c.code ?? '????'}  ${piece}   (${c.problem ?? 'unknown'})`;
}

/** Signature parameters in effect, each with its source: a coded value, or the reference default. */
export function effectiveSignatureParms(
  model: AttlsModel,
  e: EffectiveRule,
): { name: string; codes: string[]; value?: string; label: string }[] {
  const connSig = subStatements(model, e.connection, 'TTLSSignatureParms');
  const level = connSig.length ? 'connection' : 'environment';
  const def = statementDef('TTLSSignatureParms');
  const out: { name: string; codes: string[]; value?: string; label: string }[] = [];
  for (const p of def?.params.values() ?? []) {
    const coded = e.signatureParms.flatMap((b) => paramsOf(b, p.name));
    if (coded.length) {
      const value = coded.map((c) => paramValue(c) ?? '').join(' ');
      const codes = coded.flatMap((c) => c.values.flatMap((v) => v.text.match(/.{1,4}/g) ?? []));
      out.push({ name: p.name, codes, value, label: `(${level}, line ${lineOf(coded[0])})` });
    } else if (p.default !== undefined) {
      const observed = String(p.default).startsWith('observed');
      out.push({
        name: p.name,
        codes: codesInDefault(p.default),
        label: observed ? '(default observed on z/OS 3.1)' : '(default)',
      });
    }
  }
  return out;
}

function codeName(param: string, code: string): string {
  if (/^SignaturePairs/i.test(param) || /Sigalg/i.test(param)) {
    return signaturePairByCode(code)?.name ?? '(not in the reference table)';
  }
  const g = namedGroupByCode(code);
  return g ? g.name : /^any$/i.test(code) ? '' : '(not in the reference table)';
}

/** Every parameter of a statement with its coded value (last wins) or default; statements and refs skipped. */
function parmLines(
  indent: string,
  stmt: AttlsStatementDef | undefined,
  blocks: BlockNode[],
  level: string,
): string[] {
  const out: string[] = [];
  for (const p of stmt?.params.values() ?? []) {
    if (p.type === 'inline-statement' || p.type === 'ref') {
      continue;
    }
    const coded = blocks.flatMap((b) => paramsOf(b, p.name)).at(-1);
    if (coded) {
      out.push(
        settingLine(
          indent,
          p.name,
          maskSecret(p.name, paramValue(coded)),
          `(${level}, line ${lineOf(coded)})`,
        ),
      );
    } else if (
      p.default !== undefined &&
      !(typeof p.default === 'string' && p.default.startsWith('observed'))
    ) {
      out.push(settingLine(indent, p.name, String(p.default), '(default)'));
    }
  }
  return out;
}

function actionLine(
  indent: string,
  kind: string,
  block: BlockNode | undefined,
  p: ParamNode | undefined,
): string {
  if (block) {
    return settingLine(indent, kind, block.name?.text, `(line ${lineOf(block)})`);
  }
  if (p) {
    return settingLine(indent, kind, paramValue(p), '(unresolved)');
  }
  return settingLine(indent, kind, undefined, '(none)');
}

function renderRule(model: AttlsModel, rule: BlockNode): string[] {
  const e = model.effective(rule);
  const prio = priorityOf(rule);
  const I = '    ';
  const out: string[] = [];
  out.push(`policyRule:                 ${e.name}   (line ${lineOf(rule)})`);
  out.push(
    settingLine(
      '  ',
      'Priority',
      String(prio.value),
      prio.coded ? `(line ${lineOf(prio.param!)})` : '(default)',
    ),
  );
  out.push('  Conditions:');
  let any = false;
  for (const key of CONDITION_KEYS) {
    for (const p of paramsOf(rule, key)) {
      any = true;
      out.push(settingLine(I, p.keyword.text, paramValue(p), `(line ${lineOf(p)})${refTarget(model, p)}`));
    }
  }
  if (!any) {
    out.push(`${I}(none coded)`);
  }
  out.push('  Actions:');
  out.push(actionLine(I, 'Group', e.group, paramsOf(rule, 'TTLSGroupActionRef')[0]));
  out.push(actionLine(I, 'Environment', e.environment, paramsOf(rule, 'TTLSEnvironmentActionRef')[0]));
  out.push(actionLine(I, 'Connection', e.connection, paramsOf(rule, 'TTLSConnectionActionRef')[0]));

  out.push('  Group settings:');
  const enabled = e.group ? paramsOf(e.group, 'TTLSEnabled').at(-1) : undefined;
  out.push(
    settingLine(
      I,
      'TTLSEnabled',
      paramValue(enabled),
      enabled ? `(group, line ${lineOf(enabled)})` : '(not set)',
    ),
  );
  out.push(settingLine(I, 'FIPS140', e.fips.value, levelLabel(e.fips)));
  out.push(settingLine(I, 'Trace', e.trace.value, levelLabel(e.trace)));
  out.push(settingLine(I, 'CtraceClearText', e.ctraceClearText.value, levelLabel(e.ctraceClearText)));
  out.push(
    ...parmLines(
      I,
      statementDef('TTLSGroupAdvancedParms'),
      subStatements(model, e.group, 'TTLSGroupAdvancedParms'),
      'group',
    ),
  );

  out.push('  Environment settings:');
  out.push(settingLine(I, 'HandshakeRole', e.role.value, levelLabel(e.role)));
  out.push(settingLine(I, 'Keyring', e.keyring.value, levelLabel(e.keyring)));
  const suiteB = e.environment ? paramsOf(e.environment, 'SuiteBProfile').at(-1) : undefined;
  out.push(
    settingLine(
      I,
      'SuiteBProfile',
      suiteB ? paramValue(suiteB) : defaultFor('TTLSEnvironmentAction', 'SuiteBProfile'),
      suiteB ? `(environment, line ${lineOf(suiteB)})` : '(default)',
    ),
  );

  out.push('  TTLSEnvironmentAdvancedParms (connection level overrides environment level):');
  for (const proto of PROTOCOLS) {
    out.push(settingLine(I, proto, e.protocols[proto].value, levelLabel(e.protocols[proto])));
  }
  for (const p of statementDef('TTLSEnvironmentAdvancedParms')?.params.values() ?? []) {
    if (
      (PROTOCOLS as readonly string[]).includes(p.name) ||
      p.type === 'inline-statement' ||
      p.type === 'ref'
    ) {
      continue;
    }
    const v = e.advanced(p.name);
    if (v.value === undefined && v.level === 'default') {
      continue;
    }
    out.push(settingLine(I, p.name, maskSecret(p.name, v.value), levelLabel(v)));
  }

  out.push(
    e.ciphers.level === 'default'
      ? '  Cipher list: System SSL default list (no level codes TTLSCipherParms) — it contains no TLS 1.3 suite'
      : `  Cipher list (${e.ciphers.level}, ${e.ciphers.parms.map((b) => `line ${lineOf(b)}`).join(', ')}):`,
  );
  for (const c of e.ciphers.entries) {
    out.push(cipherLine(I, c));
  }
  if (e.ciphers.level !== 'default' && !e.ciphers.entries.length) {
    out.push(`${I}(no cipher suite coded)`);
  }

  out.push('  TTLSSignatureParms:');
  for (const s of effectiveSignatureParms(model, e)) {
    if (s.value !== undefined && /^any$/i.test(s.value.trim())) {
      out.push(settingLine(I, s.name, 'Any', s.label));
      continue;
    }
    out.push(`${I}${pad(s.name + ':', 28)}${' '.repeat(16)}${s.label}`);
    for (const code of s.codes) {
      out.push(`${I}  ${code}  ${codeName(s.name, code)}`.trimEnd());
    }
  }

  const gsk = subStatements(model, e.environment, 'TTLSGskAdvancedParms');
  out.push('  TTLSGskAdvancedParms:');
  out.push(...parmLines(I, statementDef('TTLSGskAdvancedParms'), gsk, 'environment'));
  for (const sub of ['TTLSGskOcspParms', 'TTLSGskHttpCdpParms', 'TTLSGskLdapParms']) {
    const blocks = gsk.flatMap((g) => subStatements(model, g, sub));
    const lines = parmLines(I + '  ', statementDef(sub), blocks, 'environment');
    if (lines.length) {
      out.push(`${I}${sub}:`, ...lines);
    }
  }
  return out;
}

/** The whole effective policy as text, in the spirit of `pasearch -t`, before anything is installed. */
export function renderEffectivePolicy(model: AttlsModel): string {
  const out: string[] = [
    '# Effective AT-TLS policy computed by zos-tls from this file alone — not read from a TCP/IP stack.',
    `# Target release: z/OS ${model.release}. ${releaseNote(model)}`,
    '# After each value: "(default)" when no level codes it, otherwise the level and line that set it.',
    '# Rules in evaluation order: Priority high to low, then name alphabetically (attls-reference §5.1);',
    '# the first rule whose conditions match a connection is the one used.',
    '',
  ];
  if (!model.rules.length) {
    out.push(
      model.fileKind === 'main'
        ? 'This is a Policy Agent main or image configuration file: it holds no TTLSRule.'
        : 'This file holds no TTLSRule, so no AT-TLS policy would be installed from it.',
    );
    return out.join('\n') + '\n';
  }
  for (const rule of rulesInEvaluationOrder(model)) {
    out.push(...renderRule(model, rule), '');
  }
  return out.join('\n');
}

const mdLevel = (v: EffectiveValue): string =>
  v.level === 'default'
    ? v.value === undefined
      ? 'not set'
      : '*default*'
    : `${v.level}, line ${v.param ? lineOf(v.param) : '?'}`;

const esc = (s: string): string => s.replace(/[|`]/g, (c) => `\\${c}`);

/** Hover text for a TTLSRule name: its effective settings, like `pasearch -t` shows them on the host. */
export function ruleSummaryMarkdown(model: AttlsModel, rule: BlockNode): string {
  const e = model.effective(rule);
  const prio = priorityOf(rule);
  const order = rulesInEvaluationOrder(model).indexOf(rule) + 1;
  const lines = [
    `**TTLSRule** \`${esc(e.name)}\` — effective settings`,
    '',
    `Computed from this file for z/OS ${model.release}, before anything is installed. Priority ${prio.value}${prio.coded ? '' : ' (default)'}; evaluated ${order} of ${model.rules.length}.`,
    '',
    '| Setting | Value | From |',
    '|---|---|---|',
  ];
  const row = (k: string, v: string | undefined, from: string): void => {
    lines.push(`| ${k} | ${v === undefined ? '—' : esc(v)} | ${from} |`);
  };
  row('Group action', e.group?.name?.text, e.group ? `line ${lineOf(e.group)}` : 'none');
  row(
    'Environment action',
    e.environment?.name?.text,
    e.environment ? `line ${lineOf(e.environment)}` : 'none',
  );
  row('Connection action', e.connection?.name?.text, e.connection ? `line ${lineOf(e.connection)}` : 'none');
  row('HandshakeRole', e.role.value, mdLevel(e.role));
  const on = PROTOCOLS.filter((p) => (e.protocols[p].value ?? '').toLowerCase() === 'on');
  const off = PROTOCOLS.filter((p) => !on.includes(p));
  const mark = (p: (typeof PROTOCOLS)[number]): string =>
    `${p}${e.protocols[p].level === 'default' ? ' *(default)*' : ` (${e.protocols[p].level})`}`;
  lines.push(`| Protocols on | ${on.map(mark).join(', ') || 'none'} | |`);
  lines.push(`| Protocols off | ${off.map(mark).join(', ') || 'none'} | |`);
  let cipherText: string;
  if (e.ciphers.level === 'default') {
    cipherText = 'System SSL default list — contains no TLS 1.3 suite';
  } else {
    const names = e.ciphers.entries.map(
      (c) => c.suite?.name ?? `${c.token.text.slice(c.start, c.end)} (unknown)`,
    );
    cipherText =
      names.length > 12 ? `${names.slice(0, 12).join(', ')} … (+${names.length - 12})` : names.join(', ');
  }
  lines.push(
    `| Cipher list | ${esc(cipherText || '(empty)')} | ${e.ciphers.level === 'default' ? '*default*' : e.ciphers.level} |`,
  );
  row('Keyring', e.keyring.value, mdLevel(e.keyring));
  row('FIPS140', e.fips.value, mdLevel(e.fips));
  row('Trace', e.trace.value, mdLevel(e.trace));
  row('CtraceClearText', e.ctraceClearText.value, mdLevel(e.ctraceClearText));
  const tls12 = paramDef('TTLSEnvironmentAdvancedParms', 'TLSv1.2');
  if (e.protocols['TLSv1.2'].level === 'default' && tls12?.default !== undefined) {
    lines.push(
      '',
      `No level sets TLSv1.2, so its default (${String(tls12.default)}) applies — even on z/OS 3.1.`,
    );
  }
  return lines.join('\n');
}
