# user_namespaces(7): unmapped IDs show as the overflow ID 65534; uid_map is empty until written.
unshare --user id -u
unshare --user cat /proc/self/uid_map
unshare --map-root-user id -u
unshare --map-root-user cat /proc/self/uid_map
