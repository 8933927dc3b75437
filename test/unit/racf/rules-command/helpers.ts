// Builds a RacfModel from command text for the per-command rule tests: one plain stream, one
// segment per line, parsed by the TSO parser; "today" is fixed so date rules are repeatable.
import { parseCommands } from '../../../../server/src/service/racf/tso';
import { runRules } from '../../../../server/src/service/rules';
import { SourceText } from '../../../../server/src/service/text/sourceText';
import { commandRules } from '../../../../server/src/service/racf/rules/commandRules';
import type { RacfLanguage, RacfModel } from '../../../../server/src/service/racf/model';
import type { CommandStream } from '../../../../server/src/service/racf/source';
import type { Finding, ZosRelease } from '../../../../server/src/service/types';

export const TODAY = new Date(2026, 10, 23);

export interface ModelOptions {
  language?: RacfLanguage;
  fips?: boolean;
  release?: ZosRelease;
  today?: Date;
}

export function plainStream(text: string): CommandStream {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  return {
    kind: 'plain',
    segments: lines.map((l, line) => ({ line, start: 0, end: l.length, text: l })),
    fixedRecords: false,
    range: {
      start: { line: 0, character: 0 },
      end: { line: lines.length - 1, character: lines[lines.length - 1].length },
    },
  };
}

export function modelOf(
  text: string,
  streams: CommandStream[] = [plainStream(text)],
  o: ModelOptions = {},
): RacfModel {
  const parsed = streams.map((s) => parseCommands(s));
  const commands = parsed.flatMap((p) => p.commands);
  // The per-command rules read only these fields; the model builder (another module) fills the
  // effects of the commands that the cross-command rules read, so the rest is left out here.
  const base: Pick<
    RacfModel,
    | 'source'
    | 'language'
    | 'release'
    | 'today'
    | 'fips'
    | 'streams'
    | 'commands'
    | 'racf'
    | 'problems'
    | 'parseProblems'
  > = {
    source: new SourceText(text),
    language: o.language ?? 'racf',
    release: o.release ?? '3.1',
    today: o.today ?? TODAY,
    fips: o.fips ?? false,
    streams,
    commands,
    racf: commands.filter((c) => c.canonicalName !== undefined),
    problems: [],
    parseProblems: parsed.flatMap((p) => p.problems),
  };
  return base as RacfModel;
}

export function findings(text: string, rule: string, o: ModelOptions = {}): Finding[] {
  return runRules(commandRules, modelOf(text, undefined, o), undefined).filter((f) => f.rule === rule);
}

export function all(text: string, o: ModelOptions = {}): Finding[] {
  return runRules(commandRules, modelOf(text, undefined, o), undefined);
}

/** The text a finding's range covers. */
export function at(text: string, f: Finding): string {
  return new SourceText(text).getText(f.range);
}

/** Applies one fix's edits (non-overlapping) to the text. */
export function applyFix(text: string, f: Finding, index = 0): string {
  const fix = f.fixes?.[index];
  if (!fix) {
    throw new Error(`no fix ${index} on: ${f.message}`);
  }
  const src = new SourceText(text);
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => src.offsetAt(b.range.start) - src.offsetAt(a.range.start))) {
    out = out.slice(0, src.offsetAt(e.range.start)) + e.newText + out.slice(src.offsetAt(e.range.end));
  }
  return out;
}
