// Error-tolerant parser for Policy Agent files (AT-TLS policy, main and image configuration).
// Policy Agent installs nothing when any statement is in error (attls-reference §1), so the parser
// must report every problem, and one broken brace must not hide the rest of the file.
import { SourceText } from '../text/sourceText';
import type { Fix, Range } from '../types';
import { rangeOf } from '../types';
import { GLOBAL_ONLY, inlineChildren, statementDef } from '../knowledge/attlsKeywords';
import type { AttlsParamDef } from '../knowledge/attlsKeywords';

export interface Token {
  text: string;
  range: Range;
}

/**
 * A token whose range objects are made only when someone asks: most tokens of a large policy are
 * never reported, and four objects per token made garbage collection the biggest cost of a check.
 */
class LineToken implements Token {
  private cached: Range | undefined;
  constructor(
    readonly text: string,
    readonly line: number,
    readonly start: number,
    readonly end: number,
  ) {}
  get range(): Range {
    return (this.cached ??= rangeOf(this.line, this.start, this.end));
  }
}

export interface ParamNode {
  kind: 'param';
  keyword: Token;
  /** The keyword in lower case, computed once: keywords are case-insensitive. */
  key: string;
  /** Cache of the parameter's reference definition (null: unknown here); see model.paramDefFor. */
  def?: AttlsParamDef | null;
  values: Token[];
  parent: BlockNode | undefined;
  range: Range;
}

export interface BlockNode {
  kind: 'block';
  /** The statement keyword as written; for a `{` with nothing before it, the `{` itself. */
  keyword: Token;
  /** Canonical statement name when the keyword is a known statement. */
  statement: string | undefined;
  name: Token | undefined;
  /** Tokens after the name on the header line (never valid). */
  extra: Token[];
  open: Token;
  close: Token | undefined;
  children: AttlsNode[];
  parent: BlockNode | undefined;
  range: Range;
}

export type AttlsNode = ParamNode | BlockNode;

export interface SyntaxProblem {
  message: string;
  range: Range;
  fixes?: Fix[];
}

export interface Comment {
  line: number;
  /** Text after the `#`. */
  text: string;
  range: Range;
}

export interface AttlsDocument {
  source: SourceText;
  nodes: AttlsNode[];
  problems: SyntaxProblem[];
  comments: Comment[];
}

/** Splits one line into tokens and its comment. `#` starts a comment at the start of a token. */
export function tokenizeLine(lineText: string, line: number): { tokens: Token[]; comment?: Comment } {
  const tokens: Token[] = [];
  let i = 0;
  const n = lineText.length;
  while (i < n) {
    const c = lineText.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      return { tokens, comment: { line, text: lineText.slice(i + 1), range: rangeOf(line, i, n) } };
    }
    if (c === 123 /* { */ || c === 125 /* } */) {
      tokens.push(new LineToken(lineText[i], line, i, i + 1));
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = lineText.charCodeAt(i);
      if (d === 32 || d === 9 || d === 12 || d === 11 || d === 123 || d === 125) {
        break;
      }
      i++;
    }
    tokens.push(new LineToken(lineText.slice(start, i), line, start, i));
  }
  return { tokens };
}

