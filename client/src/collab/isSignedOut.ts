import { ApiError, getMe } from '../api.ts';

/**
 * Whether the server says nobody is signed in: GET /api/me answers 401 (which also fires
 * SIGNED_OUT_EVENT, bringing the sign-in page back). The collaboration socket is refused with
 * HTTP 401 before its upgrade, and a browser's WebSocket reports that only as a failed
 * connection (close 1006), exactly like an unreachable server: this tells the two apart.
 * Any other answer or failure is false: the socket keeps retrying.
 */
export async function isSignedOut(): Promise<boolean> {
  try {
    await getMe();
    return false;
  } catch (failure) {
    return failure instanceof ApiError && failure.status === 401;
  }
}
