// What a RACF command stream does, in order: the commands as parsed, and (filled by the model
// builder) the certificates, rings, connections, permits and refreshes they create, so rules that
// look across commands read one model instead of re-reading the text.
import type { Fix, Range, Severity, ZosRelease } from '../types';
import type { SourceText } from '../text/sourceText';
import type { Operand, TsoComment, TsoCommand, TsoProblem, WordValue } from './ast';
import type { CommandStream } from './source';
import type { KeyType } from '../knowledge/racfKeywords';
import { REFRESH_CLASSES, matchKeyword } from '../knowledge/racfKeywords';
import type { RacdcertCall } from './rules/commandHelpers';
import type { RacfWorkspace } from './workspaceFacts';
import { runKey } from './rules/crossHelpers';
import {
  keyChoice,
  nested,
  operandsOf,
  ownerOf,
  racdcertCall,
  singleValue,
  sizeOf,
  top,
  validityOf,
  valueText,
  wordsOf,
} from './rules/commandHelpers';

export type RacfLanguage = 'jcl' | 'rexx' | 'racf';

/** A problem found while reading the carrier (JCL columns, stream delimiters) or parsing commands. */
export interface RacfProblem {
  rule: string;
  message: string;
  range: Range;
  severity?: Severity;
  fixes?: Fix[];
}

/**
 * Whose certificate or ring a command means (reference §2). `self` is the user who issues the
 * command: RACDCERT's default, and unknown to us in a batch job (it is the job's user).
 */
export type RacfOwner =
  | { kind: 'ID'; id: string; symbolic: boolean; written?: string }
  | { kind: 'SITE' }
  | { kind: 'CERTAUTH' }
  | { kind: 'self' };

/** A label, ring name or profile as written: case-exact, with its range (the value, quotes included). */
export interface NameRef {
  text: string;
  /** Holds a JCL symbol or template placeholder: its final text is unknown. */
  symbolic: boolean;
  range: Range;
}

interface EffectBase {
  command: TsoCommand;
  /** Position of the command in RacfModel.racf: effects compare order by it. */
  index: number;
}

export interface DateWritten {
  /** ccyy-mm-dd as written (slashes kept); undefined when no valid date is written. */
  text?: string;
  range: Range;
}

export interface SignWithRef {
  /** SIGNWITH(CERTAUTH …), SIGNWITH(SITE …) or, with neither, the issuer's own certificate. */
  owner: RacfOwner;
  label?: NameRef;
  range: Range;
}

/** A certificate a command creates: GENCERT, ADD, IMPORT (token) and REKEY (the replica). */
export interface CertificateEffect extends EffectBase {
  kind: 'certificate';
  function: 'GENCERT' | 'ADD' | 'IMPORT' | 'REKEY';
  owner: RacfOwner;
  /** WITHLABEL; undefined when RACF generates the label. */
  label?: NameRef;
  /** GENCERT/REKEY: the key pair generated; undefined for ADD, IMPORT, FROMICSF and request data sets. */
  key?: { type: KeyType; keyword: string; size?: number; pkds: boolean };
  keyUsage: string[];
  notBefore?: DateWritten;
  notAfter?: DateWritten;
  signWith?: SignWithRef;
  /** GENCERT('dsn'): signs a request, generates no key. */
  fromRequest: boolean;
  /** REKEY: the label of the certificate replicated. */
  from?: NameRef;
}

/** ALTER(LABEL('old')) NEWLABEL('new'): the certificate is known by the new label afterwards. */
export interface RelabelEffect extends EffectBase {
  kind: 'relabel';
  owner: RacfOwner;
  from?: NameRef;
  label: NameRef;
}

export interface RingEffect extends EffectBase {
  kind: 'ring';
  owner: RacfOwner;
  /** Case-exact ring name; undefined when ADDRING has no name (racf/bad-value's business). */
  name?: NameRef;
}

export interface ConnectionEffect extends EffectBase {
  kind: 'connect';
  /** The command's top-level ID(...), else the issuer. */
  ringOwner: RacfOwner;
  ring?: NameRef;
  /** ID(...)/SITE/CERTAUTH inside CONNECT(...), else the ring owner. */
  certOwner: RacfOwner;
  certOwnerWritten: boolean;
  label?: NameRef;
  usage?: { value: string; range: Range };
  /** The DEFAULT flag inside CONNECT(...). */
  default?: Range;
  /** The CONNECT(...) operand. */
  range: Range;
}

