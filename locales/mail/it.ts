/**
 * @module Italian mail texts: formal "Lei", with the courtesy forms capitalised (Suo, Le)
 * as in business letters, and phrased so that no word needs a gender ("Gentile" is both).
 * Field meanings: `MailTexts` in mail-texts.ts.
 */
import type { MailTexts } from './mail-texts.ts';

export const it = {
  common: {
    greeting: 'Gentile {name},',
    linkFallback:
      'Se il pulsante non funziona, copi questo indirizzo nella barra degli indirizzi del Suo browser:',
    signOff: 'Cordiali saluti',
    signature: 'Il servizio clienti',
    supportSubject: 'Portale clienti – numero cliente {customerNumber}',
  },
  customer_number: {
    subject: 'Il Suo numero cliente per il portale clienti',
    intro:
      'La ringraziamo per la fiducia accordataci. Da oggi può accedere al nostro portale clienti. In questa e-mail trova il Suo numero cliente, che Le servirà a ogni accesso.',
    numberLabel: 'Il Suo numero cliente:',
    keepSafe:
      'La preghiamo di conservare questa e-mail o di salvare il Suo numero cliente in un luogo sicuro, e di indicarlo sempre quando ci contatta.',
    passwordFollows: 'Riceverà la password per il primo accesso in un’e-mail separata.',
    portalLink: 'Vai al portale clienti',
  },
  initial_password: {
    subject: 'La Sua password per il primo accesso al portale clienti',
    intro:
      'Ecco la password per il Suo primo accesso al portale clienti. Il Suo numero cliente Le è stato inviato in un’e-mail separata.',
    passwordLabel: 'La Sua password per il primo accesso:',
    validUntil: 'Questa password è valida fino al {expiresAt}.',
    firstLogin:
      'Acceda con il Suo numero cliente e questa password. Le verrà poi chiesto di scegliere una password personale: inserisca la password qui sopra nel campo «Password precedente», poi la nuova password nei campi «Nuova password» e «Ripeti la nuova password», e faccia clic su «Cambia password». Faccia attenzione alle lettere maiuscole e minuscole.',
    policy:
      'La nuova password deve contenere almeno 8 caratteri, con lettere maiuscole e minuscole, cifre e almeno un carattere speciale.',
    expired:
      'Se la password dovesse scadere prima del Suo primo accesso, il portale clienti Le segnalerà la scadenza al momento dell’accesso. Faccia allora clic su «Password dimenticata?» e scelga una nuova password tramite il link che Le invieremo per e-mail.',
    neverAsk:
      'Non comunichi questa password a nessuno. Non Le chiederemo mai la Sua password via e-mail o per telefono.',
    portalLink: 'Vai al portale clienti',
  },
  password_reset: {
    subject: 'Reimpostazione della password del portale clienti',
    intro:
      'Abbiamo ricevuto una richiesta di reimpostazione della password per il Suo accesso al portale clienti (numero cliente {customerNumber}). Per scegliere una nuova password, faccia clic sul link seguente:',
    action: 'Cambia la password ora',
    validUntil:
      'Il link è valido fino al {expiresAt} e può essere utilizzato una sola volta. Se richiede un nuovo link, il presente link non sarà più valido.',
    notRequested:
      'Se non ha richiesto una nuova password, può semplicemente ignorare questa e-mail. La Sua password resterà invariata.',
    support:
      'In caso di problemi, ci scriva all’indirizzo {supportEmail}. La preghiamo di indicare sempre il Suo numero cliente ({customerNumber}) e di descrivere il problema.',
  },
  password_changed: {
    subject: 'La password del Suo portale clienti è stata modificata',
    intro:
      'La password per il Suo accesso al portale clienti (numero cliente {customerNumber}) è stata modificata il {changedAt}.',
    ifYou: 'Se la modifica è stata effettuata da Lei, non deve fare nient’altro.',
    ifNotYou:
      'Se non ha modificato Lei la password, ci contatti immediatamente all’indirizzo {supportEmail}, indicando il Suo numero cliente ({customerNumber}). Imposti inoltre subito una nuova password tramite «Password dimenticata?» nel portale clienti.',
    portalLink: 'Vai al portale clienti',
  },
} satisfies MailTexts;
