/** An image reference split as the Docker reference grammar reads it. */
export interface ImageRef {
  /** Registry host; `docker.io` when none is written. */
  registry: string;
  /** Repository path inside the registry; Docker Hub's official images get `library/`. */
  repository: string;
  /** Last path component (`postgres` for `docker.io/library/postgres`). */
  name: string;
  tag?: string;
  digest?: string;
  /** The reference with registry and `library/` made explicit, without tag or digest. */
  fullName: string;
}

/** Docker caps a name at 255 characters and a tag at 128; anything far longer is no reference (and costly to compare). */
const MAX_REFERENCE_LENGTH = 1024;

/** Split `name[:tag][@digest]`; a colon before the last `/` is a registry port, not a tag. */
export function splitTagAndDigest(reference: string): { name: string; tag?: string; digest?: string } {
  let name = reference;
  let digest: string | undefined;
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  return { name, tag, digest };
}

export function parseImageRef(reference: string): ImageRef | undefined {
  if (reference.length > MAX_REFERENCE_LENGTH * 4) return undefined;
  const text = reference.trim();
  if (text === '' || text.length > MAX_REFERENCE_LENGTH || /\s/.test(text)) return undefined;
  const { name: rest, tag, digest } = splitTagAndDigest(text);
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift()!;
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const repository = parts.join('/');
  if (repository === '') return undefined;
  return { registry, repository, name: parts[parts.length - 1], tag, digest, fullName: `${registry}/${repository}` };
}
