# proc(5) NSpid, pid_namespaces(7): inside, PID 1 has PPid 0 and one NSpid level.
unshare --pid --fork --mount-proc sh -c 'while IFS= read -r l; do case "$l" in PPid:*|NSpid:*) echo "$l";; esac; done < /proc/self/status'