/** REMOVE (a certificate from a ring), DELRING, DELETE (a certificate) and LISTRING. */
export interface RingUseEffect extends EffectBase {
  kind: 'remove' | 'delring' | 'listring';
  ringOwner: RacfOwner;
  ring?: NameRef;
  /** REMOVE: the certificate's owner and label. */
  certOwner?: RacfOwner;
  label?: NameRef;
  range: Range;
}

export interface DeleteEffect extends EffectBase {
  kind: 'delete';
  owner: RacfOwner;
  label?: NameRef;
}

export interface PermitEffect extends EffectBase {
  kind: 'permit';
  profile?: NameRef;
  /** Upper case; undefined when CLASS is not written (a data set profile). */
  class?: string;
  ids: NameRef[];
  access?: string;
  /** PERMIT … DELETE removes access instead of granting it. */
  delete: boolean;
}

/** RDEFINE, RALTER, RLIST, RDELETE of a general resource profile. */
export interface ResourceEffect extends EffectBase {
  kind: 'rdefine' | 'ralter' | 'rlist' | 'rdelete';
  class?: string;
  profile?: NameRef;
}

export interface RefreshEffect extends EffectBase {
  kind: 'refresh';
  /** The classes of RACLIST(...), upper case, with their ranges. */
  classes: NameRef[];
  /** REFRESH is written: the in-storage profiles are reloaded. */
  refresh: boolean;
}

export type RacfEffect =
  | CertificateEffect
  | RelabelEffect
  | RingEffect
  | ConnectionEffect
  | RingUseEffect
  | DeleteEffect
  | PermitEffect
  | ResourceEffect
  | RefreshEffect;

/** A command that changes profiles of RACLISTable classes: the refreshes it needs (reference §6.1). */
export interface RefreshNeed {
  command: TsoCommand;
  index: number;
  classes: string[];
  /** What the command changes, for messages ("RACDCERT CONNECT", "PERMIT in FACILITY"). */
  what: string;
}

export interface RacfModel {
  source: SourceText;
  language: RacfLanguage;
  release: ZosRelease;
  /** "Now" for date rules; injected so tests and the CLI are repeatable. */
  today: Date;
  /** The FIPS setting: racf/fips-key reports only when the consumers run in FIPS mode. */
  fips: boolean;
  streams: CommandStream[];
  /** Every parsed command, in document order (non-RACF TSO commands included, without canonicalName). */
  commands: TsoCommand[];
  /** The RACF commands only (canonicalName set). */
  racf: TsoCommand[];
  problems: RacfProblem[];
  parseProblems: TsoProblem[];
  /** Every TSO comment of the streams, those on lines of their own included (racf/unclosed-comment). */
  comments?: TsoComment[];
  /**
   * What the other documents of the workspace create (this document's own facts excluded): a
   * label or ring one of them creates satisfies a reference here. Undefined for a lone document.
   */
  workspace?: RacfWorkspace;
  /** Every effect, in command order. The lists below are the same objects by kind. */
  effects: RacfEffect[];
  certificates: CertificateEffect[];
  relabels: RelabelEffect[];
  rings: RingEffect[];
  connections: ConnectionEffect[];
  ringUses: RingUseEffect[];
  deletes: DeleteEffect[];
  permits: PermitEffect[];
  resources: ResourceEffect[];
  refreshes: RefreshEffect[];
  refreshNeeds: RefreshNeed[];
}

/** The parsed parts the model is built from. */
export type RacfModelBase = Omit<
  RacfModel,
  | 'effects'
  | 'certificates'
  | 'relabels'
  | 'rings'
  | 'connections'
  | 'ringUses'
  | 'deletes'
  | 'permits'
  | 'resources'
  | 'refreshes'
  | 'refreshNeeds'
>;

// ---------------------------------------------------------------------------------------------
// Owners and names

export function ownerText(o: RacfOwner): string {
  return o.kind === 'ID' ? `ID(${o.id})` : o.kind === 'self' ? 'the issuing user' : o.kind;
}

