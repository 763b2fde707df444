/**
 * @module Settings a production start accepts: every variable production demands, with
 * addresses of reserved example domains. Tests add the ports, database and SMTP server.
 */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  SMTP_URL: 'smtps://portal%40dealer.example:S3cret%40pw@mail.dealer.example:465',
  MAIL_FROM: 'Dealer Portal <portal@dealer.example>',
  SUPPORT_EMAIL: 'help@dealer.example',
  PORTAL_PUBLIC_URL: 'https://www.dealer.example/portal',
  PORTAL_SERVICE_URL: 'https://portal.dealer.example',
} as const;
