import { normalizeHostPath } from './host-paths.ts';

const RAW_DISK = [
  /^\/dev\/(?:sd|hd|xvd|vd)[a-z]+\d*$/,
  /^\/dev\/nvme\d+(?:n\d+(?:p\d+)?)?$/,
  /^\/dev\/mmcblk\d+(?:p\d+|boot\d+|rpmb)?$/,
  /^\/dev\/(?:dm-\d+|md\d+|sg\d+)$/,
  /^\/dev\/(?:disk|mapper)(?:\/.*)?$/,
];

/**
 * What a host device node gives a container that may use it, when that is enough
 * to read or change the host outside the container (memory, raw disks); undefined
 * for ordinary devices such as GPUs (/dev/nvidia*, /dev/dri), /dev/kvm, /dev/fuse,
 * /dev/net/tun, serial ports, sound and USB buses.
 */
export function dangerousDevice(path: string): string | undefined {
  const device = normalizeHostPath(path);
  if (device === '/dev') return 'every host device';
  if (device === '/dev/mem') return 'the host physical memory';
  if (device === '/dev/kmem') return 'the host kernel memory';
  if (device === '/dev/port') return 'the host I/O ports';
  if (device === '/dev/cpu' || /^\/dev\/cpu\/\d+\/msr$/.test(device)) return 'the host CPU model-specific registers';
  if (RAW_DISK.some((pattern) => pattern.test(device))) return 'a raw host disk';
  return undefined;
}