/** Owners known to be the same (user IDs are not case-sensitive; symbols compare as written). */
export function sameOwner(a: RacfOwner, b: RacfOwner): boolean {
  return a.kind === b.kind && (a.kind !== 'ID' || (b.kind === 'ID' && a.id === b.id));
}

function isUser(o: RacfOwner): boolean {
  return o.kind === 'ID' || o.kind === 'self';
}

/**
 * Owners that may be the same: the issuer of a batch job may be any user, and a symbol may stand
 * for any user. CERTAUTH and SITE are never a user.
 */
export function mayBeSameOwner(a: RacfOwner, b: RacfOwner): boolean {
  if (sameOwner(a, b)) {
    return true;
  }
  if (!isUser(a) || !isUser(b)) {
    return false;
  }
  return (
    a.kind === 'self' ||
    b.kind === 'self' ||
    (a.kind === 'ID' && a.symbolic) ||
    (b.kind === 'ID' && b.symbolic)
  );
}

/** Names that may be equal: exact text, or either holds a symbol whose value is unknown. */
export function mayBeSameName(a: NameRef, b: NameRef): boolean {
  return a.text === b.text || a.symbolic || b.symbolic;
}

/** True when `a` comes before `b` in the document (effects of one model). */
export function before(a: { index: number }, b: { index: number }): boolean {
  return a.index < b.index;
}

// ---------------------------------------------------------------------------------------------
// Builder

function nameOf(op: Operand | undefined): NameRef | undefined {
  const v = op ? singleValue(op) : undefined;
  if (!v) {
    return undefined;
  }
  return { text: valueText(v), symbolic: v.symbolic, range: v.range };
}

/** ID(x), SITE or CERTAUTH written inside a subfield (CONNECT(...), REMOVE(...)); undefined if none. */
function innerOwner(fn: string, parent: Operand): RacfOwner | undefined {
  for (const w of wordsOf(parent)) {
    if (w.upper === 'CERTAUTH' || w.upper === 'SITE') {
      return { kind: w.upper };
    }
  }
  const id = nested(fn, parent, [fn], 'ID');
  const v = id ? singleValue(id) : undefined;
  return v
    ? { kind: 'ID', id: valueText(v).toUpperCase(), symbolic: v.symbolic, written: valueText(v) }
    : undefined;
}

/*
 * A subfield broken by a stray parenthesis (`RING((SHOPZ) USAGE(CERTAUTH) DEFAULT)`, ShopZ) nests
 * what follows inside RING: racf/syntax reports it, and these recover what the author meant so
 * the cross-command rules still see the ring, the usage and the DEFAULT flag.
 */
function deepWord(op: Operand, upper: string): WordValue | undefined {
  for (const v of op.values) {
    if (v.kind === 'word' && v.upper === upper) {
      return v;
    }
    const inner = v.kind === 'operand' ? deepWord(v, upper) : undefined;
    if (inner) {
      return inner;
    }
  }
  return undefined;
}

function deepOperand(op: Operand, upper: string): Operand | undefined {
  for (const v of op.values) {
    if (v.kind !== 'operand') {
      continue;
    }
    if (v.keyword.upper === upper) {
      return v;
    }
    const inner = deepOperand(v, upper);
    if (inner) {
      return inner;
    }
  }
  return undefined;
}

function doubledParenthesis(op: Operand | undefined): NameRef | undefined {
  const first = op?.values[0];
  return first?.kind === 'operand' && first.keyword.text === '' ? nameOf(first) : undefined;
}

/** The command's owner, keeping the user ID as written for fixes (symbols keep their case). */
function commandOwner(call: RacdcertCall): RacfOwner {
  const owner = ownerOf(call);
  if (owner.kind !== 'ID') {
    return owner;
  }
  const idOp = call.operands.find((o) => o.name === 'ID')?.op;
  const v = idOp ? singleValue(idOp) : undefined;
  return { ...owner, written: v ? valueText(v) : owner.id };
}

/** The classes each RACDCERT function's changes need refreshed: §6.1 table and the function entries. */
const REFRESH_BY_FUNCTION: ReadonlyMap<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [cls, after] of Object.entries(REFRESH_CLASSES)) {
    const m = /^after ([A-Z][A-Z, ]*[A-Z])(?:\s|$)/.exec(after);
    if (!m || m[1].includes('PERMIT')) {
      continue;
    }
    for (const fn of m[1].split(/,\s*/)) {
      out.set(fn, [...(out.get(fn) ?? []), cls]);
    }
  }
  return out;
})();

