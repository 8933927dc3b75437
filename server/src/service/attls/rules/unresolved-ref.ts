// attls/unresolved-ref — evidence: attls-reference §2 (names are case-sensitive; a Ref names a
// global statement of a fixed type), §4.1 (Ref targets), §7 rule 1 (Zowe ZSS 'cipherZSS' vs
// 'cipher~ZSS', IBM example 'ttlsAction7' and 'portGroup2'); any error blocks the install (§1, S18).
import type { Fix } from '../../types';
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import type { BlockNode } from '../parser';
import {
  appendAtEnd,
  href,
  isPlaceholderToken,
  lineHasTemplate,
  lineNo,
  NameIndex,
  MAX_NAME,
} from './structuralHelpers';

export const unresolvedRef: RuleModule<AttlsModel> = {
  id: 'attls/unresolved-ref',
  href: href('S13', 'S13'),
  check(model, report) {
    // Blocks that lost their statement keyword ('PortGroup2 {'): by lower-case keyword.
    const glued = new Map<string, BlockNode>();
    for (const n of model.doc.nodes) {
      if (n.kind === 'block' && !n.statement && !n.name && n.keyword.text !== '{') {
        glued.set(n.keyword.text.toLowerCase(), n);
      }
    }
    // Named blocks swallowed by a block that never closes: a missing '}' (attls/syntax reports it)
    // made them nested, so a reference to them is not a second problem.
    const swallowed = new Set<string>();
    const collect = (b: BlockNode, unclosed: boolean): void => {
      for (const c of b.children) {
        if (c.kind === 'block') {
          if (unclosed && c.statement && c.name) {
            swallowed.add(`${c.statement} ${c.name.text}`);
          }
          collect(c, unclosed || !c.close);
        }
      }
    };
    for (const n of model.doc.nodes) {
      if (n.kind === 'block' && !n.close) {
        collect(n, true);
      }
    }
    const indexes = new Map<string, NameIndex>();
    for (const [p, res] of model.refs) {
      if (
        res.targets.length ||
        res.wrongType.length ||
        swallowed.has(`${res.targetType} ${p.values[0].text}`)
      ) {
        continue;
      }
      const tok = p.values[0];
      const name = tok.text;
      if (isPlaceholderToken(name) || lineHasTemplate(model, tok.range.start.line)) {
        continue;
      }
      const type = res.targetType;
      const kw = p.keyword.text;
      const gluedBlock = glued.get(name.toLowerCase());
      if (gluedBlock && gluedBlock.keyword.text.toLowerCase().startsWith(type.toLowerCase())) {
        report({
          message: `${kw} names '${name}', but no ${type} has that name: the block '${gluedBlock.keyword.text}' on line ${lineNo(gluedBlock)} looks like that statement without its type keyword. Write '${type} ${name}' there.`,
          range: tok.range,
          related: [
            {
              range: gluedBlock.keyword.range,
              message: `'${gluedBlock.keyword.text}' lacks the keyword ${type}`,
            },
          ],
          fixes: [
            {
              title: `Write '${type} ${name}' on line ${lineNo(gluedBlock)}`,
              edits: [{ range: gluedBlock.keyword.range, newText: `${type} ${name}` }],
              isPreferred: true,
            },
          ],
        });
        continue;
      }
      let index = indexes.get(type);
      if (!index) {
        indexes.set(type, (index = new NameIndex(model.globals.get(type)?.keys() ?? [])));
      }
      const caseOnly = index.caseOnly(name);
      const close = caseOnly.length ? caseOnly : index.nearest(name);
      const fixes: Fix[] = close.slice(0, 3).map((c) => ({
        title: `Change the reference to '${c}'`,
        edits: [{ range: tok.range, newText: c }],
        ...(close.length === 1 ? { isPreferred: true } : {}),
      }));
      if (name.length <= MAX_NAME && !/[{}#]/.test(name)) {
        fixes.push({
          title: `Create an empty ${type} '${name}' at the end of the file`,
          edits: [appendAtEnd(model, `${type} ${name}\n{\n}`)],
        });
      }
      const hint = caseOnly.length
        ? ` There is a ${type} '${caseOnly[0]}', which differs only in case: names are case-sensitive.`
        : close.length
          ? ` Did you mean ${close.map((c) => `'${c}'`).join(' or ')}?`
          : index.size
            ? ''
            : ` The file defines no ${type} at all.`;
      report({
        message: `${kw} names '${name}', but no ${type} of that name is defined in this file.${hint} Correct the name or define the statement; Policy Agent installs no AT-TLS policy while a reference is unresolved.`,
        range: tok.range,
        fixes,
      });
    }
  },
};
