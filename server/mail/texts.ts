/**
 * @module The words of every mail, one table per language (locales/mail/, with the shape
 * they fill, `MailTexts`).
 */
import { de } from '../../locales/mail/de.ts';
import { en } from '../../locales/mail/en.ts';
import { fr } from '../../locales/mail/fr.ts';
import { it } from '../../locales/mail/it.ts';
import type { MailTexts } from '../../locales/mail/mail-texts.ts';
import type { Language } from '../contract.ts';

export type { MailTexts };

export const MAIL_TEXTS: Readonly<Record<Language, MailTexts>> = { de, fr, it, en };