function refreshFor(call: RacdcertCall): string[] {
  const classes = new Set([...call.fn.refresh, ...(REFRESH_BY_FUNCTION.get(call.fn.name) ?? [])]);
  // DIGTCRIT is needed "with MAP CRITERIA" only (§6.1).
  if (!call.operands.some((o) => o.name === 'CRITERIA')) {
    classes.delete('DIGTCRIT');
  }
  return [...classes];
}

function dateOf(call: RacdcertCall, which: 'NOTBEFORE' | 'NOTAFTER'): DateWritten | undefined {
  const v = validityOf(call, which);
  if (!v) {
    return undefined;
  }
  const value = v.dateOp ? singleValue(v.dateOp) : undefined;
  return { text: v.date?.real ? valueText(v.date.value) : undefined, range: (value ?? v.op).range };
}

/** The profile operand of PERMIT (first) or RDEFINE/RLIST/… (second); the quoted text when quoted. */
function profileRef(op: Operand | undefined): NameRef | undefined {
  if (!op) {
    return undefined;
  }
  if (op.quoted) {
    return { text: op.quoted.value, symbolic: op.quoted.symbolic, range: op.quoted.range };
  }
  if (op.open) {
    // RDEFINE FACILITY (A.B): the profile inside parentheses.
    return nameOf(op);
  }
  const text = op.keyword.text;
  return { text, symbolic: /[&{}<>$]/.test(text), range: op.keyword.range };
}

function companionKeyword(command: string, op: Operand, name: string): boolean {
  if (op.quoted) {
    return false;
  }
  const m = matchKeyword(command, op.keyword.text);
  return (m.kind === 'exact' || m.kind === 'abbreviation') && m.def.name === name;
}

function classOf(ops: Operand[], command: string): string | undefined {
  const c = ops.find((o) => companionKeyword(command, o, 'CLASS'));
  const v = c ? singleValue(c) : undefined;
  return v && !v.symbolic ? valueText(v).toUpperCase() : undefined;
}

/** Walks the RACF commands once, in order, and records what each does. */
export function buildRacfModel(base: RacfModelBase): RacfModel {
  const effects: RacfEffect[] = [];
  const refreshNeeds: RefreshNeed[] = [];
  base.racf.forEach((command, index) => {
    const need = (classes: string[], what: string): void => {
      if (classes.length) {
        refreshNeeds.push({ command, index, classes, what });
      }
    };
    switch (command.canonicalName) {
      case 'RACDCERT': {
        const call = racdcertCall(command);
        if (!call) {
          return;
        }
        racdcertEffects(call, index, effects);
        need(refreshFor(call), `RACDCERT ${call.fn.name}`);
        return;
      }
      case 'PERMIT': {
        const [first, ...rest] = command.operands;
        const cls = classOf(rest, 'PERMIT');
        const idOp = rest.find((o) => companionKeyword('PERMIT', o, 'ID'));
        const accessOp = rest.find((o) => companionKeyword('PERMIT', o, 'ACCESS'));
        const access = accessOp ? singleValue(accessOp) : undefined;
        effects.push({
          kind: 'permit',
          command,
          index,
          profile: profileRef(first),
          class: cls,
          ids: (idOp?.values ?? []).flatMap((v) =>
            v.kind === 'operand'
              ? []
              : [{ text: valueText(v).toUpperCase(), symbolic: v.symbolic, range: v.range }],
          ),
          access: access ? valueText(access).toUpperCase() : undefined,
          // DELETE is not in the reference's PERMIT keyword list; ZWENOKYR writes it in full.
          delete: rest.some((o) => !o.quoted && !o.open && o.keyword.upper === 'DELETE'),
        });
        if (cls === 'FACILITY' || cls === 'RDATALIB') {
          need([cls], `PERMIT in ${cls}`);
        }
        return;
      }
      case 'RDEFINE':
      case 'RALTER':
      case 'RLIST':
      case 'RDELETE': {
        const [clsOp, profOp] = command.operands;
        const cls = clsOp && !clsOp.quoted && !clsOp.open ? clsOp.keyword.upper : undefined;
        const kind = command.canonicalName.toLowerCase() as ResourceEffect['kind'];
        effects.push({ kind, command, index, class: cls, profile: profileRef(profOp) });
        if (kind === 'rdefine' && (cls === 'FACILITY' || cls === 'RDATALIB')) {
          need([cls], `RDEFINE in ${cls}`);
        }
        return;
      }
      case 'SETROPTS': {
        const raclist = command.operands.find((o) => companionKeyword('SETROPTS', o, 'RACLIST'));
        if (!raclist) {
          return;
        }
        effects.push({
          kind: 'refresh',
          command,
          index,
          classes: raclist.values.flatMap((v) =>
            v.kind === 'word' ? [{ text: v.upper, symbolic: v.symbolic, range: v.range }] : [],
          ),
          refresh: command.operands.some((o) => companionKeyword('SETROPTS', o, 'REFRESH')),
        });
        return;
      }
      default:
        return;
    }
  });
  const of = <K extends RacfEffect['kind']>(...kinds: K[]): Extract<RacfEffect, { kind: K }>[] =>
    effects.filter((e): e is Extract<RacfEffect, { kind: K }> => (kinds as string[]).includes(e.kind));
  return {
    ...base,
    effects,
    certificates: of('certificate'),
    relabels: of('relabel'),
    rings: of('ring'),
    connections: of('connect'),
    ringUses: of('remove', 'delring', 'listring'),
    deletes: of('delete'),
    permits: of('permit'),
    resources: of('rdefine', 'ralter', 'rlist', 'rdelete'),
    refreshes: of('refresh'),
    refreshNeeds,
  };
}

