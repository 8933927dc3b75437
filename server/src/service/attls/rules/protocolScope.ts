// Shared machinery of the security rules that read the settings in effect per TTLSRule
// (attls-reference §5.2): which rules can be judged at all, how findings of several rules that
// share one environment collapse into one diagnostic per source location, and the text edits
// their quick-fixes need.
import type { Range, TextEdit, ZosRelease } from '../../types';
import { compareRelease } from '../../types';
import type { AttlsModel, EffectiveRule } from '../model';
import { firstParam, isOn, paramsOf, paramValue } from '../model';
import type { BlockNode, ParamNode } from '../parser';

/** True when `block` codes `refKeyword` but the name resolves to nothing. */
export function unresolvedRef(model: AttlsModel, block: BlockNode | undefined, refKeyword: string): boolean {
  const p = firstParam(block, refKeyword);
  return p !== undefined && (model.refs.get(p)?.targets.length ?? 0) === 0;
}

// Several rules ask for the same list; a model is immutable once built, so it is computed once.
const activeCache = new WeakMap<AttlsModel, EffectiveRule[]>();
const blockCache = new WeakMap<AttlsModel, Map<string, BlockNode[]>>();

/** Every block (global or inline, any depth) of one statement type, in file order; computed once per model. */
export function blocksOf(model: AttlsModel, statement: string): readonly BlockNode[] {
  let byType = blockCache.get(model);
  if (!byType) {
    byType = new Map();
    blockCache.set(model, byType);
    // A plain recursive pass (blocks nest a few levels deep) rather than the generator walk, which
    // costs far more per node on policies of 100,000 lines.
    const visit = (nodes: readonly (BlockNode | ParamNode)[]): void => {
      for (const n of nodes) {
        if (n.kind === 'block') {
          const key = n.statement ?? '';
          const list = byType!.get(key) ?? [];
          list.push(n);
          byType!.set(key, list);
          visit(n.children);
        }
      }
    };
    visit(model.doc.nodes);
  }
  return byType.get(statement) ?? [];
}

/**
 * The TTLSRules whose effective settings can be judged: the group resolves and says
 * `TTLSEnabled On` (Off means clear text, where protocols and ciphers do not matter), the
 * environment resolves, and a coded connection action resolves. Rules outside this set get their
 * findings from the structural rules (unresolved-ref, rule-incomplete, ...); guessing their
 * settings here would produce findings resting on a policy that cannot install anyway.
 */
export function activeRules(model: AttlsModel): EffectiveRule[] {
  let out = activeCache.get(model);
  if (out) {
    return out;
  }
  out = [];
  activeCache.set(model, out);
  for (const rule of model.rules) {
    if (unresolvedRef(model, rule, 'TTLSConnectionActionRef')) {
      continue;
    }
    const eff = model.effective(rule);
    if (!eff.group || !eff.environment) {
      continue;
    }
    const enabled = paramsOf(eff.group, 'TTLSEnabled');
    if (!enabled.length || !isOn(paramValue(enabled[enabled.length - 1]))) {
      continue;
    }
    out.push(eff);
  }
  return out;
}

/** False when an advanced-parms Ref on the way is unresolved, so protocol settings are unknown. */
export function protocolsKnown(model: AttlsModel, eff: EffectiveRule): boolean {
  return !(
    unresolvedRef(model, eff.environment, 'TTLSEnvironmentAdvancedParmsRef') ||
    unresolvedRef(model, eff.connection, 'TTLSConnectionAdvancedParmsRef') ||
    unresolvedRef(model, eff.group, 'TTLSGroupAdvancedParmsRef')
  );
}

/** False when a TTLSCipherParmsRef on the way is unresolved, so the cipher list is unknown. */
export function ciphersKnown(model: AttlsModel, eff: EffectiveRule): boolean {
  return !(
    unresolvedRef(model, eff.environment, 'TTLSCipherParmsRef') ||
    unresolvedRef(model, eff.connection, 'TTLSCipherParmsRef')
  );
}

/** False when a TTLSSignatureParmsRef on the way is unresolved. */
export function signatureKnown(model: AttlsModel, eff: EffectiveRule): boolean {
  return !(
    unresolvedRef(model, eff.environment, 'TTLSSignatureParmsRef') ||
    unresolvedRef(model, eff.connection, 'TTLSSignatureParmsRef')
  );
}

/** How sure the protocol defaults are on the target release (captured for 3.1/2.5 only). */
export function defaultsNote(release: ZosRelease): string {
  return compareRelease(release, '3.1') > 0
    ? ` (these defaults are documented up to z/OS 3.1; for z/OS ${release} they were not confirmed)`
    : ` (the defaults on z/OS ${release})`;
}

const MAX_NAMED = 6;

/** "rule A", "rules A and B", "rules A, B, C and 4 more". */
export function ruleList(names: readonly string[]): string {
  const n = names.length;
  if (n === 1) {
    return `rule ${names[0]}`;
  }
  if (n <= MAX_NAMED) {
    return `rules ${names.slice(0, -1).join(', ')} and ${names[n - 1]}`;
  }
  return `rules ${names.slice(0, MAX_NAMED - 1).join(', ')} and ${n - MAX_NAMED + 1} more`;
}

