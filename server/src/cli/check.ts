// `zos-tls check`: find the files, read them as bytes, decode (UTF-8, ISO-8859-1 or EBCDIC
// IBM-1047), analyze through the language service facade and print one of three formats.
// Output goes through writers passed in, so the whole command runs in tests without a process.
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AnalyzeOptions, Finding } from '../service';
import { createLanguageService, detectLanguage, rangeOf } from '../service';
import { effectiveSeverity } from '../service/rules';
import { decodeBytes } from '../service/text/decode';
import type { DecodedText } from '../service/text/decode';
import type { CheckCommand } from './args';
import type { Target } from './files';
import { collectCliWorkspace } from './workspace';
import { createDiskConfigFiles } from './configFiles';
import { HEAD_BYTES, MAX_FILE_BYTES, READ_CAP_BYTES, collectTargets, errorText, readStart } from './files';
import type { FileReport } from './output';
import { byPosition, jsonOutput, sarifOutput, textLines, textSummary } from './output';

export type Writer = (text: string) => void;

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  cwd: string;
}

const ENCODING_NAMES: Record<DecodedText['encoding'], string> = {
  'utf-8': 'UTF-8',
  'iso-8859-1': 'ISO-8859-1 (it is not valid UTF-8)',
  'ibm-1047': 'IBM-1047 (EBCDIC)',
};

type Outcome = { kind: 'report'; report: FileReport } | { kind: 'skipped' } | { kind: 'io-problem' };

/** Returns the exit status: 0 no error finding, 1 some, 2 usage or I/O problem. */
export function runCheck(cmd: CheckCommand, io: CliIo): number {
  const service = createLanguageService();
  const { targets, problems } = collectTargets(cmd.paths, io.cwd);
  // Labels and rings one job creates satisfy another job's references (issue 3).
  const workspace = collectCliWorkspace(targets);
  // Liberty includes, configDropins, bootstrap.properties and server.env, from disk (issue 4).
  const configFiles = createDiskConfigFiles();
  let ioProblem = problems.length > 0;
  for (const p of problems) {
    io.stderr(`error: ${p.path}: ${p.message}\n`);
  }

  const reports: FileReport[] = [];
  let unrecognised = 0;
  for (const target of targets) {
    const outcome = checkOne(target, cmd, io, service, { workspace, configFiles });
    if (outcome.kind === 'report') {
      outcome.report.findings.sort(byPosition);
      reports.push(outcome.report);
      if (cmd.format === 'text') {
        // Streamed, so a long walk shows progress and does not hold every line in memory.
        for (const line of textLines(outcome.report)) {
          io.stdout(`${line}\n`);
        }
      }
    } else if (outcome.kind === 'io-problem') {
      ioProblem = true;
    } else if (target.explicit) {
      unrecognised++;
    }
  }

  if (cmd.format === 'json') {
    io.stdout(`${JSON.stringify(jsonOutput(reports), null, 2)}\n`);
  } else if (cmd.format === 'sarif') {
    io.stdout(`${JSON.stringify(sarifOutput(reports), null, 2)}\n`);
  } else if (reports.length) {
    io.stdout(`${textSummary(reports)}\n`);
  }

  if (reports.length === 0 && !ioProblem) {
    io.stderr(
      unrecognised
        ? 'error: no file could be checked.\n'
        : `error: no AT-TLS policy, Policy Agent file, RACF job, exec or command file, or Liberty server.xml found in ${cmd.paths.join(', ')}.\n`,
    );
    return 2;
  }
  if (ioProblem) {
    return 2;
  }
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function checkOne(
  target: Target,
  cmd: CheckCommand,
  io: CliIo,
  service: ReturnType<typeof createLanguageService>,
  shared: Pick<AnalyzeOptions, 'workspace' | 'configFiles'>,
): Outcome {
  let language = detectLanguage(target.absolute, undefined);
  try {
    if (!language && !target.explicit) {
      // Walking a directory: look at the start of a file we do not know by name before reading
      // all of it, so a tree full of other files costs little.
      const head = decodeBytes(readStart(target.absolute, HEAD_BYTES).bytes);
      if (head.binary || !detectLanguage(target.absolute, head.text)) {
        return { kind: 'skipped' };
      }
    }
    const size = statSync(target.absolute).size;
    if (size > MAX_FILE_BYTES) {
      // Refused before reading: even the part we would check is not worth reading from a file
      // this size, which is a dump or an archive, not a policy.
      io.stderr(
        `error: ${target.display}: the file is larger than 1 GB (${size} bytes); zos-tls does not read it. Check that this is the file you meant, or split it.\n`,
      );
      return { kind: 'io-problem' };
    }
    const read = readStart(target.absolute, READ_CAP_BYTES);
    const decoded = decodeBytes(read.bytes);
    if (decoded.binary) {
      if (!language && !target.explicit) {
        return { kind: 'skipped' };
      }
      return {
        kind: 'report',
        report: { path: target.display, language: language ?? null, findings: unreadable(cmd) },
      };
    }
    if (decoded.encoding !== 'utf-8') {
      io.stderr(`note: ${target.display} decoded as ${ENCODING_NAMES[decoded.encoding]}\n`);
    }
    // A name says Liberty (server.xml) unless the text shows another root (Tomcat's <Server>).
    language = language === 'xml' || !language ? detectLanguage(target.absolute, decoded.text) : language;
    if (!language) {
      if (!target.explicit) {
        // Found by walking, named like Liberty (server.xml) but another XML (Tomcat's <Server>).
        return { kind: 'skipped' };
      }
      io.stderr(
        `note: ${target.display} skipped: it is not a file zos-tls recognises (an AT-TLS policy named *.ttls, *.attls, pagent*.conf or ttls*.conf, or one that holds TTLSRule/TTLS…Action statements or a TcpImage line; JCL with a batch TSO step or *.jcl; a REXX exec or *.rexx/*.rex; a RACF command file or *.racf; a Liberty server.xml, a configDropins/defaults|overrides file, or XML whose root is <server>).\n`,
      );
      return { kind: 'skipped' };
    }
    const uri = pathToFileURL(target.absolute).href;
    const analysis = service.analyze(
      { uri, text: decoded.text, languageId: language },
      { ...(cmd.release ? { release: cmd.release } : {}), rules: cmd.rules, fips: cmd.fips, ...shared },
    );
    // The service caches per document for the editor; a CLI run sees each file once.
    service.forget(uri);
    return {
      kind: 'report',
      report: { path: target.display, language: analysis.language ?? language, findings: analysis.findings },
    };
  } catch (e) {
    io.stderr(`error: ${target.display}: ${errorText(e)}\n`);
    return { kind: 'io-problem' };
  }
}

function unreadable(cmd: CheckCommand): Finding[] {
  const severity = effectiveSeverity('file/unreadable', 'error', cmd.rules);
  if (!severity) {
    return [];
  }
  return [
    {
      rule: 'file/unreadable',
      severity,
      message:
        'This file is not text (it holds NUL or control bytes), so it cannot be checked. zos-tls reads UTF-8, ISO-8859-1 and EBCDIC IBM-1047 text: if the file came from z/OS, download the data set or z/OS UNIX file again as text or as plain binary EBCDIC (not a TERSE, XMIT or ZIP archive).',
      range: rangeOf(0, 0, 0),
    },
  ];
}
