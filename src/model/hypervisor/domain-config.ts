/**
 * Validating a new domain before anything changes (validate first, mutate
 * last): `vm create` (a new disk from a base image: a full copy or a qcow2
 * overlay) and `virsh define` (an existing disk; the guest OS is the one
 * whose base image ends the disk's backing chain). libvirt's error texts.
 */
import { fail } from '../errors.ts';
import type { FileData } from '../fs/data.ts';
import type { Sys } from '../kernel/types.ts';
import type { Rng } from '../rng.ts';
import { qcow2Data, readImage } from './disk-image.ts';
import type { CreateRequest, DomainConfig } from './domain.ts';
import { findGuestOs } from './guest-os.ts';
import { exists, uuidFrom } from './host-util.ts';
import { IMAGES_DIR } from './paths.ts';
import { PROFILES } from './profiles.ts';

/** libvirt accepts names like these (the model's conservative subset). */
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$/;

/** What `virsh define` reads from a domain XML. */
export interface DefineRequest {
  readonly name: string;
  readonly uuid?: string;
  readonly memoryBytes: number;
  readonly vcpus: number;
  readonly disk: string;
}

function checkSizes(name: string, memoryBytes: number, vcpus: number): void {
  if (!NAME_RE.test(name)) fail('EINVAL', name, `invalid argument: invalid domain name '${name}'`);
  if (!(memoryBytes > 0) || !(vcpus > 0) || vcpus > 1024) fail('EINVAL', name, 'invalid argument: memory and vCPU count must be positive (KVM allows up to 1024 vCPUs, facts §7.2)');
}

/** Host path of a guest OS's base image (libvirt's "Cannot access storage file" when the model has none). */
export function basePath(image: string): string {
  const os = findGuestOs(image);
  if (!os) fail('ENOENT', image, `Cannot access storage file '${IMAGES_DIR}/${image}': No such file or directory`);
  return `${IMAGES_DIR}/${os.image.file}`;
}

/** The configuration and disk contents of `vm create`, or a SysError; nothing is written here. */
export function configForCreate(host: Sys, req: CreateRequest, rng: Rng): { config: DomainConfig; data: FileData } {
  const base = basePath(req.image);
  const os = findGuestOs(req.image);
  if (!os) fail('ENOENT', req.image);
  const memoryBytes = req.memoryBytes ?? os.memoryBytes;
  const vcpus = req.vcpus ?? os.vcpus;
  checkSizes(req.name, memoryBytes, vcpus);
  const profile = PROFILES[req.profile ?? os.profile];
  if (profile.name === 'microvm' && os.family !== 'linux') fail('EINVAL', req.name, `unsupported configuration: Firecracker boots Linux guests only, not ${os.prettyName}`);
  if (req.docker && os.family !== 'linux') fail('EINVAL', req.name, 'unsupported configuration: the model installs Docker Engine in Linux guests only');
  const clone = req.clone ?? 'full';
  const baseData = host.readFile(base);
  const baseImg = readImage(baseData);
  if (profile.name === 'microvm' && (clone === 'linked' || baseImg.format !== 'raw')) fail('EINVAL', req.name, 'unsupported configuration: Firecracker needs a raw disk image, not qcow2');
  const ext = clone === 'linked' || baseImg.format === 'qcow2' ? 'qcow2' : os.image.file.split('.').pop();
  const disk = `${IMAGES_DIR}/${req.name}.${ext}`;
  if (exists(host, disk)) fail('EEXIST', disk, `operation failed: storage volume '${req.name}.${ext}' exists already`);
  const uuid = uuidFrom(rng);
  const data = clone === 'full' ? baseData : qcow2Data({ virtualBytes: baseImg.virtualBytes, backingFile: base, backingFormat: baseImg.format, generation: uuid });
  return { config: { name: req.name, uuid, os, profile, memoryBytes, vcpus, disk, clone, docker: req.docker ?? false }, data };
}

/** The configuration `virsh define` gives a domain on an existing disk (keeping a redefined domain's UUID). */
export function configForDefine(host: Sys, req: DefineRequest, prev: DomainConfig | undefined, rng: Rng): DomainConfig {
  checkSizes(req.name, req.memoryBytes, req.vcpus);
  if (!exists(host, req.disk)) fail('ENOENT', req.disk, `Cannot access storage file '${req.disk}': No such file or directory`);
  let path = req.disk;
  let img = readImage(host.readFile(path));
  const linked = img.backingFile !== undefined;
  for (let depth = 0; img.backingFile !== undefined && depth < 16; depth++) {
    path = img.backingFile.startsWith('/') ? img.backingFile : `${path.slice(0, path.lastIndexOf('/') + 1)}${img.backingFile}`;
    img = readImage(host.readFile(path));
  }
  const os = findGuestOs(path.slice(path.lastIndexOf('/') + 1)) ?? prev?.os;
  if (!os) fail('EINVAL', req.name, `unsupported configuration: the model cannot tell which guest OS is on '${req.disk}'`);
  return {
    name: req.name, uuid: req.uuid ?? prev?.uuid ?? uuidFrom(rng), os, profile: PROFILES.full, memoryBytes: req.memoryBytes,
    vcpus: req.vcpus, disk: req.disk, clone: linked ? 'linked' : 'full', docker: prev?.docker ?? false,
  };
}
