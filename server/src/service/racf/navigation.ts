// Go to definition, references, outline and folding for RACF command documents. A label or ring
// name means one certificate or ring only together with its owner, and RACF compares the text
// exactly (labels and ring names are case-sensitive), so a use leads to the WITHLABEL, ALTER
// NEWLABEL or ADDRING of the same owner with the same text. The outline of a JCL job is its steps
// (step name, program) with the commands of their SYSTSIN streams inside.
import type { DocumentSymbolResult, FoldingRangeResult, Position, Range, SymbolKindName } from '../features';
import type { TsoCommand } from './ast';
import type { RacfAnalysis } from './analyze';
import type { RacfModel } from './model';
import type { JclStep } from './jcl';
import { parseJcl } from './jcl';
import { nameAt, sameNamed } from './cursor';
import { racdcertCall, singleValue, top, valueText } from './rules/commandHelpers';

/** The WITHLABEL / ALTER NEWLABEL / ADDRING that creates the label or ring at `pos`. */
export function racfDefinition(a: RacfAnalysis, pos: Position): Range[] {
  const at = nameAt(a.model, pos);
  if (!at) {
    return [];
  }
  if (at.declaration) {
    return [at.ref.range];
  }
  return sameNamed(a.model, at)
    .filter((o) => o.declaration)
    .map((o) => o.ref.range);
}

/** Every place the label or ring at `pos` is created or used, in document order. */
export function racfReferences(a: RacfAnalysis, pos: Position, includeDeclaration: boolean): Range[] {
  const at = nameAt(a.model, pos);
  if (!at) {
    return [];
  }
  const same = at.ref.symbolic ? [at] : sameNamed(a.model, at);
  return same
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => o.ref.range)
    .sort((x, y) => x.start.line - y.start.line || x.start.character - y.start.character);
}

// ---------------------------------------------------------------------------------------------
// Outline

const quote = (label: string): string => `'${label.replace(/'/g, "''")}'`;

function text(v: ReturnType<typeof singleValue>): string | undefined {
  return v ? valueText(v) : undefined;
}

/** `RACDCERT GENCERT 'label'`, `RACDCERT ADDRING ring`, `SETROPTS REFRESH`, `PERMIT profile`. */
// One pass per model and list: looking each command's effect up with find() made the outline of
// a large job quadratic.
const firstByCommand = new WeakMap<RacfModel, Map<string, Map<TsoCommand, unknown>>>();
function firstBy<T extends { command: TsoCommand }>(
  model: RacfModel,
  key: string,
  list: readonly T[],
  cmd: TsoCommand,
): T | undefined {
  let perModel = firstByCommand.get(model);
  if (!perModel) {
    firstByCommand.set(model, (perModel = new Map()));
  }
  let index = perModel.get(key);
  if (!index) {
    index = new Map();
    for (const item of list) {
      if (!index.has(item.command)) {
        index.set(item.command, item);
      }
    }
    perModel.set(key, index);
  }
  return index.get(cmd) as T | undefined;
}

function commandSymbolName(model: RacfModel, cmd: TsoCommand): { name: string; detail?: string } {
  const written = cmd.name.text.toUpperCase();
  switch (cmd.canonicalName) {
    case 'RACDCERT': {
      const call = racdcertCall(cmd);
      if (!call) {
        return { name: 'RACDCERT' };
      }
      const fn = call.fn.name;
      const effect = firstBy(model, 'model.effects', model.effects, cmd);
      let what: string | undefined;
      let detail: string | undefined;
      if (effect?.kind === 'certificate') {
        what = effect.label ? quote(effect.label.text) : undefined;
        detail = effect.key
          ? `${effect.key.keyword}${effect.key.size ? ` ${effect.key.size}` : ''}`
          : undefined;
      } else if (effect?.kind === 'ring' || effect?.kind === 'delring' || effect?.kind === 'listring') {
        what = effect.kind === 'ring' ? effect.name?.text : effect.ring?.text;
      } else if (effect?.kind === 'connect' || effect?.kind === 'remove') {
        what = effect.label ? quote(effect.label.text) : undefined;
        detail = effect.ring
          ? `${effect.kind === 'connect' ? 'to' : 'from'} ring ${effect.ring.text}`
          : undefined;
      } else if (effect?.kind === 'relabel') {
        what = effect.from ? quote(effect.from.text) : undefined;
        detail = `new label ${quote(effect.label.text)}`;
      } else if (effect?.kind === 'delete') {
        what = effect.label ? quote(effect.label.text) : undefined;
      } else if (call.fnOperand) {
        const label = call.fnOperand.values.find((v) => v.kind === 'operand' && v.keyword.upper === 'LABEL');
        what = label?.kind === 'operand' ? text(singleValue(label)) : undefined;
        what = what !== undefined ? quote(what) : undefined;
      }
      const id = top(call, 'ID');
      const owner = id ? text(singleValue(id)) : undefined;
      const ownerPart = owner
        ? `ID(${owner})`
        : call.operands.some((o) => o.name === 'CERTAUTH')
          ? 'CERTAUTH'
          : call.operands.some((o) => o.name === 'SITE')
            ? 'SITE'
            : undefined;
      return {
        name: `RACDCERT ${fn}${what ? ` ${what}` : ''}`,
        detail: [ownerPart, detail].filter(Boolean).join(' · ') || undefined,
      };
    }
    case 'SETROPTS': {
      const refresh = firstBy(model, 'model.refreshes', model.refreshes, cmd);
      if (refresh) {
        return {
          name: refresh.refresh ? 'SETROPTS REFRESH' : 'SETROPTS RACLIST',
          detail: `RACLIST(${refresh.classes.map((c) => c.text).join(' ')})`,
        };
      }
      return { name: 'SETROPTS', detail: cmd.operands.map((o) => o.keyword.upper).join(' ') || undefined };
    }
    case 'PERMIT': {
      const p = firstBy(model, 'model.permits', model.permits, cmd);
      const parts = [
        p?.class ? `CLASS(${p.class})` : undefined,
        p?.ids.length ? `ID(${p.ids.map((i) => i.text).join(' ')})` : undefined,
        p?.access ? `ACCESS(${p.access})` : undefined,
        p?.delete ? 'DELETE' : undefined,
      ];
      return {
        name: `PERMIT${p?.profile ? ` ${p.profile.text}` : ''}`,
        detail: parts.filter(Boolean).join(' ') || undefined,
      };
    }
    case 'RDEFINE':
    case 'RALTER':
    case 'RLIST':
    case 'RDELETE': {
      const r = firstBy(model, 'model.resources', model.resources, cmd);
      return {
        name: [cmd.canonicalName, r?.class, r?.profile?.text].filter(Boolean).join(' '),
      };
    }
    default:
      return { name: written };
  }
}

