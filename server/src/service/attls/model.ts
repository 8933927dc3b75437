// The policy as Policy Agent sees it: global statements by type and name, references resolved,
// and for each TTLSRule the settings in effect after group → environment → connection
// inheritance and the release's defaults (attls-reference §5.2, §4.6).
import type { ZosRelease } from '../types';
import type { AttlsParamDef } from '../knowledge/attlsKeywords';
import { cipherByCode, cipherByName, paramDef, statementDef } from '../knowledge/attlsKeywords';
import type { AttlsDocument, AttlsNode, BlockNode, ParamNode, Token } from './parser';
import { walk } from './parser';

export type FileKind = 'policy' | 'main' | 'empty';

export interface RefResolution {
  /** Statement type the Ref parameter must name. */
  targetType: string;
  /** Statements of the right type with that name (several when the name is duplicated). */
  targets: BlockNode[];
  /** Statements of another type with that (case-exact) name. */
  wrongType: BlockNode[];
}

export interface AttlsModel {
  doc: AttlsDocument;
  release: ZosRelease;
  fileKind: FileKind;
  /** Top-level statements: canonical type → name → blocks (in file order). */
  globals: Map<string, Map<string, BlockNode[]>>;
  /** Every top-level block by name, whatever its type. */
  byName: Map<string, BlockNode[]>;
  rules: BlockNode[];
  /** Ref parameters and what they name. */
  refs: Map<ParamNode, RefResolution>;
  effective(rule: BlockNode): EffectiveRule;
}

export const PROTOCOLS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export type Level = 'connection' | 'environment' | 'group' | 'rule' | 'default';

export interface EffectiveValue {
  value: string | undefined;
  level: Level;
  /** The parameter that set the value, when one did. */
  param?: ParamNode;
}

export interface CipherEntry {
  /** 4-hex code, upper case, when the entry names a suite code (known or not). */
  code?: string;
  suite?: ReturnType<typeof cipherByCode>;
  /** The value token it came from and the character span inside it. */
  token: Token;
  param: ParamNode;
  start: number;
  end: number;
  form: 'constant' | 'hex2' | 'hex4';
  problem?:
    'non-hex' | 'odd-length' | 'unknown-code' | 'unknown-constant' | 'constant-in-4char' | 'ecc-in-2char';
}

export interface EffectiveCipherList {
  /** Where the list comes from; 'default' means System SSL's own default list (no TLS 1.3 suite). */
  level: Level;
  parms: BlockNode[];
  entries: CipherEntry[];
}

export interface EffectiveRule {
  rule: BlockNode;
  name: string;
  group?: BlockNode;
  environment?: BlockNode;
  connection?: BlockNode;
  protocols: Record<Protocol, EffectiveValue>;
  fips: EffectiveValue;
  role: EffectiveValue;
  keyring: EffectiveValue;
  trace: EffectiveValue;
  ctraceClearText: EffectiveValue;
  ciphers: EffectiveCipherList;
  /** TTLSSignatureParms in effect (connection level replaces environment level). */
  signatureParms: BlockNode[];
  /** Any advanced parameter after inheritance, with the release's default when no level sets it. */
  advanced(name: string): EffectiveValue;
}

const norm = (s: string): string => s.toLowerCase();

export function isBlock(n: AttlsNode): n is BlockNode {
  return n.kind === 'block';
}

export function paramsOf(block: BlockNode, keyword: string): ParamNode[] {
  const k = norm(keyword);
  return block.children.filter((c): c is ParamNode => c.kind === 'param' && c.key === k);
}

export function firstParam(block: BlockNode | undefined, keyword: string): ParamNode | undefined {
  return block ? paramsOf(block, keyword)[0] : undefined;
}

/** The value of a parameter line as written (tokens joined by one blank). */
export function paramValue(p: ParamNode | undefined): string | undefined {
  return p && p.values.length ? p.values.map((v) => v.text).join(' ') : undefined;
}

// Many rules ask for the same parameter's definition: it is resolved once and kept on the node.
export function paramDefFor(p: ParamNode): AttlsParamDef | undefined {
  if (p.def === undefined) {
    p.def = (p.parent?.statement ? paramDef(p.parent.statement, p.keyword.text) : undefined) ?? null;
  }
  return p.def ?? undefined;
}

function isRefParam(p: ParamNode): AttlsParamDef | undefined {
  const def = paramDefFor(p);
  return def?.type === 'ref' && def.refTo ? def : undefined;
}

function classifyFile(doc: AttlsDocument): FileKind {
  let blocks = 0;
  let lines = 0;
  for (const n of doc.nodes) {
    if (n.kind === 'block') {
      blocks++;
    } else if (statementDef(n.keyword.text)) {
      lines++;
    }
  }
  if (blocks > 0) {
    return 'policy';
  }
  return lines > 0 ? 'main' : 'empty';
}

