// attls/shadowed-rule — evidence: attls-reference §4.2, §5.1, §7 rule 20 [S14][S34]: the first
// matching rule wins; rules are ordered by Priority (higher first; 1 when not coded, as pasearch
// shows) and, within one priority, alphabetically by name. Real case: Colin Paice's PAGENTTN,
// where COLATTLJ (port 4000, Both) precedes COLATTLS (port 4000, Userid START1, Both).
//
// Only certain containment is reported: every condition of the earlier rule must provably include
// the later rule's, and a condition we cannot compare (Refs to different objects, address ranges,
// time conditions, unknown parameters) rules the pair out.
import type { RuleModule } from '../../rules';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import { decodeIbm1047 } from '../../text/decode';
import type { AttlsModel } from '../model';
import { paramsOf, paramValue } from '../model';
import type { BlockNode, ParamNode } from '../parser';

type Cond =
  | { kind: 'any' }
  | { kind: 'range'; lo: number; hi: number }
  | { kind: 'exact'; key: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'unknown' };

const ANY: Cond = { kind: 'any' };
const UNKNOWN: Cond = { kind: 'unknown' };

function covers(a: Cond, b: Cond): boolean {
  if (a.kind === 'any') {
    return true;
  }
  if (a.kind === 'unknown' || b.kind === 'unknown' || b.kind === 'any') {
    return false;
  }
  if (a.kind === 'range') {
    return b.kind === 'range' && a.lo <= b.lo && b.hi <= a.hi;
  }
  if (a.kind === 'exact') {
    return b.kind === 'exact' && a.key === b.key;
  }
  return (
    (b.kind === 'prefix' && b.prefix.startsWith(a.prefix)) ||
    (b.kind === 'exact' && b.key.startsWith(a.prefix))
  );
}

type ParamsByKeyword = Map<string, ParamNode[]>;

function byKeyword(rule: BlockNode): ParamsByKeyword {
  const m: ParamsByKeyword = new Map();
  for (const c of rule.children) {
    if (c.kind === 'param') {
      const k = c.key;
      const list = m.get(k) ?? [];
      list.push(c);
      m.set(k, list);
    }
  }
  return m;
}

/** Reads one condition given by a value parameter and/or Ref parameters. */
function condition(
  params: ParamsByKeyword,
  valueKw: string,
  refKws: readonly string[],
  read: (v: string) => Cond,
): Cond {
  const values = params.get(valueKw.toLowerCase()) ?? [];
  const refs = refKws.flatMap((k) => (params.get(k.toLowerCase()) ?? []).map((p) => ({ k, p })));
  if (values.length + refs.length === 0) {
    return ANY;
  }
  if (values.length + refs.length > 1) {
    return UNKNOWN;
  }
  if (refs.length) {
    const name = paramValue(refs[0].p);
    // Two rules naming the same object compare equal; anything else about a Ref is out of reach here.
    return name && refs[0].p.values.length === 1
      ? { kind: 'exact', key: `${refs[0].k.toLowerCase()}:${name}` }
      : UNKNOWN;
  }
  const v = values[0];
  return v.values.length === 1 ? read(v.values[0].text) : UNKNOWN;
}

function port(v: string): Cond {
  if (v === '0') {
    return ANY;
  }
  let m = /^(\d{1,5})$/.exec(v);
  if (m) {
    return { kind: 'range', lo: Number(m[1]), hi: Number(m[1]) };
  }
  m = /^(\d{1,5})-(\d{1,5})$/.exec(v);
  return m && Number(m[1]) <= Number(m[2]) ? { kind: 'range', lo: Number(m[1]), hi: Number(m[2]) } : UNKNOWN;
}

function address(v: string): Cond {
  return v.toLowerCase() === 'all' ? ANY : { kind: 'exact', key: v.toLowerCase() };
}

