import type { AnalyzeOptions, Finding } from '../types';
import { DEFAULT_RELEASE } from '../types';
import { SourceText } from '../text/sourceText';
import { runRules } from '../rules';
import { applySuppressions, parseSuppressions } from '../suppress';
import { parseAttls } from './parser';
import type { AttlsModel } from './model';
import { buildModel } from './model';
import { ATTLS_RULES } from './rules';

export interface AttlsAnalysis {
  model: AttlsModel;
  findings: Finding[];
}

export function analyzeAttls(text: string | SourceText, options: AnalyzeOptions = {}): AttlsAnalysis {
  const doc = parseAttls(typeof text === 'string' ? new SourceText(text) : text);
  const model = buildModel(doc, options.release ?? DEFAULT_RELEASE);
  const findings = runRules(ATTLS_RULES, model, options.rules);
  return { model, findings: applySuppressions(findings, parseSuppressions(doc.comments)) };
}
