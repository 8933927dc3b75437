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
import { nearest } from '../../text/suggest';
import type { ConfigElement, LibertyModel, MergedAttribute } from '../model';
import { libertyRuleHref } from './href';

const MAX_LISTED = 5;

export const unresolvedRef: RuleModule<LibertyModel> = {
  id: 'liberty/unresolved-ref',
  href: libertyRuleHref('LIB-TLS-001'),
  check(model, report) {
    // Per target type, once: recomputing them for each unresolved reference made the rule
    // quadratic (27 s of a 10 MB server.xml's analysis, 0.24 s at 1 MB).
    const candidates = new Map<string, { known: string[]; written: ConfigElement[] }>();
    const candidatesOf = (target: string): { known: string[]; written: ConfigElement[] } => {
      let c = candidates.get(target);
      if (!c) {
        c = {
          known: model.ids(target),
          written: model.elements(target).filter((e) => e.declarations.length > 0 && !e.idGenerated),
        };
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
        const { known, written } = candidatesOf(ref.targetElement);
        const suggestion = nearest(id, known)[0] ?? (written.length === 1 ? written[0].id : undefined);
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
  const ids =
    known.length === 0
      ? `no ${target} has an id`
      : `the ${target} ids are ${known
          .slice(0, MAX_LISTED)
          .map((k) => `'${k}'`)
          .join(', ')}${known.length > MAX_LISTED ? ', …' : ''}`;
  const fix = suggestion
    ? `Did you mean '${suggestion}'? Otherwise define <${target} id="${id}" …/>.`
    : `Define <${target} id="${id}" …/> or point ${a.name} at an existing id.`;
  return `${el.declaration?.name ?? el.name} ${a.name}=${shown} names no ${target} in ${where}; ${ids}. Liberty cannot use a configuration whose reference does not resolve. ${fix}`;
}

function unreadIncludes(model: LibertyModel): number {
  return model.includes.filter((i) => i.status !== 'loaded' && i.status !== 'optional-missing').length;
}