export function buildModel(doc: AttlsDocument, release: ZosRelease): AttlsModel {
  const globals = new Map<string, Map<string, BlockNode[]>>();
  const byName = new Map<string, BlockNode[]>();
  const rules: BlockNode[] = [];
  for (const n of doc.nodes) {
    if (n.kind !== 'block' || !n.statement) {
      continue;
    }
    if (n.statement === 'TTLSRule') {
      rules.push(n);
    }
    if (!n.name) {
      continue;
    }
    let m = globals.get(n.statement);
    if (!m) {
      globals.set(n.statement, (m = new Map()));
    }
    const list = m.get(n.name.text) ?? [];
    list.push(n);
    m.set(n.name.text, list);
    const any = byName.get(n.name.text) ?? [];
    any.push(n);
    byName.set(n.name.text, any);
  }

  const refs = new Map<ParamNode, RefResolution>();
  for (const n of walk(doc.nodes)) {
    if (n.kind !== 'param') {
      continue;
    }
    const def = isRefParam(n);
    if (!def || !n.values[0]) {
      continue;
    }
    const name = n.values[0].text;
    const targets = globals.get(def.refTo!)?.get(name) ?? [];
    const wrongType = (byName.get(name) ?? []).filter((b) => b.statement !== def.refTo);
    refs.set(n, { targetType: def.refTo!, targets, wrongType });
  }

  const model: AttlsModel = {
    doc,
    release,
    fileKind: classifyFile(doc),
    globals,
    byName,
    rules,
    refs,
    effective: (rule) => {
      let e = cache.get(rule);
      if (!e) {
        cache.set(rule, (e = computeEffective(model, rule)));
      }
      return e;
    },
  };
  const cache = new Map<BlockNode, EffectiveRule>();
  return model;
}

/** The statement a Ref parameter resolves to (the first, when the name is duplicated). */
export function resolveRef(
  model: AttlsModel,
  block: BlockNode | undefined,
  refKeyword: string,
): BlockNode | undefined {
  const p = firstParam(block, refKeyword);
  return p ? model.refs.get(p)?.targets[0] : undefined;
}

/**
 * A sub-statement of a block, coded inline and/or by Ref. Both forms in one block is itself a
 * finding (attls/inline-and-ref); for lookups the inline block is read first.
 */
export function subStatements(model: AttlsModel, block: BlockNode | undefined, type: string): BlockNode[] {
  if (!block) {
    return [];
  }
  const out = block.children.filter((c): c is BlockNode => c.kind === 'block' && c.statement === type);
  const viaRef = resolveRef(model, block, type + 'Ref');
  if (viaRef) {
    out.push(viaRef);
  }
  return out;
}

function lookup(blocks: BlockNode[], keyword: string): ParamNode | undefined {
  for (const b of blocks) {
    const p = paramsOf(b, keyword);
    if (p.length) {
      // A repeated single-value parameter: the last one is the one Policy Agent keeps (uncertain;
      // attls/repeated-parameter reports the repeat).
      return p[p.length - 1];
    }
  }
  return undefined;
}

export function defaultFor(statement: string, keyword: string): string | undefined {
  const d = paramDef(statement, keyword)?.default;
  return d === undefined ? undefined : String(d);
}

const HEX = /^[0-9A-Fa-f]+$/;

/** Expands the V2/V3 cipher parameters of cipher-parms blocks into suite entries, in order. */
export function expandCiphers(parms: BlockNode[]): CipherEntry[] {
  const out: CipherEntry[] = [];
  for (const block of parms) {
    for (const p of block.children) {
      if (p.kind === 'param') {
        for (const e of expandCipherParam(p)) {
          out.push(e);
        }
      }
    }
  }
  return out;
}

// Several rules, hover and the model read the same cipher lines; a policy line of a megabyte of
// hex codes would otherwise be expanded once per reader. Entries are shared: do not mutate them.
const expanded = new WeakMap<ParamNode, CipherEntry[]>();

/** The suite entries of one V3CipherSuites/V3CipherSuites4Char line (none for other parameters). */
export function expandCipherParam(p: ParamNode): readonly CipherEntry[] {
  let out = expanded.get(p);
  if (!out) {
    out = [];
    expandCipherParamInto(p, out);
    expanded.set(p, out);
  }
  return out;
}

// Entries are written as plain object literals: V8 (Node 20) builds `{ ...base, ... }` objects tens
// of times slower, which made a large policy take seconds.
function expandCipherParamInto(p: ParamNode, out: CipherEntry[]): void {
  const kw = p.key;
  if (kw !== 'v3ciphersuites' && kw !== 'v3ciphersuites4char') {
    return;
  }
  const four = kw === 'v3ciphersuites4char';
  for (const token of p.values) {
    const t = token.text;
    if (!HEX.test(t)) {
      const suite = cipherByName(t);
      out.push({
        token,
        param: p,
        code: suite?.hex4.toUpperCase(),
        suite,
        start: 0,
        end: t.length,
        form: 'constant',
        problem: four
          ? 'constant-in-4char'
          : suite
            ? undefined
            : /^[A-Z0-9_]+$/i.test(t)
              ? 'unknown-constant'
              : 'non-hex',
      });
      continue;
    }
    const width = four ? 4 : 2;
    if (t.length % width !== 0) {
      out.push({
        token,
        param: p,
        start: 0,
        end: t.length,
        form: four ? 'hex4' : 'hex2',
        problem: 'odd-length',
      });
      continue;
    }
    for (let i = 0; i < t.length; i += width) {
      const piece = t.slice(i, i + width).toUpperCase();
      const code = four ? piece : '00' + piece;
      const suite = cipherByCode(code);
      out.push({
        token,
        param: p,
        code,
        suite,
        start: i,
        end: i + width,
        form: four ? 'hex4' : 'hex2',
        problem: suite ? undefined : 'unknown-code',
      });
    }
  }
}