function spanRange(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

export function parseAttls(text: string | SourceText): AttlsDocument {
  const source = typeof text === 'string' ? new SourceText(text) : text;
  const nodes: AttlsNode[] = [];
  const problems: SyntaxProblem[] = [];
  const comments: Comment[] = [];
  const stack: BlockNode[] = [];
  // The last statement line in the current block: it becomes a block header if `{` follows.
  let pending: ParamNode | undefined;

  const current = (): AttlsNode[] => (stack.length ? stack[stack.length - 1].children : nodes);

  const closeAllBefore = (line: number, because: Token): void => {
    const inner = stack[stack.length - 1];
    problems.push({
      message:
        `'${inner.keyword.text}${inner.name ? ' ' + inner.name.text : ''}' is never closed: ` +
        `'${because.text}' cannot stand inside it, so a '}' is missing before line ${line + 1}. ` +
        'Policy Agent installs no AT-TLS policy while the file has this error.',
      range: spanRange(inner.keyword.range, (inner.name ?? inner.keyword).range),
      fixes: [
        {
          title: `Insert the missing '}' before line ${line + 1}`,
          edits: [{ range: rangeOf(line, 0, 0), newText: '}\n'.repeat(stack.length) }],
          isPreferred: true,
        },
      ],
    });
    const endPos = line > 0 ? source.lineEnd(line - 1) : { line: 0, character: 0 };
    for (const b of stack) {
      // A block opened on the very line that shows it unclosed still spans at least its header.
      const headerEnd = b.open.range.end;
      const before =
        endPos.line < headerEnd.line ||
        (endPos.line === headerEnd.line && endPos.character < headerEnd.character);
      b.range = { start: b.range.start, end: before ? headerEnd : endPos };
    }
    stack.length = 0;
  };

  for (let line = 0; line < source.lineCount; line++) {
    const { tokens, comment } = tokenizeLine(source.lineText(line), line);
    if (comment) {
      comments.push(comment);
    }
    let i = 0;
    while (i < tokens.length) {
      const tok = tokens[i];
      if (tok.text === '{') {
        const parentBlock = stack[stack.length - 1];
        const header: ParamNode | undefined = pending;
        pending = undefined;
        if (header) {
          const siblings = header.parent ? header.parent.children : nodes;
          const stmt = statementDef(header.keyword.text);
          const named = header.values.length > 0;
          const allowedHere = parentBlock
            ? inlineChildren(parentBlock.statement ?? '').has(stmt?.name ?? '')
            : true;
          if (stmt && parentBlock && !allowedHere && (named || GLOBAL_ONLY.has(stmt.name))) {
            // A top-level statement inside a block: the block above it lost its '}'.
            // The header is the last node pushed: lastIndexOf finds it at once (indexOf made the
            // parse quadratic in the number of top-level statements).
            siblings.splice(siblings.lastIndexOf(header), 1);
            closeAllBefore(header.range.start.line, header.keyword);
            header.parent = undefined;
            nodes.push(header);
          }
          const container = header.parent ? header.parent.children : nodes;
          const block: BlockNode = {
            kind: 'block',
            keyword: header.keyword,
            statement: stmt?.name,
            name: header.values[0],
            extra: header.values.slice(1),
            open: tok,
            close: undefined,
            children: [],
            parent: header.parent,
            range: spanRange(header.range, tok.range),
          };
          container[container.lastIndexOf(header)] = block;
          stack.push(block);
        } else {
          problems.push({
            message:
              "'{' has no statement before it: write the statement type and its name on the line above.",
            range: tok.range,
          });
          const block: BlockNode = {
            kind: 'block',
            keyword: tok,
            statement: undefined,
            name: undefined,
            extra: [],
            open: tok,
            close: undefined,
            children: [],
            parent: parentBlock,
            range: tok.range,
          };
          current().push(block);
          stack.push(block);
        }
        i++;
        continue;
      }
      if (tok.text === '}') {
        pending = undefined;
        const block = stack.pop();
        if (block) {
          block.close = tok;
          block.range = spanRange(block.range, tok.range);
        } else {
          problems.push({
            message:
              "'}' closes nothing: there is no open '{' before it. Remove it or add the missing statement.",
            range: tok.range,
            fixes: [{ title: "Remove the extra '}'", edits: [{ range: tok.range, newText: '' }] }],
          });
        }
        i++;
        continue;
      }
      let j = i + 1;
      while (j < tokens.length && tokens[j].text !== '{' && tokens[j].text !== '}') {
        j++;
      }
      const parent = stack[stack.length - 1];
      const param: ParamNode = {
        kind: 'param',
        keyword: tok,
        key: tok.text.toLowerCase(),
        def: undefined,
        values: tokens.slice(i + 1, j),
        parent,
        range: rangeOf(line, (tok as LineToken).start, (tokens[j - 1] as LineToken).end),
      };
      current().push(param);
      pending = param;
      i = j;
    }
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const b = stack[k];
    const last = source.lineCount - 1;
    b.range = { start: b.range.start, end: source.lineEnd(last) };
    problems.push({
      message:
        `'${b.keyword.text}${b.name ? ' ' + b.name.text : ''}' is never closed: the file ends before its '}'. ` +
        'Policy Agent installs no AT-TLS policy while the file has this error.',
      range: spanRange(b.keyword.range, (b.name ?? b.keyword).range),
      fixes: [
        {
          title: "Add the missing '}' at the end of the file",
          edits: [{ range: { start: b.range.end, end: b.range.end }, newText: '\n}' }],
          isPreferred: true,
        },
      ],
    });
  }
  return { source, nodes, problems, comments };
}

/** Depth-first walk over every node. */
export function* walk(nodes: readonly AttlsNode[]): Generator<AttlsNode> {
  for (const n of nodes) {
    yield n;
    if (n.kind === 'block') {
      yield* walk(n.children);
    }
  }
}
