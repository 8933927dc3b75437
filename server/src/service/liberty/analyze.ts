// The Liberty server.xml pipeline (issue 4): parse the document, build the merged configuration
// with its includes and configDropins (model.ts), run the liberty/* rules, and apply the
// suppression comments written as XML comments (`<!-- zos-tls-disable-next-line liberty/password -->`).
// Findings are for this document only: rules report on what model.isLocal says is in it.
import type { AnalyzeOptions, Finding } from '../types';
import { runRules } from '../rules';
import type { CommentText } from '../suppress';
import { applySuppressions, parseSuppressions } from '../suppress';
import type { LibertyModel } from './model';
import { buildLibertyModel } from './model';
import { LIBERTY_RULES } from './rules';
import { coverStartTags } from './suppressions';

export interface LibertyAnalysis {
  model: LibertyModel;
  findings: Finding[];
}

export function analyzeLiberty(text: string, uri: string, options: AnalyzeOptions = {}): LibertyAnalysis {
  const model = buildLibertyModel(text, uri, options.configFiles);
  const findings = runRules(LIBERTY_RULES, model, options.rules);
  // One CommentText per line a comment covers, so a directive keys on the line it is written on.
  const comments: CommentText[] = model.document.comments.flatMap((c) =>
    c.text.split(/\r\n|\r|\n/).map((t, i) => ({ line: c.range.start.line + i, text: t })),
  );
  const suppressions = coverStartTags(parseSuppressions(comments), model.document);
  return { model, findings: applySuppressions(findings, suppressions) };
}
