// liberty/keyring-url — evidence: liberty-reference §13 LIB-TLS-004 and §5 (S-SAFKEY: Liberty's two
// URL patterns; S-IBM-ZSSL: the accepted forms). parseKeyringUrl (knowledge) decides what is
// malformed — one slash, backslashes, blanks, an empty ring or owner, a scheme not in lower case —
// and the hover uses the same parse. The message restates the forms because the usual mistake is
// reading `safkeyring://X` as "owner X": it is ring X of the server's own SAF identity. A scheme
// that is only mis-cased rests on an inference (the patterns are lower case), so it is a warning.
// The fix rewrites the URL in the accepted form when the intended owner and ring are plain to see.
import type { RuleModule } from '../../rules';
import type { Fix, Severity } from '../../types';
import { KEYRING, isKeyringUrl, parseKeyringUrl } from '../../knowledge/libertyKeywords';
import type { LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import { describe, replaceValue, shown } from './helpers';

/** Attributes whose value is a key ring URL (LIB-TLS-004 appliesTo). */
const URL_ATTRIBUTES: readonly (readonly [string, string])[] = [
  ['keyStore', 'location'],
  ['zosPasswordEncryptionKey', 'keyring'],
];

const FORMS = KEYRING.forms.map((f) => `${f.pattern} = ${f.meaning}`).join('; ');

export const keyringUrl: RuleModule<LibertyModel> = {
  id: 'liberty/keyring-url',
  href: libertyRuleHref('LIB-TLS-004'),
  check(model, report) {
    for (const [element, attribute] of URL_ATTRIBUTES) {
      for (const el of model.elements(element)) {
        const a = el.attr(attribute);
        if (!model.reportable(a) || !isKeyringUrl(a.resolved)) {
          continue;
        }
        const url = parseKeyringUrl(a.resolved);
        if (!url || url.valid || url.variable) {
          continue;
        }
        const rewrite = rewritten(a.resolved);
        const edit = rewrite ? replaceValue(a, rewrite) : undefined;
        const fix: Fix | undefined = edit
          ? { title: `Rewrite as ${rewrite}`, edits: [edit], isPreferred: true }
          : undefined;
        report({
          message:
            `${describe(el)}: ${attribute} ${shown(a)} is not a valid key ring URL: ${url.problem}${url.uncertain ? ' (inferred from the lower-case patterns Liberty matches; not tested)' : ''}. ` +
            `Liberty cannot open the ring (CWPKI0033E). Accepted forms: ${FORMS}. ` +
            (rewrite ? `Write ${rewrite}.` : 'Write the ring name after the third slash.'),
          range: a.valueRange,
          ...(url.uncertain ? { severity: 'warning' as Severity } : {}),
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
  },
};

/**
 * The URL in an accepted form — lower-case scheme, forward slashes, no blanks, `scheme:///RING` or
 * `scheme://OWNER/RING` — when that reading is valid; undefined when the intent is unclear.
 */
function rewritten(value: string): string | undefined {
  const m = /^\s*([a-z]+):\/*(.*?)\s*$/i.exec(value.replace(/\\/g, '/'));
  if (!m || /\s/.test(m[2])) {
    return undefined;
  }
  const parts = m[2].split('/').filter((p) => p !== '');
  if (parts.length < 1 || parts.length > 2) {
    return undefined;
  }
  const candidate =
    parts.length === 1
      ? `${m[1].toLowerCase()}:///${parts[0]}`
      : `${m[1].toLowerCase()}://${parts[0]}/${parts[1]}`;
  return candidate !== value && parseKeyringUrl(candidate)?.valid ? candidate : undefined;
}
