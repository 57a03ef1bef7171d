#!/usr/bin/env python3
# Cold and warm builds of several jingsai binaries, alternating run by run (so load changes hit them
# alike). Each binary gets its own output and cache folder under $BENCH_ROOT (default /dev/shm/wb).
#   cold: empty output folder and empty cache; warm: same input, existing output, filled cache.
# Needs $BENCH_ROOT/N/content/ (contest.yaml and N notices from gen_notices.py, as pdfcache.sh makes them)
# and GNU time. Usage: bench/alternate.py RUNS "1000 10000" old-binary new-binary
# Alternating A/B: cold (empty output, empty cache) and warm (same input, existing output, filled cache)
# builds of /dev/shm/wb/N by several binaries, runs interleaved. Prints median wall, CPU, max RSS.
import os, sys, time, statistics, shutil
ROOT = os.environ.get("BENCH_ROOT", "/dev/shm/wb")
runs=int(sys.argv[1]); sizes=sys.argv[2].split(); bins=sys.argv[3:]
def run(b, n, mode, i):
    out=f"{ROOT}/ab-{n}-{i}"; cache=f"{ROOT}/abcache-{i}"
    if mode=="cold":
        shutil.rmtree(out, ignore_errors=True); shutil.rmtree(cache, ignore_errors=True)
    env=dict(os.environ, JINGSAI_CACHE_DIR=cache)
    argv=["/usr/bin/time","-f","%M","-o",f"{ROOT}/rss-{i}",b,"build",f"{ROOT}/{n}","--output",out]
    fd=os.open("/dev/null",os.O_WRONLY)
    t0=time.perf_counter()
    pid=os.posix_spawn(argv[0],argv,env,file_actions=[(os.POSIX_SPAWN_DUP2,fd,2)])
    _,st,ru=os.wait4(pid,0); t1=time.perf_counter(); os.close(fd)
    assert os.waitstatus_to_exitcode(st)==0
    return t1-t0, ru.ru_utime+ru.ru_stime, int(open(f"{ROOT}/rss-{i}").read().split()[-1])/1024
print("load before", open("/proc/loadavg").read().strip())
print("| notices | mode | binary | wall s | CPU s | peak RSS MiB |")
print("|--:|---|---|--:|--:|--:|")
for n in sizes:
    for mode in ["cold","warm"]:
        res={b:[] for b in bins}
        for i,b in enumerate(bins): run(b,n,"cold",i)   # warm-up / fill
        for r in range(runs):
            for i,b in enumerate(bins): res[b].append(run(b,n,mode,i))
        for b in bins:
            w=[x[0] for x in res[b]]; c=[x[1] for x in res[b]]; m=[x[2] for x in res[b]]
            print(f"| {n} | {mode} | {os.path.basename(b)} | {statistics.median(w):.3f} | {statistics.median(c):.3f} | {max(m):.1f} |", flush=True)
print("load after", open("/proc/loadavg").read().strip())
