# network_namespaces(7), facts §11: a new network namespace has only lo, and it is DOWN.
unshare --net ip addr
unshare --net ip link
