# A container and a VM started from the same host (issue 5's proof): time, kernel, memory.
uname -r
free -m
docker pull alpine > /dev/null
time docker run --rm alpine uname -r
vm create vm1 --linked
time vm start vm1 -q
vm ssh vm1 -- uname -r
vm create fc --profile microvm
time vm start fc -q
vm ssh fc -- uname -r
free -m
