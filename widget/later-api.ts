/**
 * @module The calls to the service only the screens after the login make (change the
 * initial password, forgot, reset, the account): the rest of the client of api.ts, one
 * function per endpoint, loaded with those screens (screens.ts) rather than the first paint.
 */
import type {
  ChangePasswordRequest,
  Customer,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  ResetPasswordRequest,
  SessionResponse,
  UpdateMeRequest,
} from '../server/contract.ts';
import type { PortalApi } from './api.ts';

/** With a change token: null (log in again, A.5). With an access token: a new session. */
export function changePassword(
  api: PortalApi,
  bearer: string,
  body: ChangePasswordRequest,
): Promise<SessionResponse | null> {
  return api.request('/api/password/change', { body, bearer });
}

export function forgotPassword(
  api: PortalApi,
  body: ForgotPasswordRequest,
): Promise<ForgotPasswordResponse> {
  return api.request('/api/password/forgot', { body });
}

export function resetPassword(
  api: PortalApi,
  body: ResetPasswordRequest,
): Promise<SessionResponse> {
  return api.request('/api/password/reset', { body });
}

export function updateMe(api: PortalApi, bearer: string, body: UpdateMeRequest): Promise<Customer> {
  return api.request('/api/me', { method: 'PATCH', body, bearer });
}
