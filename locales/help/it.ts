/**
 * @module La guida per i clienti in italiano (A.1–A.6, B.1–B.4, C.1–C.6), sul modello
 * inglese en.ts. Le diciture sono scritte esattamente come le mostra il portale clienti.
 */
import { LIMITS } from '../../server/contract.ts';
import {
  type HelpText,
  label,
  portalLink,
  step,
  supportEmail,
  text,
  wappLink,
} from './help-text.ts';

const passwordRules = text`${label('La nuova password deve contenere:')} ${label(`almeno ${LIMITS.passwordMinLength} caratteri`)}, ${label('una lettera minuscola')}, ${label('una lettera maiuscola')}, ${label('una cifra')} e ${label('un carattere speciale, ad esempio ! ? # o %')}. L’elenco sotto il campo spunta ogni regola non appena è rispettata. La password non deve contenere il Suo numero cliente.`;

export const it = {
  language: 'it',
  title: 'Guida al portale clienti',
  intro: text`Come accedere al portale clienti per la prima volta (A), come aprirlo dalla nostra pagina WAPP (B) e cosa fare se ha dimenticato la password (C). Scelga la lingua in alto a destra nel portale clienti: DE · FR · IT · EN.`,
  sections: [
    {
      id: 'a',
      title: 'Primo accesso al portale clienti',
      steps: [
        {
          id: 'a-1',
          paragraphs: [
            text`Dopo la conclusione del Suo primo contratto d’acquisto, riceverà all’indirizzo e-mail che ci ha indicato un’e-mail con il Suo numero cliente. L’oggetto è «${label('Il Suo numero cliente per il portale clienti')}». Apra questa e-mail e prenda nota del Suo numero cliente. Lo conservi in un luogo sicuro: Le servirà a ogni accesso e ogni volta che ci scrive.`,
          ],
          picture: 'L’e-mail con il numero cliente.',
        },
        {
          id: 'a-2',
          paragraphs: [
            text`Con una seconda e-mail, separata, riceverà la password per il Suo primo accesso: «${label('La Sua password per il primo accesso al portale clienti')}». Vi è indicato anche fino a quando la password è valida. Apra questa e-mail e tenga la password a portata di mano.`,
          ],
          picture: 'L’e-mail con la password per il primo accesso.',
        },
        {
          id: 'a-3',
          paragraphs: [
            text`Apra il link del portale clienti ${portalLink} e scelga la lingua desiderata in alto a destra. Inserisca il Suo numero cliente nel campo «${label('Numero cliente')}» e la password ricevuta per e-mail nel campo «${label('Password')}», poi clicchi su «${label('Accedi')}».`,
          ],
          picture: 'L’accesso al portale clienti con il numero cliente e la password inseriti.',
        },
        {
          id: 'a-4',
          paragraphs: [
            text`Si apre una nuova finestra: «${label('Scelga una password personale')}». Inserisca nel campo «${label('Password precedente')}» la password che Le abbiamo inviato. Poi inserisca una password a Sua scelta nei due campi «${label('Nuova password')}» e «${label('Ripeti la nuova password')}».`,
            passwordRules,
            text`Poi clicchi su «${label('Cambia password')}». Conservi la nuova password in un luogo sicuro.`,
          ],
          picture:
            'La finestra «Scelga una password personale» con i campi «Password precedente», «Nuova password» e «Ripeti la nuova password».',
        },
        {
          id: 'a-5',
          paragraphs: [
            text`Torna alla pagina di accesso, che mostra «${label('La Sua password è stata modificata. Acceda ora con la nuova password.')}» Il Suo numero cliente (vedi ${step('a-1')}) è già inserito. Inserisca nel campo «${label('Password')}» la password appena scelta (vedi ${step('a-4')}) e clicchi su «${label('Accedi')}».`,
          ],
          picture:
            'L’accesso con la conferma che la password è stata modificata e il numero cliente già inserito.',
        },
        {
          id: 'a-6',
          paragraphs: [
            text`Ora si trova nell’area riservata del portale clienti: La saluta con il Suo nome e mostra il Suo numero cliente. Qui può cambiare la password con «${label('Cambia password')}» e scegliere la lingua delle nostre e-mail in «${label('Lingua preferita')}». Per uscire, clicchi sul pulsante «${label('Esci')}» in alto a destra.`,
          ],
          picture: 'L’area riservata del portale clienti con il pulsante «Esci» in alto a destra.',
        },
      ],
    },
    {
      id: 'b',
      title: 'Aprire il portale clienti tramite WAPP',
      steps: [
        {
          id: 'b-1',
          paragraphs: [
            text`Apra la nostra pagina WAPP${wappLink} e clicchi sulla freccia al centro.`,
          ],
          picture: 'La nostra pagina WAPP con la freccia al centro.',
        },
        {
          id: 'b-2',
          paragraphs: [
            text`Si apre un menu. Clicchi sulla seconda riga, «${label('Portale clienti')}». Il portale clienti si apre in una finestra propria (sullo smartphone a schermo intero). Scelga la lingua desiderata in alto a destra.`,
          ],
          picture: 'Il menu della pagina WAPP; la seconda riga è «Portale clienti».',
        },
        {
          id: 'b-3',
          paragraphs: [
            text`Inserisca il Suo numero cliente (vedi ${step('a-1')}) e la password che ha scelto (vedi ${step('a-4')}) e clicchi su «${label('Accedi')}». Se accede per la primissima volta, inserisca la password ricevuta per e-mail e prosegua come al punto ${step('a-4')}.`,
          ],
          picture:
            'Il portale clienti nella sua finestra sopra la pagina WAPP, con l’accesso compilato.',
        },
        {
          id: 'b-4',
          paragraphs: [
            text`Ora si trova nell’area riservata del portale clienti. Per uscire, clicchi sul pulsante «${label('Esci')}» in alto a destra. Il pulsante «${label('Chiudi')}» (×) chiude la finestra.`,
          ],
          picture:
            'L’area riservata nella finestra sopra la pagina WAPP, con «Cancella cronologia» e «Esci» in alto a destra.',
        },
      ],
      note: text`Il portale clienti salva alcune informazioni nel Suo browser: la lingua scelta, il Suo numero cliente se ha spuntato «${label('Ricorda il mio numero cliente su questo dispositivo')}» e il Suo accesso. Per cancellare tutto, clicchi su «${label('Cancella cronologia')}» in alto a destra nel portale clienti (non nel browser). In questo modo esce anche dal portale, che conferma: «${label('Fatto: il portale clienti ha cancellato tutto ciò che aveva salvato in questo browser.')}»`,
    },
    {
      id: 'c',
      title: 'Richiedere una nuova password nel portale clienti',
      steps: [
        {
          id: 'c-1',
          paragraphs: [
            text`Apra il portale clienti tramite il suo link (vedi ${step('a-3')}) o tramite la nostra pagina WAPP (vedi ${step('b-1')} e ${step('b-2')}). Scelga la lingua desiderata in alto a destra. Poi clicchi su «${label('Password dimenticata?')}».`,
          ],
          picture: 'L’accesso con il link «Password dimenticata?» sotto il pulsante «Accedi».',
        },
        {
          id: 'c-2',
          paragraphs: [
            text`Si apre una nuova finestra. Inserisca il Suo numero cliente (vedi ${step('a-1')}) e clicchi su «${label('Reimposta la password')}».`,
          ],
          picture: 'La finestra «Password dimenticata?» con il numero cliente inserito.',
        },
        {
          id: 'c-3',
          paragraphs: [
            text`Si apre una nuova finestra con il messaggio: «${label('Un’e-mail contenente un link di conferma è stata inviata all’indirizzo e-mail registrato nel nostro sistema.')}» Mostra anche il numero cliente inserito: se non è corretto, clicchi su «${label('Correggi il numero cliente')}».`,
          ],
          picture: 'Il messaggio che è stata inviata un’e-mail con un link di conferma.',
        },
        {
          id: 'c-4',
          paragraphs: [
            text`Apra la casella di posta dell’indirizzo e-mail indicato nel Suo contratto e apra l’e-mail «${label('Reimpostazione della password del portale clienti')}». Clicchi sul link «${label('Cambia la password ora')}». L’e-mail indica fino a quando il link è valido; funziona una sola volta, e vale solo l’ultimo link richiesto.`,
          ],
          picture: 'L’e-mail con il link «Cambia la password ora».',
        },
        {
          id: 'c-5',
          paragraphs: [
            text`Il portale clienti si apre su «${label('Imposti una nuova password')}» con due campi. Inserisca la nuova password in entrambi i campi, «${label('Nuova password')}» e «${label('Ripeti la nuova password')}».`,
            passwordRules,
            text`Poi clicchi su «${label('Imposta la password')}». Conservi la nuova password in un luogo sicuro.`,
          ],
          picture: 'La finestra «Imposti una nuova password» con i due campi compilati.',
        },
        {
          id: 'c-6',
          paragraphs: [
            text`Ora si trova nell’area riservata del portale clienti, che mostra «${label('La nuova password è stata impostata. Ha effettuato l’accesso.')}» Per uscire, clicchi sul pulsante «${label('Esci')}» in alto a destra. Le confermiamo inoltre per e-mail che la Sua password è stata modificata.`,
          ],
          picture: 'L’area riservata con la conferma che la nuova password è stata impostata.',
        },
      ],
    },
  ],
  support: {
    title: 'Problemi tecnici',
    paragraphs: [
      text`Se riscontra problemi tecnici al primo accesso o nell’impostare una nuova password, ci scriva un’e-mail a ${supportEmail}. Indichi sempre il Suo numero cliente e descriva il problema. La contatteremo al più presto.`,
      text`L’indirizzo in fondo al portale clienti prepara questa e-mail per Lei, con il Suo numero cliente nell’oggetto.`,
    ],
  },
  page: {
    contents: 'Indice',
    print: 'Stampa',
    languages: 'Lingua',
    note: 'Nota:',
    openPortal: 'Apri il portale clienti',
  },
} satisfies HelpText;
