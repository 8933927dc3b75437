// The Liberty server.xml pipeline (issue 4): parse the document, build the merged configuration
// with its includes and configDropins, run the liberty/* rules. Skeleton: filled in by the core.
import type { AnalyzeOptions, Finding } from '../types';

export interface LibertyAnalysis {
  findings: Finding[];
}

export function analyzeLiberty(_text: string, _uri: string, _options: AnalyzeOptions = {}): LibertyAnalysis {
  return { findings: [] };
}
