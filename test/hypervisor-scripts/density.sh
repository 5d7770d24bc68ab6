# N containers vs N VMs on one host: free -m before and after each (claim density).
free -m
docker pull alpine > /dev/null
for i in $(seq 10); do docker run -d --name c$i alpine sleep 1d > /dev/null; done
free -m
for i in $(seq 5); do vm create v$i --linked --memory 1G > /dev/null; vm start v$i -q > /dev/null; done
free -m
vm list
