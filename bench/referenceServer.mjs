/**
 * The y-websocket reference server (`@y/websocket-server` on yjs 13) as the bench's baseline:
 * `setupWSConnection` on a `ws` server, room name = the URL path, no auth, nothing stored
 * (YPERSISTENCE must stay unset). Listens on 127.0.0.1, port PORT (default 0: a free port),
 * and prints `Reference listening on http://127.0.0.1:<port>`.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';

if (process.env.YPERSISTENCE !== undefined) {
  process.stderr.write('The reference server is a baseline that stores nothing: unset YPERSISTENCE.\n');
  process.exit(1);
}
const { setupWSConnection } = await import('@y/websocket-server/utils');

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`Reference listening on http://127.0.0.1:${server.address().port}\n`);
});

const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
