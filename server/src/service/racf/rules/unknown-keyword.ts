// racf/unknown-keyword — evidence: racdcert-reference §3 (function keyword sets), §1.2 / R13
// (TSO unique-prefix abbreviation), §11 unknown-keyword and abbreviated-keyword; corpus
// sunil390 `SUBJECTDSN`. Companion commands (SETROPTS, PERMIT, RDEFINE, RLIST, RALTER) are
// quoted by the reference only in the forms real jobs use, so a keyword missing from their lists
// is unknown to us, not invalid: only an ambiguous abbreviation among the listed ones is reported.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import type { Operand, TsoCommand } from '../ast';
import type { KeywordMatch, RacdcertFunctionDef, RacfKeywordDef } from '../../knowledge/racfKeywords';
import { RACDCERT_FUNCTIONS, allRacfKeywords, matchKeyword, racfCommand } from '../../knowledge/racfKeywords';
import { href, isPlaceholderText, list, nearest, racdcertCall, replaceFix } from './commandHelpers';

const FUNCTION_NAMES = [...RACDCERT_FUNCTIONS.keys()];
const ALL_KEYWORDS = allRacfKeywords();

/**
 * Unknown top-level keywords reported one by one on one command; the rest get one finding. A
 * command with thousands of them (text pasted into a stream) would otherwise flood the editor with
 * identical findings and cost more to report than to parse.
 */
const UNKNOWN_PER_COMMAND = 100;

/** Owner keywords a ring function rejects: racf/bad-value explains those (IRRD120I), not this rule. */
const RING_FUNCTIONS = new Set(['ADDRING', 'LISTRING', 'DELRING', 'CONNECT', 'REMOVE']);

/** Functions whose top-level keyword set the reference marks unverified: unlisted keywords are skipped. */
function keywordSetUncertain(fn: RacdcertFunctionDef): boolean {
  return fn.uncertain === true || fn.tokenFunction;
}

/** Functions (other than `fn`) whose keyword tables hold `kw`, for "it belongs to …". */
function functionsWith(kw: string, fn: string): string[] {
  return FUNCTION_NAMES.filter((f) => f !== fn && RACDCERT_FUNCTIONS.get(f)!.keywords.has(kw));
}

function abbreviationMessage(written: string, full: string, where: string): string {
  return `'${written}' is an abbreviation of ${full}${where}. TSO accepts a unique prefix, but the abbreviation becomes ambiguous if a later release adds a keyword with the same start, and readers must guess: write ${full} in full.`;
}

interface UnknownHints {
  otherFn: boolean;
  link: string;
  suggestions: string[];
  homes: string[];
  known: boolean;
}

