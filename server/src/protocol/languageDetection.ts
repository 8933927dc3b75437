// The client gives the `attls` language to plain-text documents (Zowe members have no extension)
// with the very function the server uses, so the two never disagree. service/languages.ts imports
// nothing, so re-exporting it pulls no service code into the client bundle; keep it that way.
export { detectLanguage } from '../service/languages';
export type { LanguageId } from '../service/languages';