export function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Collects, per source location (and variant), the TTLSRules a finding applies to, so that
 * rules sharing an environment give one diagnostic that names them all.
 */
export class PerLocation<T> {
  private readonly groups = new Map<string, { data: T; rules: Set<string> }>();

  add(key: string, ruleName: string, make: () => T): T {
    let g = this.groups.get(key);
    if (!g) {
      this.groups.set(key, (g = { data: make(), rules: new Set() }));
    }
    g.rules.add(ruleName);
    return g.data;
  }

  *entries(): Generator<{ data: T; rules: string[] }> {
    for (const g of this.groups.values()) {
      yield { data: g.data, rules: [...g.rules] };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Edits

function leadingBlanks(text: string): string {
  return /^[ \t]*/.exec(text)![0];
}

/** Indentation for a new line inside `block`: that of its first child, else its own plus two. */
export function childIndent(model: AttlsModel, block: BlockNode): string {
  const src = model.doc.source;
  const first = block.children[0];
  if (first) {
    return leadingBlanks(src.lineText(first.range.start.line));
  }
  return leadingBlanks(src.lineText(block.keyword.range.start.line)) + '  ';
}

/** Inserts parameter lines just before the block's closing brace; undefined when it has none. */
export function insertLines(
  model: AttlsModel,
  block: BlockNode,
  lines: readonly string[],
): TextEdit | undefined {
  if (!block.close) {
    return undefined;
  }
  const indent = childIndent(model, block);
  const close = block.close.range.start;
  const before = model.doc.source.lineText(close.line).slice(0, close.character);
  if (before.trim() === '') {
    return {
      range: { start: { line: close.line, character: 0 }, end: { line: close.line, character: 0 } },
      newText: lines.map((l) => indent + l + '\n').join(''),
    };
  }
  return {
    range: { start: close, end: close },
    newText: '\n' + lines.map((l) => indent + l).join('\n') + '\n',
  };
}

/** Inserts an inline sub-statement (`Statement` / `{` / lines / `}`) before the block's closing brace. */
export function insertInlineBlock(
  model: AttlsModel,
  parent: BlockNode,
  statement: string,
  lines: readonly string[],
): TextEdit | undefined {
  return insertLines(model, parent, [statement, '{', ...lines.map((l) => '  ' + l), '}']);
}

/** Replaces the value tokens of a parameter line. */
export function replaceValue(p: ParamNode, newValue: string): TextEdit {
  const range: Range = p.values.length
    ? { start: p.values[0].range.start, end: p.values[p.values.length - 1].range.end }
    : { start: p.keyword.range.end, end: p.keyword.range.end };
  return { range, newText: p.values.length ? newValue : ' ' + newValue };
}

/** Deletes a parameter line (the whole line when nothing but blanks and a comment shares it). */
export function deleteParam(model: AttlsModel, p: ParamNode): TextEdit {
  const src = model.doc.source;
  const line = p.range.start.line;
  const text = src.lineText(line);
  const outside = (text.slice(0, p.range.start.character) + text.slice(p.range.end.character)).replace(
    /#.*$/,
    '',
  );
  if (outside.trim() === '' && p.range.end.line === line) {
    const end = line + 1 < src.lineCount ? { line: line + 1, character: 0 } : src.lineEnd(line);
    return { range: { start: { line, character: 0 }, end }, newText: '' };
  }
  return { range: p.range, newText: '' };
}

/**
 * Where a new environment-level advanced parameter belongs: the environment's inline
 * TTLSEnvironmentAdvancedParms, else the one it references (then `shared` names it, because the
 * edit reaches every environment that references it), else a new inline block.
 */
export function addEnvironmentAdvanced(
  model: AttlsModel,
  environment: BlockNode,
  lines: readonly string[],
): { edit: TextEdit; where: string } | undefined {
  const inline = environment.children.find(
    (c): c is BlockNode => c.kind === 'block' && c.statement === 'TTLSEnvironmentAdvancedParms',
  );
  if (inline) {
    const edit = insertLines(model, inline, lines);
    return (
      edit && {
        edit,
        where: `the TTLSEnvironmentAdvancedParms of ${environment.name?.text ?? 'the environment'}`,
      }
    );
  }
  const refParam = firstParam(environment, 'TTLSEnvironmentAdvancedParmsRef');
  const target = refParam ? model.refs.get(refParam)?.targets[0] : undefined;
  if (target) {
    const edit = insertLines(model, target, lines);
    return (
      edit && {
        edit,
        where: `TTLSEnvironmentAdvancedParms ${target.name?.text ?? ''} (shared by every environment that references it)`,
      }
    );
  }
  if (refParam) {
    return undefined;
  }
  const edit = insertInlineBlock(model, environment, 'TTLSEnvironmentAdvancedParms', lines);
  return (
    edit && {
      edit,
      where: `a new TTLSEnvironmentAdvancedParms in ${environment.name?.text ?? 'the environment'}`,
    }
  );
}
