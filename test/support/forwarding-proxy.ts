// A reverse proxy in front of the service that appends the client's address to X-Forwarded-For, as nginx's
// $proxy_add_x_forwarded_for does, for plain requests and WebSocket upgrades; it connects from `localAddress`.
import { createServer, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ForwardingProxy {
  url: string;
  close(): Promise<void>;
}

function forwardedHeaders(req: IncomingMessage) {
  const previous = req.headers['x-forwarded-for'];
  const peer = req.socket.remoteAddress!.replace(/^::ffff:/, '');
  return { ...req.headers, 'x-forwarded-for': previous ? `${previous}, ${peer}` : peer };
}

export async function startForwardingProxy(target: string, localAddress = '127.0.0.3'): Promise<ForwardingProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const forwarded = request({ host: upstream.hostname, port: upstream.port, localAddress, method: req.method, path: req.url, headers: forwardedHeaders(req) }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, client: Socket, head) => {
    const target = connect({ host: upstream.hostname, port: Number(upstream.port), localAddress }, () => {
      const lines = Object.entries(forwardedHeaders(req)).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`));
      target.write(`${req.method} ${req.url} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
      target.write(head);
      client.pipe(target).pipe(client);
    });
    sockets.add(target);
    target.on('close', () => client.destroy());
    client.on('close', () => target.destroy());
    target.on('error', () => client.destroy());
    client.on('error', () => target.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
