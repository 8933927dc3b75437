// Which certificates a file creates for an owner, for the rules that follow a label from where it
// is used back to where it was made (SIGNWITH, CONNECT). A label exists from the command that
// creates it (GENCERT, ADD, IMPORT, REKEY's replica, ALTER NEWLABEL) onwards.
import type { NameRef, RacfModel, RacfOwner } from '../model';
import { mayBeSameName, mayBeSameOwner } from '../model';
import type { TsoCommand } from '../ast';
import { nearest } from './commandHelpers';

export interface MadeLabel {
  owner: RacfOwner;
  label: NameRef;
  command: TsoCommand;
  index: number;
}

export function madeLabels(model: RacfModel): MadeLabel[] {
  const out: MadeLabel[] = [];
  for (const e of model.effects) {
    if ((e.kind === 'certificate' || e.kind === 'relabel') && e.label) {
      out.push({ owner: e.owner, label: e.label, command: e.command, index: e.index });
    }
  }
  return out;
}

export interface LabelSearch {
  /** Created before the use, for an owner that may be the user's: the reference is satisfied. */
  found?: MadeLabel;
  /** Created only after the use. */
  later?: MadeLabel;
  /** Created before, same owner, differing only in case (labels are case-sensitive). */
  caseOnly?: MadeLabel;
  /** Labels of that owner close to the one written. */
  similar: string[];
}

export function searchLabel(made: MadeLabel[], owner: RacfOwner, label: NameRef, index: number): LabelSearch {
  const mine = made.filter((m) => mayBeSameOwner(m.owner, owner));
  const found = mine.find((m) => m.index < index && mayBeSameName(m.label, label));
  const later = mine.find((m) => m.index > index && mayBeSameName(m.label, label));
  const caseOnly = mine.find(
    (m) => m.index < index && !m.label.symbolic && m.label.text.toLowerCase() === label.text.toLowerCase(),
  );
  const names = mine.filter((m) => !m.label.symbolic).map((m) => m.label.text);
  return { found, later, caseOnly, similar: caseOnly ? [] : nearest(label.text, names) };
}
