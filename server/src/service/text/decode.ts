// Files reach us from z/OS in three shapes: UTF-8 or ASCII (transferred as text), ISO-8859-1
// (old tools, or a stray byte such as the 0xB8 in a copied copyright line), and EBCDIC IBM-1047
// (a data set or z/OS UNIX file downloaded in binary). No npm encoding library carries IBM-1047,
// so its table is here: IBM-037 (as Python's cp037 codec) with the six code points where IBM-1047
// differs (0x5F ^, 0xAD [, 0xB0 ¬, 0xBA Ý, 0xBB ¨, 0xBD ]), and NL (0x15) read as a line end, the
// way z/OS iconv converts IBM-1047 text.

export type TextEncoding = 'utf-8' | 'iso-8859-1' | 'ibm-1047';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Set when the bytes do not look like text at all (NUL bytes, many control characters). */
  binary: boolean;
}

// prettier-ignore
const IBM1047 = [
  0x0000, 0x0001, 0x0002, 0x0003, 0x009c, 0x0009, 0x0086, 0x007f, 0x0097, 0x008d, 0x008e, 0x000b, 0x000c, 0x000d, 0x000e, 0x000f,
  0x0010, 0x0011, 0x0012, 0x0013, 0x009d, 0x000a, 0x0008, 0x0087, 0x0018, 0x0019, 0x0092, 0x008f, 0x001c, 0x001d, 0x001e, 0x001f,
  0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x000a, 0x0017, 0x001b, 0x0088, 0x0089, 0x008a, 0x008b, 0x008c, 0x0005, 0x0006, 0x0007,
  0x0090, 0x0091, 0x0016, 0x0093, 0x0094, 0x0095, 0x0096, 0x0004, 0x0098, 0x0099, 0x009a, 0x009b, 0x0014, 0x0015, 0x009e, 0x001a,
  0x0020, 0x00a0, 0x00e2, 0x00e4, 0x00e0, 0x00e1, 0x00e3, 0x00e5, 0x00e7, 0x00f1, 0x00a2, 0x002e, 0x003c, 0x0028, 0x002b, 0x007c,
  0x0026, 0x00e9, 0x00ea, 0x00eb, 0x00e8, 0x00ed, 0x00ee, 0x00ef, 0x00ec, 0x00df, 0x0021, 0x0024, 0x002a, 0x0029, 0x003b, 0x005e,
  0x002d, 0x002f, 0x00c2, 0x00c4, 0x00c0, 0x00c1, 0x00c3, 0x00c5, 0x00c7, 0x00d1, 0x00a6, 0x002c, 0x0025, 0x005f, 0x003e, 0x003f,
  0x00f8, 0x00c9, 0x00ca, 0x00cb, 0x00c8, 0x00cd, 0x00ce, 0x00cf, 0x00cc, 0x0060, 0x003a, 0x0023, 0x0040, 0x0027, 0x003d, 0x0022,
  0x00d8, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067, 0x0068, 0x0069, 0x00ab, 0x00bb, 0x00f0, 0x00fd, 0x00fe, 0x00b1,
  0x00b0, 0x006a, 0x006b, 0x006c, 0x006d, 0x006e, 0x006f, 0x0070, 0x0071, 0x0072, 0x00aa, 0x00ba, 0x00e6, 0x00b8, 0x00c6, 0x00a4,
  0x00b5, 0x007e, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077, 0x0078, 0x0079, 0x007a, 0x00a1, 0x00bf, 0x00d0, 0x005b, 0x00de, 0x00ae,
  0x00ac, 0x00a3, 0x00a5, 0x00b7, 0x00a9, 0x00a7, 0x00b6, 0x00bc, 0x00bd, 0x00be, 0x00dd, 0x00a8, 0x00af, 0x005d, 0x00b4, 0x00d7,
  0x007b, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047, 0x0048, 0x0049, 0x00ad, 0x00f4, 0x00f6, 0x00f2, 0x00f3, 0x00f5,
  0x007d, 0x004a, 0x004b, 0x004c, 0x004d, 0x004e, 0x004f, 0x0050, 0x0051, 0x0052, 0x00b9, 0x00fb, 0x00fc, 0x00f9, 0x00fa, 0x00ff,
  0x005c, 0x00f7, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057, 0x0058, 0x0059, 0x005a, 0x00b2, 0x00d4, 0x00d6, 0x00d2, 0x00d3, 0x00d5,
  0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037, 0x0038, 0x0039, 0x00b3, 0x00db, 0x00dc, 0x00d9, 0x00da, 0x009f,
];

const IBM1047_DECODER = String.fromCharCode(...IBM1047);

export function decodeIbm1047(bytes: Uint8Array): string {
  let out = '';
  const chunk = 8192;
  for (let i = 0; i < bytes.length; i += chunk) {
    const end = Math.min(i + chunk, bytes.length);
    const parts: string[] = new Array(end - i);
    for (let j = i; j < end; j++) {
      parts[j - i] = IBM1047_DECODER[bytes[j]];
    }
    out += parts.join('');
  }
  return out;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * EBCDIC text is full of bytes that are rare in ASCII text: 0x40 (space), 0x81-0xA9 (lower
 * case), 0xC1-0xE9 (upper case), 0xF0-0xF9 (digits); ASCII letters (0x41-0x7A) are rare in it.
 */
export function looksLikeEbcdic(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) {
    return false;
  }
  let ebcdicLetters = 0;
  let asciiLetters = 0;
  let spaces40 = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0x40) {
      spaces40++;
    } else if ((b >= 0x81 && b <= 0xa9) || (b >= 0xc1 && b <= 0xe9) || (b >= 0xf0 && b <= 0xf9)) {
      ebcdicLetters++;
    } else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x20) {
      asciiLetters++;
    }
  }
  return ebcdicLetters + spaces40 > n * 0.5 && asciiLetters < n * 0.2;
}

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  if (n === 0) {
    return false;
  }
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) {
      return true;
    }
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0)) {
      control++;
    }
  }
  return control > n * 0.1;
}

/** Decodes a file's bytes, choosing UTF-8, IBM-1047 or ISO-8859-1 from the content. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    return { text, encoding: 'utf-8', binary: looksBinary(text) };
  }
  if (looksLikeEbcdic(bytes)) {
    const text = decodeIbm1047(bytes);
    return { text, encoding: 'ibm-1047', binary: looksBinary(text) };
  }
  if (isValidUtf8(bytes)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { text, encoding: 'utf-8', binary: looksBinary(text) };
  }
  const text = new TextDecoder('latin1').decode(bytes);
  return { text, encoding: 'iso-8859-1', binary: looksBinary(text) };
}

/**
 * For text an editor already decoded (the LSP path): true when it is binary or EBCDIC read as
 * if it were ASCII, so rules would only produce noise.
 */
export function textLooksUnreadable(text: string): 'binary' | 'ebcdic' | undefined {
  if (looksBinary(text)) {
    return 'binary';
  }
  const n = Math.min(text.length, 65536);
  let replacement = 0;
  let high = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      replacement++;
    } else if (c >= 0x80) {
      high++;
    }
  }
  if (n > 16 && (replacement + high) / n > 0.3) {
    return 'ebcdic';
  }
  return undefined;
}
