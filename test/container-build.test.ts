import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * There is no container runtime on the test machine, so the Dockerfile is tested in parts:
 * its build stage's COPY lines and `npm run build` in a clean copy (node_modules linked
 * instead of `npm ci`, which needs the network), then its CMD, starting the built server
 * with an empty data folder until /healthz answers. The rest of the file is checked line by
 * line for what matters (hadolint, when it is installed, lints it in full).
 */

const dockerfile = readFileSync('Dockerfile', 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'tillit-image-'));
let server: ChildProcess | null = null;
afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Instructions as [keyword, rest], continuation lines joined and comments left out. */
function instructions(text: string): [string, string][] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return [keyword.toUpperCase(), rest.join(' ')];
    });
}

const stages = () => {
  const all = instructions(dockerfile);
  const starts = all.flatMap(([keyword], i) => (keyword === 'FROM' ? [i] : []));
  return starts.map((start, n) => all.slice(start, starts[n + 1]));
};

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function health(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return 0;
  }
}

describe('the Dockerfile', () => {
  it('builds in two stages on a current Node LTS, and runs as a non-root user', () => {
    const [build, runtime] = stages();
    expect(stages()).toHaveLength(2);
    expect(dockerfile).toMatch(/^ARG NODE_VERSION=(22|24)$/m);
    expect(build![0]![1]).toMatch(/^node:\$\{NODE_VERSION\}-slim AS build$/);
    expect(runtime![0]![1]).toMatch(/^node:\$\{NODE_VERSION\}-slim$/);
    const run = runtime!.filter(([k]) => k === 'RUN').map(([, rest]) => rest);
    expect(run.join('\n')).toContain(
      'apt-get install -y --no-install-recommends fonts-dejavu-core',
    );
    expect(runtime).toContainEqual(['USER', 'node']);
    const healthcheck = runtime!.find(([k]) => k === 'HEALTHCHECK')?.[1] ?? '';
    expect(healthcheck).toContain('/healthz');
    expect(runtime!.at(-1)).toEqual([
      'CMD',
      '["node", "--enable-source-maps", "dist/bot/main.js"]',
    ]);
  });

  it('keeps secrets, data and local builds out of the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const name of ['.env', 'node_modules', 'dist', 'data', '.git']) {
      expect(ignored).toContain(name);
    }
  });

  it('has a compose file with Tillit and PostgreSQL 15, health-checked, on a volume', () => {
    const compose = parse(readFileSync('compose.yaml', 'utf8'));
    expect(compose.services.postgres.image).toBe('postgres:15');
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(compose.services.postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(compose.services.tillit.depends_on.postgres.condition).toBe('service_healthy');
    expect(compose.services.tillit.environment.DATABASE_URL).toMatch(
      /^postgres:\/\/.*@postgres:5432\//,
    );
    expect(Object.keys(compose.volumes)).toEqual(['postgres-data']);
  });

  it('passes hadolint, where hadolint is installed', () => {
    const found = spawnSync('hadolint', ['--version']);
    if (found.error) return; // not on this machine: the checks above stand in for it
    const lint = spawnSync('hadolint', ['Dockerfile'], { encoding: 'utf8' });
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
  });

  it('builds as its build stage does, and its CMD serves /healthz on an empty data folder', async () => {
    const [build] = stages();
    // The build stage's COPY lines, in a clean folder: what the Dockerfile forgets is missing.
    const app = path.join(work, 'app');
    mkdirSync(app);
    for (const [keyword, rest] of build!) {
      if (keyword !== 'COPY') continue;
      const sources = rest.split(/\s+/).slice(0, -1);
      for (const source of sources) cpSync(source, path.join(app, source), { recursive: true });
    }
    expect(existsSync(path.join(app, 'test'))).toBe(false);
    // `npm ci` wants the network and minutes: the same lockfile's node_modules, linked.
    symlinkSync(path.resolve('node_modules'), path.join(app, 'node_modules'), 'dir');
    const built = spawnSync('npm', ['run', 'build'], { cwd: app, encoding: 'utf8' });
    expect(built.status, built.stdout + built.stderr).toBe(0);
    expect(existsSync(path.join(app, 'dist/bot/local/page/index.html'))).toBe(true);
    expect(existsSync(path.join(app, 'dist/store/migrations/meta/_journal.json'))).toBe(true);

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (!/^(DATABASE_URL|HOST|SLACK_|MICROSOFT_|TEAMS_|LOCAL_CHANNEL|TIME_TRAVEL)/.test(name))
        env[name] = value;
    }
    // The image's command, with HOST on loopback: this test machine is not a container.
    const [, cmd = ''] = stages()[1]!.at(-1)!;
    const [node, ...args] = JSON.parse(cmd) as string[];
    expect(node).toBe('node');
    server = spawn(process.execPath, args, {
      cwd: app,
      env: {
        ...env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        TILLIT_DATA_DIR: path.join(work, 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(() => health(`${base}/healthz`), { timeout: 90_000, interval: 250 })
      .toBe(200);
    // The local page is read from dist/ at run time: it was copied beside the code.
    const page = await fetch(`${base}/`);
    expect(page.status, output).toBe(200);
    expect(await page.text()).toContain('<html');
    const exited = new Promise<number | null>((resolve) => server!.on('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited, output).toBe(0);
  }, 180_000);
});
