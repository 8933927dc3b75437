// attls/pagent-image — evidence: attls-reference §1 and §3 [S18][S22]: TTLSConfig may appear only in an
// image file; in the main file it is ignored unless main and image file are the same; if coded several
// times the last one wins. Not flagged (doNotFlag): TTLSConfig where TcpImage has no path, or where
// there is no TcpImage at all.
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import type { ParamNode } from '../parser';
import { href, lineNo } from './structuralHelpers';

const OPTION = /^(FLUSH|NOFLUSH|PURGE|NOPURGE|\d+)$/i;

export const pagentImage: RuleModule<AttlsModel> = {
  id: 'attls/pagent-image',
  href: href('S18', 'S18'),
  check(model, report) {
    const images: ParamNode[] = [];
    const configs: ParamNode[] = [];
    for (const n of model.doc.nodes) {
      if (n.kind !== 'param') {
        continue;
      }
      const kw = n.keyword.text.toLowerCase();
      if (kw === 'tcpimage' || kw === 'pepinstance') {
        images.push(n);
      } else if (kw === 'ttlsconfig') {
        configs.push(n);
      }
    }
    // 'TcpImage stack path …': the second token, unless it is an option or the refresh interval.
    const withPath = images.find((p) => p.values[1] && !OPTION.test(p.values[1].text));
    // The documented mistake (S22): TcpImage pointing straight at the AT-TLS policy. From one file we
    // can judge only by the name, so only names that say "policy" the way AT-TLS files are named
    // (.ttls/.attls, pagent.ttls.conf) are reported, as a warning rather than an error.
    if (withPath && !configs.length && /\.a?ttls$|ttls[^/]*\.conf$/i.test(withPath.values[1].text)) {
      const path = withPath.values[1].text;
      report({
        message: `${withPath.keyword.text} ${withPath.values[0].text} names ${path}, which by its name is an AT-TLS policy file. TcpImage must name an image configuration file that holds a TTLSConfig statement; pointed at the policy itself, Policy Agent starts but installs no AT-TLS policy ('pasearch -t' shows none). Point TcpImage at an image file containing 'TTLSConfig ${path}'.`,
        range: withPath.values[1].range,
        severity: 'warning',
      });
    }
    if (withPath && configs.length) {
      const path = withPath.values[1].text;
      for (const c of configs) {
        report({
          message: `TTLSConfig is ignored here: this is the main configuration file and ${withPath.keyword.text} ${withPath.values[0].text} on line ${lineNo(withPath)} names a separate image file (${path}), and TTLSConfig counts only in an image file. Move this TTLSConfig into ${path} (unless ${path} is this very file).`,
          range: c.range,
          related: [{ range: withPath.values[1].range, message: 'image file named here' }],
        });
      }
      return;
    }
    for (const c of configs.slice(0, -1)) {
      const last = configs[configs.length - 1];
      report({
        message: `TTLSConfig is coded more than once in this file; Policy Agent uses only the last one (line ${lineNo(last)}), so this one has no effect. Remove it or merge the two.`,
        range: c.range,
        severity: 'warning',
        related: [{ range: last.range, message: 'the TTLSConfig that counts' }],
      });
    }
  },
};
