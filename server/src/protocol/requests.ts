// Custom requests between the client and the server. Plain names and types only: the client bundles
// this folder, and importing a JSON-RPC library here put a second copy of it in the client.

export interface EffectivePolicyParams {
  uri: string;
}

export interface EffectivePolicyResult {
  /** The effective AT-TLS policy as read-only text (in the spirit of `pasearch -t`). */
  text: string;
}

/** The effective policy of an open AT-TLS document; null when the document is not AT-TLS or not open. */
export const EFFECTIVE_POLICY_METHOD = 'zosTls/effectivePolicy';
