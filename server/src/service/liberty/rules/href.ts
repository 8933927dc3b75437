// The link a liberty/* finding carries: the first source with a URL among the evidence the
// reference gives for its LIB-TLS-nnn rule (liberty-reference.json `lintRules`, `sources`).
import { libertyLintRule, libertySourceUrl } from '../../knowledge/libertyKeywords';

/** The schema every rule rests on at least in part; the fallback when the evidence has no URL. */
const SCHEMA = 'S-XSD';

export function libertyRuleHref(libTlsId: string): string {
  const url = libertySourceUrl(libertyLintRule(libTlsId)?.evidence.join(' ')) ?? libertySourceUrl(SCHEMA);
  if (!url) {
    throw new Error(`liberty-reference.json gives no source URL for ${libTlsId}`);
  }
  return url;
}
