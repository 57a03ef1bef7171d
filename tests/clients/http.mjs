// One HTTP GET with node:http (no fetch: Node 18, the nodejs of Debian 12, calls it experimental): the
// status, the headers and the body as sent, never decompressed or redirected.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** GET `url` with `headers`; resolves to { status, headers, body } (body a Buffer). */
export function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(10000, () => req.destroy(new Error(`no answer from ${url} in 10 s`)));
    req.on('error', reject);
  });
}

/** Closes the kept-alive connections, so that the process can end. */
export function done() {
  agent.destroy();
}
