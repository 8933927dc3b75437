// Shared by the cross-command RACF rules: where a command "runs after" another, and the edits that
// add whole commands in the carrier's own form — a new SYSTSIN line in JCL (kept inside column 72,
// continued with '-' when longer), a new line in a command file, a new literal host command in
// REXX — so every quick-fix produces text the carrier and the TSO parser read back unchanged.
import type { Fix, Position, Range, Severity, TextEdit } from '../../types';
import type { TsoCommand } from '../ast';
import type { CommandStream } from '../source';
import type { NameRef, RacfModel, RacfOwner } from '../model';

/**
 * True when `later` (a command after `earlier` in the document) runs after it in the same job or
 * exec: the same stream; in REXX every literal command is its own stream and the exec runs them in
 * order; in JCL a stream of a later step (an alternative SYSTSIN of the same step never runs too).
 */
export function runsAfter(earlier: TsoCommand, later: TsoCommand): boolean {
  const a = earlier.stream;
  const b = later.stream;
  if (a === b) {
    return true;
  }
  if (a.kind === 'rexx-literal' && b.kind === 'rexx-literal') {
    return true;
  }
  if (a.kind === 'jcl-systsin' && b.kind === 'jcl-systsin') {
    return a.step !== undefined && b.step !== undefined && a.step.name !== b.step.name;
  }
  return false;
}

/**
 * Commands that run in one go: the same stream, or one REXX exec. JCL steps are not compared, as
 * IF/THEN steps may be alternatives (Zowe's ZWEKRING options 1-3 each connect a DEFAULT).
 */
export function sameRun(a: TsoCommand, b: TsoCommand): boolean {
  return a.stream === b.stream || (a.stream.kind === 'rexx-literal' && b.stream.kind === 'rexx-literal');
}

const RUN_IDS = new WeakMap<CommandStream, string>();
let nextRunId = 0;

/**
 * A key equal for commands that sameRun calls the same run (one stream, or the whole REXX exec):
 * the one run key of the rules and of the model's indexes (firstEarlierOfGroup).
 */
export function runKey(cmd: TsoCommand): string {
  if (cmd.stream.kind === 'rexx-literal') {
    return 'rexx';
  }
  let id = RUN_IDS.get(cmd.stream);
  if (id === undefined) {
    id = `stream${nextRunId++}`;
    RUN_IDS.set(cmd.stream, id);
  }
  return id;
}

// Quick-fixes ask for the line ending and the end of a command's scope once per finding: both are
// read from the model once, so thousands of findings do not scan the text or the commands again.
const LINE_ENDINGS = new WeakMap<RacfModel, string>();
const LAST_IN_RUN = new WeakMap<RacfModel, Map<string, TsoCommand>>();

export function lineEnding(model: RacfModel): string {
  let eol = LINE_ENDINGS.get(model);
  if (eol === undefined) {
    eol = model.source.text.includes('\r\n') ? '\r\n' : '\n';
    LINE_ENDINGS.set(model, eol);
  }
  return eol;
}

/** The text of a line before the command name, when it is only blanks (the command's indentation). */
function indentOf(model: RacfModel, cmd: TsoCommand): string {
  const line = model.source.lineText(cmd.name.range.start.line);
  const lead = line.slice(0, cmd.name.range.start.character);
  return /^[ \t]*$/.test(lead) ? lead : ' ';
}

/** The REXX text before a command's opening quote (indentation, `address tso`), and the quote. */
function rexxFrame(model: RacfModel, cmd: TsoCommand): { prefix: string; quote: string } {
  const first = cmd.stream.segments[0];
  const line = model.source.lineText(first.line);
  const q = line[first.start - 1];
  const quote = q === "'" || q === '"' ? q : '"';
  const lead = line.slice(0, Math.max(0, first.start - 1));
  const prefix = /^[ \t]*(address\s+tso\s+)?$/i.test(lead) ? lead : (/^[ \t]*/.exec(lead)?.[0] ?? '');
  return { prefix, quote };
}

/** Splits a command over lines with '-' so no line passes `width` (JCL fixed records: column 72). */
function wrap(command: string, indent: string, width: number): string[] {
  const words = command.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    // Room for the indentation and the ' -' continuation.
    if (cur && indent.length + next.length + 2 > width) {
      lines.push(`${indent}${cur} -`);
      cur = w;
    } else {
      cur = next;
    }
  }
  lines.push(`${indent}${cur}`);
  return lines;
}

/** The physical lines that carry `commands` in the carrier of `like`. */
function carrierLines(model: RacfModel, like: TsoCommand, commands: string[]): string[] {
  if (like.stream.kind === 'rexx-literal') {
    const { prefix, quote } = rexxFrame(model, like);
    return commands.map((c) => `${prefix}${quote}${c.split(quote).join(quote + quote)}${quote}`);
  }
  const indent = indentOf(model, like);
  const width = like.stream.fixedRecords ? 72 : Number.MAX_SAFE_INTEGER;
  return commands.flatMap((c) => wrap(c, indent, width));
}