export const unknownKeyword: RuleModule<RacfModel> = {
  id: 'racf/unknown-keyword',
  href: href('R2'),
  check(model, report) {
    // The hints for an unknown keyword depend only on the function and the spelling: a command that
    // repeats one unknown keyword hundreds of times computes them once.
    const hints = new Map<string, UnknownHints>();
    const unknownHints = (fn: RacdcertFunctionDef, upper: string, fnWritten: boolean): UnknownHints => {
      const key = `${fn.name}\u0000${fnWritten ? 1 : 0}\u0000${upper}`;
      let hit = hints.get(key);
      if (!hit) {
        const own = [...fn.keywords.keys()];
        hit = {
          otherFn:
            FUNCTION_NAMES.includes(upper) || FUNCTION_NAMES.filter((f) => f.startsWith(upper)).length === 1,
          link: href(fn.source),
          suggestions: nearest(upper, fnWritten ? own : [...own, ...FUNCTION_NAMES]),
          homes: functionsWith(upper, fn.name),
          known: ALL_KEYWORDS.includes(upper),
        };
        hints.set(key, hit);
      }
      return hit;
    };
    const nestedHints = new Map<string, string[]>();
    const matches = new Map<string, KeywordMatch>();
    const matchTop = (fnName: string, upper: string): KeywordMatch => {
      const key = `${fnName}\u0000${upper}`;
      let hit = matches.get(key);
      if (!hit) {
        hit = matchKeyword(fnName, upper);
        matches.set(key, hit);
      }
      return hit;
    };
    const nested = (
      fn: RacdcertFunctionDef,
      parent: Operand,
      parentDef: RacfKeywordDef,
      within: string[],
    ): void => {
      // An unclosed subfield swallows the keywords that follow it: racf/syntax reports the missing
      // ')' and nothing inside can be judged.
      if (!parent.open || !parent.close || parentDef.subkeywords.size === 0 || parentDef.values) {
        return;
      }
      const judgeWords = parentDef.valueType === 'subfield' || parentDef.valueType === 'subfield-list';
      const judgeUnknown = parentDef.origin !== 'form' && !keywordSetUncertain(fn);
      const where = ` inside ${parentDef.name}(...) of RACDCERT ${fn.name}`;
      const valid = [...parentDef.subkeywords.keys()];
      const nearestValid = (upper: string): string[] => {
        const key = `${parentDef.name}\u0000${valid.join(',')}\u0000${upper}`;
        let hit = nestedHints.get(key);
        if (!hit) {
          hit = nearest(upper, valid);
          nestedHints.set(key, hit);
        }
        return hit;
      };
      const check = (
        written: string,
        range: Operand['range'],
        isFlag: boolean,
      ): RacfKeywordDef | undefined => {
        if (!written || isPlaceholderText(written)) {
          return undefined;
        }
        if (written === '|') {
          // Samples offer a choice to edit (`CONNECT(SITE | ID(userid)`): RACF reads '|' as a keyword.
          report({
            message: `'|' is not a keyword${where}: it looks like a choice left from a sample ("A | B" means write A or B). Keep one of the alternatives and delete the other and the '|'.`,
            range,
          });
          return undefined;
        }
        const m = matchKeyword(fn.name, written, within);
        if (m.kind === 'exact') {
          return m.def;
        }
        if (m.kind === 'abbreviation') {
          report({
            message: abbreviationMessage(written, m.def.name, where),
            range,
            severity: 'information',
            fixes: [replaceFix(range, m.def.name, `Write ${m.def.name} in full`, true)],
          });
          return m.def;
        }
        if (m.kind === 'ambiguous') {
          report({
            message: `'${written}' is ambiguous${where}: it abbreviates ${list(m.candidates)}, so RACF cannot tell which is meant and rejects the command. Write the keyword in full.`,
            range,
            fixes: m.candidates.map((c) => replaceFix(range, c, `Change to ${c}`)),
          });
          return undefined;
        }
        if (!judgeUnknown || (isFlag && !/^[A-Z][A-Z0-9]*$/i.test(written))) {
          return undefined;
        }
        const suggestions = nearestValid(written.toUpperCase());
        report({
          message: `'${written}' is not a keyword${where}; valid there: ${list(valid)}.${suggestions.length ? ` Did you mean ${list(suggestions)}?` : ''} RACF rejects the command.`,
          range,
          fixes: suggestions.map((s, i) =>
            replaceFix(range, s, `Change to ${s}`, i === 0 && suggestions.length === 1),
          ),
        });
        return undefined;
      };
      for (const v of parent.values) {
        if (v.kind === 'operand') {
          if (v.quoted) {
            continue;
          }
          const def = check(v.keyword.text, v.keyword.range, false);
          if (def) {
            nested(fn, v, def, [...within, def.name]);
          }
        } else if (v.kind === 'word' && judgeWords && !v.symbolic) {
          check(v.text, v.range, true);
        }
      }
    };

    const racdcert = (cmd: TsoCommand): void => {
      const call = racdcertCall(cmd);
      if (!call) {
        return;
      }
      const fn = call.fn;
      const fnName = fn.name;
      if (call.fnOperand && call.fnOperand.keyword.upper !== fnName) {
        const r = call.fnOperand.keyword.range;
        report({
          message: abbreviationMessage(call.fnOperand.keyword.text, fnName, ' (a RACDCERT function)'),
          range: r,
          severity: 'information',
          fixes: [replaceFix(r, fnName, `Write ${fnName} in full`, true)],
        });
      }
      if (call.fnOperand && fn.operand) {
        nested(fn, call.fnOperand, fn.operand, [fnName]);
      }
      const fnWritten = call.fnOperand !== undefined;
      let unknown = 0;
      let unreported: { first: Operand['keyword']; count: number } | undefined;
      for (const { op, lifted } of call.operands) {
        const kw = op.keyword;
        if (lifted || op.quoted || !kw.text || isPlaceholderText(kw.text)) {
          continue;
        }
        if (kw.upper === 'AT' || kw.upper === 'ONLYAT') {
          continue; // racf/bad-value: RACDCERT cannot be directed with AT/ONLYAT.
        }
        if (RING_FUNCTIONS.has(fnName) && (kw.upper === 'SITE' || kw.upper === 'CERTAUTH')) {
          continue; // racf/bad-value: a CA or SITE cannot own a key ring (IRRD120I).
        }
        const m = matchTop(fnName, kw.upper);
        if (m.kind === 'exact') {
          nested(fn, op, m.def, [m.def.name]);
          continue;
        }
        if (m.kind === 'abbreviation') {
          if (!m.def.abbreviations?.includes(kw.upper)) {
            report({
              message: abbreviationMessage(kw.text, m.def.name, ` (a keyword of RACDCERT ${fnName})`),
              range: kw.range,
              severity: 'information',
              fixes: [replaceFix(kw.range, m.def.name, `Write ${m.def.name} in full`, true)],
            });
          }
          nested(fn, op, m.def, [m.def.name]);
          continue;
        }
        if (m.kind === 'ambiguous') {
          report({
            message: `'${kw.text}' is ambiguous for RACDCERT ${fnName}: it abbreviates ${list(m.candidates)}, so RACF cannot tell which is meant and rejects the command. Write the keyword in full.`,
            range: kw.range,
            fixes: m.candidates.map((c) => replaceFix(kw.range, c, `Change to ${c}`)),
          });
          continue;
        }
        const { otherFn, suggestions, homes, known, link } = unknownHints(fn, kw.upper, fnWritten);
        if (otherFn && fnWritten) {
          report({
            message: `RACDCERT takes one function per command, but this one names ${fnName} and ${kw.text}. Split it into two RACDCERT commands.`,
            range: kw.range,
          });
          continue;
        }
        if (keywordSetUncertain(fn)) {
          continue;
        }
        if (++unknown > UNKNOWN_PER_COMMAND) {
          unreported ??= { first: kw, count: 0 };
          unreported.count++;
          continue;
        }
        const what = fnWritten
          ? `'${kw.text}' is not a keyword of RACDCERT ${fnName}`
          : `'${kw.text}' is neither a RACDCERT function nor a keyword of LIST, the function RACDCERT performs when none is named`;
        const hint = suggestions.length
          ? ` Did you mean ${list(suggestions)}?`
          : homes.length
            ? ` It is a keyword of ${list(homes.slice(0, 4))}: remove it or use the function it belongs to.`
            : known
              ? ' Remove it.'
              : ` Check the spelling against the RACDCERT ${fnName} syntax.`;
        report({
          message: `${what}; TSO rejects the command.${hint}`,
          range: kw.range,
          fixes: suggestions.map((s, i) =>
            replaceFix(kw.range, s, `Change to ${s}`, i === 0 && suggestions.length === 1),
          ),
          href: link,
        });
      }
      if (unreported) {
        const { first, count } = unreported;
        const more = count > 1 ? ` and the ${count - 1} unknown keywords after it` : '';
        report({
          message:
            `'${first.text}'${more} on this command ${count > 1 ? 'are' : 'is'} not ${fnWritten ? `keywords of RACDCERT ${fnName}` : 'RACDCERT functions or keywords of LIST'} either; ` +
            `only the first ${UNKNOWN_PER_COMMAND} unknown keywords of a command are reported one by one. TSO rejects the command. ` +
            'Correct or remove them: this many unknown keywords usually means text pasted into the command by mistake.',
          range: first.range,
        });
      }
    };

    const companion = (cmd: TsoCommand): void => {
      const def = racfCommand(cmd.canonicalName ?? '');
      if (!def || def.keywords.size === 0) {
        return;
      }
      // Positional operands (PERMIT's profile, RDEFINE's class and profile) are not keywords.
      const skip = def.positionals.length;
      cmd.operands.forEach((op, i) => {
        if (i < skip || op.quoted || !op.keyword.text || isPlaceholderText(op.keyword.text)) {
          return;
        }
        const m = matchKeyword(def.name, op.keyword.text);
        // The keyword list is incomplete: an unlisted keyword or a prefix of a listed one may be a
        // keyword the reference does not quote (REFR, RACL…), so only ambiguity among the listed
        // keywords is certain.
        if (m.kind === 'ambiguous') {
          report({
            message: `'${op.keyword.text}' is ambiguous for ${def.name}: it abbreviates ${list(m.candidates)} (and perhaps other ${def.name} keywords), so RACF cannot tell which is meant. Write the keyword in full.`,
            range: op.keyword.range,
            fixes: m.candidates.map((c) => replaceFix(op.keyword.range, c, `Change to ${c}`)),
            href: href(def.source),
          });
        }
      });
    };

    for (const cmd of model.racf) {
      if (cmd.canonicalName === 'RACDCERT') {
        racdcert(cmd);
      } else {
        companion(cmd);
      }
    }
  },
};
