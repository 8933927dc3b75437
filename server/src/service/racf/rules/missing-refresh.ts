// racf/missing-refresh — evidence: racdcert-reference §6.1 (which class each change needs
// refreshed: DIGTRING after ring changes, DIGTCERT after certificate changes, DIGTNMAP after
// filters, FACILITY and RDATALIB after their PERMITs/RDEFINEs; "harmless when the class is not
// RACLISTed, so severity should be a warning"), §12 (MQTLS, ZCJWTR3A, SQLDI omissions). Judged per
// scope: a JCL stream (or a later TSO step of the job), a command file, a whole REXX exec.
import type { RelatedInfo } from '../../types';
import type { RuleModule } from '../../rules';
import type { RacfModel, RefreshNeed } from '../model';
import { countBelow } from '../model';
import { REFRESH_CLASSES } from '../../knowledge/racfKeywords';
import { href } from './commandHelpers';
import type { TsoCommand } from '../ast';
import { appendEdit, commandRange, lineOf, runKey } from './crossHelpers';

/** The order classes are written in a generated refresh (the order the reference's forms use). */
const CLASS_ORDER = ['DIGTCERT', 'DIGTRING', 'DIGTNMAP', 'DIGTCRIT', 'FACILITY', 'RDATALIB'];

export function refreshCommand(classes: readonly string[]): string {
  const sorted = [...classes].sort((a, b) => CLASS_ORDER.indexOf(a) - CLASS_ORDER.indexOf(b));
  return `SETROPTS RACLIST(${sorted.join(' ')}) REFRESH`;
}

interface ClassRefreshes {
  /** REFRESH positions (RacfModel.racf) per run (runKey), ascending. */
  byRun: Map<string, number[]>;
  /** REFRESHes in JCL TSO steps with a name, ascending: a later step runs after (runsAfter). */
  inSteps: { index: number; step: string }[];
  /** The latest of inSteps, and the latest of another step than that one's. */
  last?: { index: number; step: string };
  lastOtherStep?: number;
}

/** The step name runsAfter compares, for a command in a JCL SYSTSIN stream of a named step. */
function stepOf(n: { command: TsoCommand }): string | undefined {
  const s = n.command.stream;
  return s.kind === 'jcl-systsin' ? s.step?.name : undefined;
}

/**
 * The REFRESHes of each class, indexed by run and by step once per check: asking "does a refresh
 * of this class run after this change?" by scanning every refresh made the rule quadratic on jobs
 * with thousands of changes and refreshes. Answers exactly what runsAfter answers.
 */
function indexRefreshes(model: RacfModel): Map<string, ClassRefreshes> {
  const out = new Map<string, ClassRefreshes>();
  for (const r of model.refreshes) {
    if (!r.refresh) {
      continue;
    }
    const run = runKey(r.command);
    const step = stepOf(r);
    // A class written twice on one command counts once.
    for (const cls of new Set(r.classes.map((c) => c.text))) {
      let c = out.get(cls);
      if (!c) {
        out.set(cls, (c = { byRun: new Map(), inSteps: [] }));
      }
      const list = c.byRun.get(run);
      if (list) {
        list.push(r.index);
      } else {
        c.byRun.set(run, [r.index]);
      }
      if (step !== undefined) {
        c.inSteps.push({ index: r.index, step });
        if (c.last && c.last.step !== step) {
          c.lastOtherStep = c.last.index;
        }
        c.last = { index: r.index, step };
      }
    }
  }
  return out;
}

/** True when a REFRESH of `cls` runs after the change `need` (later, and runsAfter). */
function refreshedAfter(index: Map<string, ClassRefreshes>, need: RefreshNeed, cls: string): boolean {
  const c = index.get(cls);
  if (!c) {
    return false;
  }
  const sameRun = c.byRun.get(runKey(need.command));
  if (sameRun && sameRun[sameRun.length - 1] > need.index) {
    return true;
  }
  const step = stepOf(need);
  if (step === undefined || !c.last) {
    return false;
  }
  const latest = c.last.step !== step ? c.last.index : c.lastOtherStep;
  return latest !== undefined && latest > need.index;
}

