/**
 * Containers inside VMs (claim containers-in-vms): a provisioning hook that
 * installs Docker Engine in guests created with `vm create --docker`, the
 * way cloud-init would. The guest's dockerd keeps its images on the guest's
 * own disk and pulls from the World's registry over the (modelled) network:
 * the guest kernel, not the host's, runs those containers.
 */
import { installDockerd } from '../engine/install.ts';
import { StoreImageBackend } from '../engine/image-adapter.ts';
import type { RegistryPort } from '../engine/image-adapter.ts';
import type { FileSystem } from '../fs/types.ts';
import { ImageStore } from '../image/image-store.ts';
import type { GuestHandle } from './domain.ts';

/** A provision hook for KernelGuests: Docker Engine in every guest whose config asks for it. */
export function dockerInGuests(registry: RegistryPort): (guest: GuestHandle) => void {
  // one image store per guest disk, so images pulled before a reboot are still there after it
  const stores = new WeakMap<FileSystem, ImageStore>();
  return (g) => {
    if (!g.config.docker) return;
    let store = stores.get(g.fs);
    if (!store) {
      store = new ImageStore({ fs: g.fs, rng: g.rng, now: () => g.now() });
      stores.set(g.fs, store);
    }
    installDockerd({ init: g.init, registerSocket: (p, s) => g.registerSocket(p, s) }, { images: new StoreImageBackend(store, registry), rng: g.rng });
  };
}
