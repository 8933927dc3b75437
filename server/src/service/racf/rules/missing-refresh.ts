// racf/missing-refresh — evidence: racdcert-reference §6.1 (which class each change needs
// refreshed: DIGTRING after ring changes, DIGTCERT after certificate changes, DIGTNMAP after
// filters, FACILITY and RDATALIB after their PERMITs/RDEFINEs; "harmless when the class is not
// RACLISTed, so severity should be a warning"), §12 (MQTLS, ZCJWTR3A, SQLDI omissions). Judged per
// scope: a JCL stream (or a later TSO step of the job), a command file, a whole REXX exec.
import type { RelatedInfo } from '../../types';
import type { RuleModule } from '../../rules';
import type { RacfModel, RefreshNeed } from '../model';
import { REFRESH_CLASSES } from '../../knowledge/racfKeywords';
import { href } from './commandHelpers';
import { appendEdit, commandRange, lineOf, runsAfter } from './crossHelpers';

/** The order classes are written in a generated refresh (the order the reference's forms use). */
const CLASS_ORDER = ['DIGTCERT', 'DIGTRING', 'DIGTNMAP', 'DIGTCRIT', 'FACILITY', 'RDATALIB'];

export function refreshCommand(classes: readonly string[]): string {
  const sorted = [...classes].sort((a, b) => CLASS_ORDER.indexOf(a) - CLASS_ORDER.indexOf(b));
  return `SETROPTS RACLIST(${sorted.join(' ')}) REFRESH`;
}

/** The scope a need is judged in: one key per stream, one for a whole REXX exec. */
function scopeKey(n: RefreshNeed): object {
  return n.command.stream.kind === 'rexx-literal' ? REXX_SCOPE : n.command.stream;
}
const REXX_SCOPE = {};

export const missingRefresh: RuleModule<RacfModel> = {
  id: 'racf/missing-refresh',
  href: href('R3'),
  check(model, report) {
    const refreshes = model.refreshes.filter((r) => r.refresh);
    const refreshed = (need: RefreshNeed, cls: string): boolean =>
      refreshes.some(
        (r) =>
          r.index > need.index && runsAfter(need.command, r.command) && r.classes.some((c) => c.text === cls),
      );
    // Per scope and class, the changes no refresh follows: a suffix of the scope's changes.
    const missing = new Map<object, Map<string, RefreshNeed[]>>();
    for (const need of model.refreshNeeds) {
      for (const cls of need.classes) {
        if (refreshed(need, cls)) {
          continue;
        }
        const key = scopeKey(need);
        const byClass = missing.get(key) ?? new Map<string, RefreshNeed[]>();
        missing.set(key, byClass);
        byClass.set(cls, [...(byClass.get(cls) ?? []), need]);
      }
    }
    for (const byClass of missing.values()) {
      const all = [...byClass.keys()];
      for (const [cls, needs] of byClass) {
        const first = needs[0];
        const earlier = refreshes.filter(
          (r) =>
            r.index < first.index &&
            r.classes.some((c) => c.text === cls) &&
            runsAfter(r.command, first.command),
        );
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
        const earlierText = earlier.length
          ? ` The refresh on line ${lineOf(earlier[earlier.length - 1].command)} comes before this change, so it does not cover it.`
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
