// Hovers for RACF commands in JCL, REXX and command files. Keywords, functions, key sizes, dates,
// FACILITY and RDATALIB resources and IRRD messages explain themselves through the knowledge
// renderers (racfInfo), so every fact comes from the reference tables with its source and says
// "uncertain" where the reference does. Labels and ring names are explained from the document
// itself: where this job creates them, what it connects to a ring, who is given access.
import type { HoverResult, Position } from '../features';
import type { Range } from '../types';
import type { Operand, TsoCommand } from './ast';
import type { RacfAnalysis } from './analyze';
import type { NameOccurrence } from './cursor';
import type { PermitEffect, RacfModel, RacfOwner, ResourceEffect } from './model';
import { ownerText, sameOwner } from './model';
import { LIMITS, parseRdatalibProfile, racdcertFunction, racfMessage } from '../knowledge/racfKeywords';
import {
  commandMarkdown,
  dateMarkdown,
  facilityResourceMarkdown,
  functionMarkdown,
  irrdMessageMarkdown,
  keySizeMarkdown,
  keywordMarkdown,
  rdatalibMarkdown,
} from '../knowledge/racfInfo';
import { formatDate, keyChoice, racdcertCall, sizeOf, valueText } from './rules/commandHelpers';
import { connectionsElsewhere, documentName, searchWorkspace } from './workspaceFacts';
import { codeHoverAt } from '../codes/hoverInText';
import {
  canonicalKeyword,
  commandAt,
  isCommentAt,
  nameAt,
  nodeAt,
  pathNames,
  sameNamed,
  within,
} from './cursor';

const MESSAGE_ID = /\bIRRD\d{3}[A-Z]\b/gi;
const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';
const lineNo = (r: Range): number => r.start.line + 1;
const quote = (label: string): string => `'${label.replace(/'/g, "''")}'`;

export function racfHover(a: RacfAnalysis, pos: Position): HoverResult | undefined {
  const model = a.model;
  if (pos.line < 0 || pos.line >= model.source.lineCount) {
    return undefined;
  }
  const message = messageHover(model, pos);
  if (message) {
    return message;
  }
  // Any other code in a comment (`RC=8 RSN=3070` noted after a failed run). The line is searched
  // first: isCommentAt re-reads REXX from the top, so it runs only when there is a code to show.
  const codeInText = codeHoverAt(model.source.lineText(pos.line), pos.character, { line: pos.line });
  if (codeInText?.range && isCommentAt(model, pos) && isCommentAt(model, codeInText.range.start)) {
    return codeInText;
  }
  const cmd = commandAt(model, pos);
  if (!cmd || !cmd.canonicalName) {
    return undefined;
  }
  if (within(cmd.name.range, pos)) {
    return { contents: commandMarkdown(cmd.canonicalName), range: cmd.name.range };
  }
  return cmd.canonicalName === 'RACDCERT' ? racdcertHover(model, cmd, pos) : companionHover(model, cmd, pos);
}

// ---------------------------------------------------------------------------------------------
// IRRD message ids in comments

