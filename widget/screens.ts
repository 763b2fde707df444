/**
 * @module Every screen but the login, in a chunk of its own: the first paint needs only
 * the login (and the widget's weight budget counts only what the first paint loads). The
 * flow loads this before it shows any of them (`loadScreens` in portal-flow.ts), and
 * starts loading it as soon as the login shows.
 */
import './views/account.ts';
import './views/change-initial.ts';
import './views/forgot.ts';
import './views/forgot-sent.ts';
import './views/new-password-fields.ts';
import './views/password-change-form.ts';
import './views/reset.ts';
