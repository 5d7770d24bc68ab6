# requires: cgroup2
# cgroup_namespaces(7), facts §5.7: inside a new cgroup namespace /proc/self/cgroup shows 0::/.
unshare --cgroup cat /proc/self/cgroup
