import type { SecretBox } from '../secrets/secret-box';
import type { EndpointRow } from './endpoints.repository';

/**
 * The clear secrets an endpoint signs with now: the current one first, then the previous one while its rotation
 * overlap lasts (receivers that have not switched yet keep verifying).
 */
export function signingSecrets(row: Pick<EndpointRow, 'secret_ciphertext' | 'previous_secret_ciphertext' | 'previous_secret_expires_at'>, box: SecretBox, now: Date = new Date()): string[] {
  const secrets = [box.open(row.secret_ciphertext)];
  if (row.previous_secret_ciphertext && row.previous_secret_expires_at && new Date(row.previous_secret_expires_at).getTime() > now.getTime()) {
    secrets.push(box.open(row.previous_secret_ciphertext));
  }
  return secrets;
}
