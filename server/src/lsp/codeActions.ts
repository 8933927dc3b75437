// textDocument/codeAction: the client's diagnostics are matched back to the findings that were
// published (by the index in their `data`, else by rule and range), and the service builds the
// actions from those findings: their fixes, then "Disable <rule> for this line".
import type { CodeAction, Connection } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { LanguageService } from '../service';
import type { Documents } from './documents';
import { inputOf } from './documents';
import type { DiagnosticsSupport } from './diagnostics';
import { runSafeAsync } from './runSafe';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix];

export function registerCodeActions(
  connection: Connection,
  documents: Documents,
  service: LanguageService,
  diagnostics: DiagnosticsSupport,
): void {
  connection.onCodeAction((params, token) =>
    runSafeAsync<CodeAction[]>(
      connection.console,
      async () => {
        const doc = documents.get(params.textDocument.uri);
        const only = params.context.only;
        // `only` names kinds or their parents ('' is the root): answer when one of them covers quickfix.
        const wanted =
          !only ||
          only.some(
            (k) =>
              k === CodeActionKind.Empty ||
              CodeActionKind.QuickFix === k ||
              CodeActionKind.QuickFix.startsWith(`${k}.`),
          );
        if (!doc || !wanted) {
          return [];
        }
        const matched = await diagnostics.findingsFor(doc, params.context.diagnostics);
        if (!matched.length) {
          return [];
        }
        const actions = service.codeActions(
          inputOf(doc),
          params.range,
          matched.map((m) => m.finding),
        );
        return actions.map((a): CodeAction => {
          const action: CodeAction = {
            title: a.title,
            kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.Source,
            edit: a.edit,
          };
          if (a.isPreferred !== undefined) {
            action.isPreferred = a.isPreferred;
          }
          if (a.findingIndex !== undefined && matched[a.findingIndex]) {
            action.diagnostics = [matched[a.findingIndex].diagnostic];
          }
          return action;
        });
      },
      [],
      `codeAction in ${params.textDocument.uri}`,
      token,
    ),
  );
}