/** The last RACF command that runs in the scope of `cmd` (its stream; the whole exec in REXX). */
export function lastInScope(model: RacfModel, cmd: TsoCommand): TsoCommand {
  let last = LAST_IN_RUN.get(model);
  if (!last) {
    last = new Map();
    for (const c of model.racf) {
      last.set(runKey(c), c);
    }
    LAST_IN_RUN.set(model, last);
  }
  return last.get(runKey(cmd)) ?? cmd;
}

function lastLineOf(stream: CommandStream): number {
  return stream.segments[stream.segments.length - 1]?.line ?? stream.range.end.line;
}

/**
 * Appends commands where the scope of `cmd` ends: after the last line of its stream (JCL, command
 * file), or after the last literal RACF command of the exec (REXX).
 */
export function appendEdit(model: RacfModel, cmd: TsoCommand, commands: string[]): TextEdit {
  const last = lastInScope(model, cmd);
  const line = last.stream.kind === 'rexx-literal' ? lastLineOf(last.stream) : lastLineOf(cmd.stream);
  const at: Position = model.source.lineEnd(line);
  const eol = lineEnding(model);
  const lines = carrierLines(model, last, commands);
  return { range: { start: at, end: at }, newText: lines.map((l) => eol + l).join('') };
}

/** Inserts commands on new lines before the line where `cmd` starts. */
export function insertBeforeEdit(model: RacfModel, cmd: TsoCommand, commands: string[]): TextEdit {
  const line = cmd.stream.kind === 'rexx-literal' ? cmd.stream.segments[0].line : cmd.name.range.start.line;
  const at: Position = { line, character: 0 };
  const eol = lineEnding(model);
  return {
    range: { start: at, end: at },
    newText: carrierLines(model, cmd, commands)
      .map((l) => l + eol)
      .join(''),
  };
}

/**
 * Removes a whole command when it has its lines to itself (JCL, command files); undefined when the
 * lines carry anything else, or in REXX, where the clause around the literal would be left broken.
 */
export function removeCommandFix(model: RacfModel, cmd: TsoCommand, title: string): Fix | undefined {
  if (cmd.stream.kind === 'rexx-literal') {
    return undefined;
  }
  const first = cmd.range.start.line;
  const last = cmd.range.end.line;
  const before = model.source.lineText(first).slice(0, cmd.range.start.character);
  const afterText = model.source.lineText(last);
  const seg = cmd.stream.segments.find((s) => s.line === last);
  const after = afterText.slice(cmd.range.end.character, seg ? seg.end : afterText.length);
  if (before.trim() || after.trim()) {
    return undefined;
  }
  const end: Position =
    last + 1 < model.source.lineCount ? { line: last + 1, character: 0 } : model.source.lineEnd(last);
  const start: Position =
    last + 1 < model.source.lineCount || first === 0
      ? { line: first, character: 0 }
      : model.source.lineEnd(first - 1);
  return { title, edits: [{ range: { start, end }, newText: '' }] };
}

/** The text that replaces a label or ring name, quoted as the original was. */
export function renameFix(
  model: RacfModel,
  ref: NameRef,
  to: string,
  title: string,
  preferred: boolean,
): Fix {
  const quoted = model.source.getText(ref.range).startsWith("'");
  const newText = quoted ? `'${to.split("'").join("''")}'` : to;
  return { title, edits: [{ range: ref.range, newText }], ...(preferred ? { isPreferred: true } : {}) };
}

/** How the owner is written on a command (ID(x), CERTAUTH, SITE, or nothing for the issuer). */
export function ownerOperand(o: RacfOwner): string {
  return o.kind === 'ID' ? `ID(${o.written ?? o.id})` : o.kind === 'self' ? '' : o.kind;
}

/** A key equal for owners that sameOwner calls the same (user IDs as the model upper-cased them). */
export function ownerKey(o: RacfOwner): string {
  return o.kind === 'ID' ? `ID(${o.id})` : o.kind;
}

/** "ID(MQSTC)", "CERTAUTH", "the issuing user (the job's user in batch, unknown here)". */
export function ownerPhrase(o: RacfOwner): string {
  return o.kind === 'ID'
    ? `ID(${o.written ?? o.id})`
    : o.kind === 'self'
      ? "the issuing user (no ID(...): in a batch job, the job's user, unknown here)"
      : o.kind;
}

export function lineOf(cmd: TsoCommand): number {
  return cmd.name.range.start.line + 1;
}

/** The range a finding about a whole command starts at: its name (suppression comments key on its line). */
export function commandRange(cmd: TsoCommand): Range {
  return cmd.name.range;
}

export function quote(text: string): string {
  return `'${text}'`;
}

/**
 * The severity of a label or ring that nothing in the file or the workspace creates: a warning when
 * the file shows a likely mistake (a case-only or near-miss name, created only later, another
 * owner's ring), information otherwise, as it may simply exist in RACF, created outside the
 * workspace (docs/rules.md).
 */
export function unknownSeverity(mistake: boolean): Severity {
  return mistake ? 'warning' : 'information';
}

/** Where the rules looked for what creates a name: the file, and the workspace when one is known. */
export function searchedScope(model: RacfModel): string {
  return model.workspace ? 'in this file, nor any other file of the workspace,' : 'in this file';
}