function racdcertEffects(call: RacdcertCall, index: number, effects: RacfEffect[]): void {
  const command = call.cmd;
  const fn = call.fn.name;
  const owner = commandOwner(call);
  const fnOp = call.fnOperand;
  const inner = (name: string): Operand | undefined => (fnOp ? nested(fn, fnOp, [fn], name) : undefined);
  switch (fn) {
    case 'GENCERT':
    case 'ADD':
    case 'IMPORT':
    case 'REKEY': {
      const signOp = top(call, 'SIGNWITH');
      let signWith: SignWithRef | undefined;
      if (signOp) {
        const words = wordsOf(signOp).map((w) => w.upper);
        const signOwner: RacfOwner = words.includes('CERTAUTH')
          ? { kind: 'CERTAUTH' }
          : words.includes('SITE')
            ? { kind: 'SITE' }
            : { kind: 'self' };
        signWith = {
          owner: signOwner,
          label: nameOf(nested(fn, signOp, ['SIGNWITH'], 'LABEL')),
          range: signOp.range,
        };
      }
      const generates = fn === 'GENCERT' || fn === 'REKEY';
      const fromRequest = fn === 'GENCERT' && (fnOp?.values.length ?? 0) > 0;
      const key = generates && !fromRequest ? keyChoice(call) : undefined;
      const usage = top(call, 'KEYUSAGE');
      effects.push({
        kind: 'certificate',
        command,
        index,
        function: fn,
        owner,
        label: nameOf(top(call, 'WITHLABEL')),
        key: key
          ? { type: key.type, keyword: key.keyword, size: sizeOf(call)?.bits, pkds: key.pkds }
          : undefined,
        keyUsage: usage
          ? [...wordsOf(usage).map((w) => w.upper), ...operandsOf(usage).map((o) => o.keyword.upper)]
          : [],
        notBefore: dateOf(call, 'NOTBEFORE'),
        notAfter: dateOf(call, 'NOTAFTER'),
        signWith,
        fromRequest,
        from: fn === 'REKEY' ? nameOf(inner('LABEL')) : undefined,
      });
      return;
    }
    case 'ALTER': {
      const label = nameOf(top(call, 'NEWLABEL'));
      if (label) {
        effects.push({ kind: 'relabel', command, index, owner, from: nameOf(inner('LABEL')), label });
      }
      return;
    }
    case 'ADDRING':
      effects.push({ kind: 'ring', command, index, owner, name: fnOp ? nameOf(fnOp) : undefined });
      return;
    case 'DELRING':
    case 'LISTRING':
      if (fnOp) {
        const kind = fn === 'DELRING' ? 'delring' : 'listring';
        effects.push({ kind, command, index, ringOwner: owner, ring: nameOf(fnOp), range: fnOp.range });
      }
      return;
    case 'CONNECT':
    case 'REMOVE': {
      if (!fnOp) {
        return;
      }
      const written = innerOwner(fn, fnOp);
      const certOwner = written ?? owner;
      const ringOp = inner('RING');
      const ring = nameOf(ringOp) ?? doubledParenthesis(ringOp);
      const label = nameOf(inner('LABEL'));
      if (fn === 'REMOVE') {
        effects.push({
          kind: 'remove',
          command,
          index,
          ringOwner: owner,
          ring,
          certOwner,
          label,
          range: fnOp.range,
        });
        return;
      }
      const usageOp = inner('USAGE') ?? deepOperand(fnOp, 'USAGE');
      const usageValue = usageOp ? singleValue(usageOp) : undefined;
      const def = wordsOf(fnOp).find((w) => w.upper === 'DEFAULT') ?? deepWord(fnOp, 'DEFAULT');
      effects.push({
        kind: 'connect',
        command,
        index,
        ringOwner: owner,
        ring,
        certOwner,
        certOwnerWritten: written !== undefined,
        label,
        usage: usageValue
          ? { value: valueText(usageValue).toUpperCase(), range: usageValue.range }
          : undefined,
        default: def?.range,
        range: fnOp.range,
      });
      return;
    }
    case 'DELETE':
      effects.push({ kind: 'delete', command, index, owner, label: nameOf(inner('LABEL')) });
      return;
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Indexes over one model, built on first use: the cross-command rules ask "was this done before?"
// for every command, and a scan of every earlier command per question is quadratic on big jobs.

/** How many items of an ascending list are below `limit` (`at` reads an item's number): binary search. */
export function countBelow<T>(list: readonly T[], at: (item: T) => number, limit: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]) < limit) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The first of `items` (sorted by index) whose index is at least `from`. */
export function firstFrom<T extends { index: number }>(items: readonly T[], from: number): T | undefined {
  return items[countBelow(items, (i) => i.index, from)];
}

