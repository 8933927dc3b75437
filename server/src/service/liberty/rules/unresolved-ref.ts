// liberty/unresolved-ref — evidence: liberty-reference §13 LIB-TLS-001 (S-XSD reference list,
// S-META; CWPKI0818E when defaultSSLConfig names a missing key store), §1 (built-ins always exist;
// ids may live in other files: corpus zcee-wildfire-db2TLS.xml uses an ssl id defined in
// keyringOutbound.xml). The check runs on the merged configuration, so an id defined in an include
// or a configDropins file satisfies it. When the merged configuration may be missing files (a
// fragment with no server.xml found, an include that could not be read) the finding is only
// information: the id may well be defined where we cannot see.
import type { RuleModule } from '../../rules';
import type { Severity } from '../../types';
import { referenceTarget } from '../../knowledge/libertyKeywords';
import { nearest, suggestionBudget } from '../../text/suggest';
import type { ConfigElement, LibertyModel, MergedAttribute } from '../model';
import { libertyRuleHref } from './href';
import { quotedIds } from './helpers';

export const unresolvedRef: RuleModule<LibertyModel> = {
  id: 'liberty/unresolved-ref',
  href: libertyRuleHref('LIB-TLS-001'),
  check(model, report) {
    // Per target type, once: recomputing them for each unresolved reference made the rule
    // quadratic (27 s of a 10 MB server.xml's analysis, 0.24 s at 1 MB).
    const candidates = new Map<string, Candidates>();
    const candidatesOf = (target: string): Candidates => {
      let c = candidates.get(target);
      if (!c) {
        c = new Candidates(
          model.ids(target),
          model.elements(target).filter((e) => e.declarations.length > 0 && !e.idGenerated),
        );
        candidates.set(target, c);
      }
      return c;
    };
    for (const el of model.elements()) {
      for (const a of el.attributes.values()) {
        if (!model.reportable(a) || a.nested) {
          continue;
        }
        const ref = referenceTarget(el.declaration?.name ?? el.name, a.name);
        const id = a.resolved.trim();
        if (!ref || id === '' || model.byId(ref.targetElement, id)) {
          continue;
        }
        // Near misses first; else the only id someone wrote (a built-in alone is no hint).
        const c = candidatesOf(ref.targetElement);
        const known = c.known;
        const suggestion = c.nearest(id) ?? (c.written.length === 1 ? c.written[0].id : undefined);
        const unsure = model.isFragment || !model.complete;
        report({
          message: message(model, el, a, ref.targetElement, id, known, suggestion),
          range: a.valueRange,
          ...(unsure ? { severity: 'information' as Severity } : {}),
          ...(suggestion
            ? {
                fixes: [
                  {
                    title: `Use '${suggestion}'`,
                    edits: [{ range: a.valueRange, newText: suggestion }],
                    isPreferred: true,
                  },
                ],
              }
            : {}),
        });
      }
    }
  },
};

/**
 * The ids of one target type and what `nearest(id, known)[0]` answers, without comparing each miss
 * with every id (misses × ids grew with the square of the file): an id differing only in case is at
 * distance 0, so the first such id is the answer; otherwise only ids whose length is within the
 * budget can be near (editDistance gives up on the others), looked at in their original order so
 * ties go the same way. Answers are kept per missing id, which often repeats.
 */
class Candidates {
  private readonly byLower = new Map<string, string>();
  private readonly byLength = new Map<number, { at: number; id: string }[]>();
  private readonly answers = new Map<string, string | undefined>();

  constructor(
    readonly known: string[],
    readonly written: ConfigElement[],
  ) {
    known.forEach((id, at) => {
      const lower = id.toLowerCase();
      if (!this.byLower.has(lower)) {
        this.byLower.set(lower, id);
      }
      const bucket = this.byLength.get(lower.length) ?? [];
      bucket.push({ at, id });
      this.byLength.set(lower.length, bucket);
    });
  }

  nearest(id: string): string | undefined {
    if (this.answers.has(id)) {
      return this.answers.get(id);
    }
    const lower = id.toLowerCase();
    let answer = this.byLower.get(lower);
    if (answer === undefined) {
      const budget = suggestionBudget(id);
      const near: { at: number; id: string }[] = [];
      for (let len = Math.max(0, lower.length - budget); len <= lower.length + budget; len++) {
        near.push(...(this.byLength.get(len) ?? []));
      }
      near.sort((a, b) => a.at - b.at);
      answer = nearest(
        id,
        near.map((n) => n.id),
        budget,
      )[0];
    }
    this.answers.set(id, answer);
    return answer;
  }
}

function message(
  model: LibertyModel,
  el: ConfigElement,
  a: MergedAttribute,
  target: string,
  id: string,
  known: string[],
  suggestion: string | undefined,
): string {
  const shown = a.value === id ? `'${id}'` : `'${a.value}' (= '${id}')`;
  const where = model.isFragment
    ? 'this file (no server.xml that includes it was found, so the id may be defined elsewhere)'
    : !model.complete
      ? `the files that could be read (${unreadIncludes(model)} include(s) could not be read, so the id may be defined there)`
      : model.documents.size > 1
        ? `the merged configuration (${model.documents.size} files)`
        : 'the configuration';
  const ids = known.length === 0 ? `no ${target} has an id` : `the ${target} ids are ${quotedIds(known)}`;
  const fix = suggestion
    ? `Did you mean '${suggestion}'? Otherwise define <${target} id="${id}" …/>.`
    : `Define <${target} id="${id}" …/> or point ${a.name} at an existing id.`;
  return `${el.declaration?.name ?? el.name} ${a.name}=${shown} names no ${target} in ${where}; ${ids}. Liberty cannot use a configuration whose reference does not resolve. ${fix}`;
}

function unreadIncludes(model: LibertyModel): number {
  return model.includes.filter((i) => i.status !== 'loaded' && i.status !== 'optional-missing').length;
}
