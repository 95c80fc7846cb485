import { matchesGlob } from '../path-glob.ts';
import { splitTagAndDigest, type ImageRef } from './image-ref.ts';

/**
 * Glob patterns over image references, for policy options. `*` and `?` stay
 * within one path segment, `**` spans segments.
 *
 * Repository patterns are normalised the way Docker normalises references, so a
 * pattern means what the same text would mean in `docker pull`:
 * - `**` alone matches every image;
 * - a host alone (`ghcr.io`, `localhost:5000`) means everything from that registry;
 * - any other single name is an official Docker Hub image: `nginx` is
 *   `docker.io/library/nginx`, `*` is `docker.io/library/*`;
 * - a path whose first segment names a host (`ghcr.io/acme/*`, `*.corp.example/**`)
 *   or starts with a wildcard is taken as written;
 * - any other path is on Docker Hub: `bitnami/*` is `docker.io/bitnami/*`,
 *   `docker.io/*` is `docker.io/library/*`.
 */
export function normalizeRepositoryPattern(pattern: string): string {
  const text = pattern.trim().toLowerCase();
  const segments = text.split('/');
  const first = segments[0];
  if (first === 'index.docker.io' || first === 'registry-1.docker.io') segments[0] = 'docker.io';
  if (segments[0] === 'docker.io') {
    segments.shift();
    if (segments.length === 0) return 'docker.io/**';
    if (segments.length === 1) segments.unshift('library');
    return ['docker.io', ...segments].join('/');
  }
  if (segments.length === 1) {
    if (first === '**') return first;
    return isHost(first) ? `${first}/**` : `docker.io/library/${first}`;
  }
  if (/^[*?[]/.test(first) || isHost(first)) return segments.join('/');
  return ['docker.io', ...segments].join('/');
}

function isHost(segment: string): boolean {
  return segment.includes('.') || segment.includes(':') || segment === 'localhost';
}

/** True when the image's repository (registry and path, no tag) matches the pattern. */
export function repositoryMatches(ref: ImageRef, pattern: string): boolean {
  return matchesGlob(ref.fullName.toLowerCase(), normalizeRepositoryPattern(pattern));
}

interface ImagePattern {
  /** Matched against the last path component when the pattern has no `/`, else against the full name. */
  name: string;
  basename: boolean;
  tag?: string;
  digest?: string;
}

const parsedPatterns = new Map<string, ImagePattern>();

function parseImagePattern(pattern: string): ImagePattern {
  let parsed = parsedPatterns.get(pattern);
  if (parsed) return parsed;
  const { name: rest, tag, digest } = splitTagAndDigest(pattern.trim());
  const basename = !rest.includes('/');
  parsed = { name: basename ? rest.toLowerCase() : normalizeRepositoryPattern(rest), basename, tag, digest };
  parsedPatterns.set(pattern, parsed);
  return parsed;
}

/**
 * True when the image reference matches a pattern over the whole reference,
 * tag included (`*:latest`, `docker.io/library/mysql:5.*`, `**@sha256:*`).
 * A pattern with no `/` is matched against the image's last path component, like
 * a .gitignore pattern against a file name: `mysql:5.*` matches `mysql:5.7` and
 * `bitnami/mysql:5.7`. A pattern with no tag matches every tag; an image written
 * with neither tag nor digest has the tag `latest`, as Docker pulls it.
 */
export function imageMatchesPattern(ref: ImageRef, pattern: string): boolean {
  const wanted = parseImagePattern(pattern);
  const name = wanted.basename ? ref.name.toLowerCase() : ref.fullName.toLowerCase();
  if (!matchesGlob(name, wanted.name)) return false;
  if (wanted.tag !== undefined) {
    const tag = ref.tag ?? (ref.digest === undefined ? 'latest' : undefined);
    if (tag === undefined || !matchesGlob(tag, wanted.tag)) return false;
  }
  if (wanted.digest !== undefined) {
    if (ref.digest === undefined || !matchesGlob(ref.digest, wanted.digest)) return false;
  }
  return true;
}
