// attls/bad-value — evidence: attls-reference §2 (names 1–32, empty CertificateLabel), §4 value
// types and ranges, §4.2 (Priority; RemoteAddr 6793 shown by pasearch as 0.0.26.137), §4.9 (Keyring
// ≤ 1023, KeyringPw ≤ 128), §4.13 (OcspUrl ≤ 2083); IBM general syntax rules for Policy Agent
// (range delimiters '-', ':' or blank; numbers ≤ 4294967295; names ≤ 32).
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { paramDefFor } from '../model';
import type { BlockNode, ParamNode, Token } from '../parser';
import type { AttlsParamDef } from '../../knowledge/attlsKeywords';
import {
  GENERAL_SYNTAX_URL,
  MAX_NAME,
  MAX_NUMERIC,
  blockLabel,
  href,
  isPlaceholderToken,
  isTemplateBlock,
  lineHasTemplate,
  nearest,
  replaceFixes,
  forEachNode,
} from './structuralHelpers';

/** By canonical parameter name (ParamDef.name), so no case folding is needed per line. */
const LENGTH_LIMITS: Record<string, { max: number; source: string; secret?: boolean } | undefined> = {
  Keyring: { max: 1023, source: 'S9' },
  KeyringPw: { max: 128, source: 'S9', secret: true },
  OcspUrl: { max: 2083, source: 'S11' },
};

/** Value types this rule judges; other parameters with a value need no look (fast path). */
const CHECKED_TYPES = new Set([
  'enum',
  'integer',
  'integer-bitmask',
  'portrange',
  'address',
  'ipaddress',
  'sigpair',
]);

function whereOf(p: ParamNode): string {
  return p.parent ? ` in ${blockLabel(p.parent)}` : '';
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || !s.includes(':')) {
    return false;
  }
  let text = s;
  let groupsForV4 = 0;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!IPV4.test(tail)) {
      return false;
    }
    text = text.slice(0, lastColon + 1) + '0';
    groupsForV4 = 1;
  }
  const double = text.split('::');
  if (double.length > 2) {
    return false;
  }
  const part = (p: string): string[] => (p === '' ? [] : p.split(':'));
  const groups = [...part(double[0]), ...(double.length === 2 ? part(double[1]) : [])];
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) {
    return false;
  }
  const count = groups.length + groupsForV4;
  return double.length === 2 ? count <= 7 : count === 8;
}

function isAddress(s: string): 4 | 6 | undefined {
  return IPV4.test(s) ? 4 : isIpv6(s) ? 6 : undefined;
}

/** `a`, `a/len`, `a-b` (reference §4.2: single address, prefix, or range). */
function addressSpecProblem(v: string): string | undefined {
  const slash = v.indexOf('/');
  if (slash >= 0) {
    const fam = isAddress(v.slice(0, slash));
    const len = v.slice(slash + 1);
    if (!fam) {
      return `'${v.slice(0, slash)}' is not an IP address`;
    }
    const max = fam === 4 ? 32 : 128;
    return /^\d+$/.test(len) && Number(len) <= max ? undefined : `the prefix length must be 0–${max}`;
  }
  const dash = v.indexOf('-');
  if (dash >= 0) {
    const a = isAddress(v.slice(0, dash));
    const b = isAddress(v.slice(dash + 1));
    return a && a === b ? undefined : 'a range must be two addresses of one family written a-b';
  }
  return isAddress(v) ? undefined : 'it is not an IP address';
}

