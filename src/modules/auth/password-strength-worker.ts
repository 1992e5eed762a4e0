// The worker thread that runs zxcvbn (password-strength-engine.ts): one question at a time, answered by id.
import { parentPort } from 'node:worker_threads';
import type { Locale } from '../../delivery/templates.js';
import { judgePassword } from './password-strength-engine.js';

export interface StrengthQuestion {
  id: number;
  password: string;
  inputs: string[];
  locale: Locale;
}

parentPort?.on('message', (question: StrengthQuestion) => {
  judgePassword(question.password, question.inputs, question.locale).then(
    (verdict) => parentPort!.postMessage({ id: question.id, ...verdict }),
    (error: unknown) => parentPort!.postMessage({ id: question.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
