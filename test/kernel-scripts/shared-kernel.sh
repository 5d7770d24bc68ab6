# facts §9.1, claim shared-kernel: every namespace sees the same kernel release and the same global sysctls.
[ "$(uname -r)" = "$(unshare --uts --pid --fork --mount --net --ipc uname -r)" ] && echo same kernel release
[ "$(sysctl -n vm.swappiness)" = "$(unshare --uts --net --ipc --pid --fork --mount sysctl -n vm.swappiness)" ] && echo vm.swappiness is shared
