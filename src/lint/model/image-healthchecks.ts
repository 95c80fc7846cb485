import { imageMatchesAny } from './image-match.ts';
import { parseImageRef } from './image-ref.ts';

/**
 * Well-known images whose published Dockerfile declares a HEALTHCHECK, so a
 * container running them is health-checked with no `healthcheck:` in the compose
 * file. Patterns as `imageMatches` reads them (repository paths, any registry).
 */
export const IMAGES_WITH_HEALTHCHECK: readonly string[] = [
  'vaultwarden/server',
  'pihole/pihole',
  'gitlab/gitlab-ce',
  'gitlab/gitlab-ee',
  'louislam/uptime-kuma',
  'jellyfin/jellyfin',
  'syncthing/syncthing',
  'authelia/authelia',
  'wg-easy/wg-easy',
  'weejewel/wg-easy',
  'mailserver/docker-mailserver',
  'containrrr/watchtower',
  'qmcgaw/gluetun',
];

/** True when the image is one of `patterns` (by default the well-known list above). */
export function imageDeclaresHealthcheck(image: string | undefined, patterns: readonly string[] = IMAGES_WITH_HEALTHCHECK): boolean {
  const ref = image === undefined ? undefined : parseImageRef(image);
  return ref !== undefined && imageMatchesAny(ref, patterns);
}
