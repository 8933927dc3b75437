// attls/ecurves-any-mixed — evidence: attls-reference §4.11, §7 rule 19 [S8]: `ClientECurves Any`
// (which also allows Brainpool curves) cannot be combined with specific curves; the repeats of
// ClientECurves are concatenated, so this holds across lines of one TTLSSignatureParms.
import type { RuleModule } from '../../rules';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel } from '../model';
import { paramsOf } from '../model';
import type { Token } from '../parser';
import { blocksOf, deleteParam } from './protocolScope';

export const ecurvesAnyMixed: RuleModule<AttlsModel> = {
  id: 'attls/ecurves-any-mixed',
  href: sourceUrl('S8')!,
  check(model, report) {
    for (const n of blocksOf(model, 'TTLSSignatureParms')) {
      const lines = paramsOf(n, 'ClientECurves');
      const any: Token[] = [];
      const specific: Token[] = [];
      for (const p of lines) {
        for (const v of p.values) {
          (v.text.toLowerCase() === 'any' ? any : specific).push(v);
        }
      }
      if (!any.length || !specific.length) {
        continue;
      }
      const anyLines = lines.filter((p) => p.values.every((v) => v.text.toLowerCase() === 'any'));
      const specificLines = lines.filter((p) => p.values.every((v) => v.text.toLowerCase() !== 'any'));
      const fixes = [
        ...(anyLines.length
          ? [{ title: 'Remove ClientECurves Any', edits: anyLines.map((p) => deleteParam(model, p)) }]
          : []),
        ...(specificLines.length
          ? [{ title: 'Keep only ClientECurves Any', edits: specificLines.map((p) => deleteParam(model, p)) }]
          : []),
      ];
      for (const a of any) {
        report({
          message:
            `ClientECurves Any cannot be combined with specific curves (${specific.map((s) => s.text).join(', ')}) ` +
            'in one TTLSSignatureParms. Keep either Any (which also allows Brainpool curves) or the list of curves.',
          range: a.range,
          related: specific.map((s) => ({ range: s.range, message: `specific curve ${s.text}` })),
          ...(fixes.length ? { fixes } : {}),
        });
      }
    }
  },
};
