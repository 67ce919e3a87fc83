#!/usr/bin/env bash
# Search engine benchmarks (not a test): indexing throughput and memory,
# query latency under concurrent load from a separate process (wrk) on
# loopback, and server memory over a soak.
#
#   bench/search.sh [--size-mb N] [--docs N] [--clients N] [--seconds N]
#                   [--soak-seconds N] [--threads N] [--work DIR] [--no-build]
#
# Defaults follow the targets: 1024 MB indexed (>= 20 MB/s on 2 cores,
# bounded memory), 1,000,000 documents served to 50 concurrent clients
# (p99 <= 20 ms, no errors), memory sampled over a 600 s soak.
# Text comes from ../shared/data (or $SORANI_SHARED_DIR): its lines are
# cycled, each document numbered so that none is a duplicate.
# Needs: wrk (Debian package `wrk`), /usr/bin/time, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=1024
DOCS=1000000
CLIENTS=50
SECONDS_LOAD=60
SOAK=600
THREADS=2
BUILD=1
WORK=${TMPDIR:-/tmp}/sorani-search-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) SIZE_MB=$2; shift 2 ;;
    --docs) DOCS=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --seconds) SECONDS_LOAD=$2; shift 2 ;;
    --soak-seconds) SOAK=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

SHARED=${SORANI_SHARED_DIR:-../shared}
# accept both the shared folder and its data/ folder
if [ -d "$SHARED/awta-en-ckb" ]; then SHARED=$(dirname "$SHARED"); fi
if [ ! -d "$SHARED/data/awta-en-ckb" ]; then
  echo "bench/search.sh: $SHARED/data/awta-en-ckb is absent; skipped"
  exit 0
