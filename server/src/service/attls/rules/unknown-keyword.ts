// attls/unknown-keyword — evidence: attls-reference §4 keyword lists (S1–S13), §7 rule 4; main/image
// statements of other disciplines: PAGENT_OTHER_STATEMENTS (each with its IBM page).
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import type { AttlsNode, BlockNode, ParamNode, Token } from '../parser';
import type { AttlsStatementDef } from '../../knowledge/attlsKeywords';
import {
  GLOBAL_ONLY,
  STATEMENTS,
  inlineChildren,
  paramDef,
  statementDef,
} from '../../knowledge/attlsKeywords';
import {
  PAGENT_OTHER_STATEMENTS,
  href,
  isPagentConfigFile,
  isTemplateBlock,
  nearest,
  pagentOtherStatement,
  replaceFixes,
} from './structuralHelpers';

const CANONICAL = [...new Set([...STATEMENTS.values()])];
const BLOCK_STATEMENTS = CANONICAL.filter((d) => !d.lineStatement).map((d) => d.name);
const LINE_STATEMENTS = [
  ...CANONICAL.filter((d) => d.lineStatement).flatMap((d) => [d.name, ...(d.synonyms ?? [])]),
  ...PAGENT_OTHER_STATEMENTS.filter((s) => s.form === 'line').map((s) => s.name),
];

/** Parameter name (lower case) → the statements that accept it, canonical spelling first. */
const HOMES = new Map<string, { name: string; statements: string[] }>();
for (const def of CANONICAL) {
  for (const p of def.params.values()) {
    const key = p.name.toLowerCase();
    const h = HOMES.get(key) ?? { name: p.name, statements: [] };
    h.statements.push(def.name);
    HOMES.set(key, h);
  }
}

/** Statements that may hold `type` inline. */
function inlineHomes(type: string): string[] {
  return CANONICAL.filter((d) => inlineChildren(d.name).has(type)).map((d) => d.name);
}

