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
  const ws = searchWorkspace(workspace, 'label', owner, label.text);
  return {
    found,
    later,
    caseOnly,
    otherOwner,
    similar: caseOnly ? [] : nearest(label.text, names),
    elsewhere: ws.found,
    elsewhereCaseOnly: ws.caseOnly,
  };
}
