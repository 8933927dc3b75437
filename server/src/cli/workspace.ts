// `zos-tls check` over several files: the files checked together are one workspace, so a label or
// ring that one job creates satisfies another job's reference (issue 3). A first pass reads what
// each RACF file creates; the check itself then runs with those facts.
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MAX_CHECKED_CHARS, detectLanguage } from '../service';
import type { RacfFacts, RacfWorkspace } from '../service/racf/workspaceFacts';
import { createRacfWorkspace, racfFactsOf } from '../service/racf/workspaceFacts';
import { decodeBytes } from '../service/text/decode';
import type { Target } from './files';
import { HEAD_BYTES, MAX_FILE_BYTES, READ_CAP_BYTES, readStart } from './files';

/** The uri the check gives a target's document (the workspace skips a document's own facts by it). */
export function targetUri(target: Target): string {
  return pathToFileURL(target.absolute).href;
}

/**
 * What the RACF files among the targets create. Files that cannot be read or are no RACF carrier
 * are passed over in silence: the check that follows reports them.
 */
export function collectCliWorkspace(targets: readonly Target[]): RacfWorkspace {
  const facts: RacfFacts[] = [];
  for (const target of targets) {
    const f = factsOfTarget(target);
    if (f) {
      facts.push(f);
    }
  }
  return createRacfWorkspace(facts);
}

function factsOfTarget(target: Target): RacfFacts | undefined {
  try {
    let language = detectLanguage(target.absolute, undefined);
    if (language === 'attls' || language === 'xml') {
      return undefined;
    }
    if (!language) {
      // As the check does: look at the start of an unknown file before reading all of it.
      const head = decodeBytes(readStart(target.absolute, HEAD_BYTES).bytes);
      const byHead = head.binary ? undefined : detectLanguage(target.absolute, head.text);
      // Policies and Liberty files create no RACF labels or rings: not read further.
      if (!byHead || byHead === 'attls' || byHead === 'xml') {
        return undefined;
      }
    }
    if (statSync(target.absolute).size > MAX_FILE_BYTES) {
      return undefined;
    }
    const decoded = decodeBytes(readStart(target.absolute, READ_CAP_BYTES).bytes);
    if (decoded.binary) {
      return undefined;
    }
    const text = decoded.text.slice(0, MAX_CHECKED_CHARS);
    language ??= detectLanguage(target.absolute, text);
    return language === 'jcl' || language === 'rexx' || language === 'racf'
      ? racfFactsOf(targetUri(target), text, language)
      : undefined;
  } catch {
    return undefined;
  }
}