function list(names: string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function glued(keyword: string): boolean {
  // attls/syntax reports 'PortGroup2 {' (a statement keyword glued to a name); do not report it twice.
  const k = keyword.toLowerCase();
  return BLOCK_STATEMENTS.some((s) => k.startsWith(s.toLowerCase()) && k.length > s.length);
}

export const unknownKeyword: RuleModule<AttlsModel> = {
  id: 'attls/unknown-keyword',
  href: href('S13', 'S13'),
  check(model, report) {
    const pagent = isPagentConfigFile(model);

    const unknownParam = (kw: Token, def: AttlsStatementDef): void => {
      if (def.uncertain || def.params.size === 0) {
        // IpAddrSet, IpTimeCondition, PolicyServer…: the reference does not know their parameters.
        return;
      }
      const home = HOMES.get(kw.text.toLowerCase());
      const stmt = def.name;
      if (home) {
        const where = home.statements.filter((s) => s !== stmt);
        const sub = where.filter((s) => inlineChildren(stmt).has(s));
        // The connection-level list was only partly captured (reference §4.8): a parameter known at
        // environment level may well be accepted there, so say so and only warn.
        const uncertain =
          stmt === 'TTLSConnectionAdvancedParms' && where.includes('TTLSEnvironmentAdvancedParms');
        const how = sub.length
          ? ` Code it inside a ${list(sub)} block in this ${stmt} (inline, or in the statement its ${sub[0]}Ref names).`
          : ` Move it into a ${list(where)} statement.`;
        report({
          message: uncertain
            ? `'${kw.text}' is not in the parameter list known for ${stmt}, which IBM's pages give only in part (uncertain); it is a parameter of ${list(where)}. Check that your z/OS release accepts it here, or move it to the environment level.`
            : `'${kw.text}' is not a parameter of ${stmt}; it belongs in ${list(where)}.${how} Policy Agent installs no AT-TLS policy while a statement is in error.`,
          range: kw.range,
          ...(uncertain ? { severity: 'warning' as const } : {}),
          href: href(def.source, 'S13'),
        });
        return;
      }
      const own = [...def.params.values()].map((p) => p.name);
      const suggestions = nearest(kw.text, own);
      const elsewhere = suggestions.length
        ? []
        : nearest(
            kw.text,
            [...HOMES.values()].map((h) => h.name),
          );
      const hint = suggestions.length
        ? ` Did you mean ${list(suggestions.map((s) => `'${s}'`))}?`
        : elsewhere.length
          ? ` The nearest keyword is '${elsewhere[0]}', a parameter of ${list(HOMES.get(elsewhere[0].toLowerCase())!.statements)}.`
          : ` Check the spelling against the ${stmt} statement in IBM's documentation.`;
      report({
        message: `'${kw.text}' is not a ${stmt} parameter (nor any AT-TLS keyword).${hint} Policy Agent installs no AT-TLS policy while a statement is in error.`,
        range: kw.range,
        fixes: replaceFixes(kw, suggestions, 'the keyword'),
        href: href(def.source, 'S13'),
      });
    };

    const checkParam = (p: ParamNode | BlockNode, parent: BlockNode | undefined): void => {
      const kw = p.keyword;
      if (!parent) {
        if (statementDef(kw.text) || pagentOtherStatement(kw.text)) {
          // Line statements are fine here; block statements without braces are attls/syntax's.
          return;
        }
        const home = HOMES.get(kw.text.toLowerCase());
        if (home) {
          report({
            message: `'${kw.text}' is a parameter of ${list(home.statements)}, not a statement: it must stand inside the '{' '}' of such a statement.`,
            range: kw.range,
          });
          return;
        }
        const candidates = pagent ? LINE_STATEMENTS : [...BLOCK_STATEMENTS, ...LINE_STATEMENTS];
        const suggestions = nearest(kw.text, candidates);
        report({
          message: pagent
            ? `'${kw.text}' is not a Policy Agent main/image configuration statement this checker knows (${list(LINE_STATEMENTS)}).${suggestions.length ? ` Did you mean '${suggestions[0]}'?` : ' Check its spelling; if it belongs to another discipline, confirm it in IBM\u2019s Policy Agent statement reference.'}`
            : `'${kw.text}' is not an AT-TLS statement.${suggestions.length ? ` Did you mean '${suggestions[0]}'?` : ' Check its spelling against IBM\u2019s AT-TLS statement list.'} Policy Agent installs no AT-TLS policy while a statement is in error.`,
          range: kw.range,
          fixes: replaceFixes(kw, suggestions, 'the statement'),
        });
        return;
      }
      const def = parent.statement ? statementDef(parent.statement) : undefined;
      if (!def || paramDef(def.name, kw.text)) {
        return;
      }
      unknownParam(kw, def);
    };

    const visit = (nodes: readonly AttlsNode[], parent: BlockNode | undefined): void => {
      for (const n of nodes) {
        if (n.kind === 'param') {
          checkParam(n, parent);
          continue;
        }
        if (isTemplateBlock(model, n)) {
          // 'Keyring {zowe.setup.keyring}' split at its braces: the keyword is a parameter line.
          checkParam(n, parent);
          continue;
        }
        if (n.keyword.text === '{') {
          continue;
        }
        if (!parent) {
          if (n.statement) {
            const def = statementDef(n.statement)!;
            if (!def.lineStatement) {
              visit(n.children, n);
            }
            continue;
          }
          if (glued(n.keyword.text) || pagentOtherStatement(n.keyword.text)) {
            continue;
          }
          const suggestions = nearest(n.keyword.text, BLOCK_STATEMENTS);
          report({
            message: pagent
              ? `'${n.keyword.text}' is neither an AT-TLS statement nor a Policy Agent configuration statement this checker knows. If it is another discipline's policy statement (QoS, IDS, IPSec…), this checker cannot verify it; otherwise check its spelling.`
              : `'${n.keyword.text}' is not an AT-TLS statement.${suggestions.length ? ` Did you mean '${suggestions[0]}'?` : ' Check its spelling against IBM\u2019s AT-TLS statement list.'} Policy Agent installs no AT-TLS policy while a statement is in error.`,
            range: n.keyword.range,
            ...(pagent ? { severity: 'warning' as const } : {}),
            fixes: pagent ? [] : replaceFixes(n.keyword, suggestions, 'the statement'),
          });
          continue;
        }
        if (!parent.statement) {
          // The enclosing block is already reported; its contents cannot be judged.
          continue;
        }
        const allowed = inlineChildren(parent.statement);
        if (n.statement) {
          if (!allowed.has(n.statement)) {
            const homes = inlineHomes(n.statement);
            report({
              message: GLOBAL_ONLY.has(n.statement)
                ? `${n.statement} cannot be coded inside ${parent.statement}: it is a top-level statement that a TTLSRule names by its …Ref parameter. Move it out of the block and refer to it by name.`
                : `${n.statement} cannot be coded inside ${parent.statement}${homes.length ? `; it belongs inline in ${list(homes)}, or at the top level with a name` : ''}. Move it.`,
              range: n.keyword.range,
              href: href(statementDef(parent.statement)?.source, 'S13'),
            });
          }
          visit(n.children, n);
          continue;
        }
        const suggestions = nearest(n.keyword.text, [...allowed]);
        report({
          message: `'${n.keyword.text}' is not a statement that ${parent.statement} can hold${allowed.size ? ` (it can hold ${list([...allowed])})` : ''}.${suggestions.length ? ` Did you mean '${suggestions[0]}'?` : ''} Correct the keyword or remove the block.`,
          range: n.keyword.range,
          fixes: replaceFixes(n.keyword, suggestions, 'the statement'),
        });
      }
    };
    visit(model.doc.nodes, undefined);
  },
};
