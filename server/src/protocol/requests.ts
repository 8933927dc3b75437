// Custom requests between the client and the server.
import { RequestType } from 'vscode-languageserver-protocol';

export interface EffectivePolicyParams {
  uri: string;
}

export interface EffectivePolicyResult {
  /** The effective AT-TLS policy as read-only text (in the spirit of `pasearch -t`). */
  text: string;
}

/** The effective policy of an open AT-TLS document; null when the document is not AT-TLS or not open. */
export const EffectivePolicyRequest = new RequestType<
  EffectivePolicyParams,
  EffectivePolicyResult | null,
  void
>('zosTls/effectivePolicy');