function wildcard(v: string): Cond {
  const star = v.indexOf('*');
  if (star < 0) {
    return /[?%]/.test(v) ? UNKNOWN : { kind: 'exact', key: v };
  }
  // Only a single trailing '*' has a meaning we are sure of (real files: ZWE1*, AZF*, *).
  return star === v.length - 1 && !/[?%]/.test(v) ? { kind: 'prefix', prefix: v.slice(0, -1) } : UNKNOWN;
}

function direction(v: string): Cond {
  const d = v.toLowerCase();
  return d === 'both' ? ANY : d === 'inbound' || d === 'outbound' ? { kind: 'exact', key: d } : UNKNOWN;
}

const KNOWN_PARAMS = new Set(
  [
    'LocalAddr',
    'RemoteAddr',
    'LocalAddrRef',
    'RemoteAddrRef',
    'LocalAddrSetRef',
    'RemoteAddrSetRef',
    'LocalAddrGroupRef',
    'RemoteAddrGroupRef',
    'LocalPortRange',
    'RemotePortRange',
    'LocalPortRangeRef',
    'RemotePortRangeRef',
    'LocalPortGroupRef',
    'RemotePortGroupRef',
    'Jobname',
    'Userid',
    'Direction',
    'Priority',
    'TTLSGroupActionRef',
    'TTLSEnvironmentActionRef',
    'TTLSConnectionActionRef',
  ].map((k) => k.toLowerCase()),
);

interface RuleConds {
  rule: BlockNode;
  name: string;
  priority: number;
  /** False when the rule holds something that may narrow it in a way we cannot compare. */
  comparable: boolean;
  conds: Cond[];
  localKey: string;
  remoteKey: string;
}

const DIMENSIONS = ['Direction', 'LocalPort', 'RemotePort', 'LocalAddr', 'RemoteAddr', 'Jobname', 'Userid'];

function read(rule: BlockNode): RuleConds | undefined {
  const params = byKeyword(rule);
  const prio = params.get('priority') ?? [];
  let priority = 1;
  if (prio.length) {
    const v = paramValue(prio[prio.length - 1]) ?? '';
    priority = /^\d{1,10}$/.test(v) ? Number(v) : NaN;
    if (!(priority >= 1 && priority <= 2000000000)) {
      return undefined;
    }
  }
  const dir = params.get('direction') ?? [];
  if (dir.length !== 1) {
    return undefined;
  }
  const comparable = rule.children.every((c) => c.kind === 'param' && KNOWN_PARAMS.has(c.key));
  const conds = [
    condition(params, 'Direction', [], direction),
    condition(params, 'LocalPortRange', ['LocalPortRangeRef', 'LocalPortGroupRef'], port),
    condition(params, 'RemotePortRange', ['RemotePortRangeRef', 'RemotePortGroupRef'], port),
    condition(params, 'LocalAddr', ['LocalAddrRef', 'LocalAddrSetRef', 'LocalAddrGroupRef'], address),
    condition(params, 'RemoteAddr', ['RemoteAddrRef', 'RemoteAddrSetRef', 'RemoteAddrGroupRef'], address),
    condition(params, 'Jobname', [], wildcard),
    condition(params, 'Userid', [], wildcard),
  ];
  const key = (c: Cond): string =>
    c.kind === 'any' ? 'any' : c.kind === 'range' && c.lo === c.hi ? `p${c.lo}` : 'other';
  return {
    rule,
    name: rule.name!.text,
    priority,
    comparable,
    conds,
    localKey: key(conds[1]),
    remoteKey: key(conds[2]),
  };
}

// Policy Agent runs on z/OS: "alphabetically" may mean EBCDIC order, where lower case sorts before
// upper case and digits last, unlike ASCII. An order is taken as certain only when both agree.
const EBCDIC_RANK = (() => {
  const chars = decodeIbm1047(Uint8Array.from({ length: 256 }, (_, i) => i));
  const rank = new Map<string, number>();
  for (let i = chars.length - 1; i >= 0; i--) {
    rank.set(chars[i], i);
  }
  return rank;
})();

