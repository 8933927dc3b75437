// Shared by the rule tests of liberty/keyring-*, password, client-auth-trust, *-protocol,
// keystore-without-id and ssl-without-keystore: analyse an inline server.xml (other files of the
// server through an in-memory reader, as the merge tests do) and keep one rule's findings.
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { ConfigFileReader, Finding, TextEdit } from '../../../../server/src/service/types';

export const SERVER = '/wlp/usr/servers/s1';
export const SERVER_XML = `file://${SERVER}/server.xml`;

export function reader(files: Record<string, string>): ConfigFileReader {
  return {
    read: (u) => files[decodeURIComponent(u.replace(/^file:\/\//, ''))],
    list: () => undefined,
  };
}

export function findingsOf(
  rule: string,
  text: string,
  uri = SERVER_XML,
  files: Record<string, string> = {},
): Finding[] {
  return analyzeLiberty(text, uri, { configFiles: reader(files) }).findings.filter((f) => f.rule === rule);
}

export const server = (body: string): string => `<server>\n${body}\n</server>\n`;

/** The text with one fix's edits applied (edits within one line, as the rules make them). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
    const l = e.range.start.line;
    lines[l] = lines[l].slice(0, e.range.start.character) + e.newText + lines[l].slice(e.range.end.character);
  }
  return lines.join('\n');
}

/** The text a finding's range covers (single-line ranges). */
export function textAt(text: string, f: Finding): string {
  return text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character);
}