fi
command -v wrk >/dev/null || { echo "bench/search.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }

if [ "$BUILD" = 1 ]; then cargo build --release -p sorani-cli; fi
SORANI=target/release/sorani
mkdir -p "$WORK"

# --- corpus generation: JSONL, documents of 1-3 lines, numbered, cycled
gen() { # gen OUT MAX_BYTES MAX_DOCS
  python3 - "$SHARED/data" "$1" "$2" "$3" <<'EOF'
import sys, os, json, glob
data, out, max_bytes, max_docs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
files = [os.path.join(data, "awta-en-ckb/100000_samples_ku.txt"),
         os.path.join(data, "interdialect-parallel/CKB-KMR/CKB-KMR_ckb_no_tag.txt")]
files += sorted(glob.glob(os.path.join(data, "ktc-textbooks/*/*.txt")))
files += sorted(glob.glob(os.path.join(data, "developerstree-kurdish-resources/wishe/*.txt")))
lines = []
for f in files:
    try:
        for l in open(f, encoding="utf-8", errors="replace"):
            l = l.strip().lstrip("\ufeff")
            if len(l.split()) >= 3:
                lines.append(l)
    except OSError:
        pass
n = written = i = 0
with open(out, "w", encoding="utf-8") as o:
    while written < max_bytes and n < max_docs:
        k = 1 + (n % 3)
        body = "\n".join(lines[(i + j) % len(lines)] for j in range(k)) + f" ({n})"
        i += k
        rec = json.dumps({"id": f"d{n}", "body": body, "date": f"20{10 + n % 15}-0{1 + n % 9}-1{n % 10}",
                          "source": f"s{n % 7}"}, ensure_ascii=False)
        o.write(rec + "\n")
        written += len(body.encode())
        n += 1
print(n, written)
EOF
}

echo "== indexing: ${SIZE_MB} MB of text, ${THREADS} threads"
read -r NDOCS NBYTES < <(gen "$WORK/corpus.jsonl" $((SIZE_MB * 1000000)) 100000000)
rm -rf "$WORK/idx-size"
/usr/bin/time -v "$SORANI" index --quiet --json --threads "$THREADS" --memory-mb 256 \
  --index "$WORK/idx-size" "$WORK/corpus.jsonl" 2> "$WORK/time-index.txt" > "$WORK/stats-index.json" &
TIMER=$!
# Peak heap (RssAnon) apart from mapped index files (RssFile, which the
# kernel can drop): the writer's heap is what --memory-mb bounds.
ANON=0; FILEMAP=0
while kill -0 "$TIMER" 2>/dev/null; do
  IXPID=$(pgrep -P "$TIMER" | head -1 || true)
  if [ -n "$IXPID" ] && [ -r "/proc/$IXPID/status" ]; then
    a=$(awk '/RssAnon/ {print int($2/1024)}' "/proc/$IXPID/status" 2>/dev/null || echo 0)
    f=$(awk '/RssFile/ {print int($2/1024)}' "/proc/$IXPID/status" 2>/dev/null || echo 0)
    [ "${a:-0}" -gt "$ANON" ] && ANON=$a
    [ "${f:-0}" -gt "$FILEMAP" ] && FILEMAP=$f
  fi
  sleep 1
done
wait "$TIMER"
SECS=$(grep "Elapsed (wall clock)" "$WORK/time-index.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
RSS=$(grep "Maximum resident" "$WORK/time-index.txt" | awk '{print $NF}')
python3 -c "import sys; n,b,s,r=int(sys.argv[1]),int(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]); print(f'indexed {n} docs, {b/1e6:.0f} MB of text in {s:.1f} s: {b/1e6/s:.1f} MB/s; max RSS {r/1024:.0f} MB')" "$NDOCS" "$NBYTES" "$SECS" "$RSS"
echo "peak heap (RssAnon) ${ANON} MB, peak mapped index files (RssFile) ${FILEMAP} MB"
cat "$WORK/stats-index.json"

echo "== latency: ${DOCS} documents, ${CLIENTS} concurrent clients (wrk), ${SECONDS_LOAD} s"
read -r LDOCS LBYTES < <(gen "$WORK/docs.jsonl" 100000000000 "$DOCS")
rm -rf "$WORK/idx-docs"
# served as built: merged into one segment (--merge), as a collection built once would be
"$SORANI" index --quiet --merge --threads "$THREADS" --index "$WORK/idx-docs" "$WORK/docs.jsonl"
# queries: 1-3 words taken from the corpus, URL-encoded
python3 - "$WORK/docs.jsonl" "$WORK/queries.txt" <<'EOF'
import sys, json, random, urllib.parse
random.seed(7)
words = []
for i, l in enumerate(open(sys.argv[1], encoding="utf-8")):
    if i % 97: continue
    words += [w for w in json.loads(l)["body"].split() if len(w) > 3 and not w.startswith("(")]
    if len(words) > 200000: break
with open(sys.argv[2], "w") as o:
    for _ in range(5000):
        q = " ".join(random.choice(words) for _ in range(random.randint(1, 3)))
        o.write(urllib.parse.quote(q) + "\n")
EOF
cat > "$WORK/queries.lua" <<EOF
local queries = {}
for line in io.lines("$WORK/queries.txt") do queries[#queries + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?limit=10&q=" .. queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
EOF
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$SORANI" serve --index "$WORK/idx-docs" --addr "127.0.0.1:$PORT" 2> "$WORK/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$SERVER/status"; }
echo "server RSS before load: $(rss) MB"
wrk -t 2 -c "$CLIENTS" -d "${SECONDS_LOAD}s" --latency -s "$WORK/queries.lua" "http://127.0.0.1:$PORT" | tail -4
echo "server RSS after load: $(rss) MB"

if [ "$SOAK" -gt 0 ]; then
  echo "== soak: ${SOAK} s at ${CLIENTS} clients, RSS every 30 s"
  wrk -t 2 -c "$CLIENTS" -d "${SOAK}s" -s "$WORK/queries.lua" "http://127.0.0.1:$PORT" > "$WORK/soak.txt" &
  WRK=$!
  while kill -0 $WRK 2>/dev/null; do sleep 30; echo "  RSS $(rss) MB"; done
  tail -2 "$WORK/soak.txt"
fi
kill -TERM $SERVER; wait $SERVER || true
trap - EXIT
