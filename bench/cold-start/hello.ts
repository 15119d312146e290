// The cold-start baseline of bench/cold-start.bench.ts: functions-framework and a Firestore client,
// answering 200 after reading one document, built like functions/src (the bench compiles it with
// ./tsconfig.json) and served by the same functions-framework CLI with the same environment.
import { http } from '@google-cloud/functions-framework';
import { Firestore } from '@google-cloud/firestore';

const projectId = process.env.GOOGLE_CLOUD_PROJECT;
const db = new Firestore(projectId ? { projectId } : {});

http('hello', async (_req, res) => {
  const snap = await db.collection('bench').doc('hello').get();
  res.status(200).json({ hello: snap.get('name') ?? null });
});