function computeEffective(model: AttlsModel, rule: BlockNode): EffectiveRule {
  const group = resolveRef(model, rule, 'TTLSGroupActionRef');
  const environment = resolveRef(model, rule, 'TTLSEnvironmentActionRef');
  const connection = resolveRef(model, rule, 'TTLSConnectionActionRef');
  const envAdv = subStatements(model, environment, 'TTLSEnvironmentAdvancedParms');
  const connAdv = subStatements(model, connection, 'TTLSConnectionAdvancedParms');
  const groupAdv = subStatements(model, group, 'TTLSGroupAdvancedParms');

  const advanced = (name: string): EffectiveValue => {
    const c = lookup(connAdv, name);
    if (c) {
      return { value: paramValue(c), level: 'connection', param: c };
    }
    const e = lookup(envAdv, name);
    if (e) {
      return { value: paramValue(e), level: 'environment', param: e };
    }
    const g = lookup(groupAdv, name);
    if (g) {
      return { value: paramValue(g), level: 'group', param: g };
    }
    return { value: defaultFor('TTLSEnvironmentAdvancedParms', name), level: 'default' };
  };

  const layered = (name: string, fallback: string | undefined): EffectiveValue => {
    for (const [level, block] of [
      ['connection', connection],
      ['environment', environment],
      ['group', group],
    ] as const) {
      const p = block ? lookup([block], name) : undefined;
      if (p) {
        return { value: paramValue(p), level, param: p };
      }
    }
    return { value: fallback, level: 'default' };
  };

  const protocols = {} as Record<Protocol, EffectiveValue>;
  for (const proto of PROTOCOLS) {
    protocols[proto] = advanced(proto);
  }

  const fipsParam = group ? lookup([group], 'FIPS140') : undefined;
  const fips: EffectiveValue = fipsParam
    ? { value: paramValue(fipsParam), level: 'group', param: fipsParam }
    : { value: defaultFor('TTLSGroupAction', 'FIPS140'), level: 'default' };

  const roleConn = connection ? lookup([connection], 'HandshakeRole') : undefined;
  const roleEnv = environment ? lookup([environment], 'HandshakeRole') : undefined;
  const role: EffectiveValue = roleConn
    ? { value: paramValue(roleConn), level: 'connection', param: roleConn }
    : roleEnv
      ? { value: paramValue(roleEnv), level: 'environment', param: roleEnv }
      : { value: undefined, level: 'default' };

  const keyringParms = subStatements(model, environment, 'TTLSKeyringParms');
  const keyringParam = lookup(keyringParms, 'Keyring');
  const keyring: EffectiveValue = keyringParam
    ? { value: paramValue(keyringParam), level: 'environment', param: keyringParam }
    : { value: undefined, level: 'default' };

  const connCipher = subStatements(model, connection, 'TTLSCipherParms');
  const envCipher = subStatements(model, environment, 'TTLSCipherParms');
  const ciphers: EffectiveCipherList = connCipher.length
    ? { level: 'connection', parms: connCipher, entries: expandCiphers(connCipher) }
    : envCipher.length
      ? { level: 'environment', parms: envCipher, entries: expandCiphers(envCipher) }
      : { level: 'default', parms: [], entries: [] };

  const connSig = subStatements(model, connection, 'TTLSSignatureParms');
  const signatureParms = connSig.length ? connSig : subStatements(model, environment, 'TTLSSignatureParms');

  return {
    rule,
    name: rule.name?.text ?? '(unnamed rule)',
    group,
    environment,
    connection,
    protocols,
    fips,
    role,
    keyring,
    trace: layered('Trace', defaultFor('TTLSGroupAction', 'Trace') ?? '2'),
    ctraceClearText: layered('CtraceClearText', defaultFor('TTLSGroupAction', 'CtraceClearText')),
    ciphers,
    signatureParms,
    advanced,
  };
}

export function isOn(v: EffectiveValue | string | undefined): boolean {
  const s = typeof v === 'object' ? v.value : v;
  return (s ?? '').toLowerCase() === 'on';
}

/** FIPS140 values other than Off turn FIPS mode on (attls-reference §4.3). */
export function fipsOn(v: EffectiveValue): boolean {
  const s = (v.value ?? 'off').toLowerCase();
  return s !== 'off';
}
