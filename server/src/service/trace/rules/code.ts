// trace/code — every return, reason, alert and message code the parsers recognised in a record
// (codes/recognise.ts through each parser's `codes`), as information with what it means, so every
// code of the trace is listed and gets the same words as its hover (codes/explain.ts).
// The recogniser is not run again over every line here: it reads about 4 MB/s, far too slow for a
// 1 GB trace; the viewer's hover runs it on the line under the cursor.
import { primarySource } from '../../codes/explain';
import { codeById } from '../../knowledge/codes';
import type { RuleModule } from '../../rules';
import { rangeOf } from '../../types';
import type { TraceModel } from '../findings';

/** Findings of this rule per trace at most (a trace of errors repeats the same codes). */
export const MAX_CODE_FINDINGS = 10_000;

export const code: RuleModule<TraceModel> = {
  id: 'trace/code',
  href: 'https://www.ibm.com/docs/en/zos/2.5.0?topic=sfrc-1',
  check(model, report) {
    const seen = new Set<string>();
    let n = 0;
    for (const e of model.events) {
      for (const c of e.codes ?? []) {
        const where = `${c.line}:${c.start}`;
        if (seen.has(where)) {
          continue;
        }
        seen.add(where);
        const entry = codeById(c.id);
        if (!entry) {
          continue;
        }
        if (n++ >= MAX_CODE_FINDINGS) {
          return;
        }
        const fix = entry.fix ? ` ${entry.fix}` : '';
        report({
          message: `${c.text}: ${entry.title}. ${entry.meaning}${fix}${entry.uncertain ? ' (uncertain: confirm with the source)' : ''}`,
          range: rangeOf(c.line, c.start, c.end),
          ...(primarySource(entry) ? { href: primarySource(entry) } : {}),
        });
      }
    }
  },
};
