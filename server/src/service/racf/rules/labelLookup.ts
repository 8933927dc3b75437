// Which certificates a file creates for an owner, for the rules that follow a label from where it
// is used back to where it was made (SIGNWITH, CONNECT). A label exists from the command that
// creates it (GENCERT, ADD, IMPORT, REKEY's replica, ALTER NEWLABEL) onwards; another document of
// the workspace that creates it for the same owner, case-exact, satisfies the use too.
import type { NameRef, RacfModel, RacfOwner } from '../model';
import { mayBeSameName, mayBeSameOwner } from '../model';
import type { TsoCommand } from '../ast';
import type { CreatedName, RacfWorkspace } from '../workspaceFacts';
import { searchWorkspace } from '../workspaceFacts';
import { nearest } from './commandHelpers';
import { suggestionBudget } from '../../text/suggest';

export interface MadeLabel {
  owner: RacfOwner;
  label: NameRef;
  command: TsoCommand;
  index: number;
}

const madeCache = new WeakMap<RacfModel, MadeLabel[]>();

/** The labels the model's commands create, in command order (computed once per model: do not mutate). */
export function madeLabels(model: RacfModel): MadeLabel[] {
  const cached = madeCache.get(model);
  if (cached) {
    return cached;
  }
  const out: MadeLabel[] = [];
  for (const e of model.effects) {
    if ((e.kind === 'certificate' || e.kind === 'relabel') && e.label) {
      out.push({ owner: e.owner, label: e.label, command: e.command, index: e.index });
    }
  }
  madeCache.set(model, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Name index: what a list of created names (labels, rings) holds, grouped by name and owner, so a
// lookup only visits the entries that may match instead of the whole list (the rules look up one
// name per use: quadratic on big jobs otherwise). Every query answers exactly as the linear scan
// over the list in its order would, with `mayBeSameOwner` and `mayBeSameName`.

interface Entry<T> {
  item: T;
  owner: RacfOwner;
  name: NameRef;
  index: number;
  /** Position in the list indexed: the order the linear scan would meet it. */
  ord: number;
}

/** Entries of one name group split by owner, each in list order (so `index` never decreases). */
class OwnerBuckets<T> {
  readonly certauth: Entry<T>[] = [];
  readonly site: Entry<T>[] = [];
  readonly self: Entry<T>[] = [];
  /** Every ID owner, symbolic or not. */
  readonly ids: Entry<T>[] = [];
  readonly symbolicIds: Entry<T>[] = [];
  /** Literal ID owners by user ID. */
  readonly byId = new Map<string, Entry<T>[]>();

  add(e: Entry<T>): void {
    const o = e.owner;
    if (o.kind === 'CERTAUTH') {
      this.certauth.push(e);
    } else if (o.kind === 'SITE') {
      this.site.push(e);
    } else if (o.kind === 'self') {
      this.self.push(e);
    } else {
      this.ids.push(e);
      if (o.symbolic) {
        this.symbolicIds.push(e);
      } else {
        let l = this.byId.get(o.id);
        if (!l) {
          l = [];
          this.byId.set(o.id, l);
        }
        l.push(e);
      }
    }
  }

  /** The lists that together hold exactly the entries whose owner may be `owner` (mayBeSameOwner). */
  mayBe(owner: RacfOwner): Entry<T>[][] {
    switch (owner.kind) {
      case 'CERTAUTH':
        return [this.certauth];
      case 'SITE':
        return [this.site];
      case 'self':
        return [this.self, this.ids];
      default:
        return owner.symbolic
          ? [this.self, this.ids]
          : [this.self, this.symbolicIds, this.byId.get(owner.id) ?? []];
    }
  }
}

function groupOf<K, T>(map: Map<K, OwnerBuckets<T>>, key: K): OwnerBuckets<T> {
  let g = map.get(key);
  if (!g) {
    g = new OwnerBuckets<T>();
    map.set(key, g);
  }
  return g;
}

/** The first entry (list order) of the lists with index < `index`. */
function firstBefore<T>(lists: Entry<T>[][], index: number): Entry<T> | undefined {
  let best: Entry<T> | undefined;
  for (const l of lists) {
    const e = l[0];
    if (e && e.index < index && (!best || e.ord < best.ord)) {
      best = e;
    }
  }
  return best;
}

/** The first entry (list order) of the lists with index > `index`. */
function firstAfter<T>(lists: Entry<T>[][], index: number): Entry<T> | undefined {
  let best: Entry<T> | undefined;
  for (const l of lists) {
    let lo = 0;
    let hi = l.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (l[mid].index > index) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    const e = l[lo];
    if (e && (!best || e.ord < best.ord)) {
      best = e;
    }
  }
  return best;
}

export class NameIndex<T> {
  private readonly exact = new Map<string, OwnerBuckets<T>>();
  private readonly lower = new Map<string, OwnerBuckets<T>>();
  private readonly byLength = new Map<number, OwnerBuckets<T>>();
  private readonly symbolic = new OwnerBuckets<T>();

  /** `items` in list order, with `index` never decreasing; `nameOf` undefined skips an item. */
  constructor(
    items: readonly T[],
    ownerOf: (t: T) => RacfOwner,
    nameOf: (t: T) => NameRef | undefined,
    indexOf: (t: T) => number,
  ) {
    items.forEach((item, ord) => {
      const name = nameOf(item);
      if (!name) {
        return;
      }
      const e: Entry<T> = { item, owner: ownerOf(item), name, index: indexOf(item), ord };
      if (name.symbolic) {
        this.symbolic.add(e);
        return;
      }
      groupOf(this.exact, name.text).add(e);
      groupOf(this.lower, name.text.toLowerCase()).add(e);
      groupOf(this.byLength, name.text.length).add(e);
    });
  }

  private mayBeNamed(owner: RacfOwner, text: string): Entry<T>[][] {
    return [...(this.exact.get(text)?.mayBe(owner) ?? []), ...this.symbolic.mayBe(owner)];
  }

  /** First with an owner that may be `owner`, a name that may be `text` (literal), before `index`. */
  foundBefore(owner: RacfOwner, text: string, index: number): T | undefined {
    return firstBefore(this.mayBeNamed(owner, text), index)?.item;
  }

  /** First with an owner that may be `owner`, a name that may be `text` (literal), after `index`. */
  foundAfter(owner: RacfOwner, text: string, index: number): T | undefined {
    return firstAfter(this.mayBeNamed(owner, text), index)?.item;
  }

  /** First literal name equal to `text` ignoring case, owner that may be `owner`, before `index`. */
  caseOnlyBefore(owner: RacfOwner, text: string, index: number): T | undefined {
    return firstBefore(this.lower.get(text.toLowerCase())?.mayBe(owner) ?? [], index)?.item;
  }

  /** First literal name exactly `text` whose owner cannot be `owner` (before `index` if given). */
  otherOwner(owner: RacfOwner, text: string, index = Infinity): T | undefined {
    const g = this.exact.get(text);
    if (!g) {
      return undefined;
    }
    const all = [g.certauth, g.site, g.self, g.ids];
    let best: Entry<T> | undefined;
    for (const l of all) {
      for (const e of l) {
        if (e.index >= index || (best && e.ord > best.ord)) {
          break;
        }
        if (!mayBeSameOwner(e.owner, owner)) {
          best = e;
          break;
        }
      }
    }
    return best?.item;
  }

  /**
   * `nearest(text, names)` over the literal names with an owner that may be `owner` (before `index`
   * if given), in list order: names whose length differs by more than the budget cannot be near,
   * so only those of a close length are looked at.
   */
  similar(owner: RacfOwner, text: string, index = Infinity): string[] {
    const budget = suggestionBudget(text);
    const cands: Entry<T>[] = [];
    for (let len = Math.max(0, text.length - budget); len <= text.length + budget; len++) {
      for (const l of this.byLength.get(len)?.mayBe(owner) ?? []) {
        for (const e of l) {
          if (e.index >= index) {
            break;
          }
          cands.push(e);
        }
      }
    }
    cands.sort((a, b) => a.ord - b.ord);
    return nearest(
      text,
      cands.map((e) => e.name.text),
      budget,
    );
  }
}

const labelIndexes = new WeakMap<MadeLabel[], NameIndex<MadeLabel>>();

function labelIndex(made: MadeLabel[]): NameIndex<MadeLabel> {
  let ix = labelIndexes.get(made);
  if (!ix) {
    ix = new NameIndex(
      made,
      (m) => m.owner,
      (m) => m.label,
      (m) => m.index,
    );
    labelIndexes.set(made, ix);
  }
  return ix;
}

export interface LabelSearch {
  /** Created before the use, for an owner that may be the user's: the reference is satisfied. */
  found?: MadeLabel;
  /** Created only after the use. */
  later?: MadeLabel;
  /** Created before, same owner, differing only in case (labels are case-sensitive). */
  caseOnly?: MadeLabel;
  /** Created before with exactly that label for an owner that cannot be the one meant. */
  otherOwner?: MadeLabel;
  /** Labels of that owner close to the one written. */
  similar: string[];
  /** Another document of the workspace creates it for that owner, case-exact. */
  elsewhere?: CreatedName;
  /** Another document creates it for that owner in another case only. */
  elsewhereCaseOnly?: CreatedName;
}

export function searchLabel(
  made: MadeLabel[],
  owner: RacfOwner,
  label: NameRef,
  index: number,
  workspace?: RacfWorkspace,
): LabelSearch {
  const ws = searchWorkspace(workspace, 'label', owner, label.text);
  if (label.symbolic) {
    return { ...scanLabel(made, owner, label, index), elsewhere: ws.found, elsewhereCaseOnly: ws.caseOnly };
  }
  const ix = labelIndex(made);
  const caseOnly = ix.caseOnlyBefore(owner, label.text, index);
  let similar: string[] | undefined;
  return {
    found: ix.foundBefore(owner, label.text, index),
    later: ix.foundAfter(owner, label.text, index),
    caseOnly,
    otherOwner: ix.otherOwner(owner, label.text, index),
    // Near misses are looked for only when a rule asks (nothing else matched).
    get similar(): string[] {
      similar ??= caseOnly ? [] : ix.similar(owner, label.text);
      return similar;
    },
    elsewhere: ws.found,
    elsewhereCaseOnly: ws.caseOnly,
  };
}

/** A symbolic label may be any name: the plain scan of every created label. */
function scanLabel(
  made: MadeLabel[],
  owner: RacfOwner,
  label: NameRef,
  index: number,
): Omit<LabelSearch, 'elsewhere' | 'elsewhereCaseOnly'> {
  const mine = made.filter((m) => mayBeSameOwner(m.owner, owner));
  const found = mine.find((m) => m.index < index && mayBeSameName(m.label, label));
  const later = mine.find((m) => m.index > index && mayBeSameName(m.label, label));
  const caseOnly = mine.find(
    (m) => m.index < index && !m.label.symbolic && m.label.text.toLowerCase() === label.text.toLowerCase(),
  );
  const names = mine.filter((m) => !m.label.symbolic).map((m) => m.label.text);
  const otherOwner = made.find(
    (m) =>
      m.index < index && !mayBeSameOwner(m.owner, owner) && !m.label.symbolic && m.label.text === label.text,
  );
  return { found, later, caseOnly, otherOwner, similar: caseOnly ? [] : nearest(label.text, names) };
}
