import type { AttlsModel } from './model';

/** The whole effective policy as text, in the spirit of `pasearch -t`, before anything is installed. */
export function renderEffectivePolicy(_model: AttlsModel): string {
  return '';
}
