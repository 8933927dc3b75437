// racf/bad-value — evidence: racdcert-reference §2 (label limit, R23, unverified in IBM text; ring
// owners IRRD120I), §1.2 (AT/ONLYAT not allowed, R3), §3.1 ALTNAME IP, §3.4 CONNECT (IRRD121I), §5
// dates (ccyy-mm-dd, R27; the slash form: see below), keyword value lists (FORMAT, USAGE, KEYUSAGE).
//
// Slash dates: IBM documents ccyy-mm-dd, but IBM's own samples (IzODA workflow, WSC jobs, z/OSMF
// IZUSEC) write ccyy/mm/dd and whether RACF accepts it is unverified (reference §5 `slashForm`).
// Calling such a job an error would contradict IBM's samples, so the slash form is a warning that
// asks for the documented form; a date that is not a calendar date is an error in either form.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import type { Operand, QuotedValue, Value, WordValue } from '../ast';
import type { RacfKeywordDef } from '../../knowledge/racfKeywords';
import { DATES, LIMITS, RACDCERT_FUNCTIONS, matchKeyword } from '../../knowledge/racfKeywords';
import {
  formatDate,
  href,
  isPlaceholderText,
  list,
  nested,
  parseDate,
  parseTime,
  racdcertCalls,
  removeOperandFix,
  replaceFix,
  singleValue,
  valueText,
} from './commandHelpers';
import type { RacdcertCall } from './commandHelpers';

const LABEL_KEYWORDS = new Set(['LABEL', 'WITHLABEL', 'NEWLABEL']);
const RING_FUNCTIONS = new Set(['ADDRING', 'LISTRING', 'DELRING', 'CONNECT', 'REMOVE']);

function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIpv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.split('::').length > 2) {
    return false;
  }
  let groups = s.split(':');
  const last = groups[groups.length - 1];
  let need = 8;
  if (last.includes('.')) {
    if (!isIpv4(last)) {
      return false;
    }
    groups = groups.slice(0, -1);
    need = 6;
  }
  const compressed = s.includes('::');
  const filled = groups.filter((g) => g !== '');
  if (!filled.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) {
    return false;
  }
  // Empty groups are allowed only as the '::' (which may sit at either end).
  const empties = groups.length - filled.length;
  if (!compressed && empties > 0) {
    return false;
  }
  return compressed ? filled.length < need : filled.length === need;
}

