// The `remind` function's wiring (HTTP, called by Cloud Scheduler): reminders, escalations and
// the morning digests, written as outbox e-mails that the worker sends (notified through Pub/Sub,
// and found by the sweep otherwise). It loads no Google Docs, Drive, Gmail or Forms client.
import { createReminderService } from '../standards/reminders.ts';
import { notifyOutbox, store } from './runtime.ts';

export const reminders = createReminderService(store, { notify: notifyOutbox });
