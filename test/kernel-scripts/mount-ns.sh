# mount_namespaces(7): a mount made in a new mount namespace is not seen outside it.
unshare --mount sh -c 'mount -t tmpfs none /mnt && echo x > /mnt/only-inside && cat /mnt/only-inside'
[ -e /mnt/only-inside ] || echo not visible outside
