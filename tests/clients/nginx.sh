# nginx for tests/clients/run.sh (sourced, check 7): Debian's nginx started as the current user on a
# loopback port, with a configuration written into a folder of the test run; everything nginx writes (pid,
# error and access logs, temporary files) stays in that folder, nothing in /var/log or /run. The sites are
# served with the `nginx` block of README.md, copied from it (so the example there is the one tested), with
# its folder and sub-path replaced.
#
#   nginx_config DIR PORT SUBPATH FOLDER [SUBPATH FOLDER]...   writes DIR/nginx.conf
#   nginx_start DIR                                            starts it (NGINX_PID), waits until it listens
#   nginx_stop                                                 stops it and waits until it has ended
#
# SUBPATH is where a site is published (/contests/ai-2025), FOLDER the built site. The caller's EXIT trap
# calls nginx_stop, so nginx never outlives the run.
NGINX=${NGINX:-/usr/sbin/nginx}
NGINX_PID=
# README's example publishes /srv/contests/ai-2025/ at /contests/ai-2025/.
README_FOLDER=/srv/contests/ai-2025/
README_SUBPATH=/contests/ai-2025

readme_nginx_block() { # the first ```nginx block of README.md
  awk '/^```nginx$/ { inside = 1; next } inside && /^```$/ { exit } inside' "$REPO/README.md"
}

nginx_config() {
  local dir=$1 port=$2; shift 2
  mkdir -p "$dir" || return 1
  local block sites=""
  block=$(readme_nginx_block)
  if ! grep -qF "alias $README_FOLDER;" <<<"$block" || ! grep -qF "location $README_SUBPATH/ {" <<<"$block"; then
    echo "README.md has no \`\`\`nginx block that publishes $README_FOLDER at $README_SUBPATH/"
    return 1
  fi
  while [ $# -ge 2 ]; do
    sites+=$(sed -e "s|$README_FOLDER|$2/|g" -e "s|$README_SUBPATH|$1|g" <<<"$block")$'\n'
    shift 2
  done
  # Workers of a master run by root would otherwise be `nobody`, who cannot read the test's folder.
  local user=""
  [ "$(id -u)" = 0 ] && user="user root;"
  cat >"$dir/nginx.conf" <<EOF
# Written by tests/clients/nginx.sh; only the server's locations come from README.md.
worker_processes 1;
$user
pid $dir/nginx.pid;
lock_file $dir/nginx.lock;
events { worker_connections 64; }
http {
    # As Debian's /etc/nginx/nginx.conf.
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $dir/access.log;
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    server {
        listen 127.0.0.1:$port;
$sites
    }
}
EOF
}

nginx_start() {
  local dir=$1 i
  rm -f "$dir/nginx.pid"
  # In the foreground (daemon off), so that $! is the master and nothing forks away from the run.
  "$NGINX" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' &
  NGINX_PID=$!
  # The pid file is written once the port is bound (nginx retries a busy port for 2.5 s, then exits).
  for i in $(seq 100); do
    if ! kill -0 "$NGINX_PID" 2>/dev/null; then break; fi
    if [ -s "$dir/nginx.pid" ]; then return 0; fi
    sleep 0.1
  done
  echo "nginx did not start:"; cat "$dir/error.log" 2>/dev/null
  nginx_stop
  return 1
}

nginx_stop() {
  [ -n "$NGINX_PID" ] || return 0
  kill -TERM "$NGINX_PID" 2>/dev/null
  wait "$NGINX_PID" 2>/dev/null
  NGINX_PID=
}
