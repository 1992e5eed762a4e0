// Baseline for the fan-out benchmark: a bare `ws` server that sends one payload to every connected client. POST
// /broadcast with {"payload": "..."} sends that string, as is, to every client (serialized once, the least any
// server can do), and answers once every send has been handed to its socket.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const { payload } = JSON.parse(body) as { payload: string };
    for (const client of wss.clients) client.send(payload);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ clients: wss.clients.size }));
  });
});
const wss = new WebSocketServer({ server, path: '/graphql', perMessageDeflate: false });

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`Listening on http://127.0.0.1:${port}`);
});
const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
