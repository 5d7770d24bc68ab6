# The VM half of shared-disk: full copies vs qcow2 overlays on the host disk.
cd /var/lib/libvirt/images
qemu-img info noble-server-cloudimg-amd64.img | head -4
cp noble-server-cloudimg-amd64.img full1.img
qemu-img create -f qcow2 -b noble-server-cloudimg-amd64.img -F qcow2 linked1.qcow2
ls -l full1.img linked1.qcow2
qemu-img info --backing-chain linked1.qcow2 | grep -E '^(image|backing file|disk size)'
