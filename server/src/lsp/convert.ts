// Service results → LSP types. The service speaks plain data with LSP-compatible positions, so
// most conversions are renames of enums.
import type {
  CompletionItem,
  Diagnostic,
  DiagnosticRelatedInformation,
  DocumentSymbol,
  FoldingRange,
  Hover,
} from 'vscode-languageserver';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
} from 'vscode-languageserver';
import type {
  CompletionEntry,
  CompletionKind,
  DocumentSymbolResult,
  Finding,
  FoldingRangeResult,
  HoverResult,
  Severity,
  SymbolKindName,
} from '../service';

/** Data carried by each of our diagnostics, so that a code action request can find its finding. */
export interface DiagnosticData {
  /** Index of the finding in the list published for `version`. */
  index: number;
  version: number | undefined;
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { index?: unknown }).index === 'number' &&
    ['number', 'undefined'].includes(typeof (v as { version?: unknown }).version)
  );
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(
  uri: string,
  finding: Finding,
  index: number,
  version: number | undefined,
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    // A link only where there is a real page to open: the project has no hosted catalogue yet.
    ...(finding.href ? { codeDescription: { href: finding.href } } : {}),
    source: 'zos-tls',
    message: finding.message,
    data: { index, version } satisfies DiagnosticData,
  };
  const tags: DiagnosticTag[] = [];
  if (finding.tags?.includes('unnecessary')) {
    tags.push(DiagnosticTag.Unnecessary);
  }
  if (finding.tags?.includes('deprecated')) {
    tags.push(DiagnosticTag.Deprecated);
  }
  if (tags.length) {
    diagnostic.tags = tags;
  }
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => ({
      location: { uri: r.uri ?? uri, range: r.range },
      message: r.message,
    }));
  }
  return diagnostic;
}

export function toHover(h: HoverResult): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: h.contents },
    ...(h.range ? { range: h.range } : {}),
  };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  constant: CompletionItemKind.Constant,
};

export function toCompletionItem(e: CompletionEntry, snippetSupport: boolean): CompletionItem {
  const item: CompletionItem = { label: e.label, kind: COMPLETION_KIND[e.kind] };
  if (e.detail !== undefined) {
    item.detail = e.detail;
  }
  if (e.documentation !== undefined) {
    item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
  }
  if (e.sortText !== undefined) {
    item.sortText = e.sortText;
  }
  if (e.filterText !== undefined) {
    item.filterText = e.filterText;
  }
  let text = e.insertText ?? e.label;
  let format: InsertTextFormat = InsertTextFormat.PlainText;
  if (e.snippet) {
    if (snippetSupport) {
      format = InsertTextFormat.Snippet;
    } else {
      // A client without snippets would insert "${1:name}" literally; strip the placeholders.
      text = text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
    }
  }
  item.insertTextFormat = format;
  if (e.range) {
    item.textEdit = { range: e.range, newText: text };
  } else {
    item.insertText = text;
  }
  return item;
}

const SYMBOL_KIND: Record<SymbolKindName, SymbolKind> = {
  class: SymbolKind.Class,
  object: SymbolKind.Object,
  property: SymbolKind.Property,
  struct: SymbolKind.Struct,
  namespace: SymbolKind.Namespace,
  field: SymbolKind.Field,
  key: SymbolKind.Key,
};

export function toDocumentSymbol(s: DocumentSymbolResult): DocumentSymbol {
  return {
    // LSP forbids an empty name (VS Code throws on it); an unnamed block still needs a label.
    name: s.name || '(unnamed)',
    ...(s.detail !== undefined ? { detail: s.detail } : {}),
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

export function toFoldingRange(f: FoldingRangeResult): FoldingRange {
  const r: FoldingRange = { startLine: f.startLine, endLine: f.endLine };
  if (f.kind === 'comment') {
    r.kind = FoldingRangeKind.Comment;
  } else if (f.kind === 'region') {
    r.kind = FoldingRangeKind.Region;
  }
  return r;
}
