// Go to definition, references, rename, outline and folding. Statement names are case-sensitive
// and a Ref names a statement of one fixed type (attls-reference §2, §4.1), so a name only matches
// a Ref when both the exact text and the target type agree.
import type { DocumentSymbolResult, FoldingRangeResult, Position, Range } from '../features';
import type { SymbolKindName } from '../features';
import type { TextEdit } from '../types';
import type { AttlsAnalysis } from './analyze';
import type { AttlsModel } from './model';
import { paramValue, paramsOf } from './model';
import type { AttlsNode, BlockNode, ParamNode, Token } from './parser';
import { statementDef } from '../knowledge/attlsKeywords';
import type { NameTarget } from './cursor';
import { nameAt } from './cursor';

/** Global statements of `type` called exactly `name`. */
function declarations(model: AttlsModel, type: string, name: string): BlockNode[] {
  return model.globals.get(type)?.get(name) ?? [];
}

/** Ref values naming `name` with target type `type`, in file order. */
function refTokens(model: AttlsModel, type: string, name: string): Token[] {
  const out: Token[] = [];
  for (const [param, res] of model.refs) {
    const v = param.values[0];
    if (v && res.targetType === type && v.text === name) {
      out.push(v);
    }
  }
  return out;
}

/** Ranges of the statement(s) the name or Ref at `pos` refers to. */
export function attlsDefinition(a: AttlsAnalysis, pos: Position): Range[] {
  const t = nameAt(a.model, pos);
  if (!t) {
    return [];
  }
  if (t.kind === 'declaration') {
    return [t.token.range];
  }
  return t.resolution.targets.map((b) => (b.name ?? b.keyword).range);
}

export function attlsReferences(a: AttlsAnalysis, pos: Position, includeDeclaration: boolean): Range[] {
  const t = nameAt(a.model, pos);
  if (!t) {
    return [];
  }
  if (t.kind === 'declaration' && !t.global) {
    // An inline statement's name is never the target of a Ref (Refs name global statements only).
    return includeDeclaration ? [t.token.range] : [];
  }
  const refs = refTokens(a.model, t.type, t.name).map((v) => v.range);
  if (!includeDeclaration) {
    return refs;
  }
  const decls = declarations(a.model, t.type, t.name).map((b) => b.name!.range);
  return [...decls, ...refs];
}

function renameTarget(model: AttlsModel, pos: Position): NameTarget | undefined {
  const t = nameAt(model, pos);
  return t && (t.kind === 'ref' || t.global) ? t : undefined;
}

export function attlsPrepareRename(
  a: AttlsAnalysis,
  pos: Position,
): { range: Range; placeholder: string } | undefined {
  const t = renameTarget(a.model, pos);
  return t ? { range: t.token.range, placeholder: t.name } : undefined;
}

const MAX_NAME = 32;

