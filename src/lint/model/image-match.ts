import { parseImageRef, type ImageRef } from './image-ref.ts';

/**
 * Whether an image reference is the image a user named in an option.
 *
 * A pattern with no `/` names an image by its last path component, whatever the
 * registry and namespace (`postgres` matches `postgres:16`, `bitnami/postgres`
 * and `ghcr.io/acme/postgres`). A pattern with a path names a repository, with or
 * without its registry: `acme/db` matches `acme/db` and `registry.example.com/acme/db`;
 * `registry.example.com/acme/db` matches only that registry. Tags and digests
 * written in a pattern are ignored; matching is case-insensitive.
 */
export function imageMatches(ref: ImageRef, pattern: string): boolean {
  const wanted = parsedPattern(pattern);
  if (!wanted) return false;
  const name = ref.name.toLowerCase();
  const repository = ref.repository.toLowerCase();
  const fullName = ref.fullName.toLowerCase();
  const text = pattern.trim().toLowerCase().split('@')[0];
  if (!text.includes('/')) return name === wanted.name;
  if (fullName === wanted.fullName) return true;
  // `acme/db` parsed as docker.io/acme/db: also match that path under any registry.
  const path = stripTag(text);
  return repository === path || repository.endsWith(`/${path}`) || fullName === path;
}

// Patterns come from rule options, a handful per run, but are matched against every service.
const PATTERNS = new Map<string, ImageRef | undefined>();

function parsedPattern(pattern: string): ImageRef | undefined {
  if (!PATTERNS.has(pattern)) PATTERNS.set(pattern, parseImageRef(pattern.toLowerCase()));
  return PATTERNS.get(pattern);
}

/** True when the reference matches any of the patterns. */
export function imageMatchesAny(ref: ImageRef, patterns: readonly string[] | undefined): boolean {
  return !!patterns && patterns.some((pattern) => typeof pattern === 'string' && imageMatches(ref, pattern));
}

function stripTag(text: string): string {
  const slash = text.lastIndexOf('/');
  const colon = text.lastIndexOf(':');
  return colon > slash ? text.slice(0, colon) : text;
}
