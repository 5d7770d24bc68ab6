# gethostname(2), user_namespaces(7), capabilities(7): sethostname needs CAP_SYS_ADMIN in the user namespace
# owning the UTS namespace, and a process whose UID is unmapped (65534) loses its capabilities at execve.
unshare --user hostname nope
echo status $?
unshare --user --uts sh -c 'hostname mine && hostname'
