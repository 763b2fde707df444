/**
 * @module The outbox worker: delivers queued mails over SMTP, one at a time, and retries
 * with a growing delay until the server takes them, so no mail is lost while the SMTP
 * server is down or the service restarts (S29). A mail still refused after
 * PORTAL_MAIL_GIVE_UP_HOURS is given up, logged as an error, and waits for an operator's
 * `mail retry`. Without SMTP_URL it is not started and the outbox is the dev mailbox.
 *
 * @example
 * const worker = startMailWorker({ db, config, logger });  // null when SMTP_URL is unset
 * await queueMail(db, mail, now);                          // renders it, then stores the row
 * void worker?.deliverDue();                               // send now, not at the next poll
 * await worker?.stop();                                    // on SIGTERM
 */
import { createTransport, type SendMailOptions } from 'nodemailer';
import { type Clock, systemClock } from '../clock.ts';
import { type Config, describeSmtpServer } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Db } from '../store/database.ts';
import {
  claimDueMail,
  type DueMail,
  markMailFailed,
  markMailGivenUp,
  markMailSent,
} from '../store/outbox.ts';

/** What the worker needs of a nodemailer transporter; tests may pass their own. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close(): void;
}

export interface MailWorkerOptions {
  db: Db;
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'supportEmail' | 'mailGiveUpHours'>;
  logger: Logger;
  clock?: Clock;
  /** How often to look for due mails; 2 seconds by default. */
  pollMilliseconds?: number;
  /** Used instead of an SMTP transport built from `config.smtpUrl`; the caller closes it. */
  transport?: MailTransport;
}

export interface MailWorker {
  /**
   * Delivers every mail due now, one after another, and resolves to how many were sent.
   * Calls while a run is waiting to start share that run; a run never overlaps another.
   */
  deliverDue(): Promise<number>;
  /** Stops polling, waits for the delivery in flight, closes the transport it opened. */
  stop(): Promise<void>;
}

/** The first retry waits 10 seconds; each further one twice as long, up to 15 minutes. */
export function retryDelayMilliseconds(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(attempts - 1, 0), 15 * 60_000);
}

/** Longer than any one delivery can take with the timeouts below (see claimDueMail). */
const CLAIM_LEASE_MILLISECONDS = 5 * 60_000;

/**
 * Starts the worker, or returns null when there is nowhere to send (no SMTP_URL and no
 * transport given). The first poll comes after `pollMilliseconds`, then every as often.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker | null {
  const { smtpUrl } = options.config;
  if (options.transport) return runMailWorker(options, options.transport, false);
  return smtpUrl ? runMailWorker(options, createSmtpTransport(smtpUrl), true) : null;
}

function runMailWorker(
  options: MailWorkerOptions,
  transport: MailTransport,
  ownsTransport: boolean,
): MailWorker {
  const { db, config, logger, clock = systemClock, pollMilliseconds = 2_000 } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // `tail` is the last run scheduled; `waiting` a run scheduled but not yet started.
  let tail: Promise<unknown> = Promise.resolve();
  let waiting: Promise<number> | null = null;

  async function deliverMail(mail: DueMail): Promise<boolean> {
    try {
      await transport.sendMail({
        from: config.mailFrom,
        // A customer who answers the mail reaches support, as the help text's last line asks.
        replyTo: config.supportEmail,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // Fixed when the mail was queued: a retry after a lost answer is the same mail.
        messageId: mail.messageId,
        // RFC 3834: tells mail servers not to send out-of-office replies to it.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const attempts = mail.attempts + 1;
      const delay = retryDelayMilliseconds(attempts);
      const reason = describeDeliveryError(error);
      const now = clock.now();
      // Refused all this time (a wrong address, a server that never takes it): stop trying,
      // so it neither blocks nor floods the log, and tell the operator how to send it again.
      if (now - mail.queuedAt >= config.mailGiveUpHours * 3_600_000) {
        await markMailGivenUp(db, mail.id, now, reason);
        logger.error('mail_given_up', {
          outboxId: mail.id,
          kind: mail.kind,
          attempts,
          error: reason,
          retry: `npm run portal -- mail retry ${mail.id}`,
        });
        return false;
      }
      await markMailFailed(db, mail.id, now + delay, reason);
      // The id leads support to the row; recipient and content stay out of the log (S05).
      logger.warn('mail_delivery_failed', {
        outboxId: mail.id,
        kind: mail.kind,
        attempts,
        retryInSeconds: delay / 1000,
        error: reason,
      });
      return false;
    }
    await markMailSent(db, mail.id, clock.now());
    logger.info('mail_sent', { outboxId: mail.id, kind: mail.kind, attempts: mail.attempts + 1 });
    return true;
  }

  async function deliverAllDue(): Promise<number> {
    let sent = 0;
    try {
      // A claimed or failed mail is not due again within this run, so the loop ends.
      for (;;) {
        if (stopped) break;
        const mail = await claimDueMail(db, clock.now(), CLAIM_LEASE_MILLISECONDS);
        if (!mail) break;
        if (await deliverMail(mail)) sent += 1;
      }
    } catch (error) {
      // A database error must not stop the worker for good: the next poll tries again.
      logger.error('mail_worker_failed', { error: describeDeliveryError(error) });
    }
    return sent;
  }

  function deliverDue(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    if (waiting) return waiting;
    const run = tail.then(() => {
      waiting = null;
      return deliverAllDue();
    });
    waiting = run;
    tail = run;
    return run;
  }

  function schedulePoll(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void deliverDue().finally(schedulePoll);
    }, pollMilliseconds);
    // The HTTP server keeps the process alive; a forgotten worker must not.
    timer.unref();
  }

  logger.info('mail_worker_started', {
    smtp: config.smtpUrl ? describeSmtpServer(config.smtpUrl) : null,
    pollMilliseconds,
  });
  schedulePoll();

  return {
    deliverDue,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await tail;
      if (ownsTransport) transport.close();
      logger.info('mail_worker_stopped');
    },
  };
}

export function createSmtpTransport(smtpUrl: string) {
  // The URL carries host, port, TLS (smtps://) and credentials; these bound how long one
  // delivery can block the queue when the server accepts connections but does not answer.
  return createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

/**
 * The error's code and first line, for the outbox row and the log. nodemailer's errors
 * hold no mail content, but any URL is cut anyway: a reset link or an SMTP URL with its
 * password must never be stored or logged (S05).
 */
export function describeDeliveryError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = 'code' in error && typeof error.code === 'string' ? error.code : error.name;
  const status =
    'responseCode' in error && typeof error.responseCode === 'number'
      ? ` ${error.responseCode}`
      : '';
  const firstLine = (error.message.split('\n')[0] ?? '')
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]')
    .slice(0, 200);
  return `${code}${status}: ${firstLine}`;
}
