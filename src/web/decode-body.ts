// Bytes -> text in the charset the server or the document declares. Russian
// and Caucasus outlets still serve windows-1251 and KOI8-R; Node's TextDecoder
// (full ICU) knows the WHATWG encodings, so no extra library is needed.
import { TextDecoder } from 'node:util';

/** charset=... from a Content-Type header. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/** What the document says of itself in its first bytes: <meta charset>, http-equiv, or the XML declaration. */
export function declaredCharset(head: string): string | null {
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null; // an unknown label: fall through to the next signal
  }
}

export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  // A byte-order mark outranks every declaration (the WHATWG rule).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const decoder = decoderFor(charsetOfContentType(contentType)) ?? decoderFor(declaredCharset(head)) ?? new TextDecoder('utf-8');
  return decoder.decode(bytes);
}
