// HZ (RFC 1843): GB 2312 in 7 bits, for old Usenet and list mail. "~{" shifts
// into GB mode (byte pairs with the high bit cleared), "~}" back to ASCII,
// "~~" is a tilde and "~\n" a line continuation. WHATWG's TextDecoder maps
// the label to "replacement" (it decodes nothing), so it is done here.

/** Decodes HZ; invalid escapes or odd pairs become U+FFFD (counted as invalid). */
export function decodeHz(bytes: Uint8Array): string {
  const gbk = new TextDecoder('gbk');
  let out = '';
  let gbMode = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x7e) {
      const next = bytes[i + 1];
      i++;
      if (next === 0x7b) gbMode = true;
      else if (next === 0x7d) gbMode = false;
      else if (next === 0x7e && !gbMode) out += '~';
      else if (next === 0x0a) continue;
      else out += '\uFFFD';
      continue;
    }
    if (gbMode && byte >= 0x21 && byte <= 0x7e) {
      const trail = bytes[i + 1];
      i++;
      out +=
        trail !== undefined && trail >= 0x21 && trail <= 0x7e
          ? gbk.decode(Uint8Array.of(byte | 0x80, trail | 0x80))
          : '\uFFFD';
      continue;
    }
    if (byte >= 0x80) {
      out += '\uFFFD';
      continue;
    }
    if (byte === 0x0a) gbMode = false; // RFC 1843: GB mode never spans a line end
    out += String.fromCharCode(byte);
  }
  return out;
}

export function looksLikeHz(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes('~{') && Buffer.from(bytes).includes('~}');
}
