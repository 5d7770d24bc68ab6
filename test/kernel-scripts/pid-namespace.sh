# pid_namespaces(7), facts §11: the first process in a new PID namespace is PID 1;
# --mount-proc gives it a /proc that shows only that namespace.
unshare --pid --fork --mount-proc ps -o pid,comm