export const badValue: RuleModule<RacfModel> = {
  id: 'racf/bad-value',
  href: href('R2'),
  check(model, report) {
    const labelValue = (kw: string, v: WordValue | QuotedValue): void => {
      const max = LIMITS.label.maxLength ?? 32;
      const text = valueText(v);
      if (v.symbolic || text.length <= max) {
        return;
      }
      report({
        message: `This ${kw} is ${text.length} characters long; certificate labels hold at most ${max} characters (a limit from third-party documentation, uncertain in IBM's text). Shorten the label to ${max} characters or fewer.`,
        range: v.range,
        href: href(LIMITS.label.source),
      });
    };

    const dateValue = (which: string, op: Operand): void => {
      const v = singleValue(op);
      if (!v || v.symbolic) {
        return;
      }
      const text = valueText(v);
      const d = parseDate(v);
      if (!d) {
        report({
          message: `DATE(${text}) in ${which} is not a date of the form ccyy-mm-dd (for example 2027-06-30), the form IBM documents; RACF rejects the command. Write the four-digit year, month and day separated by hyphens.`,
          range: v.range,
          href: href(DATES.source),
        });
        return;
      }
      if (!d.real) {
        report({
          message: `DATE(${text}) in ${which} is not a calendar date (month ${d.month}, day ${d.day} of ${d.year}); RACF rejects it. Correct the month or day.`,
          range: v.range,
          href: href(DATES.source),
        });
        return;
      }
      if (d.slash) {
        const fixed = formatDate(d.year, d.month, d.day, '-');
        report({
          message: `DATE(${text}) uses slashes; IBM documents ccyy-mm-dd. IBM's own samples write slashes, and whether RACF accepts them is uncertain: write ${fixed} to be safe.`,
          range: v.range,
          severity: 'warning',
          fixes: [replaceFix(v.range, fixed, `Write the date as ${fixed}`, true)],
          href: href(DATES.source),
        });
      }
    };

    const timeValue = (which: string, op: Operand): void => {
      const v = singleValue(op);
      if (!v || v.symbolic) {
        return;
      }
      if (parseTime(valueText(v)) === undefined) {
        report({
          message: `TIME(${valueText(v)}) in ${which} is not a time of day of the form hh:mm:ss (00:00:00 to 23:59:59); RACF rejects the command. Write it as hh:mm:ss.`,
          range: v.range,
          href: href(DATES.source),
        });
      }
    };

    const ipValue = (op: Operand): void => {
      if (!op.open) {
        return;
      }
      const vals = op.values.filter((v): v is WordValue | QuotedValue => v.kind !== 'operand');
      if (vals.some((v) => v.symbolic)) {
        return;
      }
      if (vals.length === 0 && op.close) {
        report({
          message:
            'IP() in ALTNAME is empty; RACF needs a numeric IPv4 or IPv6 address there. Write the address (for example IP(10.1.2.3)) or remove IP().',
          range: op.range,
        });
        return;
      }
      for (const v of vals) {
        const text = valueText(v);
        if (!isIpv4(text) && !isIpv6(text)) {
          report({
            message: `'${text}' in ALTNAME IP(...) is not a numeric IPv4 or IPv6 address. Write the address as digits (10.1.2.3 or 2001:db8::1); a host name belongs in DOMAIN('...').`,
            range: v.range,
          });
        }
      }
    };

    /** Keyword values from a fixed list (FORMAT, USAGE, KEYUSAGE); a quoted value is legal (USAGE('PERSONAL')). */
    const enumValues = (def: RacfKeywordDef, op: Operand): void => {
      const allowed = def.values ?? [];
      for (const v of op.values) {
        if (v.kind === 'operand' || v.symbolic) {
          continue;
        }
        const upper = valueText(v).toUpperCase();
        // A prefix may be a TSO abbreviation of the value: not judged here.
        if (!upper || allowed.some((a) => a.startsWith(upper))) {
          continue;
        }
        report({
          message: `'${valueText(v)}' is not a ${def.name} value; RACF accepts ${list([...allowed])}. Correct the value.`,
          range: v.range,
          href: href(def.source),
        });
      }
    };

    const walk = (call: RacdcertCall, op: Operand, within: string[]): void => {
      if (!op.open) {
        return;
      }
      for (const v of op.values) {
        if (v.kind !== 'operand' || v.quoted) {
          continue;
        }
        const m = matchKeyword(call.fn.name, v.keyword.upper, within);
        if (m.kind !== 'exact' && m.kind !== 'abbreviation') {
          continue;
        }
        visit(call, v, m.def, [...within, m.def.name]);
      }
    };

    const visit = (call: RacdcertCall, op: Operand, def: RacfKeywordDef, path: string[]): void => {
      const name = def.name;
      const parent = path[path.length - 2];
      if (LABEL_KEYWORDS.has(name)) {
        const v = singleValue(op);
        if (v) {
          labelValue(name, v);
        }
      } else if (name === 'DATE' && (parent === 'NOTBEFORE' || parent === 'NOTAFTER')) {
        dateValue(parent, op);
      } else if (name === 'TIME' && (parent === 'NOTBEFORE' || parent === 'NOTAFTER')) {
        timeValue(parent, op);
      } else if (name === 'IP' && parent === 'ALTNAME') {
        ipValue(op);
      } else if (name === 'SIZE') {
        const v = singleValue(op);
        if (v && !v.symbolic && !/^\d+$/.test(valueText(v))) {
          report({
            message: `SIZE(${valueText(v)}) is not a number of bits; write a decimal key size such as SIZE(2048).`,
            range: v.range,
          });
        }
      } else if (def.values && op.open) {
        enumValues(def, op);
      }
      walk(call, op, path);
    };

    const connectNeedsRingAndLabel = (call: RacdcertCall): void => {
      const fnOp = call.fnOperand;
      const fn = call.fn.name;
      if (!fnOp || (fn !== 'CONNECT' && fn !== 'REMOVE')) {
        return;
      }
      // Anything built from a placeholder or left unparsed (an early ')' or an extra '(' is
      // racf/syntax's) cannot be judged.
      const unsure = (vals: readonly Value[]): boolean =>
        vals.some(
          (v) =>
            (v.kind === 'operand' &&
              (!v.keyword.text || isPlaceholderText(v.keyword.text) || unsure(v.values))) ||
            (v.kind !== 'operand' && v.symbolic),
        );
      if (unsure(fnOp.values) || (fnOp.open && !fnOp.close)) {
        return;
      }
      const missing = ['RING', 'LABEL'].filter((k) => !nested(fn, fnOp, [fn], k));
      if (missing.length === 0) {
        return;
      }
      report({
        message: `${fn} names no ${list(missing, 'and no')} inside its parentheses: RACF needs both the ring and the certificate label (IRRD121I "A ring name and label name must be specified") and rejects the command. Write ${fn}(LABEL('label') RING(ring-name) ...).`,
        range: fnOp.range,
        href: href(RACDCERT_FUNCTIONS.get(fn)?.source),
      });
    };

    for (const call of racdcertCalls(model.racf)) {
      const fn = call.fn;
      for (const { op, name } of call.operands) {
        const upper = op.keyword.upper;
        if (!op.quoted && (upper === 'AT' || upper === 'ONLYAT')) {
          report({
            message: `RACDCERT cannot be directed to another system with ${upper}: IBM lists it as not allowed with AT or ONLYAT. Remove ${upper}(...) and issue the command on the target system (or let RRSF automatic command direction propagate it).`,
            range: op.range,
            fixes: [removeOperandFix(call.cmd, op, `Remove ${upper}(...)`)],
            href: href('R3'),
          });
          continue;
        }
        if (
          RING_FUNCTIONS.has(fn.name) &&
          !op.quoted &&
          (upper === 'CERTAUTH' || upper === 'SITE') &&
          !op.open
        ) {
          const who = upper === 'CERTAUTH' ? 'Certificate Authority' : 'Site Certificate';
          report({
            message: `${upper} here makes the ${who} the owner of the key ring, but only users own key rings: RACF rejects ${fn.name} with IRRD120I ("A ${who} cannot own a key ring"). Name the ring owner with ID(userid)${fn.name === 'CONNECT' || fn.name === 'REMOVE' ? `, and put ${upper} inside ${fn.name}(...) if it names the certificate's owner` : ''}.`,
            range: op.range,
            href: href(fn.source + ',R12'),
          });
          continue;
        }
        if (name) {
          const m = matchKeyword(fn.name, op.keyword.upper);
          if (m.kind === 'exact' || m.kind === 'abbreviation') {
            visit(call, op, m.def, [m.def.name]);
          }
        }
      }
      if (call.fnOperand && fn.operand) {
        visit(call, call.fnOperand, fn.operand, [fn.name]);
      }
      connectNeedsRingAndLabel(call);
    }
  },
};
