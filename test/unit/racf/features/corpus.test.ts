// Hover, completion, outline, folding, definition and references at the start and end of every
// line of every corpus file: none may throw, and results keep their ranges inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeRacf } from '../../../../server/src/service/racf/analyze';
import type { RacfLanguage } from '../../../../server/src/service/racf/model';
import { racfHover } from '../../../../server/src/service/racf/hover';
import { racfComplete } from '../../../../server/src/service/racf/complete';
import {
  racfDefinition,
  racfFolding,
  racfReferences,
  racfSymbols,
} from '../../../../server/src/service/racf/navigation';
import type { Range } from '../../../../server/src/service/types';

const dir = path.resolve(__dirname, '../../../../../shared/corpus/racdcert');

function languageOf(file: string, text: string): RacfLanguage {
  if (file.endsWith('.jcl')) {
    return 'jcl';
  }
  return file.endsWith('.rexx') || file.endsWith('.rex') || /^\s*\/\*.*REXX/i.test(text) ? 'rexx' : 'racf';
}

test('corpus: every feature at every line start and end, no exception', (t) => {
  if (!existsSync(dir)) {
    t.skip(`corpus folder ${dir} is absent`);
    return;
  }
  const files = readdirSync(dir).filter((f) => f !== 'SOURCES.md');
  assert.ok(files.length > 0);
  let hovers = 0;
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const lines = text.split(/\r\n|\r|\n/);
    const a = analyzeRacf(text, languageOf(file, text), { today: new Date(2026, 0, 1) });
    const inside = (r: Range, what: string): void => {
      assert.ok(r.start.line >= 0 && r.end.line < lines.length, `${file}: ${what} range inside the document`);
    };
    for (const s of racfSymbols(a)) {
      inside(s.range, 'symbol');
    }
    racfFolding(a);
    lines.forEach((l, line) => {
      for (const character of [0, l.length, Math.floor(l.length / 2)]) {
        const pos = { line, character };
        const where = `${file} ${line + 1}:${character + 1}`;
        try {
          const h = racfHover(a, pos);
          if (h) {
            hovers++;
            assert.ok(h.contents.length > 0, where);
            if (h.range) {
              inside(h.range, 'hover');
            }
          }
          for (const e of racfComplete(a, pos)) {
            if (e.range) {
              inside(e.range, 'completion');
            }
          }
          racfDefinition(a, pos).forEach((r) => inside(r, 'definition'));
          racfReferences(a, pos, true).forEach((r) => inside(r, 'reference'));
        } catch (e) {
          assert.fail(`${where}: ${(e as Error).stack ?? String(e)}`);
        }
      }
    });
  }
  assert.ok(hovers > 0, 'some corpus positions have hovers');
});