function messageHover(model: RacfModel, pos: Position): HoverResult | undefined {
  const line = model.source.lineText(pos.line);
  for (const m of line.matchAll(MESSAGE_ID)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (pos.character < start || pos.character > end) {
      continue;
    }
    // Only ids the reference lists, and only in comments: elsewhere the text is a command operand.
    if (!racfMessage(m[0]) || !isCommentAt(model, { line: pos.line, character: start })) {
      return undefined;
    }
    return {
      contents: irrdMessageMarkdown(m[0]),
      range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } },
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// RACDCERT

function racdcertHover(model: RacfModel, cmd: TsoCommand, pos: Position): HoverResult | undefined {
  const hit = nodeAt(cmd, pos);
  if (!hit) {
    return undefined;
  }
  const call = racdcertCall(cmd);
  // Without a known function (a placeholder stands where it may be), keywords are explained from
  // the RACDCERT command's whole keyword set.
  const context = call?.fn.name ?? 'RACDCERT';
  if (hit.kind === 'keyword') {
    const range = hit.op.keyword.range;
    if (call && hit.op === call.fnOperand) {
      return { contents: functionMarkdown(call.fn.name), range };
    }
    // A top-level keyword swallowed by a subfield left open is explained as the top-level keyword.
    const lifted = call?.operands.some((o) => o.op === hit.op && o.lifted) ?? false;
    const within = lifted ? [] : pathNames(call, context, hit.path);
    const name = canonicalKeyword(context, hit.op.keyword.upper, within) ?? hit.op.keyword.upper;
    if (within.length === 0 && !call && racdcertFunction(name)) {
      return { contents: functionMarkdown(name), range };
    }
    return { contents: keywordMarkdown(context, name, within), range };
  }
  if (hit.kind === 'quoted-operand') {
    return undefined;
  }
  const value = hit.value;
  const names = pathNames(call, context, hit.path);
  const holder = names[names.length - 1];
  const parentOp = hit.path[hit.path.length - 1];
  const range = value.range;
  // A name (label, ring) first: its hover says where the document creates and uses it.
  const name = nameAt(model, pos);
  if (name && within(name.ref.range, pos)) {
    return { contents: nameMarkdown(model, name), range: name.ref.range };
  }
  if (holder === 'DATE' && names.length >= 2 && /^NOT(AFTER|BEFORE)$/.test(names[names.length - 2])) {
    const which = names[names.length - 2] as 'NOTAFTER' | 'NOTBEFORE';
    return { contents: dateMarkdown(valueText(value), localDay(model.today), which), range };
  }
  if (holder === 'SIZE' && names.length === 1 && call) {
    const key = keyChoice(call);
    const bits = sizeOf(call)?.bits;
    if (key && bits !== undefined) {
      return { contents: keySizeMarkdown(key.keyword, bits), range };
    }
  }
  // A flag inside a subfield (SIGNWITH(CERTAUTH …), CONNECT(… DEFAULT)) is a nested keyword.
  if (value.kind === 'word' && parentOp) {
    const flag = canonicalKeyword(context, value.upper, names);
    if (flag) {
      return { contents: keywordMarkdown(context, flag, names), range };
    }
  }
  // Any other value: what its keyword allows (KEYUSAGE, FORMAT and USAGE list their values).
  if (!parentOp) {
    return undefined;
  }
  if (call && parentOp === call.fnOperand) {
    return { contents: functionMarkdown(call.fn.name), range };
  }
  return { contents: keywordMarkdown(context, holder, names.slice(0, -1)), range };
}

/** Today as the local calendar day: RACF validity dates are local dates (as the date rules read them). */
function localDay(today: Date): string {
  return formatDate(today.getFullYear(), today.getMonth() + 1, today.getDate(), '-');
}

// ---------------------------------------------------------------------------------------------
// Companion commands: SETROPTS, PERMIT, RDEFINE, RALTER, RLIST

function companionHover(model: RacfModel, cmd: TsoCommand, pos: Position): HoverResult | undefined {
  const effect = model.effects.find(
    (e): e is PermitEffect | ResourceEffect =>
      e.command === cmd &&
      (e.kind === 'permit' ||
        e.kind === 'rdefine' ||
        e.kind === 'ralter' ||
        e.kind === 'rlist' ||
        e.kind === 'rdelete'),
  );
  if (effect?.profile && within(effect.profile.range, pos)) {
    const contents = resourceMarkdown(model, effect);
    return contents ? { contents, range: effect.profile.range } : undefined;
  }
  const hit = nodeAt(cmd, pos);
  if (!hit || hit.kind === 'quoted-operand') {
    return undefined;
  }
  const context = cmd.canonicalName!;
  if (hit.kind === 'keyword') {
    if (hit.path.length === 0 && isPositional(cmd, hit.op)) {
      return undefined;
    }
    const within = pathNames(undefined, context, hit.path);
    const name = canonicalKeyword(context, hit.op.keyword.upper, within) ?? hit.op.keyword.upper;
    return { contents: keywordMarkdown(context, name, within), range: hit.op.keyword.range };
  }
  const names = pathNames(undefined, context, hit.path);
  if (!names.length) {
    return undefined;
  }
  return {
    contents: keywordMarkdown(context, names[names.length - 1], names.slice(0, -1)),
    range: hit.value.range,
  };
}

/** PERMIT's profile and RDEFINE's class and profile are positional, not keywords. */
function isPositional(cmd: TsoCommand, op: Operand): boolean {
  const at = cmd.operands.indexOf(op);
  return cmd.canonicalName === 'PERMIT' ? at === 0 : cmd.canonicalName === 'SETROPTS' ? false : at <= 1;
}

function resourceMarkdown(model: RacfModel, e: PermitEffect | ResourceEffect): string | undefined {
  const profile = e.profile!.text;
  const cls = e.class ?? (/^IRR\.DIGTCERT\./i.test(profile) ? 'FACILITY' : undefined);
  let body: string;
  if (cls === 'FACILITY') {
    body = facilityResourceMarkdown(profile);
  } else if (cls === 'RDATALIB') {
    body = rdatalibMarkdown(profile);
  } else {
    return undefined;
  }
  const lines: string[] = [];
  if (e.kind === 'permit') {
    const ids = e.ids.map((i) => code(i.text)).join(', ') || 'nobody named';
    lines.push(
      e.delete
        ? `This PERMIT removes the access of ${ids} to ${code(profile)}.`
        : `This PERMIT gives ${ids} ${e.access ? code(`ACCESS(${e.access})`) : 'the default access (READ)'} to ${code(profile)}.`,
    );
  }
  const p = parseRdatalibProfile(profile);
  if (cls === 'RDATALIB' && p.kind === 'ring') {
    const rings = model.rings.filter(
      (r) => r.name && r.name.text === p.ring && r.owner.kind === 'ID' && r.owner.id === p.owner,
    );
    lines.push(
      rings.length
        ? `Ring ${code(p.ring)} of ${code(`ID(${p.owner})`)} is added on line ${rings.map((r) => lineNo(r.command.range)).join(', ')}.`
        : `This document adds no ring ${code(p.ring)} for ${code(`ID(${p.owner})`)}.`,
    );
  }
  return lines.length ? [lines.join('\n\n'), '---', body].join('\n\n') : body;
}

// ---------------------------------------------------------------------------------------------
// Labels and ring names

function ownerLabel(o: RacfOwner): string {
  return o.kind === 'self' ? 'the issuing user' : code(ownerText(o));
}

function nameMarkdown(model: RacfModel, name: NameOccurrence): string {
  return name.kind === 'label' ? labelMarkdown(model, name) : ringMarkdown(model, name);
}

function labelMarkdown(model: RacfModel, name: NameOccurrence): string {
  const all = sameNamed(model, name);
  const lines = [`**Certificate label** ${code(quote(name.ref.text))} of ${ownerLabel(name.owner)}`];
  if (name.ref.symbolic) {
    lines.push('', 'Holds a symbol or placeholder: its final text is not known here.');
  }
  const made = model.certificates.filter((c) => c.label && isNamed(name, c.owner, c.label.text));
  const relabels = model.relabels.filter((r) => isNamed(name, r.owner, r.label.text));
  for (const c of made) {
    const key = c.key
      ? ` (${c.key.keyword}${c.key.size !== undefined ? ` SIZE(${c.key.size})` : ''}${c.key.pkds ? ', key in the PKDS' : ''})`
      : '';
    const signed = c.signWith
      ? `, signed with ${c.signWith.label ? code(quote(c.signWith.label.text)) : 'a certificate'} of ${ownerLabel(c.signWith.owner)}`
      : c.function === 'GENCERT'
        ? ', self-signed'
        : '';
    const expiry = c.notAfter?.text ? `, NOTAFTER ${code(c.notAfter.text)}` : '';
    lines.push(
      '',
      `Created on line ${lineNo(c.command.range)} by \`RACDCERT ${c.function}\`${key}${signed}${expiry}.`,
    );
  }
  for (const r of relabels) {
    lines.push(
      '',
      `Named on line ${lineNo(r.command.range)} by \`RACDCERT ALTER … NEWLABEL\`${r.from ? ` (was ${code(quote(r.from.text))})` : ''}.`,
    );
  }
  if (!made.length && !relabels.length) {
    lines.push(...elsewhereLines(model, name));
  }
  const connects = model.connections.filter((c) => c.label && isNamed(name, c.certOwner, c.label.text));
  if (connects.length) {
    lines.push(
      '',
      'Connected to:',
      ...connects.map(
        (c) =>
          `- ring ${c.ring ? code(c.ring.text) : '(no ring named)'} of ${ownerLabel(c.ringOwner)}${c.usage ? ` USAGE(${c.usage.value})` : ''}${c.default ? ' DEFAULT' : ''} — line ${lineNo(c.command.range)}`,
      ),
    );
  }
  const uses = all.filter((o) => !o.declaration && o.role !== 'CONNECT');
  if (uses.length) {
    lines.push(
      '',
      `Also used by: ${uses.map((u) => `${u.role} (line ${lineNo(u.command.range)})`).join(', ')}.`,
    );
  }
  lines.push('', `Labels are case-sensitive; ${limitLine(LIMITS.label)}.`);
  return lines.join('\n');
}

function ringMarkdown(model: RacfModel, name: NameOccurrence): string {
  const lines = [`**Key ring** ${code(name.ref.text)} of ${ownerLabel(name.owner)}`];
  const added = model.rings.filter((r) => r.name && isNamed(name, r.owner, r.name.text));
  if (added.length) {
    lines.push(
      '',
      `Added on line ${added.map((r) => lineNo(r.command.range)).join(', ')} by \`RACDCERT ADDRING\`.`,
    );
  } else {
    lines.push(...elsewhereLines(model, name));
  }
  const connects = model.connections.filter((c) => c.ring && isNamed(name, c.ringOwner, c.ring.text));
  if (connects.length) {
    lines.push(
      '',
      'Connected in this document:',
      ...connects.map(
        (c) =>
          `- ${c.label ? code(quote(c.label.text)) : '(no label)'} of ${ownerLabel(c.certOwner)}${c.usage ? ` USAGE(${c.usage.value})` : ''}${c.default ? ' DEFAULT' : ''} — line ${lineNo(c.command.range)}`,
      ),
    );
  } else {
    lines.push('', 'Nothing is connected to it in this document.');
  }
  for (const u of model.ringUses) {
    if (u.ring && isNamed(name, u.ringOwner, u.ring.text) && u.kind !== 'listring') {
      lines.push(
        '',
        u.kind === 'delring'
          ? `Deleted on line ${lineNo(u.command.range)} by \`RACDCERT DELRING\`.`
          : `Line ${lineNo(u.command.range)} removes ${u.label ? code(quote(u.label.text)) : 'a certificate'} from it.`,
      );
    }
  }
  const permits = model.permits.filter((p) => {
    if (p.class !== 'RDATALIB' || !p.profile) {
      return false;
    }
    const r = parseRdatalibProfile(p.profile.text);
    return (
      r.kind === 'ring' &&
      r.ring === name.ref.text &&
      sameOwner(name.owner, { kind: 'ID', id: r.owner, symbolic: false })
    );
  });
  for (const p of permits) {
    lines.push(
      '',
      `Line ${lineNo(p.command.range)}: ${p.delete ? 'PERMIT … DELETE removes' : 'PERMIT gives'} ${p.ids.map((i) => code(i.text)).join(', ')} ${p.access ? code(`ACCESS(${p.access})`) : ''} to ${code(p.profile!.text)}.`,
    );
  }
  lines.push('', `Ring names are case-sensitive; ${limitLine(LIMITS.ringName)}.`);
  return lines.join('\n');
}

/**
 * Where a label or ring this document does not create comes from: the other document of the
 * workspace that creates it (as the cross rules find it: same owner, case-exact) and what that
 * document connects with it, or RACF itself. Lines are those of the index's last reading.
 */
function elsewhereLines(model: RacfModel, name: NameOccurrence): string[] {
  const label = name.kind === 'label';
  const shown = (text: string): string => code(label ? quote(text) : text);
  const notHere = label ? 'Not created in this document' : 'Not added in this document';
  if (!model.workspace || name.ref.symbolic) {
    return [
      '',
      `${notHere}: it must already exist in the RACF database (or another job ${label ? 'creates' : 'adds'} it) for this command to find it.`,
    ];
  }
  const s = searchWorkspace(model.workspace, name.kind, name.owner, name.ref.text);
  const at = (c: { uri: string; range: Range }): string =>
    `${code(documentName(c.uri))} (line ${lineNo(c.range)})`;
  if (s.found) {
    const lines = [
      '',
      `${notHere}, but in ${at(s.found)}, another document of the workspace: it ${label ? 'creates' : 'adds'} ${shown(s.found.name)} for ${ownerLabel(s.found.owner)}.`,
    ];
    const connects = connectionsElsewhere(model.workspace, name.kind, name.owner, name.ref.text);
    if (connects.length) {
      lines.push(
        '',
        label ? 'Connected in other documents to:' : 'Connected in other documents:',
        ...connects.map(
          (c) =>
            `- ${label ? `ring ${code(c.ring)} of ${ownerLabel(c.ringOwner)}` : `${code(quote(c.label))} of ${ownerLabel(c.certOwner)}`}${c.usage ? ` USAGE(${c.usage})` : ''}${c.default ? ' DEFAULT' : ''} — ${at(c)}`,
        ),
      );
    }
    return lines;
  }
  if (s.caseOnly) {
    return [
      '',
      `${notHere}. ${at(s.caseOnly)} ${label ? 'creates' : 'adds'} ${shown(s.caseOnly.name)} for that owner, in another case: names are case-sensitive, so this command does not find it.`,
    ];
  }
  return [
    '',
    `${notHere}, nor in any other document of the workspace: it may exist in RACF, created outside the workspace; if not, this command fails.`,
  ];
}

function limitLine(limit: { maxLength?: number; uncertain?: boolean }): string {
  return limit.maxLength !== undefined
    ? `up to ${limit.maxLength} characters${limit.uncertain ? ' (⚠ **uncertain**)' : ''}`
    : 'no length limit is recorded in the reference';
}

/** The model entry names what `name` names: same owner, the exact text (names are case-sensitive). */
function isNamed(name: NameOccurrence, owner: RacfOwner, text: string | undefined): boolean {
  return !name.ref.symbolic && name.ref.text === text && sameOwner(owner, name.owner);
}
