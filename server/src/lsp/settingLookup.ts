// The workspace setting lookup for the trace viewer (issue 6): trace findings link to the lines of
// the AT-TLS policies, RACF jobs and Liberty server.xml files the user has, through
// createSettingLookup (service/trace/settingLookup.ts). What it reads: the open documents (their
// unsaved text is what the user sees), Liberty includes and configDropins through the server's
// config reader (open documents first, the disk only in a trusted workspace), and the RACF files
// the workspace index holds — files on disk the index keeps only in a trusted workspace (scan,
// file events and close read the disk only then), so reading them here reads nothing an untrusted
// workspace would not show.
import type { ConfigFileReader } from '../service';
import { documentKey } from '../service/racf/workspaceFacts';
import type { SettingLookup } from '../service/trace/rules/settings';
import { createSettingLookup } from '../service/trace/settingLookup';
import type { SettingDocument } from '../service/trace/settingLookup';
import { filePathOf, readConfigFile } from '../cli/configFiles';
import type { OpenDocuments } from './configFiles';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * A lookup over the workspace as it is when first asked: built on the first call (a trace with
 * no finding that names a setting reads nothing), then map reads. Make one per trace indexed, so
 * edits made since count.
 */
export function workspaceSettingLookup(
  documents: OpenDocuments,
  workspaceIndex?: Pick<WorkspaceIndex, 'workspace'>,
  configFiles?: ConfigFileReader,
): SettingLookup {
  let lookup: SettingLookup | undefined;
  return (kind, name) => {
    lookup ??= createSettingLookup(workspaceDocuments(documents, workspaceIndex), { configFiles });
    return lookup(kind, name);
  };
}

/** The open documents, then the indexed RACF files that are not open, read from disk. */
export function workspaceDocuments(
  documents: OpenDocuments,
  workspaceIndex?: Pick<WorkspaceIndex, 'workspace'>,
): SettingDocument[] {
  const out: SettingDocument[] = [];
  const open = new Set<string>();
  for (const d of documents.all()) {
    open.add(documentKey(d.uri));
    out.push({ uri: d.uri, text: d.getText(), languageId: d.languageId });
  }
  for (const [key, facts] of workspaceIndex?.workspace().documents ?? []) {
    if (open.has(key)) {
      continue;
    }
    const file = filePathOf(facts.uri);
    const text = file === undefined ? undefined : readConfigFile(file);
    if (text !== undefined) {
      out.push({ uri: facts.uri, text });
    }
  }
  return out;
}
