// Baseline for the `me` benchmark: the least a server can do to answer the same request. A bare Fastify route at
// POST /graphql that verifies the same HS256 JWT with jose on every request (same algorithm, issuer, audience and
// required claims as src/modules/auth/tokens.ts), reads the same session-and-user row with mysql2 on every request
// (a prepared statement on a pool of the same size as the service's), checks it the same way and answers the same
// JSON. No GraphQL, no caching.
import Fastify from 'fastify';
import { jwtVerify } from 'jose';
import mysql, { type RowDataPacket } from 'mysql2/promise';

// Imported once as a CryptoKey, as the service does (given raw bytes, jose would import them for every token).
const secret = await crypto.subtle.importKey('raw', new TextEncoder().encode(process.env.JWT_SECRET!), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
const pool = mysql.createPool({ uri: process.env.DATABASE_URL!, connectionLimit: 10, timezone: 'Z', charset: 'UTF8MB4_BIN', supportBigNumbers: true, enableKeepAlive: true });

const SQL = `SELECT s.id AS session_id, s.revoked_at, s.expires_at, u.id, u.username, u.email, u.phone, u.is_active, u.deleted_at
  FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.jti = ? AND s.user_id = ? LIMIT 1`;

const unauthenticated = (message: string) => ({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }], data: null });

const app = Fastify({ logger: false });
app.post('/graphql', async (request, reply) => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match) return unauthenticated('No token');
  let userId: number;
  let sessionId: string;
  try {
    const { payload } = await jwtVerify(match[1]!, secret, {
      algorithms: ['HS256'],
      issuer: 'realtime-membership',
      audience: 'realtime-membership',
      requiredClaims: ['sub', 'sid', 'jti', 'exp'],
    });
    userId = Number(payload.sub);
    sessionId = String(payload.sid);
  } catch {
    return unauthenticated('Invalid token');
  }
  const [rows] = await pool.execute<RowDataPacket[]>(SQL, [sessionId, userId]);
  const row = rows[0];
  if (!row || row.revoked_at || row.expires_at.getTime() <= Date.now() || !row.is_active || row.deleted_at) {
    return unauthenticated('Invalid session');
  }
  reply.header('content-type', 'application/graphql-response+json; charset=utf-8');
  return { data: { me: { id: String(row.id), username: row.username, email: row.email, phone: row.phone } } };
});

const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
console.log(`Listening on ${address.replace('localhost', '127.0.0.1')}`);
const stop = () => void app.close().then(() => pool.end()).then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
