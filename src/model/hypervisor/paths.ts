/**
 * Where libvirt keeps things on the host (its default qemu:///system layout).
 */
/** libvirtd's UNIX socket (virsh's default qemu:///system URI). */
export const LIBVIRT_SOCK = '/var/run/libvirt/libvirt-sock';
/** libvirt's default storage pool directory. */
export const IMAGES_DIR = '/var/lib/libvirt/images';
