/**
 * The kernel's public face for the other parts of the model (engine,
 * hypervisor, scenarios): boot a Kernel on a disk, get Sys handles for its
 * processes, and the few constants they share. Everything else in this
 * folder is the kernel's own business.
 */
export { Kernel } from './kernel.ts';
export type { KernelOptions, SocketServer } from './kernel.ts';
export { setHostYield } from './process/timing.ts';
export { ALL_CAPS, DOCKER_DEFAULT_CAPS, dockerSeccompDenied } from './process/capabilities.ts';
export { INITIAL_NS_INO } from './ns/namespaces.ts';
export { DEVICE_NODES } from './boot.ts';
export type * from './types.ts';
export { NAMESPACE_TYPES, SIGNALS } from './types.ts';
