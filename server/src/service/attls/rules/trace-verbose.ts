// attls/trace-verbose — evidence: attls-reference §6: Trace is a bit map, default 2; 6 or 7 while
// deploying; 8 event, 16 flow, 32 data are for problem diagnosis and above 7 many trace records may be
// discarded instead of reaching syslogd [S27]; §7 rule 25.
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { href, forEachNode } from './structuralHelpers';

export const traceVerbose: RuleModule<AttlsModel> = {
  id: 'attls/trace-verbose',
  href: href('S27', 'S27'),
  check(model, report) {
    forEachNode(model.doc.nodes, (p) => {
      if (p.kind !== 'param' || !p.parent?.statement || p.key !== 'trace') {
        return;
      }
      const v = p.values[0];
      if (!v || !/^\d+$/.test(v.text) || Number(v.text) <= 7) {
        return;
      }
      report({
        message: `Trace ${v.text} turns on diagnostic trace bits (8 event, 16 flow, 32 data …): with values above 7 many trace records may be discarded instead of reaching syslogd. Use 2 (errors, the default) in production, or 6/7 while deploying new policy; raise it only while diagnosing a problem.`,
        range: p.range,
        fixes: [{ title: 'Set Trace 2 (the default)', edits: [{ range: v.range, newText: '2' }] }],
      });
    });
  },
};