function compareBy(a: string, b: string, rank: (c: string) => number): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = rank(a[i]) - rank(b[i]);
    if (d !== 0) {
      return d;
    }
  }
  return a.length - b.length;
}

function certainlyBefore(a: RuleConds, b: RuleConds): boolean {
  if (a.priority !== b.priority) {
    return a.priority > b.priority;
  }
  const ascii = compareBy(a.name, b.name, (c) => c.charCodeAt(0));
  const ebcdic = compareBy(a.name, b.name, (c) => EBCDIC_RANK.get(c) ?? 1000 + c.charCodeAt(0));
  return ascii < 0 && ebcdic < 0;
}

// A safety net for pathological policies (thousands of rules sharing broad port conditions): past
// this many comparisons the rule stops looking, which can only miss findings, never invent one.
const MAX_COMPARISONS = 2_000_000;

export const shadowedRule: RuleModule<AttlsModel> = {
  id: 'attls/shadowed-rule',
  href: sourceUrl('S14')!,
  check(model, report) {
    const counts = new Map<string, number>();
    for (const r of model.rules) {
      if (r.name) {
        counts.set(r.name.text, (counts.get(r.name.text) ?? 0) + 1);
      }
    }
    const all: RuleConds[] = [];
    for (const r of model.rules) {
      // A duplicated name makes the order between the two copies unknowable.
      if (r.name && counts.get(r.name.text) === 1) {
        const c = read(r);
        if (c) {
          all.push(c);
        }
      }
    }
    const buckets = new Map<string, RuleConds[]>();
    for (const c of all) {
      if (!c.comparable) {
        continue;
      }
      const k = `${c.localKey}|${c.remoteKey}`;
      const list = buckets.get(k) ?? [];
      list.push(c);
      buckets.set(k, list);
    }
    let budget = MAX_COMPARISONS;
    for (const b of all) {
      if (budget <= 0) {
        break;
      }
      const localKeys =
        b.localKey === 'any' ? ['any'] : ['any', 'other', ...(b.localKey === 'other' ? [] : [b.localKey])];
      const remoteKeys =
        b.remoteKey === 'any' ? ['any'] : ['any', 'other', ...(b.remoteKey === 'other' ? [] : [b.remoteKey])];
      let best: RuleConds | undefined;
      for (const lk of localKeys) {
        for (const rk of remoteKeys) {
          for (const a of buckets.get(`${lk}|${rk}`) ?? []) {
            budget--;
            if (a === b) {
              continue;
            }
            if (!certainlyBefore(a, b) || !a.conds.every((ac, i) => covers(ac, b.conds[i]))) {
              continue;
            }
            if (!best || certainlyBefore(a, best)) {
              best = a;
            }
          }
        }
      }
      if (!best) {
        continue;
      }
      const a = best;
      const order =
        a.priority !== b.priority
          ? `${a.name} has the higher Priority (${a.priority} > ${b.priority})`
          : `both have Priority ${a.priority}${paramsOf(a.rule, 'Priority').length && paramsOf(b.rule, 'Priority').length ? '' : ' (1 when not coded)'} and ${a.name} sorts first`;
      const narrowed = DIMENSIONS.filter((_, i) => a.conds[i].kind !== 'any');
      report({
        message:
          `Rule ${b.name} never applies: ${order}, and ${a.name} matches every connection ${b.name} matches ` +
          `(${narrowed.length ? `its ${narrowed.join(', ')} conditions include ${b.name}'s` : 'it has no condition that ' + b.name + ' does not meet'}); ` +
          'the first matching rule wins. Give ' +
          `${b.name} a higher Priority than ${a.name} (leave gaps between priorities), or narrow ${a.name}.`,
        range: b.rule.name!.range,
        related: [
          {
            range: a.rule.name!.range,
            message: `${a.name} comes first and matches every connection of ${b.name}`,
          },
        ],
      });
    }
  },
};
