// attls/tls13-without-suite — evidence: attls-reference §4.10, §5.5, §7 rule 10 [S31]: "one or
// more of the supported TLS V1.3 cipher specifications must be specified when enabled for the
// TLS V1.3 protocol", and the 13xx suites are not in System SSL's default list, so TLSv1.3 On with
// no cipher list at all, or a list without 13xx, cannot negotiate TLS 1.3.
import type { RuleModule } from '../../rules';
import type { Fix, RelatedInfo } from '../../types';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel, EffectiveRule } from '../model';
import { isOn } from '../model';
import type { BlockNode, ParamNode } from '../parser';
import { isKeyword, isTls13Suite } from './cipherLists';
import {
  PerLocation,
  activeRules,
  ciphersKnown,
  insertInlineBlock,
  insertLines,
  protocolsKnown,
  rangeKey,
  ruleList,
} from './protocolScope';

// TLS_AES_128_GCM_SHA256 and TLS_AES_256_GCM_SHA384: the two TLS 1.3 suites the reference rates
// 'recommended' and FIPS-neutral (1303 is ChaCha20, which FIPS mode rejects).
const TLS13_CODES = '13011302';
const TLS13_CONSTANTS = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384'];
// ECDHE with AES-GCM, class 'recommended' in the reference: a new list replaces System SSL's default
// list, so it must keep TLS 1.2 suites when TLS 1.2 is on.
const TLS12_CODES = 'C02BC02CC02FC030';

interface Group {
  tls13: ParamNode;
  first: EffectiveRule;
  lists: Map<string, BlockNode | undefined>;
  constantIn4Char: boolean;
}

function fixFor(model: AttlsModel, g: Group): Fix | undefined {
  const eff = g.first;
  const block = eff.ciphers.parms[0];
  if (block) {
    const uses4Char = block.children.some((c) => c.kind === 'param' && isKeyword(c, 'V3CipherSuites4Char'));
    const lines = uses4Char
      ? [`V3CipherSuites4Char ${TLS13_CODES}`]
      : TLS13_CONSTANTS.map((c) => `V3CipherSuites ${c}`);
    const edit = insertLines(model, block, lines);
    return (
      edit && {
        title: `Add TLS 1.3 suites 1301 and 1302 to TTLSCipherParms ${block.name?.text ?? '(inline)'}`,
        edits: [edit],
        isPreferred: true,
      }
    );
  }
  // A new list goes where TLS 1.3 was turned on, so it reaches only the connections that need it.
  const target =
    eff.protocols['TLSv1.3'].level === 'connection' && eff.connection ? eff.connection : eff.environment;
  if (!target) {
    return undefined;
  }
  const tls12 = isOn(eff.protocols['TLSv1.2']);
  const edit = insertInlineBlock(model, target, 'TTLSCipherParms', [
    `V3CipherSuites4Char ${TLS13_CODES}${tls12 ? TLS12_CODES : ''}`,
  ]);
  return (
    edit && {
      title: tls12
        ? `Add a TTLSCipherParms to ${target.name?.text ?? 'the action'} with 1301, 1302 and the ECDHE AES-GCM TLS 1.2 suites ` +
          "(it replaces System SSL's default list)"
        : `Add a TTLSCipherParms to ${target.name?.text ?? 'the action'} with TLS 1.3 suites 1301 and 1302`,
      edits: [edit],
      isPreferred: !tls12,
    }
  );
}

export const tls13WithoutSuite: RuleModule<AttlsModel> = {
  id: 'attls/tls13-without-suite',
  href: sourceUrl('S31')!,
  check(model, report) {
    const found = new PerLocation<Group>();
    for (const eff of activeRules(model)) {
      const tls13 = eff.protocols['TLSv1.3'];
      if (!isOn(tls13) || !tls13.param || !protocolsKnown(model, eff) || !ciphersKnown(model, eff)) {
        continue;
      }
      if (eff.ciphers.entries.some(isTls13Suite)) {
        continue;
      }
      const g = found.add(rangeKey(tls13.param.range), eff.name, () => ({
        tls13: tls13.param!,
        first: eff,
        lists: new Map(),
        constantIn4Char: false,
      }));
      const block = eff.ciphers.parms[0];
      g.lists.set(block ? rangeKey(block.range) : 'default', block);
      g.constantIn4Char ||= eff.ciphers.entries.some(
        (e) => e.problem === 'constant-in-4char' && !!e.suite?.protocols.includes('TLSv1.3'),
      );
    }
    for (const { data, rules } of found.entries()) {
      const blocks = [...data.lists.values()];
      const named = blocks.filter((b): b is BlockNode => !!b);
      const listText = !named.length
        ? "no cipher list is coded, so System SSL's default list applies, and it holds no TLS 1.3 suite"
        : `the cipher list in effect (TTLSCipherParms ${named.map((b) => b.name?.text ?? '(inline)').join(', ')})` +
          `${blocks.length > named.length ? ", or System SSL's default list," : ''} holds no TLS 1.3 suite (13xx)`;
      const related: RelatedInfo[] = named.map((b) => ({
        range: (b.name ?? b.keyword).range,
        message: `cipher list in effect for ${ruleList(rules)}: no 13xx suite`,
      }));
      const fix = fixFor(model, data);
      report({
        message:
          `TLS 1.3 is on here for ${ruleList(rules)}, but ${listText}` +
          (data.constantIn4Char
            ? ' (a TLS 1.3 constant written on V3CipherSuites4Char does not count: IBM says constants are invalid there)'
            : '') +
          '. System SSL needs at least one TLS 1.3 suite in the list to negotiate TLS 1.3. Add 1301 and 1302 ' +
          '(V3CipherSuites4Char 13011302), or turn TLSv1.3 Off.',
        range: data.tls13.range,
        ...(related.length ? { related } : {}),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