/** The position of the last REFRESH of `cls` before `need` that runs after it was issued; -1 if none. */
function refreshedBefore(index: Map<string, ClassRefreshes>, need: RefreshNeed, cls: string): number {
  const c = index.get(cls);
  if (!c) {
    return -1;
  }
  let best = -1;
  const sameRun = c.byRun.get(runKey(need.command)) ?? [];
  const k = countBelow(sameRun, (i) => i, need.index);
  if (k > 0) {
    best = sameRun[k - 1];
  }
  const step = stepOf(need);
  if (step !== undefined) {
    // Back from the change, over the refreshes of its own step (those never run before it).
    for (let j = countBelow(c.inSteps, (r) => r.index, need.index) - 1; j >= 0; j--) {
      if (c.inSteps[j].step !== step) {
        best = Math.max(best, c.inSteps[j].index);
        break;
      }
    }
  }
  return best;
}

export const missingRefresh: RuleModule<RacfModel> = {
  id: 'racf/missing-refresh',
  href: href('R3'),
  check(model, report) {
    const index = indexRefreshes(model);
    // Per scope (a stream, a whole REXX exec) and class, the changes no refresh follows: a suffix
    // of the scope's changes.
    const missing = new Map<string, Map<string, RefreshNeed[]>>();
    for (const need of model.refreshNeeds) {
      for (const cls of need.classes) {
        if (refreshedAfter(index, need, cls)) {
          continue;
        }
        const key = runKey(need.command);
        let byClass = missing.get(key);
        if (!byClass) {
          missing.set(key, (byClass = new Map()));
        }
        const list = byClass.get(cls);
        if (list) {
          list.push(need);
        } else {
          byClass.set(cls, [need]);
        }
      }
    }
    for (const byClass of missing.values()) {
      const all = [...byClass.keys()];
      for (const [cls, needs] of byClass) {
        const first = needs[0];
        const earlier = refreshedBefore(index, first, cls);
        const related: RelatedInfo[] = needs.slice(1).map((n) => ({
          range: commandRange(n.command),
          message: `${n.what} (line ${lineOf(n.command)}) is not refreshed either`,
        }));
        const one = refreshCommand([cls]);
        const fixes = [
          {
            title: `Add '${one}' at the end`,
            edits: [appendEdit(model, first.command, [one])],
            isPreferred: true,
          },
        ];
        if (all.length > 1) {
          const combined = refreshCommand(all);
          fixes.push({
            title: `Add '${combined}' at the end`,
            edits: [appendEdit(model, first.command, [combined])],
            isPreferred: false,
          });
        }
        const when = REFRESH_CLASSES[cls] ? ` (reference: ${cls} ${REFRESH_CLASSES[cls]})` : '';
        const count =
          needs.length > 1 ? ` and ${needs.length - 1} later change${needs.length > 2 ? 's' : ''}` : '';
        const earlierText =
          earlier >= 0
            ? ` The refresh on line ${lineOf(model.racf[earlier])} comes before this change, so it does not cover it.`
            : '';
        report({
          message:
            `${first.what}${count} change${needs.length > 1 ? '' : 's'} profiles of class ${cls}, but no SETROPTS RACLIST(${cls}) REFRESH follows by the end of the ${first.command.stream.kind === 'rexx-literal' ? 'exec' : 'stream'}${when}.${earlierText} ` +
            `If ${cls} is RACLISTed, the change stays invisible to servers and to RACF checks until the class is refreshed (harmless if it is not RACLISTed). Add '${one}' after the last change.`,
          range: commandRange(first.command),
          fixes,
          ...(related.length ? { related } : {}),
        });
      }
    }
  },
};
