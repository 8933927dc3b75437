// Text → command streams → parsed commands → model: the one reading both the checker and the
// workspace index use, so they always see the same commands.
import { SourceText } from '../text/sourceText';
import { findCommandStreams } from './carriers';
import { parseCommands } from './tso';
import type { ParseResult } from './tso';
import type { RacfLanguage, RacfModel } from './model';
import { buildRacfModel } from './model';

export interface RacfReading {
  source: SourceText;
  model: RacfModel;
  parsed: ParseResult[];
}

export function readRacf(
  text: string | SourceText,
  language: RacfLanguage,
  context: Pick<RacfModel, 'release' | 'today' | 'fips' | 'workspace'>,
): RacfReading {
  const source = typeof text === 'string' ? new SourceText(text) : text;
  const carrier = findCommandStreams(source, language);
  const parsed = carrier.streams.map((s) => parseCommands(s));
  const commands = parsed.flatMap((p) => p.commands);
  const model = buildRacfModel({
    ...context,
    source,
    language,
    streams: carrier.streams,
    commands,
    racf: commands.filter((c) => c.canonicalName !== undefined),
    problems: carrier.problems,
    parseProblems: parsed.flatMap((p) => p.problems),
    comments: parsed.flatMap((p) => p.comments),
  });
  return { source, model, parsed };
}
