// A signed mail's signature is not something the sender attached: S/MIME
// (RFC 8551: application/pkcs7-signature, smime.p7s) and PGP/MIME (RFC 3156:
// application/pgp-signature, signature.asc). It is recognised and set aside;
// the signature is not verified (the portal holds no trust anchors for
// citizens' certificates), only recorded as present.

export type SignatureKind = 'smime' | 'pgp';

export function signatureKind(file: { filename: string; contentType: string }): SignatureKind | undefined {
  const type = file.contentType.toLowerCase();
  const name = file.filename.toLowerCase();
  if (type === 'application/pkcs7-signature' || type === 'application/x-pkcs7-signature' || name === 'smime.p7s')
    return 'smime';
  if (type === 'application/pgp-signature' || name === 'signature.asc') return 'pgp';
  return undefined;
}
