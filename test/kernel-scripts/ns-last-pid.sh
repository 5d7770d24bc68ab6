# pid_namespaces(7): /proc/sys/kernel/ns_last_pid is per PID namespace.
unshare --pid --fork --mount-proc cat /proc/sys/kernel/ns_last_pid
