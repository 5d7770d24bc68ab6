# pid_namespaces(7), facts §5.2: a namespace's init only gets signals it handles from inside, even SIGKILL.
unshare --pid --fork sh -c 'kill -9 1; echo still alive'
