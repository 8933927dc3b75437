// zosTls/effectivePolicy: the policy as Policy Agent would install it, for the client's read-only view.
import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from '../service';
import { RequestType } from 'vscode-languageserver/node';
import type { EffectivePolicyParams, EffectivePolicyResult } from '../protocol/requests';
import { EFFECTIVE_POLICY_METHOD } from '../protocol/requests';
import type { Documents } from './documents';
import { inputOf } from './documents';
import type { SettingsStore } from './settings';

export const EffectivePolicyRequest = new RequestType<
  EffectivePolicyParams,
  EffectivePolicyResult | null,
  void
>(EFFECTIVE_POLICY_METHOD);
import { toAnalyzeOptions } from './settings';
import { runSafeAsync } from './runSafe';

export function registerEffectivePolicy(
  connection: Connection,
  documents: Documents,
  service: LanguageService,
  settings: SettingsStore,
): void {
  connection.onRequest(EffectivePolicyRequest, (params, token) =>
    runSafeAsync<EffectivePolicyResult | null>(
      connection.console,
      async () => {
        const uri = typeof params?.uri === 'string' ? params.uri : undefined;
        const doc = uri ? documents.get(uri) : undefined;
        if (!doc) {
          return null;
        }
        const text = service.effectivePolicy(inputOf(doc), toAnalyzeOptions(await settings.get()));
        return text === undefined ? null : { text };
      },
      null,
      `zosTls/effectivePolicy for ${params?.uri}`,
      token,
    ),
  );
}