function commandKind(cmd: TsoCommand): SymbolKindName {
  return cmd.canonicalName === 'RACDCERT' ? 'object' : cmd.canonicalName ? 'key' : 'field';
}

function commandSymbol(model: RacfModel, cmd: TsoCommand): DocumentSymbolResult {
  const { name, detail } = commandSymbolName(model, cmd);
  return {
    // Editors reject an empty symbol name (a stray ')' parses as a nameless command).
    name: name.trim() || cmd.text.trim().slice(0, 40) || '(command)',
    ...(detail ? { detail } : {}),
    kind: commandKind(cmd),
    range: cmd.range,
    selectionRange: cmd.name.range,
    children: [],
  };
}

function stepSymbol(step: JclStep, commands: TsoCommand[], model: RacfModel): DocumentSymbolResult {
  const st = step.statement;
  // The step runs from its EXEC statement to the last of its DD statements and in-stream data.
  let endLine = st.endLine;
  for (const dd of step.dds) {
    endLine = Math.max(endLine, dd.statement.endLine);
    const data = dd.instream;
    if (data) {
      endLine = Math.max(endLine, data.delimiterLine ?? data.endLine - 1);
    }
  }
  for (const c of commands) {
    endLine = Math.max(endLine, c.range.end.line);
  }
  const end = model.source.lineEnd(Math.min(endLine, model.source.lineCount - 1));
  return {
    name: step.name || '(unnamed step)',
    detail: step.program ? `PGM=${step.program}` : undefined,
    kind: 'namespace',
    range: {
      start: st.range.start,
      end: end.line === st.range.end.line && end.character < st.range.end.character ? st.range.end : end,
    },
    selectionRange: st.nameRange ?? st.opRange,
    children: commands.map((c) => commandSymbol(model, c)),
  };
}

// The outline and the folding ranges depend on the model only, and an editor asks for them after
// every change and scroll: built once per model (the facade keeps the analysis of each version),
// so a request on a large job costs a lookup. Callers map the results and never change them.
const SYMBOLS = new WeakMap<RacfModel, DocumentSymbolResult[]>();
const FOLDING = new WeakMap<RacfModel, FoldingRangeResult[]>();

export function racfSymbols(a: RacfAnalysis): DocumentSymbolResult[] {
  let symbols = SYMBOLS.get(a.model);
  if (!symbols) {
    symbols = buildSymbols(a.model);
    SYMBOLS.set(a.model, symbols);
  }
  return symbols;
}

function buildSymbols(model: RacfModel): DocumentSymbolResult[] {
  if (model.language !== 'jcl') {
    return model.commands.map((c) => commandSymbol(model, c));
  }
  const job = parseJcl(model.source);
  const placed = new Set<TsoCommand>();
  const out: DocumentSymbolResult[] = [];
  // Commands grouped by the line of their step's EXEC in one pass: filtering all commands once per
  // step made the outline of a large job quadratic.
  const byStepLine = new Map<number, TsoCommand[]>();
  for (const c of model.commands) {
    const line = c.stream.step?.range.start.line;
    if (line !== undefined) {
      const list = byStepLine.get(line);
      if (list) {
        list.push(c);
      } else {
        byStepLine.set(line, [c]);
      }
    }
  }
  for (const step of job.steps) {
    const commands = byStepLine.get(step.statement.range.start.line) ?? [];
    commands.forEach((c) => placed.add(c));
    out.push(stepSymbol(step, commands, model));
  }
  // Commands whose step the JCL reader could not name stay visible at the top level.
  for (const c of model.commands) {
    if (!placed.has(c)) {
      out.push(commandSymbol(model, c));
    }
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line);
}

export function racfFolding(a: RacfAnalysis): FoldingRangeResult[] {
  let folding = FOLDING.get(a.model);
  if (!folding) {
    folding = buildFolding(a);
    FOLDING.set(a.model, folding);
  }
  return folding;
}

function buildFolding(a: RacfAnalysis): FoldingRangeResult[] {
  const out: FoldingRangeResult[] = [];
  const symbols = racfSymbols(a);
  const visit = (list: readonly DocumentSymbolResult[]): void => {
    for (const s of list) {
      if (s.range.end.line > s.range.start.line) {
        out.push({ startLine: s.range.start.line, endLine: s.range.end.line });
      }
      visit(s.children);
    }
  };
  visit(symbols);
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}
