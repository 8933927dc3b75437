// Trace findings (issue 6): the trace/* rules of docs/rules.md run over a trace's model through the
// same registry as the AT-TLS, RACF and Liberty rules (rules.ts runRules: catalogue severities, user
// overrides, a failing rule isolated), and each finding tied to the connection it is about.
import { countBelow } from '../racf/model';
import { runRules } from '../rules';
import type { Finding, RuleSetting } from '../types';
import type { BuiltConnection } from './handshake';
import { TRACE_RULES } from './rules';
import type { SettingLookup } from './rules/settings';
import type { TraceEncoding, TraceEvent, TraceFormat } from './types';

/** What the trace/* rules read. */
export interface TraceModel {
  format: TraceFormat | undefined;
  encoding: TraceEncoding;
  lineCount: number;
  events: readonly TraceEvent[];
  connections: readonly BuiltConnection[];
  /** The workspace's configuration, when the caller has one: findings then link to its lines. */
  findSetting?: SettingLookup;
}

/** Runs every trace/* rule; findings in line order. */
export function traceFindings(model: TraceModel, settings?: Record<string, RuleSetting>): Finding[] {
  return runRules(TRACE_RULES, model, settings).sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/**
 * The findings about one connection: those on a line one of its events covers (interleaved
 * connections share line spans, so the span alone would mix them up).
 */
export function findingsOfConnection(
  conn: BuiltConnection,
  events: readonly TraceEvent[],
  findings: readonly Finding[],
): Finding[] {
  return findings.filter((f) => {
    const line = f.range.start.line;
    if (line < conn.firstLine || line > conn.lastLine) {
      return false;
    }
    return conn.events.some((i) => events[i] && events[i].line <= line && line <= events[i].endLine);
  });
}

/** What findingsByConnection reads of a trace index. */
export interface ConnectionFindingsSource {
  events: readonly TraceEvent[];
  connections: readonly BuiltConnection[];
  /** In line order, as traceFindings returns them. */
  findings: readonly Finding[];
}

/**
 * The findings of each connection (findingsOfConnection), in the order of `connections` (default:
 * all of the index's). Findings are in line order, so each connection looks only at those within
 * its line span: all of them for each of thousands of connections took a second on a 3,600-line log.
 */
export function findingsByConnection(
  index: ConnectionFindingsSource,
  connections: readonly BuiltConnection[] = index.connections,
): Finding[][] {
  const lineOf = (f: Finding): number => f.range.start.line;
  return connections.map((c) =>
    findingsOfConnection(
      c,
      index.events,
      index.findings.slice(
        countBelow(index.findings, lineOf, c.firstLine),
        countBelow(index.findings, lineOf, c.lastLine + 1),
      ),
    ),
  );
}
