// The rule registry: ids, default severities and descriptions come from the catalogue
// (docs/rules.md); each rule module supplies only its check. The registry, not the rule,
// applies the user's severity overrides and 'off'.
import { RULE_CATALOGUE } from './ruleCatalogue.generated';
import type { CatalogueEntry } from './ruleCatalogue.generated';
import type { Finding, Fix, RelatedInfo, Range, RuleSetting, Severity } from './types';

export interface Report {
  message: string;
  range: Range;
  /** Only for rules whose catalogue row names a second severity (e.g. information for a variant). */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedInfo[];
  tags?: Finding['tags'];
  href?: string;
}

export type Reporter = (r: Report) => void;

export interface RuleModule<M> {
  id: string;
  /** Link to the page the rule rests on (an IBM, RFC or project page). */
  href: string;
  check(model: M, report: Reporter): void;
}

const byId = new Map<string, CatalogueEntry>(RULE_CATALOGUE.map((r) => [r.id, r]));

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}

export function allRuleIds(): string[] {
  return RULE_CATALOGUE.map((r) => r.id);
}

/** Effective severity for a rule id under the user's settings; undefined when the rule is off. */
export function effectiveSeverity(
  id: string,
  requested: Severity,
  settings: Record<string, RuleSetting> | undefined,
): Severity | undefined {
  const s = settings?.[id];
  if (s === 'off') {
    return undefined;
  }
  return s ?? requested;
}

/**
 * Runs rule modules over a model. A rule that throws is reported as an internal problem of that
 * rule on line 1 rather than taking the other rules' findings down with it.
 */
export function runRules<M>(
  rules: readonly RuleModule<M>[],
  model: M,
  settings: Record<string, RuleSetting> | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (settings?.[rule.id] === 'off') {
      continue;
    }
    const entry = byId.get(rule.id);
    if (!entry) {
      throw new Error(`rule ${rule.id} is not in the catalogue (docs/rules.md)`);
    }
    const report: Reporter = (r) => {
      const severity = effectiveSeverity(rule.id, r.severity ?? entry.severity, settings);
      if (!severity) {
        return;
      }
      findings.push({
        rule: rule.id,
        severity,
        message: r.message,
        range: r.range,
        ...(r.fixes ? { fixes: r.fixes } : {}),
        ...(r.related ? { related: r.related } : {}),
        ...(r.tags ? { tags: r.tags } : {}),
        href: r.href ?? rule.href,
      });
    };
    try {
      rule.check(model, report);
    } catch (e) {
      findings.push({
        rule: rule.id,
        severity: 'information',
        message: `zos-tls: the check ${rule.id} failed on this file (${(e as Error).message}); please report it.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return findings;
}