/** Why `newName` cannot name a `type` statement, or undefined when it can (attls-reference §2 "Names"). */
function invalidName(model: AttlsModel, type: string, oldName: string, newName: string): string | undefined {
  if (newName.length === 0) {
    return 'A statement name cannot be empty.';
  }
  if (/\s/.test(newName)) {
    return 'A statement name cannot contain blanks: Policy Agent would read the rest as another value.';
  }
  if (/[{}#]/.test(newName)) {
    return "A statement name cannot contain '{', '}' or '#': they are braces and the comment sign.";
  }
  if (newName.length > MAX_NAME) {
    return `A statement name is 1 to ${MAX_NAME} characters; '${newName}' has ${newName.length}.`;
  }
  if (newName !== oldName && declarations(model, type, newName).length > 0) {
    return `Another ${type} is already called '${newName}'.`;
  }
  return undefined;
}

export function attlsRename(
  a: AttlsAnalysis,
  pos: Position,
  newName: string,
): TextEdit[] | { error: string } {
  const t = renameTarget(a.model, pos);
  if (!t) {
    return { error: 'Only the name of a global statement or a Ref value can be renamed here.' };
  }
  const error = invalidName(a.model, t.type, t.name, newName);
  if (error) {
    return { error };
  }
  if (newName === t.name) {
    return [];
  }
  const tokens = [
    ...declarations(a.model, t.type, t.name).map((b) => b.name!),
    ...refTokens(a.model, t.type, t.name),
  ];
  return tokens.map((tok) => ({ range: tok.range, newText: newName }));
}

const ACTIONS = new Set(['TTLSGroupAction', 'TTLSEnvironmentAction', 'TTLSConnectionAction']);
const OBJECTS = new Set(['IpAddr', 'IpAddrSet', 'IpAddrGroup', 'PortRange', 'PortGroup', 'IpTimeCondition']);

function symbolKind(statement: string | undefined): SymbolKindName {
  if (statement === 'TTLSRule') {
    return 'class';
  }
  if (statement && ACTIONS.has(statement)) {
    return 'object';
  }
  if (statement && OBJECTS.has(statement)) {
    return 'namespace';
  }
  return statement?.endsWith('Parms') ? 'struct' : 'field';
}

function value(block: BlockNode, keyword: string): string | undefined {
  return paramValue(paramsOf(block, keyword)[0]);
}

/** One short line that tells blocks of the same type apart in the outline. */
function blockDetail(b: BlockNode): string | undefined {
  const parts: string[] = [];
  const add = (label: string, keyword: string): void => {
    const v = value(b, keyword);
    if (v !== undefined) {
      parts.push(label ? `${label} ${v}` : v);
    }
  };
  switch (b.statement) {
    case 'TTLSRule':
      add('', 'Direction');
      add('local port', 'LocalPortRange');
      add('local ports', 'LocalPortRangeRef');
      add('local ports', 'LocalPortGroupRef');
      add('remote port', 'RemotePortRange');
      add('remote ports', 'RemotePortRangeRef');
      add('remote ports', 'RemotePortGroupRef');
      add('job', 'Jobname');
      break;
    case 'TTLSEnvironmentAction':
    case 'TTLSConnectionAction':
      add('', 'HandshakeRole');
      break;
    case 'TTLSGroupAction':
      add('TTLSEnabled', 'TTLSEnabled');
      break;
    case 'TTLSKeyringParms':
      add('', 'Keyring');
      break;
    case 'IpAddr':
      add('', 'Addr');
      break;
    case 'PortRange':
      add('', 'Port');
      break;
    default:
      break;
  }
  return parts.length ? parts.join(' · ') : undefined;
}

function blockSymbol(b: BlockNode): DocumentSymbolResult {
  const statement = b.statement ?? (b.keyword.text === '{' ? '(block without statement)' : b.keyword.text);
  return {
    name: b.name ? `${statement} ${b.name.text}` : statement,
    detail: blockDetail(b),
    kind: symbolKind(b.statement),
    range: b.range,
    selectionRange: (b.name ?? b.keyword).range,
    children: b.children.map(childSymbol),
  };
}

function paramSymbol(p: ParamNode, kind: SymbolKindName): DocumentSymbolResult {
  return {
    name: p.keyword.text,
    detail: paramValue(p),
    kind,
    range: p.range,
    selectionRange: p.keyword.range,
    children: [],
  };
}

function childSymbol(n: AttlsNode): DocumentSymbolResult {
  return n.kind === 'block' ? blockSymbol(n) : paramSymbol(n, 'property');
}

export function attlsSymbols(a: AttlsAnalysis): DocumentSymbolResult[] {
  const out: DocumentSymbolResult[] = [];
  for (const n of a.model.doc.nodes) {
    if (n.kind === 'block') {
      out.push(blockSymbol(n));
    } else if (statementDef(n.keyword.text)?.lineStatement) {
      // Main/image file statements (TcpImage, TTLSConfig, ...) stand alone on one line.
      out.push(paramSymbol(n, 'key'));
    }
  }
  return out;
}

export function attlsFolding(a: AttlsAnalysis): FoldingRangeResult[] {
  const out: FoldingRangeResult[] = [];
  const visit = (nodes: readonly AttlsNode[]): void => {
    for (const n of nodes) {
      if (n.kind !== 'block') {
        continue;
      }
      const endLine = n.close ? n.close.range.start.line : n.range.end.line;
      if (endLine > n.range.start.line) {
        out.push({ startLine: n.range.start.line, endLine });
      }
      visit(n.children);
    }
  };
  visit(a.model.doc.nodes);

  // Runs of whole-line comments; a comment after a value does not start or extend a run.
  const source = a.model.doc.source;
  let runStart = -1;
  let last = -2;
  const flush = (): void => {
    if (runStart >= 0 && last > runStart) {
      out.push({ startLine: runStart, endLine: last, kind: 'comment' });
    }
  };
  for (const c of a.model.doc.comments) {
    const whole = source.lineText(c.line).slice(0, c.range.start.character).trim() === '';
    if (!whole) {
      continue;
    }
    if (c.line !== last + 1) {
      flush();
      runStart = c.line;
    }
    last = c.line;
  }
  flush();
  out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
  return out;
}
