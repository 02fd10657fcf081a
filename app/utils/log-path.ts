// Paths that carry a secret (a rating or deletion token, a tracking code)
// are logged with the secret replaced: access logs are read by more people,
// and kept longer, than the data they point into.
const SECRET_SEGMENTS = /^(\/rate\/|\/receipt\/|\/track\/delete\/|\/admin\/login\/unlock\/)[^/?#]+/;

export function loggablePath(path: string): string {
  return path.replace(SECRET_SEGMENTS, '$1:secret');
}
