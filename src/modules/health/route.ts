// GET/HEAD /health: 200 with the health report when the database answers, 503 when it does not.
import { sendJson } from '../../http/responses.js';
import type { HttpRoute } from '../../http/routes.js';
import { checkHealth } from './service.js';

export const healthRoute: HttpRoute = {
  name: 'health',
  owns: (path) => path === '/health',
  methods: ['GET', 'HEAD'],
  quiet: true,
  handle: (runtime, _req, res) => checkHealth(runtime).then((health) => sendJson(res, health.status === 'ok' ? 200 : 503, health)),
};
