import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childPids } from './procs';

const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/**
 * A reverse proxy in front of the app's instances, as a deployment runs one: Debian's nginx
 * (`apt-get install nginx-light`) with a configuration of the bench's own in a temporary
 * directory, round robin over the upstreams with keep-alive connections to them. Each answer
 * names the instance that served it (`X-Upstream`), so the bench can see the spread.
 */
export interface ReverseProxy {
  url: string;
  /** The nginx master and worker processes (for their CPU time). */
  pids(): number[];
  stop(): Promise<void>;
}

export function nginxAvailable(): boolean {
  return fs.existsSync(NGINX);
}

function config(dir: string, port: number, upstreams: number[]): string {
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  return `worker_processes 1;
daemon off;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 2048; }
http {
  access_log off;
  # A load generator's connections stay open for the whole run (nginx closes one after 1,000
  # requests by default, which a client may meet with a request on its way).
  keepalive_requests 1000000;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  upstream app {
    ${upstreams.map((p) => `server 127.0.0.1:${p};`).join('\n    ')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 50m;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffering off;
      proxy_read_timeout 600s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export async function startProxy(port: number, upstreams: number[]): Promise<ReverseProxy> {
  if (!nginxAvailable()) throw new Error(`${NGINX} is missing: apt-get install nginx-light`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, config(dir, port, upstreams));
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const listening = await fetch(`${url}/api/health`).then(
    () => true,
    () => false,
  );
  if (listening) {
    child.kill('SIGKILL');
    throw new Error(`port ${port} is taken (a proxy left from an earlier run?)`);
  }
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.headers.get('x-upstream')) break;
    } catch {
      // not listening yet
    }
    if (i > 100) throw new Error(`nginx did not answer on ${port}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pids: () => [child.pid!, ...childPids(child.pid!)],
    stop: async () => {
      if (child.exitCode !== null) return;
      const workers = childPids(child.pid!);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM'); // fast shutdown: the load generator's connections are not waited for
      });
      for (const pid of workers) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone with its master
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
