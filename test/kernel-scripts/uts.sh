# uts_namespaces(7): a new UTS namespace starts with a copy of the host name; changes stay inside.
h=$(hostname)
unshare --uts sh -c 'hostname inside; hostname'
[ "$(hostname)" = "$h" ] && echo host name unchanged