function dotted(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function enumValues(def: AttlsParamDef): string[] | undefined {
  return Array.isArray(def.values) ? def.values : undefined;
}

function span(tokens: Token[]): Token['range'] {
  return { start: tokens[0].range.start, end: tokens[tokens.length - 1].range.end };
}

export const badValue: RuleModule<AttlsModel> = {
  id: 'attls/bad-value',
  href: href('S14', 'S14'),
  check(model, report) {
    const checkName = (b: BlockNode): void => {
      if (b.name && b.name.text.length > MAX_NAME && !isPlaceholderToken(b.name.text)) {
        report({
          message: `The name of ${b.statement ?? b.keyword.text} is ${b.name.text.length} characters long; names may have at most ${MAX_NAME}. Shorten it (and every …Ref that names it).`,
          range: b.name.range,
          href: GENERAL_SYNTAX_URL,
        });
      }
    };

    const checkParam = (p: ParamNode): void => {
      const def = paramDefFor(p);
      if (!def || def.type === 'inline-statement') {
        return;
      }
      const limit = LENGTH_LIMITS[def.name];
      if (p.values.length > 0 && !limit && !CHECKED_TYPES.has(def.type)) {
        return;
      }
      if (
        lineHasTemplate(model, p.keyword.range.start.line) ||
        p.values.some((v) => isPlaceholderToken(v.text))
      ) {
        // attls/placeholder reports unsubstituted template text.
        return;
      }
      const name = def.name;
      const uncertain = def.uncertain === true;
      const sev = uncertain ? { severity: 'warning' as const } : {};
      const unsure = uncertain ? ' (this parameter\u2019s definition is uncertain in the reference)' : '';
      if (p.values.length === 0) {
        if (name === 'CertificateLabel') {
          // Zowe codes it empty on purpose so that no default certificate is sent (reference §2).
          report({
            message:
              'CertificateLabel has no value. IBM does not document what an empty label does; Zowe codes it empty on purpose so that the key ring\u2019s default certificate is not sent. If you meant a certificate, write its label.',
            range: p.keyword.range,
            severity: 'information',
            href: href(def.source, 'S14'),
          });
          return;
        }
        const values = enumValues(def);
        report({
          message: `${name}${whereOf(p)} has no value. ${values ? `Write one of ${values.join(', ')}` : def.type === 'ref' ? `Write the name of the ${def.refTo} it refers to` : 'Write its value'} after the keyword, or remove the line.`,
          range: p.keyword.range,
          ...sev,
          href: href(def.source, 'S14'),
        });
        return;
      }
      const tok = p.values[0];
      const v = tok.text;
      if (limit && v.length > limit.max) {
        report({
          message: limit.secret
            ? `The ${name} value is ${v.length} characters long; at most ${limit.max} are allowed. Shorten the password (better: use KeyringStashFile).`
            : `The ${name} value is ${v.length} characters long; at most ${limit.max} are allowed. Shorten it.`,
          range: tok.range,
          href: href(limit.source, 'S9'),
        });
        return;
      }
      switch (def.type) {
        case 'enum': {
          const values = enumValues(def);
          if (values && !values.some((x) => x.toLowerCase() === v.toLowerCase())) {
            const suggestions = nearest(v, values);
            report({
              message: `'${v}' is not a valid ${name} value${unsure}: use one of ${values.join(', ')} (any case).`,
              range: tok.range,
              fixes: replaceFixes(tok, suggestions, 'the value'),
              ...sev,
              href: href(def.source, 'S14'),
            });
          }
          return;
        }
        case 'integer':
        case 'integer-bitmask': {
          if (!/^\d+$/.test(v)) {
            report({
              message: `${name} takes a whole number${def.type === 'integer-bitmask' ? ' (a bit mask: add the values of the bits you want)' : ''}; '${v}' is not one. Write a number.`,
              range: tok.range,
              ...sev,
              href: href(def.source, 'S14'),
            });
            return;
          }
          const n = Number(v);
          if (name === 'Priority' && (n < 1 || n > 2000000000)) {
            report({
              message: `Priority ${v} is outside 1–2000000000. Choose a value in that range (higher wins; leave gaps between rules).`,
              range: tok.range,
              href: href(def.source, 'S14'),
            });
          } else if (n > MAX_NUMERIC) {
            report({
              message: `${v} is larger than ${MAX_NUMERIC}, the largest number Policy Agent accepts. Write a smaller value.`,
              range: tok.range,
              href: GENERAL_SYNTAX_URL,
            });
          }
          return;
        }
        case 'portrange': {
          // 'n', 'n-m', 'n:m' or 'n m': Policy Agent ranges may use '-', ':' or a blank (general syntax rules).
          const second =
            p.values[1] && /^\d+$/.test(p.values[1].text) && /^\d+$/.test(v) ? p.values[1] : undefined;
          const parts = second ? [v, second.text] : v.split(/[-:]/);
          const range = second ? span([tok, second]) : tok.range;
          if (parts.length > 2 || !parts.every((x) => /^\d+$/.test(x))) {
            report({
              message: `'${second ? `${v} ${second.text}` : v}' is not a port or port range: write a port number (0 = any) or a range such as 1024-65535.`,
              range,
              ...sev,
              href: href(def.source, 'S14'),
            });
          } else if (parts.some((x) => Number(x) > 65535)) {
            report({
              message: `Port numbers run from 0 to 65535; '${second ? `${v} ${second.text}` : v}' is outside that range. Correct the port.`,
              range,
              href: href(def.source, 'S14'),
            });
          }
          return;
        }
        case 'address':
        case 'ipaddress': {
          if (def.type === 'address' && v.toLowerCase() === 'all') {
            return;
          }
          if (/^\d+$/.test(v) && Number(v) <= MAX_NUMERIC) {
            // A real policy had 'RemoteAddr 6793' (a port); Policy Agent accepted it as an address.
            report({
              message: `${name} ${v} is a bare number, not an address: Policy Agent takes it as a 32-bit IPv4 address, ${dotted(Number(v))} (pasearch showed RemoteAddr 6793 of a real policy as 0.0.26.137), which is probably not what you meant. If ${v} is a port, use ${name.startsWith('Local') ? 'LocalPortRange' : name.startsWith('Remote') ? 'RemotePortRange' : 'a port range parameter'}; otherwise write the address.`,
              range: tok.range,
              severity: 'warning',
              href: href(def.source, 'S14'),
            });
            return;
          }
          const problem =
            def.type === 'address'
              ? addressSpecProblem(v)
              : isAddress(v)
                ? undefined
                : 'it is not an IP address';
          if (problem) {
            report({
              message: `'${v}' is not a valid ${name} value: ${problem}. Write ${def.type === 'address' ? 'All, an address, address/prefix-length or address1-address2' : 'an IPv4 or IPv6 address'}.`,
              range: tok.range,
              ...sev,
              href: href(def.source, 'S14'),
            });
          }
          return;
        }
        case 'sigpair': {
          if (!/^[0-9A-Fa-f]{4}$/.test(v)) {
            report({
              message: `${name} takes one signature pair of 4 hex digits (hash then signature, e.g. 0401 = SHA-256 with RSA); '${v}' is not one.`,
              range: tok.range,
              ...sev,
              href: href(def.source, 'S14'),
            });
          }
          return;
        }
        default:
          return;
      }
    };

    forEachNode(model.doc.nodes, (n) => {
      if (n.kind === 'block') {
        if (!isTemplateBlock(model, n)) {
          checkName(n);
        }
      } else {
        checkParam(n);
      }
    });
  },
};
