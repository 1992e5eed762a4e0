// A TCP proxy in front of MariaDB that a test can cut, to see how the service behaves when the database is gone.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { testServerUrl } from './database.js';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
  /** Bytes sent to the database so far: how a test sees whether requests reached it. */
  bytesUpstream(): number;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let upstreamBytes = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const makeServer = () =>
    createServer((client) => {
      const upstream = connect(target);
      track(client);
      track(upstream);
      client.on('data', (chunk: Buffer) => (upstreamBytes += chunk.length));
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  const listen = (server: Server, port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  let server = makeServer();
  await listen(server, 0);
  const { port } = server.address() as AddressInfo;
  let listening = true;

  const cut = async () => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    port,
    cut,
    restore: async () => {
      if (listening) return;
      server = makeServer();
      await listen(server, port);
      listening = true;
    },
    close: cut,
    bytesUpstream: () => upstreamBytes,
  };
}

/** A proxy in front of the test MariaDB, and `database`'s URL through it, for a server whose database a test cuts. */
export async function proxyDatabase(database: { url: string }): Promise<{ proxy: TcpProxy; url: string }> {
  const target = testServerUrl();
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 3306) });
  const url = new URL(database.url);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return { proxy, url: url.toString() };
}