const RING_USES = new WeakMap<RacfModel, Map<string, number[]>>();

/**
 * The position (in RacfModel.racf) of the last REMOVE or DELRING naming the ring `ring` (exact
 * text, any owner) before position `index`; -1 when there is none.
 */
export function lastRingUseBefore(
  model: RacfModel,
  kind: 'remove' | 'delring',
  ring: string,
  index: number,
): number {
  let byRing = RING_USES.get(model);
  if (!byRing) {
    byRing = new Map();
    for (const u of model.ringUses) {
      if (u.ring && u.kind !== 'listring') {
        const key = `${u.kind} ${u.ring.text}`;
        const list = byRing.get(key);
        if (list) {
          list.push(u.index);
        } else {
          byRing.set(key, [u.index]);
        }
      }
    }
    RING_USES.set(model, byRing);
  }
  const list = byRing.get(`${kind} ${ring}`);
  if (!list) {
    return -1;
  }
  const below = countBelow(list, (i) => i, index);
  return below > 0 ? list[below - 1] : -1;
}

/**
 * Groups items that share a run and a key, in index order, and answers for each item in turn the
 * first earlier one of its group at or after position `from` (items with no key are skipped and
 * never answer). `earliest(item)` gives `from` for that item.
 */
export function firstEarlierOfGroup<T extends { index: number; command: TsoCommand }>(
  items: readonly T[],
  key: (item: T) => string | undefined,
  earliest: (item: T) => number,
  visit: (item: T, prev: T | undefined) => void,
): void {
  const groups = new Map<string, Map<string, T[]>>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) {
      visit(item, undefined);
      continue;
    }
    const run = runKey(item.command);
    let byKey = groups.get(run);
    if (!byKey) {
      byKey = new Map();
      groups.set(run, byKey);
    }
    let group = byKey.get(k);
    if (!group) {
      group = [];
      byKey.set(k, group);
    }
    visit(item, firstFrom(group, earliest(item)));
    group.push(item);
  }
}
