import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_PAGE } from '../fixtures/serve';

/** What one URL answers: a server redirect, the fixture messenger page (also for any URL not listed), or a connection reset. */
export type HostAnswer = { redirect: string; status?: 301 | 302 | 307 } | 'page' | 'reset';

export interface HttpsHosts {
  /** Chromium flags: these hosts resolve to the local server, whose self-signed certificate is accepted. */
  chromiumArgs: string[];
  hosts: ReadonlySet<string>;
  close(): Promise<void>;
}

/**
 * Real host names served from 127.0.0.1 over HTTPS, for what Playwright's routing cannot do:
 * a browser-followed chain of server redirects (routing does not see the redirected request).
 * Answers are keyed by "host/path?query".
 */
export async function serveHttpsHosts(answers: Record<string, HostAnswer>): Promise<HttpsHosts> {
  const folder = mkdtempSync(join(tmpdir(), 'podskazka-https-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem'), '-days', '1', '-subj', '/CN=podskazka-test'], { stdio: 'ignore' });
  const server = createServer({ key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) }, (request, response) => {
    const answer = answers[`${request.headers.host}${request.url}`] ?? 'page';
    if (answer === 'reset') return void request.socket.destroy();
    if (answer === 'page') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FIXTURE_PAGE);
    response.writeHead(answer.status ?? 302, { location: answer.redirect }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hosts = new Set(Object.keys(answers).map((key) => key.split('/')[0]!));
  return {
    chromiumArgs: ['--ignore-certificate-errors', `--host-resolver-rules=${[...hosts].map((host) => `MAP ${host} 127.0.0.1:${port}`).join(',')}`],
    hosts,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
